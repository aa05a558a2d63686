// Stills a clerk captured, kept in memory until the person in them consents or refuses. Nothing is
// stored before consent. Bounded: a few per session, each for a few minutes.
import { createHash, randomUUID } from 'node:crypto';

export const MAX_CAPTURE_BYTES = 8 * 1024 * 1024;
const MAX_PENDING = 4;
const PENDING_TTL_MS = 10 * 60_000;

export interface PendingCapture {
  captureId: string;
  /** whose video it is: the one who must consent */
  fromParticipantId: string;
  byParticipantId: string;
  bytes: Buffer;
  mediaType: 'image/jpeg' | 'image/png';
  sha256: string;
  note?: string;
  at: number;
}

const MAGIC: Record<PendingCapture['mediaType'], number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

export type DecodeResult = { ok: true; bytes: Buffer; sha256: string } | { ok: false; reason: string };

/** base64 → bytes, checked by their own first bytes (the declared type is not trusted) and size */
export function decodeStill(imageBase64: string, mediaType: PendingCapture['mediaType']): DecodeResult {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(imageBase64)) return { ok: false, reason: 'imageBase64 is not base64' };
  const bytes = Buffer.from(imageBase64, 'base64');
  if (bytes.length === 0) return { ok: false, reason: 'empty image' };
  if (bytes.length > MAX_CAPTURE_BYTES) return { ok: false, reason: `image larger than ${MAX_CAPTURE_BYTES} bytes` };
  if (!MAGIC[mediaType].every((b, i) => bytes[i] === b)) return { ok: false, reason: `the bytes are not ${mediaType}` };
  return { ok: true, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export class PendingCaptures {
  readonly #pending = new Map<string, PendingCapture>();

  add(c: Omit<PendingCapture, 'captureId'>): PendingCapture | undefined {
    this.#sweep(c.at);
    if (this.#pending.size >= MAX_PENDING) return undefined;
    const capture = { ...c, captureId: randomUUID() };
    this.#pending.set(capture.captureId, capture);
    return capture;
  }

  get(captureId: string): PendingCapture | undefined {
    return this.#pending.get(captureId);
  }

  /** take it out (consent given or refused): a capture resolves once */
  take(captureId: string): PendingCapture | undefined {
    const c = this.#pending.get(captureId);
    this.#pending.delete(captureId);
    return c;
  }

  dropFor(participantId: string): void {
    for (const [id, c] of this.#pending) if (c.fromParticipantId === participantId || c.byParticipantId === participantId) this.#pending.delete(id);
  }

  clear(): void {
    this.#pending.clear();
  }

  #sweep(now: number): void {
    for (const [id, c] of this.#pending) if (now - c.at > PENDING_TTL_MS) this.#pending.delete(id);
  }
}
