// How partner regions sign the requests they make to our inbound API (contracts/gateway.yaml,
// securityScheme partnerHmac). Simulated partners use signGatewayRequest; the gateway verifies.
//   X-App-Id, X-Timestamp (Unix seconds), X-Nonce (16–64 chars),
//   X-Signature = base64(HMAC-SHA256(secret, METHOD \n path \n timestamp \n nonce \n hex(SHA-256(body))))
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SignInput {
  appId: string;
  secret: string;
  method: string;
  /** path with query, as sent, e.g. /api/inbound/cases */
  path: string;
  body: string | Buffer;
  timestamp?: number;
  nonce?: string;
}

export function canonicalString(method: string, path: string, timestamp: string, nonce: string, body: string | Buffer): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return `${method.toUpperCase()}\n${path}\n${timestamp}\n${nonce}\n${bodyHash}`;
}

export function hmacBase64(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64');
}

export function signGatewayRequest(input: SignInput): Record<string, string> {
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = input.nonce ?? randomBytes(16).toString('hex');
  const signature = hmacBase64(input.secret, canonicalString(input.method, input.path, timestamp, nonce, input.body));
  return { 'X-App-Id': input.appId, 'X-Timestamp': timestamp, 'X-Nonce': nonce, 'X-Signature': signature };
}

/** constant-time comparison of two base64/hex strings */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
