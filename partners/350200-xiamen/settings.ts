// The settings of the 厦门 partner: the adapter's (read by the gateway from PARTNER_350200_<KEY>) and the
// simulator's own (the platform's private key and our registered public key: never the adapter's).
// Keys are given as open platforms hand them out, base64 DER on one line, or as PEM.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { PartnerSettings } from '../../gateway/src/ports/partner.js';
import { DEV_APP_PRIVATE_KEY, DEV_APP_PUBLIC_KEY, DEV_PLATFORM_PRIVATE_KEY, DEV_PLATFORM_PUBLIC_KEY } from './dev-keys.js';

export const SETTINGS = {
  URL: { description: '厦门市政务服务开放平台地址（其下 /gateway.do 为统一网关）', devDefault: 'http://127.0.0.1:7104' },
  APP_ID: { description: '本网关在开放平台登记的应用标识 app_id', devDefault: '2026330681000001' },
  APP_PRIVATE_KEY: { description: '本网关应用私钥（RSA2 请求签名；PKCS#8，Base64 或 PEM）。默认值仅供开发（dev-only）', devDefault: DEV_APP_PRIVATE_KEY },
  PLATFORM_PUBLIC_KEY: { description: '开放平台公钥（验证应答与状态通知签名；SPKI，Base64 或 PEM）。默认值仅供开发（dev-only）', devDefault: DEV_PLATFORM_PUBLIC_KEY },
  // 假设/待确认: like other open platforms, a call on behalf of another registered application (代调用)
  APP_AUTH_TOKEN: { description: '代调用授权令牌 app_auth_token（可选；由其他已登记应用授权本网关代为调用时填写）', optional: true },
} as const;

export const SIMULATOR_SETTINGS = {
  PLATFORM_PRIVATE_KEY: { description: '模拟平台的签名私钥（应答与通知签名）。仅供开发（dev-only）', devDefault: DEV_PLATFORM_PRIVATE_KEY },
  APP_PUBLIC_KEY: { description: '接入方在模拟平台登记的应用公钥（验证请求签名）。仅供开发（dev-only）', devDefault: DEV_APP_PUBLIC_KEY },
  NOTIFY_RETRY_SCHEDULE: { description: '未收到 success 时重发通知的间隔（毫秒，逗号分隔；真实平台为 4m,10m,10m,1h,2h,6h,15h）', devDefault: '200,1000,3000,10000' },
} as const;

export interface XmSettings {
  url: string;
  appId: string;
  appPrivateKey: KeyObject;
  platformPublicKey: KeyObject;
  appAuthToken?: string;
}

const fail = (key: string, why: string): never => { throw new Error(`厦门 (350200): PARTNER_350200_${key} ${why}`); };

/** PEM as is; base64 DER on one line wrapped as PEM */
export function pemOf(text: string, kind: 'PRIVATE KEY' | 'PUBLIC KEY'): string {
  const t = text.trim().replace(/\\n/g, '\n');
  if (t.startsWith('-----BEGIN')) return t;
  return `-----BEGIN ${kind}-----\n${t.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END ${kind}-----\n`;
}

export function privateKeyOf(text: string, key: string): KeyObject {
  try {
    return createPrivateKey(pemOf(text, 'PRIVATE KEY'));
  } catch {
    return fail(key, 'is not an RSA private key (PKCS#8, base64 or PEM)');
  }
}

export function publicKeyOf(text: string, key: string): KeyObject {
  try {
    return createPublicKey(pemOf(text, 'PUBLIC KEY'));
  } catch {
    return fail(key, 'is not an RSA public key (SPKI, base64 or PEM)');
  }
}

/** fail fast, naming the variable, rather than at the first delivery */
export function readSettings(s: PartnerSettings): XmSettings {
  for (const k of ['URL', 'APP_ID', 'APP_PRIVATE_KEY', 'PLATFORM_PUBLIC_KEY'] as const) if (!s[k]) fail(k, 'is missing');
  if (!/^[0-9A-Za-z]{8,32}$/.test(s.APP_ID!)) fail('APP_ID', 'must be 8–32 letters or digits');
  if (s.APP_AUTH_TOKEN && !/^[\w.-]{8,64}$/.test(s.APP_AUTH_TOKEN)) fail('APP_AUTH_TOKEN', 'must be 8–64 of A–Z a–z 0–9 _ . -');
  try {
    new URL(s.URL!);
  } catch {
    fail('URL', 'is not a URL');
  }
  return {
    url: s.URL!.replace(/\/+$/, ''),
    appId: s.APP_ID!,
    appPrivateKey: privateKeyOf(s.APP_PRIVATE_KEY!, 'APP_PRIVATE_KEY'),
    platformPublicKey: publicKeyOf(s.PLATFORM_PUBLIC_KEY!, 'PLATFORM_PUBLIC_KEY'),
    ...(s.APP_AUTH_TOKEN ? { appAuthToken: s.APP_AUTH_TOKEN } : {}),
  };
}
