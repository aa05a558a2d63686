// multipart/form-data written byte by byte, so that it can be broken on purpose: file names with raw
// CR, LF, NUL or invalid UTF-8, a boundary that is not the declared one, a body cut mid-file, no final
// boundary, parts without a name.
import fc from 'fast-check';
import { TINY_PDF, TINY_PNG } from '../support/fixtures.js';

export interface Part {
  name?: string;
  /** raw bytes are written as they are (invalid UTF-8, CR, LF, NUL included) */
  filename?: string | Buffer;
  type?: string;
  data: Buffer;
  /** further raw header lines of the part */
  extra?: string[];
}

export function multipartBody(parts: Part[], boundary: string, opts: { final?: boolean; preamble?: string; epilogue?: string } = {}): Buffer {
  const chunks: Buffer[] = [];
  if (opts.preamble) chunks.push(Buffer.from(opts.preamble, 'latin1'));
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`, 'latin1'));
    const disposition: Buffer[] = [Buffer.from('Content-Disposition: form-data', 'latin1')];
    if (p.name !== undefined) disposition.push(Buffer.from(`; name="${p.name}"`, 'utf8'));
    if (p.filename !== undefined) disposition.push(Buffer.from('; filename="'), Buffer.isBuffer(p.filename) ? p.filename : Buffer.from(p.filename, 'utf8'), Buffer.from('"'));
    chunks.push(...disposition, Buffer.from('\r\n'));
    if (p.type) chunks.push(Buffer.from(`Content-Type: ${p.type}\r\n`, 'latin1'));
    for (const line of p.extra ?? []) chunks.push(Buffer.from(`${line}\r\n`, 'latin1'));
    chunks.push(Buffer.from('\r\n'), p.data, Buffer.from('\r\n'));
  }
  if (opts.final !== false) chunks.push(Buffer.from(`--${boundary}--\r\n`, 'latin1'));
  if (opts.epilogue) chunks.push(Buffer.from(opts.epilogue, 'latin1'));
  return Buffer.concat(chunks);
}

/** a 1×1 JPEG's first bytes are enough for the gateway's sniffing */
export const TINY_JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

export const fileBytes = fc.oneof(
  { arbitrary: fc.constantFrom(TINY_PDF, TINY_PNG, TINY_JPEG), weight: 4 },
  { arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.concat([TINY_PDF.subarray(0, 5), Buffer.from(b)])), weight: 1 },
);

// RFC 2046 bchars that are also RFC 2045 token characters, so the boundary needs no quoting
export const boundary = fc.stringMatching(/^[A-Za-z0-9'+_.-]{1,60}$/).map((b) => `----fuzz${b}`);

/** hostile file names: what a browser would never send, and what an attacker would */
export const hostileFileName = fc.oneof(
  fc.constantFrom('a\r\nContent-Type: text/html\r\n\r\n<script>.pdf', 'a\nb.pdf', 'a\rb.pdf', 'nul\u0000.pdf', '../../../etc/passwd', '..\\..\\boot.ini', '', '"', '\\', '%00.pdf', 'CON', '.'.repeat(300))
    .map((s) => Buffer.from(s, 'latin1')),
  fc.constantFrom('ed a0 80', 'c3 28', 'ff fe', 'e2 82', 'c0 af', 'f4 90 80 80').map((hex) => Buffer.concat([Buffer.from('x'), Buffer.from(hex.replace(/ /g, ''), 'hex'), Buffer.from('.pdf')])),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => Buffer.from(s, 'utf8')),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => Buffer.from('长'.repeat(n), 'utf8')),
);
