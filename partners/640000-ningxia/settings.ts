// The settings of the 宁夏 partner (read by the gateway from PARTNER_640000_<KEY>), shared by the adapter
// and the simulator so that both sides of a test hold the same credentials.
import type { PartnerSettings } from '../../gateway/src/ports/partner.js';

export const SETTINGS = {
  URL: { description: '宁夏政务数据共享交换平台跨省通办接口地址', devDefault: 'http://127.0.0.1:7103' },
  APP_ID: { description: '本网关在交换平台登记的接入应用标识（head.appId 与请求头 X-Exchange-AppId）', devDefault: 'kytb330681' },
  APP_SECRET: { description: '请求与应答报文签名密钥（HMAC-SHA256，head.sign）', devDefault: 'dev-only-ningxia-app-secret' },
  CALLBACK_SECRET: { description: '平台推送报文签名密钥（HMAC-SHA256，head.sign）', devDefault: 'dev-only-ningxia-callback-secret' },
} as const;

export type NxSettings = Readonly<Record<keyof typeof SETTINGS, string>>;

/** fail fast, naming the variable, rather than at the first delivery */
export function readSettings(settings: PartnerSettings): NxSettings {
  const keys = Object.keys(SETTINGS) as (keyof typeof SETTINGS)[];
  const missing = keys.filter((k) => !settings[k]);
  if (missing.length > 0) throw new Error(`宁夏 (640000): missing ${missing.map((k) => `PARTNER_640000_${k}`).join(', ')}`);
  const out = Object.fromEntries(keys.map((k) => [k, settings[k] as string])) as Record<keyof typeof SETTINGS, string>;
  if (!/^[A-Za-z0-9_-]{4,32}$/.test(out.APP_ID)) throw new Error('宁夏 (640000): PARTNER_640000_APP_ID must be 4–32 of A–Z a–z 0–9 _ -');
  try {
    new URL(out.URL);
  } catch {
    throw new Error('宁夏 (640000): PARTNER_640000_URL is not a URL');
  }
  return Object.freeze(out);
}
