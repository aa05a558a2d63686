// Where documents are rendered: on the event loop (RECEIPT_RENDER_THREADS=0, the default) or in a pool
// of worker threads, so that a render (5–10 ms of CPU for a 受理回执) does not hold up clerks' requests,
// partners' callbacks and the remote window's signalling. Measured on the 2-core machine (handoff bench,
// 1,000 cases): one thread halves submit latency under load (p50 106–141 ms against 276–295 ms) but costs
// ~8 ms more CPU per handoff (copies, the thread's own GC) and 35–120 MB more resident memory, for the
// same throughput; worth it where there are cores to spare.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { AnyFacts } from './facts.js';
import type { SigningKey } from './keys.js';
import { renderDocument, type Rendered } from './render.js';

export interface Renderer {
  /** the document, and which thread made it (0: the event loop's) */
  render(facts: AnyFacts): Promise<Rendered & { threadId: number }>;
  /** waits for the renders under way, then stops the threads */
  close(): Promise<void>;
}

/** the thread's module: compiled (.js) next to this one, or the TypeScript source run through tsx */
function threadModule(): { filename: string; execArgv: string[] } {
  const js = fileURLToPath(new URL('./renderThread.js', import.meta.url));
  if (existsSync(js)) return { filename: js, execArgv: process.execArgv };
  const ts = fileURLToPath(new URL('./renderThread.ts', import.meta.url));
  // under tsx the threads inherit its loader; elsewhere (the test runner) they are given it
  const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
  return { filename: ts, execArgv: hasTsx ? process.execArgv : [...process.execArgv, '--import', 'tsx'] };
}

export function createRenderer(key: SigningKey, threads: number): Renderer {
  if (threads === 0) return { render: async (facts) => ({ ...(await renderDocument(facts, key)), threadId: 0 }), close: async () => undefined };
  let pool: Piscina | undefined;
  const start = (): Piscina => new Piscina({
    ...threadModule(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    // a render's garbage is small and short-lived: a small young generation keeps the thread's
    // resident memory down (V8 would otherwise grow it as on the main thread)
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
    workerData: { key },
  });
  return {
    async render(facts) {
      // started at the first document, so a gateway that renders none pays for no thread
      pool ??= start();
      const r = (await pool.run(facts)) as { bytes: Uint8Array; pages: number; threadId: number };
      return { bytes: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength), pages: r.pages, threadId: r.threadId };
    },
    async close() {
      await pool?.close();
    },
  };
}
