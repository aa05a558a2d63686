// 汉中's request signature, used by the adapter (to sign) and the simulator (to verify). Headers appKey,
// timestamp (yyyyMMddHHmmss 北京时间), nonce and sign, where
//   sign = uppercase hex HMAC-SHA256(appSecret, "appKey=…&bodyHash=…&nonce=…&timestamp=…&uri=…")
// with the parameters sorted by name and bodyHash the lowercase hex SHA-256 of the raw body bytes.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { formatSj } from './mapping.js';

export interface SignParams {
  appKey: string;
  timestamp: string;
  nonce: string;
  /** the request path, e.g. /zwfw/kstb/v1/sb */
  uri: string;
  body: string | Buffer;
  /** lowercase hex SHA-256 of body, when the caller has it already */
  bodySha256?: string;
}

export function canonicalString(p: SignParams): string {
  const params: Record<string, string> = {
    appKey: p.appKey,
    bodyHash: p.bodySha256 ?? createHash('sha256').update(p.body).digest('hex'),
    nonce: p.nonce,
    timestamp: p.timestamp,
    uri: p.uri,
  };
  return Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join('&');
}

export function computeSign(appSecret: string, p: SignParams): string {
  return createHmac('sha256', appSecret).update(canonicalString(p), 'utf8').digest('hex').toUpperCase();
}

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

/** the four signature headers for one request */
export function signHeaders(input: { appKey: string; appSecret: string; uri: string; body: string; bodySha256?: string; now: Date; nonce?: string }): Record<string, string> {
  const timestamp = formatSj(input.now);
  const nonce = input.nonce ?? newNonce();
  const bodySha256 = input.bodySha256 === undefined ? {} : { bodySha256: input.bodySha256 };
  const sign = computeSign(input.appSecret, { appKey: input.appKey, timestamp, nonce, uri: input.uri, body: input.body, ...bodySha256 });
  return { appKey: input.appKey, timestamp, nonce, sign };
}

/** constant-time comparison */
export function signMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
