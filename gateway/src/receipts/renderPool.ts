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

export interface RendererOptions {
  /** worker threads (0: render on the event loop) */
  threads: number;
  /** the heap (old generation, MB) each thread may use: a render past it ends the thread and fails */
  threadHeapMb?: number;
  /** a render in a thread not done by then fails (a thread that died or hangs does not hold the case up) */
  timeoutMs?: number;
  /** a thread died (out of memory, a crash): its render fails, the next render starts a fresh pool */
  onThreadError?(err: Error): void;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** how long closing waits for the renders under way before it stops the threads */
const CLOSE_WAIT_MS = 10_000;

export function createRenderer(key: SigningKey, { threads, threadHeapMb, timeoutMs = DEFAULT_TIMEOUT_MS, onThreadError }: RendererOptions): Renderer {
  if (threads === 0) return { render: async (facts) => ({ ...(await renderDocument(facts, key)), threadId: 0 }), close: async () => undefined };
  let pool: Piscina | undefined;
  const start = (): Piscina => {
    const p = new Piscina({
      ...threadModule(),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      // a render's garbage is small and short-lived: a small young generation keeps the thread's
      // resident memory down (V8 would otherwise grow it as on the main thread)
      resourceLimits: { maxYoungGenerationSizeMb: 8, ...(threadHeapMb ? { maxOldGenerationSizeMb: threadHeapMb } : {}) },
      workerData: { key },
    });
    // Without a listener a thread's death is an unhandled 'error' event that ends the gateway. After one
    // the pool does not reliably take work again (measured: the next task waits for ever), so it is
    // dropped and the next render starts a fresh one.
    p.on('error', (err: Error) => {
      onThreadError?.(err);
      if (pool === p) pool = undefined;
      void p.destroy().catch(() => undefined);
    });
    return p;
  };
  return {
    async render(facts) {
      // started at the first document, so a gateway that renders none pays for no thread
      pool ??= start();
      const r = (await pool.run(facts, { signal: AbortSignal.timeout(timeoutMs) })) as { bytes: Uint8Array; pages: number; threadId: number };
      return { bytes: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength), pages: r.pages, threadId: r.threadId };
    },
    async close() {
      const p = pool;
      pool = undefined;
      if (!p) return;
      const waited = await Promise.race([p.close().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), CLOSE_WAIT_MS).unref())]);
      if (!waited) await p.destroy();
    },
  };
}
