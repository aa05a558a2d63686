// A page's content written as PDF operators in text, in one stream per page: its shapes first, then all
// its text in one BT … ET block. pdf-lib's drawing calls build an object per operator and per number
// (most of a document's time); this writes the same operators directly. pdf-lib still owns the fonts
// (encodeText registers each glyph in the subset) and the document structure.
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';

export interface Rect { x: number; y: number; width: number; height: number }

/** a number as PDF content wants it: at most two decimals, never an exponent */
export const num = (n: number): string => {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};
const colour = (c: RGB): string => `${num(c.red)} ${num(c.green)} ${num(c.blue)}`;

export class PageContent {
  private readonly shapes: string[] = [];
  private readonly text: string[] = [];
  private readonly keys = new Map<PDFFont, string>();
  private textFont?: PDFFont;
  private textSize?: number;
  private textColour?: string;

  constructor(readonly page: PDFPage) {}

  /** rectangles in one path, filled and/or stroked; `transform` is a cm matrix applied to all of them */
  rects(rects: Rect[], paint: { fill?: RGB; stroke?: RGB; lineWidth?: number }, transform?: readonly number[]): void {
    if (rects.length === 0) return;
    const ops = ['q'];
    if (transform) ops.push(`${transform.map(num).join(' ')} cm`);
    if (paint.fill) ops.push(`${colour(paint.fill)} rg`);
    if (paint.stroke) ops.push(`${colour(paint.stroke)} RG ${num(paint.lineWidth ?? 1)} w`);
    for (const r of rects) ops.push(`${num(r.x)} ${num(r.y)} ${num(r.width)} ${num(r.height)} re`);
    ops.push(paint.fill && paint.stroke ? 'B' : paint.fill ? 'f' : 'S', 'Q');
    this.shapes.push(ops.join('\n'));
  }

  line(from: { x: number; y: number }, to: { x: number; y: number }, colourOf: RGB, width: number): void {
    this.shapes.push(`q ${colour(colourOf)} RG ${num(width)} w ${num(from.x)} ${num(from.y)} m ${num(to.x)} ${num(to.y)} l S Q`);
  }

  /** text at (x, y), turned by `degrees` about that point */
  show(text: string, at: { x: number; y: number; degrees?: number }, font: PDFFont, size: number, colourOf: RGB): void {
    if (text === '') return;
    let key = this.keys.get(font);
    if (!key) this.keys.set(font, (key = this.page.node.newFontDictionary(font.name, font.ref).toString()));
    if (this.textFont !== font || this.textSize !== size) {
      this.text.push(`${key} ${num(size)} Tf`);
      this.textFont = font;
      this.textSize = size;
    }
    const c = colour(colourOf);
    if (this.textColour !== c) {
      this.text.push(`${c} rg`);
      this.textColour = c;
    }
    const a = ((at.degrees ?? 0) * Math.PI) / 180;
    const m = a === 0 ? '1 0 0 1' : `${num(Math.cos(a))} ${num(Math.sin(a))} ${num(-Math.sin(a))} ${num(Math.cos(a))}`;
    this.text.push(`${m} ${num(at.x)} ${num(at.y)} Tm ${font.encodeText(text).toString()} Tj`);
  }

  /** appends this page's content stream (compressed) */
  write(doc: PDFDocument): void {
    const body = `${this.shapes.join('\n')}\n${this.text.length ? `BT\n${this.text.join('\n')}\nET` : ''}\n`;
    this.page.node.addContentStream(doc.context.register(doc.context.flateStream(body)));
  }
}
