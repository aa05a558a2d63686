/// <reference lib="dom" />
// A still of what a <video> shows, at the video's intrinsic size (not the size on screen), as JPEG
// bytes in base64 with their SHA-256: the server stores exactly these bytes and hashes them again.

export interface Still {
  mediaType: 'image/jpeg';
  imageBase64: string;
  sha256: string;
  width: number;
  height: number;
  bytes: number;
  /** object URL of the image for a preview; revoke it when done */
  previewUrl: string;
}

export async function captureStill(video: HTMLVideoElement, quality = 0.92): Promise<Still> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) throw new Error('视频画面尚未就绪，请稍后再拍摄。');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('浏览器不支持画面截取。');
  ctx.drawImage(video, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (!blob) throw new Error('画面截取失败。');
  const buf = new Uint8Array(await blob.arrayBuffer());
  return {
    mediaType: 'image/jpeg',
    imageBase64: toBase64(buf),
    sha256: await sha256Hex(buf),
    width,
    height,
    bytes: buf.byteLength,
    previewUrl: URL.createObjectURL(blob),
  };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) bin += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(bin);
}

/** The image of a capture request as an object URL (for the consent dialog). */
export function imageUrl(mediaType: string, imageBase64: string): string {
  const bin = atob(imageBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mediaType }));
}
