/// <reference lib="dom" />
// Local devices: camera and microphone, the screen (PC), and the phone's document mode: the rear
// camera at the highest resolution the device reports.

export type DeviceKind = 'phone' | 'pc';

export function deviceKind(): DeviceKind {
  const ua = navigator.userAgent;
  if (/Android|iPhone|iPad|iPod|Mobile|HarmonyOS/i.test(ua)) return 'phone';
  // iPadOS reports itself as a Mac with touch
  if (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1) return 'phone';
  return 'pc';
}

/** Phone browsers cannot share their screen: they get the document mode instead. */
export function canShareScreen(): boolean {
  return deviceKind() === 'pc' && typeof navigator.mediaDevices?.getDisplayMedia === 'function';
}

/**
 * The face camera at 640×480, 20 fps: enough to see a person and a card held up, light on mobile data,
 * battery and CPU; documents go through the document mode at full resolution instead.
 */
export async function openCamera(deviceId?: string): Promise<MediaStreamTrack> {
  const video: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 20, max: 24 } };
  if (deviceId) video.deviceId = { exact: deviceId };
  else if (deviceKind() === 'phone') video.facingMode = 'user';
  const stream = await navigator.mediaDevices.getUserMedia({ video });
  return stream.getVideoTracks()[0] as MediaStreamTrack;
}

export async function openMicrophone(): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
  return stream.getAudioTracks()[0] as MediaStreamTrack;
}

export async function listCameras(): Promise<MediaDeviceInfo[]> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return all.filter((d) => d.kind === 'videoinput');
}

export async function openScreen(): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 10 } }, audio: false });
  const track = stream.getVideoTracks()[0] as MediaStreamTrack;
  // text on a form: keep it sharp rather than smooth
  track.contentHint = 'detail';
  return track;
}

/**
 * The rear camera at the highest resolution it gives: ask for 4K from the environment-facing camera
 * (any camera if there is none), then raise the constraints to the maxima the track reports.
 */
export async function openDocumentCamera(): Promise<MediaStreamTrack> {
  const size = { width: { ideal: 4096 }, height: { ideal: 2160 } };
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { exact: 'environment' }, ...size } });
  } catch {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', ...size } });
  }
  const track = stream.getVideoTracks()[0] as MediaStreamTrack;
  const caps = typeof track.getCapabilities === 'function' ? track.getCapabilities() : {};
  if (caps.width?.max && caps.height?.max) {
    await track.applyConstraints({ width: { ideal: caps.width.max }, height: { ideal: caps.height.max } }).catch(() => undefined);
  }
  track.contentHint = 'detail';
  return track;
}

/** A 0..1 level of the microphone, for the meter on the device check. */
export function micLevel(track: MediaStreamTrack, onLevel: (level: number) => void): () => void {
  const AudioCtx = window.AudioContext;
  if (!AudioCtx) return () => undefined;
  const ctx = new AudioCtx();
  const source = ctx.createMediaStreamSource(new MediaStream([track]));
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const data = new Uint8Array(analyser.fftSize);
  let raf = 0;
  const loop = () => {
    analyser.getByteTimeDomainData(data);
    let peak = 0;
    for (const v of data) peak = Math.max(peak, Math.abs(v - 128) / 128);
    onLevel(Math.min(1, peak * 1.5));
    raf = requestAnimationFrame(loop);
  };
  loop();
  return () => { cancelAnimationFrame(raf); void ctx.close(); };
}
