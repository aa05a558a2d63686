// Authentication of inbound partner requests: signature (ours, or the partner's callback style),
// then freshness (± clockSkewSeconds), then the nonce. The signature goes first so that a forger
// cannot use up a genuine partner's nonces.
import { GatewayError } from '../errors.js';
import type { Core } from '../deps.js';
import type { CallbackAuth } from '../ports/partner.js';
import { canonicalString, hmacBase64, safeEqual } from './signature.js';

export interface SignedRequest {
  method: string;
  /** path and query as sent */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

const header = (r: SignedRequest, name: string): string | undefined => {
  const v = r.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

/** Our own scheme (contracts/gateway.yaml, partnerHmac): returns the partner's region code. */
export async function authenticateGatewaySignature(core: Core, r: SignedRequest): Promise<string> {
  const appId = header(r, 'X-App-Id');
  const region = Object.entries(core.config.inboundPartners).find(([, c]) => c.appId === appId)?.[0];
  if (!appId || !region) throw new GatewayError('PARTNER_UNKNOWN', `未登记的 X-App-Id：${appId ?? '（缺失）'}`);
  const ts = header(r, 'X-Timestamp');
  const nonce = header(r, 'X-Nonce');
  const signature = header(r, 'X-Signature');
  if (!ts || !nonce || !signature) throw new GatewayError('SIGNATURE_INVALID', '缺少 X-Timestamp、X-Nonce 或 X-Signature');
  const secret = core.config.inboundPartners[region]!.secret;
  if (!safeEqual(signature, hmacBase64(secret, canonicalString(r.method, r.url, ts, nonce, r.rawBody)))) {
    throw new GatewayError('SIGNATURE_INVALID', '签名不正确');
  }
  if (!/^\d{1,12}$/.test(ts)) throw new GatewayError('TIMESTAMP_STALE', 'X-Timestamp 须为 Unix 秒');
  await assertFreshAndNew(core, region, { timestamp: new Date(Number(ts) * 1000), nonce });
  return region;
}

export async function assertFreshAndNew(core: Core, partner: string, auth: CallbackAuth): Promise<void> {
  const now = core.now().getTime();
  const skewMs = core.config.inbound.clockSkewSeconds * 1000;
  if (!Number.isFinite(auth.timestamp.getTime()) || Math.abs(now - auth.timestamp.getTime()) > skewMs) {
    throw new GatewayError('TIMESTAMP_STALE', `请求时间 ${Number.isFinite(auth.timestamp.getTime()) ? auth.timestamp.toISOString() : '无效'} 超出 ±${core.config.inbound.clockSkewSeconds} 秒`);
  }
  if (!auth.nonce || auth.nonce.length < 8 || auth.nonce.length > 128) throw new GatewayError('SIGNATURE_INVALID', '随机数长度须在 8–128 之间');
  if (!(await core.nonces.remember(partner, auth.nonce))) throw new GatewayError('NONCE_REPLAYED', `随机数 ${auth.nonce} 已使用过`);
}
