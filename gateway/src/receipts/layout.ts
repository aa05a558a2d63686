// A small flowing layout on A4 pages for the documents: text that wraps (CJK breaks anywhere, Latin
// where it must), label/value grids and ruled tables that continue on a new page with their header.
import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { PageContent, type Rect } from './content.js';
import { textWidth, wrapText } from './measure.js';

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 48, right: 48, top: 48, bottom: 64 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.38, 0.4, 0.45);
export const RULE = rgb(0.55, 0.57, 0.6);
export const SHADE = rgb(0.94, 0.95, 0.97);
export const SEAL_RED = rgb(0.78, 0.08, 0.1);

export interface Fonts { regular: PDFFont; bold: PDFFont }
export interface TextStyle { size?: number; bold?: boolean; color?: RGB }
export interface Column { title: string; width: number; align?: 'left' | 'right' | 'center'; size?: number }

const LINE = 1.45;
const PAD = 4;

export class Sheet {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  private readonly contents = new Map<PDFPage, PageContent>();

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    /** draws what every page after the first starts with; returns the y below it */
    private readonly continuation: (page: PDFPage, sheet: Sheet) => number,
  ) {
    this.addPage(false);
  }

  addPage(continued = true): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.contents.set(this.page, new PageContent(this.page));
    this.y = A4.height - MARGIN.top;
    if (continued) this.y = this.continuation(this.page, this);
  }

  /** writes every page's content; call once, after the last drawing */
  finish(): void {
    for (const c of this.contents.values()) c.write(this.doc);
    this.contents.clear();
  }

  /** the content of `page` (default: the current one), to draw on */
  on(page: PDFPage = this.page): PageContent {
    const c = this.contents.get(page);
    if (!c) throw new Error('Sheet: drawing after finish()');
    return c;
  }

  /** starts a new page unless `height` still fits above the bottom margin */
  room(height: number): void {
    if (this.y - height < MARGIN.bottom) this.addPage();
  }

  gap(h: number): void {
    this.y -= h;
  }

  font(style: TextStyle = {}): PDFFont {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  /** width of text at `size` (see measure.ts) */
  width(text: string, size: number, font: PDFFont = this.fonts.regular): number {
    return textWidth(text, size, font, font === this.fonts.bold ? 'bold' : 'regular');
  }

  /** lines of at most `maxWidth` (see measure.ts) */
  wrap(text: string, maxWidth: number, size: number, font: PDFFont = this.fonts.regular): string[] {
    return wrapText(text, maxWidth, size, font, font === this.fonts.bold ? 'bold' : 'regular');
  }

  /** text at (x, y) on the current page (or `page`) */
  draw(text: string, x: number, y: number, style: TextStyle = {}, page: PDFPage = this.page): void {
    this.on(page).show(text, { x, y }, this.font(style), style.size ?? 10.5, style.color ?? INK);
  }

  /** a wrapped paragraph at the cursor */
  text(text: string, style: TextStyle = {}, indent = 0): void {
    const size = style.size ?? 10.5;
    for (const line of this.wrap(text, CONTENT_WIDTH - indent, size, this.font(style))) {
      this.room(size * LINE);
      this.y -= size * LINE;
      this.draw(line, MARGIN.left + indent, this.y + size * 0.3, style);
    }
  }

  centered(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10.5;
    this.room(size * LINE);
    this.y -= size * LINE;
    this.draw(text, (A4.width - this.width(text, size, this.font(style))) / 2, this.y + size * 0.3, style);
  }

  /** a ruled two-column grid of [label, value] rows (values wrap) */
  fields(rows: Array<[string, string]>, labelWidth = 92, size = 10): void {
    this.table([{ title: '', width: labelWidth }, { title: '', width: CONTENT_WIDTH - labelWidth }], rows, { header: false, size, labelCols: [0] });
  }

  /** label/value pairs, two to a row; a wide pair takes a whole row */
  grid(items: Array<{ label: string; value: string; wide?: boolean }>, size = 10): void {
    const label = 76;
    const half = (CONTENT_WIDTH - 2 * label) / 2;
    const two: Column[] = [{ title: '', width: label }, { title: '', width: half }, { title: '', width: label }, { title: '', width: half }];
    const one: Column[] = [{ title: '', width: label }, { title: '', width: CONTENT_WIDTH - label }];
    const put = (cols: Column[], cells: string[]): void => {
      this.room(this.rowHeight(cols, cells, size));
      this.row(cols, cells, size, { labelCols: [0, 2] });
    };
    let pending: { label: string; value: string } | undefined;
    const flush = (): void => {
      if (pending) put(one, [pending.label, pending.value]);
      pending = undefined;
    };
    for (const item of items) {
      if (item.wide) {
        flush();
        put(one, [item.label, item.value]);
      } else if (pending) {
        put(two, [pending.label, pending.value, item.label, item.value]);
        pending = undefined;
      } else {
        pending = item;
      }
    }
    flush();
  }

  /** a ruled table; its header row is repeated on every page it continues on */
  table(columns: Column[], rows: string[][], opts: { header?: boolean; size?: number; labelCols?: number[] } = {}): void {
    const size = opts.size ?? 9.5;
    const drawHeader = opts.header ?? true;
    const header = (): void => {
      if (!drawHeader) return;
      this.row(columns, columns.map((c) => c.title), size, { shade: true, bold: true });
    };
    this.room((size * LINE + 2 * PAD) * (drawHeader ? 2 : 1));
    header();
    for (const cells of rows) {
      const height = this.rowHeight(columns, cells, size);
      if (this.y - height < MARGIN.bottom) {
        this.addPage();
        header();
      }
      this.row(columns, cells, size, { labelCols: opts.labelCols ?? [] });
    }
  }

  private rowHeight(columns: Column[], cells: string[], size: number): number {
    const lines = Math.max(1, ...columns.map((c, i) => this.wrap(cells[i] ?? '', c.width - 2 * PAD, c.size ?? size).length));
    return lines * (size * LINE) + 2 * PAD;
  }

  /** one ruled row; label columns are shaded and muted */
  private row(columns: Column[], cells: string[], size: number, opts: { shade?: boolean; bold?: boolean; labelCols?: number[] }): void {
    const height = this.rowHeight(columns, cells, size);
    const top = this.y;
    const shaded: Rect[] = [];
    const borders: Rect[] = [];
    let x = MARGIN.left;
    columns.forEach((c, i) => {
      const cell = { x, y: top - height, width: c.width, height };
      borders.push(cell);
      if (opts.shade || opts.labelCols?.includes(i)) shaded.push(cell);
      x += c.width;
    });
    this.on().rects(shaded, { fill: SHADE });
    this.on().rects(borders, { stroke: RULE, lineWidth: 0.6 });
    x = MARGIN.left;
    columns.forEach((c, i) => {
      const cellSize = c.size ?? size;
      const style: TextStyle = { size: cellSize, bold: opts.bold ?? false, color: opts.labelCols?.includes(i) ? MUTED : INK };
      this.wrap(cells[i] ?? '', c.width - 2 * PAD, cellSize, this.font(style)).forEach((line, n) => {
        const w = this.width(line, cellSize, this.font(style));
        const dx = c.align === 'right' ? c.width - PAD - w : c.align === 'center' ? (c.width - w) / 2 : PAD;
        this.draw(line, x + dx, top - PAD - (n + 1) * size * LINE + size * 0.35, style);
      });
      x += c.width;
    });
    this.y = top - height;
  }

  /** a shaded box with a bold heading and wrapped lines, kept on one page */
  box(heading: string, lines: string[], size = 9): void {
    const wrapped = lines.flatMap((l) => this.wrap(l, CONTENT_WIDTH - 2 * 8, size));
    const height = (wrapped.length + 1) * size * LINE + 2 * 8 + 4;
    this.room(height);
    const frame = { x: MARGIN.left, y: this.y - height, width: CONTENT_WIDTH, height };
    this.on().rects([frame], { fill: SHADE, stroke: RULE, lineWidth: 0.6 });
    let y = this.y - 8 - size * LINE + size * 0.3;
    this.draw(heading, MARGIN.left + 8, y, { size: size + 0.5, bold: true });
    y -= 4;
    for (const line of wrapped) {
      y -= size * LINE;
      this.draw(line, MARGIN.left + 8, y, { size, color: MUTED });
    }
    this.y -= height;
  }
}
