// A TrueType subset written straight from the font file's bytes: the glyphs a document uses (their
// outlines copied as they are, composite glyphs' parts remapped) with the tables a PDF's FontFile2 needs
// (head, hhea, maxp, hmtx, loca, glyf; cvt, fpgm, prep when the font has them). It does what fontkit's
// TTFSubset does, without decoding every outline and encoding through generic structures (a third of a
// document's time). The interface is what pdf-lib calls: includeGlyph() and encodeStream().
import { Readable } from 'node:stream';

interface TableEntry { offset: number; length: number }

/** What the subset needs of the whole font, read once per font. */
export interface SfntSource {
  bytes: Buffer;
  tables: Record<string, TableEntry | undefined>;
  numberOfHMetrics: number;
  /** loca in long (32-bit) or short (16-bit, offset/2) form */
  longLoca: boolean;
}

export function sfntSource(bytes: Buffer): SfntSource {
  const numTables = bytes.readUInt16BE(4);
  const tables: Record<string, TableEntry> = {};
  for (let i = 0; i < numTables; i += 1) {
    const at = 12 + 16 * i;
    tables[bytes.toString('latin1', at, at + 4)] = { offset: bytes.readUInt32BE(at + 8), length: bytes.readUInt32BE(at + 12) };
  }
  for (const tag of ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf']) if (!tables[tag]) throw new Error(`not a TrueType font: no ${tag} table`);
  return { bytes, tables, numberOfHMetrics: bytes.readUInt16BE(tables.hhea!.offset + 34), longLoca: bytes.readInt16BE(tables.head!.offset + 50) === 1 };
}

// composite glyph flags (OpenType glyf)
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

export class TtfSubset {
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly src: SfntSource) {
    this.includeGlyph(0); // .notdef first, as PDF expects
  }

  /** the glyph's id in the subset (a glyph object or an id of the whole font) */
  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    let sub = this.mapping.get(id);
    if (sub === undefined) {
      sub = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, sub);
    }
    return sub;
  }

  private glyphData(id: number): Buffer {
    const { bytes, tables, longLoca } = this.src;
    const loca = tables.loca!.offset;
    const [start, end] = longLoca
      ? [bytes.readUInt32BE(loca + 4 * id), bytes.readUInt32BE(loca + 4 * id + 4)]
      : [bytes.readUInt16BE(loca + 2 * id) * 2, bytes.readUInt16BE(loca + 2 * id + 2) * 2];
    const data = bytes.subarray(tables.glyf!.offset + start, tables.glyf!.offset + end);
    if (data.length < 10 || data.readInt16BE(0) >= 0) return data;
    // a composite glyph: its parts are included too, under their ids in the subset
    const copy = Buffer.from(data);
    let at = 10;
    for (;;) {
      const flags = copy.readUInt16BE(at);
      copy.writeUInt16BE(this.includeGlyph(copy.readUInt16BE(at + 2)), at + 2);
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      at += flags & WE_HAVE_A_SCALE ? 2 : flags & WE_HAVE_AN_X_AND_Y_SCALE ? 4 : flags & WE_HAVE_A_TWO_BY_TWO ? 8 : 0;
      if (!(flags & MORE_COMPONENTS)) break;
    }
    return copy;
  }

  private metrics(id: number): [number, number] {
    const { bytes, tables, numberOfHMetrics: n } = this.src;
    const hmtx = tables.hmtx!.offset;
    if (id < n) return [bytes.readUInt16BE(hmtx + 4 * id), bytes.readInt16BE(hmtx + 4 * id + 2)];
    return [bytes.readUInt16BE(hmtx + 4 * (n - 1)), bytes.readInt16BE(hmtx + 4 * n + 2 * (id - n))];
  }

  encode(): Buffer {
    const glyf: Buffer[] = [];
    const offsets: number[] = [];
    let size = 0;
    // composite glyphs may add glyphs while this runs: loop on the growing list
    for (let i = 0; i < this.glyphs.length; i += 1) {
      const data = this.glyphData(this.glyphs[i]!);
      offsets.push(size);
      glyf.push(data);
      size += data.length;
      if (size % 2) { glyf.push(Buffer.alloc(1)); size += 1; }
    }
    offsets.push(size);
    const count = this.glyphs.length;
    const hmtx = Buffer.alloc(4 * count);
    this.glyphs.forEach((id, i) => { const [adv, lsb] = this.metrics(id); hmtx.writeUInt16BE(adv, 4 * i); hmtx.writeInt16BE(lsb, 4 * i + 2); });
    const loca = Buffer.alloc(4 * (count + 1));
    offsets.forEach((o, i) => loca.writeUInt32BE(o, 4 * i));
    const raw = (tag: string): Buffer | undefined => {
      const t = this.src.tables[tag];
      return t ? Buffer.from(this.src.bytes.subarray(t.offset, t.offset + t.length)) : undefined;
    };
    const head = raw('head')!;
    head.writeUInt32BE(0, 8); // checkSumAdjustment: set below
    head.writeInt16BE(1, 50); // indexToLocFormat: long
    const hhea = raw('hhea')!;
    hhea.writeUInt16BE(count, 34);
    const maxp = raw('maxp')!;
    maxp.writeUInt16BE(count, 4);
    const tables: Array<[string, Buffer]> = [['head', head], ['hhea', hhea], ['maxp', maxp], ['hmtx', hmtx], ['loca', loca], ['glyf', Buffer.concat(glyf, size)]];
    for (const tag of ['cvt ', 'fpgm', 'prep']) { const t = raw(tag); if (t) tables.push([tag, t]); }
    const font = writeSfnt(tables.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, tableOffset(font, 'head') + 8);
    return font;
  }

  /** what pdf-lib 1.17 reads the subset with */
  encodeStream(): Readable {
    return Readable.from([this.encode()]);
  }
}

function checksum(b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < b.length; i += 4) sum = (sum + ((b[i]! << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0))) >>> 0;
  return sum;
}

function tableOffset(font: Buffer, tag: string): number {
  for (let i = 0; i < font.readUInt16BE(4); i += 1) if (font.toString('latin1', 12 + 16 * i, 16 + 16 * i) === tag) return font.readUInt32BE(12 + 16 * i + 8);
  throw new Error(`no ${tag} table`);
}

/** the table directory, then the tables, each on a 4-byte boundary with its checksum */
function writeSfnt(tables: Array<[string, Buffer]>): Buffer {
  const n = tables.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(pow * 16, 6);
  header.writeUInt16BE(Math.log2(pow), 8);
  header.writeUInt16BE(n * 16 - pow * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach(([tag, data], i) => {
    const padded = data.length % 4 ? Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]) : data;
    const at = 12 + 16 * i;
    header.write(tag, at, 'latin1');
    header.writeUInt32BE(checksum(padded), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(data.length, at + 12);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts, offset);
}
