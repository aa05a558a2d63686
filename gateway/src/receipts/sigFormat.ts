// The gateway's document signature, written into the PDF (ByteRange idea of PAdES, with Ed25519):
//
//   /KytbSig N 0 R in the document catalog →
//   << /Type /KytbSig /Filter /Kytb.Ed25519 /V 1 /KeyId (16 hex) /FactsSha256 (64 hex)
//      /Facts <hex of the facts' canonical JSON, UTF-8>
//      /ByteRange [0000000000 a b c] /Contents <128 hex: the Ed25519 signature> >>
//
// The signature covers every byte of the file except the 128 hex digits of /Contents: ByteRange
// [0, a, b, c] names the two signed runs, [0, a) and [b, b + c), and b + c is the file's length, so
// bytes appended later (an incremental update) make the ranges wrong. The signed message binds the
// key id and the facts' digest as well as the file's: MESSAGE_PREFIX \n keyId \n factsSha256 \n fileSha256.
import { createHash } from 'node:crypto';

export const MESSAGE_PREFIX = 'KYTB-DOC-SIG/1';
export const SIG_HEX_LENGTH = 128;
export const RANGE_DIGITS = 10;
export const RANGE_PLACEHOLDER = `[${Array.from({ length: 4 }, () => '0'.repeat(RANGE_DIGITS)).join(' ')}]`;
export const SIG_PLACEHOLDER = '0'.repeat(SIG_HEX_LENGTH);

const SIG_DICT = new RegExp(
  String.raw`/Type\s*/KytbSig\s*/Filter\s*/Kytb\.Ed25519\s*/V\s+1\s*/KeyId\s*\(([0-9a-f]{16})\)\s*` +
  String.raw`/FactsSha256\s*\(([0-9a-f]{64})\)\s*/Facts\s*<([0-9a-fA-F]*)>\s*` +
  String.raw`/ByteRange\s*\[(\d{${RANGE_DIGITS}}) (\d{${RANGE_DIGITS}}) (\d{${RANGE_DIGITS}}) (\d{${RANGE_DIGITS}})\]\s*` +
  String.raw`/Contents\s*<([0-9a-f]{${SIG_HEX_LENGTH}})>`,
  'g',
);

export interface SignatureFields {
  keyId: string;
  factsSha256: string;
  factsJson: string;
  byteRange: [number, number, number, number];
  signatureHex: string;
  /** where the ByteRange digits and the signature's hex digits start in the file */
  rangeAt: number;
  contentsAt: number;
}

export type Located = { ok: true; fields: SignatureFields } | { ok: false; reason: 'NO_SIGNATURE' | 'SIGNATURE_MALFORMED' };

/** Finds the one signature dictionary of the file (latin1 keeps byte offsets = string offsets). */
export function locateSignature(bytes: Uint8Array): Located {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const matches = [...text.matchAll(SIG_DICT)];
  if (matches.length === 0) return { ok: false, reason: text.includes('/KytbSig') ? 'SIGNATURE_MALFORMED' : 'NO_SIGNATURE' };
  if (matches.length > 1) return { ok: false, reason: 'SIGNATURE_MALFORMED' };
  const m = matches[0]!;
  const whole = m[0];
  const rangeAt = m.index + whole.indexOf('/ByteRange') + whole.slice(whole.indexOf('/ByteRange')).indexOf('[') + 1;
  const contentsAt = m.index + whole.lastIndexOf('<') + 1;
  const factsHex = m[3]!;
  if (factsHex.length % 2 !== 0) return { ok: false, reason: 'SIGNATURE_MALFORMED' };
  return {
    ok: true,
    fields: {
      keyId: m[1]!,
      factsSha256: m[2]!,
      factsJson: Buffer.from(factsHex, 'hex').toString('utf8'),
      byteRange: [Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7])],
      signatureHex: m[8]!,
      rangeAt,
      contentsAt,
    },
  };
}

/** SHA-256 of the file without the signature's hex digits (the two signed runs). */
export function signedDigest(bytes: Uint8Array, contentsAt: number): string {
  return createHash('sha256')
    .update(bytes.subarray(0, contentsAt))
    .update(bytes.subarray(contentsAt + SIG_HEX_LENGTH))
    .digest('hex');
}

export function signedMessage(keyId: string, factsSha256: string, fileSha256: string): Buffer {
  return Buffer.from(`${MESSAGE_PREFIX}\n${keyId}\n${factsSha256}\n${fileSha256}`, 'utf8');
}

export const sha256Hex = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

export function formatRange(r: readonly number[]): string {
  return r.map((n) => String(n).padStart(RANGE_DIGITS, '0')).join(' ');
}
