// The CJK font of every document: Noto Sans SC from the npm registry (@expo-google-fonts/noto-sans-sc,
// SIL OFL), so nothing is assumed of the machine's fonts. The file is read and parsed once per process.
//
// pdf-lib is given upstream fontkit 2 (for the cmap and the metrics) through a small adapter, not
// @pdf-lib/fontkit, which silently corrupts CJK subsets (blank glyphs that pdftotext still extracts).
// The adapter hands out the one parsed font, and writes subsets itself (ttfSubset.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import './deflate.js';
import { sfntSource, TtfSubset } from './ttfSubset.js';

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
export type FontWeight = keyof typeof FONT_FILES;

interface Loaded { bytes: Buffer; font: object }
const loaded = new Map<FontWeight, Loaded>();

function load(weight: FontWeight): Loaded {
  let hit = loaded.get(weight);
  if (!hit) {
    const bytes = readFileSync(require.resolve(FONT_FILES[weight]));
    hit = { bytes, font: forPdfLib(fontkit.create(bytes) as object, bytes) };
    loaded.set(weight, hit);
  }
  return hit;
}

/** The font's bytes and parsed form, loaded now (start-up, benches) rather than at the first document. */
export function warmFonts(): void {
  for (const w of Object.keys(FONT_FILES) as FontWeight[]) load(w);
}

type Glyph = { id: number; advanceWidth: number; codePoints: number[] };
type ParsedFont = { glyphForCodePoint(cp: number): Glyph };

/**
 * The parsed font as pdf-lib sees it, with two changes:
 * - layout() maps each character to its glyph through the cmap, cached, instead of running the
 *   OpenType shaper on every string (most of the time of a document). Chinese, digits and Latin need
 *   no shaping; what is lost is kerning and Latin ligatures, which these forms do without. Each glyph
 *   carries the character it was laid out for: fontkit's glyph objects keep the first code point that
 *   reached them, and a glyph shared by 齐 and the radical ⻬ must still extract as 齐 (ToUnicode).
 * - createSubset() gives a subset written straight from the font file (ttfSubset.ts), which also has
 *   the encodeStream() pdf-lib 1.17 calls (fontkit 2 replaced it by encode()).
 */
function forPdfLib(font: object, bytes: Buffer): object {
  const parsed = font as ParsedFont;
  const source = sfntSource(bytes);
  const glyphs = new Map<number, Glyph>();
  const glyphOf = (cp: number): Glyph => {
    let g = glyphs.get(cp);
    if (!g) {
      const real = parsed.glyphForCodePoint(cp);
      g = { id: real.id, advanceWidth: real.advanceWidth, codePoints: [cp] };
      glyphs.set(cp, g);
    }
    return g;
  };
  const layout = (text: string) => {
    const out: Glyph[] = [];
    for (const ch of text) out.push(glyphOf(ch.codePointAt(0)!));
    return { glyphs: out };
  };
  const createSubset = () => new TtfSubset(source);
  return new Proxy(font, {
    get(target, prop) {
      if (prop === 'layout') return layout;
      if (prop === 'createSubset') return createSubset;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** What pdfDoc.registerFontkit takes: create() returns the font already parsed for these bytes. */
const adapter = {
  create(buffer: Uint8Array): object {
    for (const l of loaded.values()) if (l.bytes === buffer) return l.font;
    const bytes = Buffer.from(buffer);
    return forPdfLib(fontkit.create(bytes) as object, bytes);
  },
};

export interface FontOptions {
  /** embed only the glyphs used (the default; ~30 KB) or the whole font (~10 MB: tests compare the two) */
  subset?: boolean;
}

/**
 * Embeds the CJK font into the document. `locl` is off: with it, fontkit lays digits after Latin text
 * out with the wide forms of the font's Chinese locale, which spaces numbers out.
 */
export async function embedCjkFont(doc: PDFDocument, weight: FontWeight, opts: FontOptions = {}): Promise<PDFFont> {
  doc.registerFontkit(adapter as never);
  return doc.embedFont(load(weight).bytes, { subset: opts.subset ?? true, features: { locl: false } });
}
