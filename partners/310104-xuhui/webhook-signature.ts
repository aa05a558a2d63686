// 徐汇区 signs its status callbacks like common webhooks (Stripe, GitHub):
//   X-Xh-Signature = hex(HMAC-SHA256(WEBHOOK_SECRET, `${X-Xh-Timestamp}.${X-Xh-Nonce}.${rawBody}`))
// The simulator signs with it and the adapter verifies with it, so both hold to one definition.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_HEADERS = {
  timestamp: 'x-xh-timestamp',
  nonce: 'x-xh-nonce',
  signature: 'x-xh-signature',
} as const;

export function webhookSignature(secret: string, timestamp: string, nonce: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.`).update(rawBody).digest('hex');
}

export function signWebhook(secret: string, rawBody: string, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    'Content-Type': 'application/json',
    'X-Xh-Timestamp': timestamp,
    'X-Xh-Nonce': nonce,
    'X-Xh-Signature': webhookSignature(secret, timestamp, nonce, rawBody),
  };
}

/** constant-time: an attacker learns nothing from how long a wrong signature took to refuse */
export function signatureMatches(expectedHex: string, givenHex: string): boolean {
  const a = Buffer.from(expectedHex, 'utf8');
  const b = Buffer.from(givenHex, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
