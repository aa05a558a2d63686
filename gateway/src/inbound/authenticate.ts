// Authentication of inbound partner requests. What the headers alone can tell is checked before a byte
// of the body is read (who the caller claims to be, the signature's format, the time); then the
// signature over the raw body; then the nonce. The signature goes before the nonce so that a forger
// cannot use up a genuine partner's nonces.
import { GatewayError } from '../errors.js';
import type { Core } from '../deps.js';
import type { CallbackAuth } from '../ports/partner.js';
import { canonicalString, hmacBase64, safeEqual } from './signature.js';

type Headers = Record<string, string | string[] | undefined>;

export interface SignedHeaders {
  region: string;
  timestamp: string;
  nonce: string;
  signature: string;
}

const header = (headers: Headers, name: string): string | undefined => {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

/** Our own scheme (contracts/gateway.yaml, partnerHmac), the part the headers carry. */
export function checkSignedHeaders(core: Core, headers: Headers): SignedHeaders {
  const appId = header(headers, 'X-App-Id');
  const region = Object.entries(core.config.inboundPartners).find(([, c]) => c.appId === appId)?.[0];
  if (!appId || !region) throw new GatewayError('PARTNER_UNKNOWN', `未登记的 X-App-Id：${appId ? appId.slice(0, 64) : '（缺失）'}`);
  const timestamp = header(headers, 'X-Timestamp');
  const nonce = header(headers, 'X-Nonce');
  const signature = header(headers, 'X-Signature');
  if (!timestamp || !nonce || !signature) throw new GatewayError('SIGNATURE_INVALID', '缺少 X-Timestamp、X-Nonce 或 X-Signature');
  if (!/^[A-Za-z0-9+/]{43}=$/.test(signature)) throw new GatewayError('SIGNATURE_INVALID', 'X-Signature 须为 HMAC-SHA256 的 Base64（44 个字符）');
  if (!/^\d{1,12}$/.test(timestamp)) throw new GatewayError('TIMESTAMP_STALE', 'X-Timestamp 须为 Unix 秒');
  assertFresh(core, new Date(Number(timestamp) * 1000));
  assertNonceFormat(nonce);
  return { region, timestamp, nonce, signature };
}

/** the signature over the raw body, then the nonce: returns the partner's region code */
export async function verifyGatewaySignature(core: Core, h: SignedHeaders, method: string, url: string, rawBody: Buffer): Promise<string> {
  const secret = core.config.inboundPartners[h.region]!.secret;
  if (!safeEqual(h.signature, hmacBase64(secret, canonicalString(method, url, h.timestamp, h.nonce, rawBody)))) {
    throw new GatewayError('SIGNATURE_INVALID', '签名不正确');
  }
  await assertNewNonce(core, h.region, h.nonce);
  return h.region;
}

export async function assertFreshAndNew(core: Core, partner: string, auth: CallbackAuth): Promise<void> {
  assertFresh(core, auth.timestamp);
  assertNonceFormat(auth.nonce);
  await assertNewNonce(core, partner, auth.nonce);
}

export function assertFresh(core: Core, at: Date): void {
  const skewMs = core.config.inbound.clockSkewSeconds * 1000;
  if (!Number.isFinite(at.getTime()) || Math.abs(core.now().getTime() - at.getTime()) > skewMs) {
    throw new GatewayError('TIMESTAMP_STALE', `请求时间 ${Number.isFinite(at.getTime()) ? at.toISOString() : '无效'} 超出 ±${core.config.inbound.clockSkewSeconds} 秒`);
  }
}

function assertNonceFormat(nonce: string): void {
  if (!nonce || nonce.length < 8 || nonce.length > 128) throw new GatewayError('SIGNATURE_INVALID', '随机数长度须在 8–128 之间');
}

async function assertNewNonce(core: Core, partner: string, nonce: string): Promise<void> {
  if (!(await core.nonces.remember(partner, nonce))) throw new GatewayError('NONCE_REPLAYED', `随机数 ${nonce.slice(0, 128)} 已使用过`);
}
