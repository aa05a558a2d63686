// A QR code drawn as vector rectangles (one per run of dark modules in a row, all in one path): sharp
// at any print size, about a kilobyte in the PDF, and no image round trip.
import QRCode from 'qrcode';
import { rgb } from 'pdf-lib';
import type { PageContent, Rect } from './content.js';

export const QR_QUIET_MODULES = 2;

export interface QrMatrix { size: number; dark(row: number, col: number): boolean }

// Encoding tries all eight masks (a few milliseconds); a case's documents and reprints share one link.
const CACHE_LIMIT = 512;
const cache = new Map<string, QrMatrix>();

/** the dark modules of `text`'s QR code, row by row (what is drawn, and what a test reads back) */
export function qrModules(text: string): QrMatrix {
  const hit = cache.get(text);
  if (hit) return hit;
  // one byte-mode segment: the library's search for the best mix of modes costs more than it saves here
  const { modules } = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const m: QrMatrix = { size: modules.size, dark: (row, col) => Boolean(modules.get(row, col)) };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, m);
  return m;
}

/** Draws `text` as a QR code with its lower-left corner at (x, y), `size` points wide including a
 *  quiet zone of two modules (on a white background, so it scans on a tinted card too). */
export function drawQr(content: PageContent, text: string, at: { x: number; y: number; size: number }): void {
  const m = qrModules(text);
  const n = m.size;
  const unit = at.size / (n + 2 * QR_QUIET_MODULES);
  content.rects([{ x: at.x, y: at.y, width: at.size, height: at.size }], { fill: rgb(1, 1, 1) });
  const runs: Rect[] = [];
  for (let row = 0; row < n; row += 1) {
    let col = 0;
    while (col < n) {
      if (!m.dark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < n && m.dark(row, col)) col += 1;
      // in module units, row 0 at the top; the transform places and scales them
      runs.push({ x: QR_QUIET_MODULES + start, y: n + QR_QUIET_MODULES - row - 1, width: col - start, height: 1 });
    }
  }
  content.rects(runs, { fill: rgb(0, 0, 0) }, [unit, 0, 0, unit, at.x, at.y]);
}
