// How facts read on paper: Beijing time, sizes, the 送达方式 in words.
const BEIJING_MS = 8 * 3600_000;

/** 2026年11月22日 10:05 (北京时间) */
export function cnDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + BEIJING_MS);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${p(d.getUTCMonth() + 1)}月${p(d.getUTCDate())}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** 2026年11月22日 */
export const cnDate = (iso: string): string => cnDateTime(iso).slice(0, 11);

export function byteSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

/** 64 hex digits in groups of 8, so a person can compare them */
export const groupedHash = (hex: string): string => hex.replace(/(.{8})(?=.)/g, '$1 ');

export function deliveryWords(d: { byPost: boolean; electronic?: boolean; trackingNo?: string }): string {
  if (d.byPost) return d.trackingNo ? `邮政寄递（物流单号 ${d.trackingNo}）` : '邮政寄递';
  return d.electronic ? '网络送达（电子文书）' : '窗口领取';
}

export const DELIVERY_METHOD_WORDS = { window: '窗口领取', post: '邮政寄递', electronic: '网络送达（电子文书）' } as const;
