// The subset written straight from the font file draws every glyph exactly as the whole font does,
// composite glyphs (whose parts are remapped) included, and is a font fontkit reads back.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, test } from 'vitest';
import { sfntSource, TtfSubset } from '../../../gateway/src/receipts/ttfSubset.js';

type Glyph = { id: number; advanceWidth: number; path: { toSVG(): string }; _decode(): { numberOfContours: number } | null };
type Font = { numGlyphs: number; glyphForCodePoint(cp: number): Glyph; getGlyph(id: number): Glyph };

const bytes = readFileSync(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
const whole = fontkit.create(bytes) as unknown as Font;

describe('a TrueType subset of Noto Sans SC', () => {
  test('each included glyph has the outline and advance it has in the whole font, under its new id', () => {
    const subset = new TtfSubset(sfntSource(bytes));
    const text = '受理回执（收件凭证）办件编号：330681-20261122-K7Q2M9XA 齐⻬ éÅ ©';
    const ids = new Map<number, number>();
    for (const ch of text) {
      const g = whole.glyphForCodePoint(ch.codePointAt(0)!);
      ids.set(g.id, subset.includeGlyph(g));
    }
    const encoded = subset.encode();
    const small = fontkit.create(encoded) as unknown as Font;
    expect(small.numGlyphs).toBe(subset.glyphs.length);
    expect(encoded.length).toBeLessThan(bytes.length / 100);
    for (const [original, mine] of ids) {
      expect(small.getGlyph(mine).path.toSVG()).toBe(whole.getGlyph(original).path.toSVG());
      expect(small.getGlyph(mine).advanceWidth).toBe(whole.getGlyph(original).advanceWidth);
    }
    expect(small.getGlyph(0).path.toSVG()).toBe(whole.getGlyph(0).path.toSVG());
  });

  test('a composite glyph brings its parts along, renumbered (Noto Sans SC has none: one is made here)', () => {
    // turn the glyph of 齐 into a composite that draws the glyph of 理, unmoved
    const patched = Buffer.from(bytes);
    const { tables } = sfntSource(patched);
    const outer = whole.glyphForCodePoint('齐'.codePointAt(0)!).id;
    const part = whole.glyphForCodePoint('理'.codePointAt(0)!).id;
    const at = tables.glyf!.offset + patched.readUInt32BE(tables.loca!.offset + 4 * outer);
    const bbox = patched.subarray(tables.glyf!.offset + patched.readUInt32BE(tables.loca!.offset + 4 * part) + 2).subarray(0, 8);
    patched.writeInt16BE(-1, at);
    bbox.copy(patched, at + 2);
    patched.writeUInt16BE(0x0001 | 0x0002, at + 10); // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, no more components
    patched.writeUInt16BE(part, at + 12);
    patched.writeInt16BE(0, at + 14);
    patched.writeInt16BE(0, at + 16);

    const subset = new TtfSubset(sfntSource(patched));
    const mine = subset.includeGlyph(outer);
    const small = fontkit.create(subset.encode()) as unknown as Font;
    expect(subset.glyphs).toEqual([0, outer, part]);
    expect(small.getGlyph(mine)._decode()?.numberOfContours).toBe(-1);
    expect(small.getGlyph(mine).path.toSVG()).toBe(whole.getGlyph(part).path.toSVG());
  });
});
