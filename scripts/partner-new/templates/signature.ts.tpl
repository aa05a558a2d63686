// How {{NAME}} signs its status callbacks (假设，待确认: the common webhook scheme):
//   X-Signature = hex(HMAC-SHA256(CALLBACK_SECRET, `${X-Timestamp}.${X-Nonce}.${rawBody}`))
// The simulator signs with it and the adapter verifies with it, so both hold to one definition.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const HEADERS = { timestamp: 'x-timestamp', nonce: 'x-nonce', signature: 'x-signature' } as const;

export function signature(secret: string, timestamp: string, nonce: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.`).update(rawBody).digest('hex');
}

export function signCallback(secret: string, rawBody: string, at: Date): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    'Content-Type': 'application/json',
    'X-Timestamp': timestamp,
    'X-Nonce': nonce,
    'X-Signature': signature(secret, timestamp, nonce, rawBody),
  };
}

/** constant-time: how long a wrong signature took to refuse tells nothing */
export function signatureMatches(expectedHex: string, givenHex: string): boolean {
  const a = Buffer.from(expectedHex, 'utf8');
  const b = Buffer.from(givenHex, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
