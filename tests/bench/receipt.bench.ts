// Receipt bench: documents rendered and signed per second, warm (the font read and parsed once, as in
// the running gateway), and their size; each kind, and the baseline measured in the same run: an empty
// pdf-lib document (create, one A4 page, save). Also the verification time of a 受理回执.
// Run: npm run bench:receipts   (RECEIPT_BENCH_N=… changes the number of documents per kind)
// Every 受理回执 is for a different case (its own 办件编号 and status link, so its own QR code), as at a
// window; the other kinds repeat one case's facts with a new document id.
import { loadavg } from 'node:os';
import type { DocumentType } from '../../gateway/src/domain/case.js';
import { warmFonts } from '../../gateway/src/receipts/font.js';
import { generateSigningKey } from '../../gateway/src/receipts/keys.js';
import { renderDocument } from '../../gateway/src/receipts/render.js';
import { verifyDocument } from '../../gateway/src/receipts/verify.js';
import { SAMPLE_FACTS } from '../unit/receipts/sampleFacts.js';
import { emptyPdf, factsForCase } from './benchDocuments.js';

const N = Number(process.env.RECEIPT_BENCH_N ?? 300);
const WARM_UP = 30;
const TARGET = { p50Ms: 20, sizeKb: 150 };

interface Figures { p50: number; p95: number; mean: number; perSec: number; cpuMs: number; sizeKb: number }

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(make: (i: number) => Promise<Uint8Array>): Promise<Figures> {
  for (let i = 0; i < WARM_UP; i += 1) await make(-1 - i);
  const times: number[] = [];
  let size = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < N; i += 1) {
    const t0 = performance.now();
    const bytes = await make(i);
    times.push(performance.now() - t0);
    size += bytes.length;
  }
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  return {
    p50: pct(times, 50), p95: pct(times, 95), mean: wall / N, perSec: (N * 1000) / wall,
    cpuMs: (cpu.user + cpu.system) / 1000 / N, sizeKb: size / N / 1024,
  };
}

const row = (name: string, f: Figures, base: Figures): string =>
  `${name.padEnd(22)} ${f.p50.toFixed(2).padStart(8)} ${f.p95.toFixed(2).padStart(8)} ${f.perSec.toFixed(1).padStart(9)} ${f.cpuMs.toFixed(2).padStart(8)} ${f.sizeKb.toFixed(1).padStart(9)} ${(f.p50 / base.p50).toFixed(1).padStart(7)}×`;

async function main(): Promise<void> {
  const load0 = loadavg()[0]!;
  const t0 = performance.now();
  warmFonts();
  const fontMs = performance.now() - t0;
  const key = generateSigningKey();

  const baseline = await measure(emptyPdf);
  const figures = new Map<string, Figures>();
  figures.set('受理回执 (new case each)', await measure(async (i) => (await renderDocument(factsForCase('acceptance_receipt', i), key)).bytes));
  const kinds: Array<[DocumentType, string]> = [['transfer_sheet', '材料流转单'], ['supplement_notice', '补齐补正通知书'], ['completion_notice', '办结通知'], ['delivery_receipt', '送达回执']];
  for (const [type, name] of kinds) {
    figures.set(name, await measure(async (i) => (await renderDocument({ ...SAMPLE_FACTS[type], documentId: `bench-${i}` }, key)).bytes));
  }
  const receipt = (await renderDocument(factsForCase('acceptance_receipt', 0), key)).bytes;
  const keys = new Map([[key.keyId, key.publicKey]]);
  const verify = await measure(async () => { if (!verifyDocument(receipt, keys).genuine) throw new Error('bench receipt does not verify'); return receipt; });

  console.log(`\nReceipt bench · ${N} documents per kind after ${WARM_UP} warm-up · fonts read and parsed once in ${fontMs.toFixed(0)} ms`);
  console.log(`load average ${load0.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end (2 cores; other work on the machine shows here)\n`);
  console.log(`${'document'.padEnd(22)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'docs/s'.padStart(9)} ${'cpu ms'.padStart(8)} ${'size KB'.padStart(9)} ${'÷base'.padStart(8)}`);
  console.log(row('baseline: empty pdf-lib', baseline, baseline));
  for (const [name, f] of figures) console.log(row(name, f, baseline));
  console.log(row('verify a 受理回执', verify, baseline));

  const r = figures.get('受理回执 (new case each)')!;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`\ntargets (issue 4): 受理回执 p50 < ${TARGET.p50Ms} ms warm: ${r.p50.toFixed(2)} ms, ${met(r.p50 < TARGET.p50Ms)}; size < ${TARGET.sizeKb} KB: ${r.sizeKb.toFixed(1)} KB, ${met(r.sizeKb < TARGET.sizeKb)}`);
}

await main();
