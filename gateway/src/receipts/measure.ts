// Measuring and breaking text for the layout: widths from per-character advances, cached for the life
// of the process (the same font in every document), and line breaking for Chinese with Latin runs.
import type { PDFFont } from 'pdf-lib';
import type { FontWeight } from './font.js';

/** advance widths at 1000 pt, per character and weight */
const ADVANCE: Record<FontWeight, Map<string, number>> = { regular: new Map(), bold: new Map() };
/** closing punctuation never starts a line (禁则): it hangs at the end of the line before */
const NO_LINE_START = new Set('，。、；：？！）」』》〉】’”%．,.;:?!)]}');

/** kerning is ignored: the font is laid out without it (font.ts) */
export function textWidth(text: string, size: number, font: PDFFont, weight: FontWeight): number {
  const cache = ADVANCE[weight];
  let w = 0;
  for (const ch of text) {
    let unit = cache.get(ch);
    if (unit === undefined) cache.set(ch, (unit = font.widthOfTextAtSize(ch, 1000)));
    w += unit;
  }
  return (w * size) / 1000;
}

/** lines of at most `maxWidth`: breaks after a space or a CJK character, inside a Latin word only if it must */
export function wrapText(text: string, maxWidth: number, size: number, font: PDFFont, weight: FontWeight): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    let breakAt = -1;
    for (const ch of paragraph) {
      const w = textWidth(ch, size, font, weight);
      if (lineWidth + w > maxWidth && line !== '' && !NO_LINE_START.has(ch)) {
        const cut = breakAt > 0 && breakAt < line.length ? breakAt : line.length;
        lines.push(line.slice(0, cut).trimEnd());
        line = line.slice(cut).trimStart();
        lineWidth = textWidth(line, size, font, weight);
        breakAt = -1;
      }
      line += ch;
      lineWidth += w;
      if (ch === ' ' || ch > '\u2e7f') breakAt = line.length;
    }
    lines.push(line);
  }
  return lines;
}
