// The platform's envelope signature, shared by the adapter (signs requests, checks replies and callbacks)
// and the simulator (checks requests, signs replies and callbacks), so both hold to one definition:
//   head.sign = hex(HMAC-SHA256(secret, JCS({ head: head without sign, body })))
// JCS is RFC 8785: object keys sorted by UTF-16 code units at every depth, no whitespace, strings and
// numbers as ECMAScript JSON.stringify writes them.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NxEnvelope, NxHead, NxUnsignedHead } from './types.js';

/** deeper than any envelope of the contract: a value nested further is refused, never recursed into */
export const MAX_DEPTH = 32;

export class EnvelopeTooDeepError extends Error {
  constructor() {
    super(`envelope nested deeper than ${MAX_DEPTH} levels`);
    this.name = 'EnvelopeTooDeepError';
  }
}

export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new EnvelopeTooDeepError();
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null, depth + 1)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k], depth + 1)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function signingString(head: NxUnsignedHead | NxHead, body: unknown): string {
  const { sign: _sign, ...unsigned } = head as NxHead;
  return canonicalJson({ head: unsigned, body });
}

export function computeSign(secret: string, head: NxUnsignedHead | NxHead, body: unknown): string {
  return createHmac('sha256', secret).update(signingString(head, body)).digest('hex');
}

export function seal<B>(head: NxUnsignedHead, body: B, secret: string): NxEnvelope<B> {
  return { head: { ...head, sign: computeSign(secret, head, body) }, body };
}

/** constant-time check of head.sign; false for anything that is not a well-formed envelope */
export function verifySign(envelope: unknown, secret: string): boolean {
  if (!isRecord(envelope) || !isRecord(envelope.head)) return false;
  const sign = envelope.head.sign;
  if (typeof sign !== 'string' || !/^[0-9a-f]{64}$/.test(sign)) return false;
  let expected: string;
  try {
    expected = computeSign(secret, envelope.head as unknown as NxHead, envelope.body);
  } catch (e) {
    if (e instanceof EnvelopeTooDeepError) return false;
    throw e;
  }
  return timingSafeEqual(Buffer.from(sign, 'hex'), Buffer.from(expected, 'hex'));
}

/** a message serial: unique per message, so every retry gets a new one */
export function newSerial(): string {
  return randomBytes(16).toString('hex');
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
