// pdf-lib compresses every stream (the font subset, each page's content) with pako, a deflate written
// in JavaScript: about half the time of a document. Node's zlib writes the same format (RFC 1950) in
// native code several times faster, so pako.deflate, which only the pdf-lib family uses here, is
// pointed at it once, when the receipts module loads. Output stays standard FlateDecode.
//
// An embedded font is glyph outlines, which deflate shrinks by a quarter at best (50 → 36 KB for a
// receipt's subset) for most of the remaining time: font programs are written as stored deflate blocks
// (level 0, still FlateDecode). Page content shrinks fourfold at level 1 as at level 6, three times
// faster (15 KB: 0.3 ms against 1 ms).
import { createRequire } from 'node:module';
import { constants, deflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const pako = require('pako') as { deflate: (data: Uint8Array) => Uint8Array; __kytbNative?: boolean };

/** sfnt version tags: TrueType 0x00010000 and 'true', CFF 'OTTO' */
function isFontProgram(d: Uint8Array): boolean {
  if (d.length < 1024) return false;
  const tag = ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0;
  return tag === 0x00010000 || tag === 0x74727565 || tag === 0x4f54544f;
}

if (!pako.__kytbNative) {
  pako.deflate = (data: Uint8Array): Uint8Array => {
    const out = deflateSync(data, { level: isFontProgram(data) ? constants.Z_NO_COMPRESSION : constants.Z_BEST_SPEED });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  };
  pako.__kytbNative = true;
}
