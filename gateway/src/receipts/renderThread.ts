// One render thread of the pool (renderPool.ts): renders and signs documents off the gateway's event
// loop. The fonts are read and parsed once per thread; the signing key comes with the thread's data.
import { threadId } from 'node:worker_threads';
import { workerData } from 'piscina';
import type { AnyFacts } from './facts.js';
import { warmFonts } from './font.js';
import type { SigningKey } from './keys.js';
import { renderDocument } from './render.js';

const key = (workerData as { key: SigningKey }).key;
warmFonts();

export default async function render(facts: AnyFacts): Promise<{ bytes: Uint8Array; pages: number; threadId: number }> {
  const { bytes, pages } = await renderDocument(facts, key);
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages, threadId };
}
