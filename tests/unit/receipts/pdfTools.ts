// Reading documents back the way a person would: the text (pdftotext) and the rendered page (pdftoppm,
// poppler-utils), as 8-bit grey PGM, which needs no image library to read.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ARTIFACTS = path.resolve('test-artifacts/receipts');

async function withFile<T>(bytes: Uint8Array, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kytb-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, bytes);
    return await fn(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function pdfText(bytes: Uint8Array, opts: { page?: number } = {}): Promise<string> {
  return withFile(bytes, async (file) => {
    const range = opts.page ? ['-f', String(opts.page), '-l', String(opts.page)] : [];
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  });
}

export async function pdfPages(bytes: Uint8Array): Promise<number> {
  return withFile(bytes, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
  });
}

export interface Gray { width: number; height: number; data: Uint8Array }

/** page `page` rendered in grey at `dpi`, optionally cropped to a box in pixels */
export async function renderGray(bytes: Uint8Array, opts: { dpi?: number; page?: number; crop?: { x: number; y: number; w: number; h: number } } = {}): Promise<Gray> {
  return withFile(bytes, async (file, dir) => {
    const page = String(opts.page ?? 1);
    const crop = opts.crop ? ['-x', String(opts.crop.x), '-y', String(opts.crop.y), '-W', String(opts.crop.w), '-H', String(opts.crop.h)] : [];
    const { stderr } = await run('pdftoppm', ['-r', String(opts.dpi ?? 72), '-gray', '-f', page, '-l', page, '-singlefile', ...crop, file, path.join(dir, 'page')]);
    // poppler reports a damaged font or content here, and draws what it can
    if (stderr.trim()) throw new Error(`pdftoppm complained: ${stderr.trim().slice(0, 500)}`);
    return parsePgm(await readFile(path.join(dir, 'page.pgm')));
  });
}

export function parsePgm(buf: Buffer): Gray {
  // P5 <ws> width <ws> height <ws> maxval <one ws> data
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [, w, h, max] = header.map(Number) as [number, number, number, number];
  if (max !== 255) throw new Error(`PGM maxval ${max}`);
  return { width: w, height: h, data: buf.subarray(header[0].length, header[0].length + w * h) };
}

/** share of pixels that differ by more than `threshold` grey levels */
export function differingShare(a: Gray, b: Gray, threshold = 64): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`pages differ in size: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 1) if (Math.abs(a.data[i]! - b.data[i]!) > threshold) differing += 1;
  return differing / a.data.length;
}

export const darkShare = (g: Gray, below = 128): number => g.data.reduce((n, v) => n + (v < below ? 1 : 0), 0) / g.data.length;

/** page 1 as a PNG under test-artifacts/receipts/, for a person to look at */
export async function keepPng(bytes: Uint8Array, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const out = path.join(ARTIFACTS, name);
  await withFile(bytes, (file) => run('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', file, out]));
  return `${out}.png`;
}
