// The render threads give the same documents as rendering on the event loop: byte for byte the same
// signed PDF for the same facts, genuine under the gateway's key; a render that fails in a thread
// fails the caller, and the pool goes on.
import { afterAll, describe, expect, test } from 'vitest';
import { generateSigningKey } from '../../../gateway/src/receipts/keys.js';
import { createRenderer } from '../../../gateway/src/receipts/renderPool.js';
import { verifyDocument } from '../../../gateway/src/receipts/verify.js';
import type { AnyFacts } from '../../../gateway/src/receipts/facts.js';
import { SAMPLE_FACTS } from './sampleFacts.js';

const key = generateSigningKey();
const threads = createRenderer(key, { threads: 1 });
const loop = createRenderer(key, { threads: 0 });
afterAll(async () => { await threads.close(); });

describe('rendering in a worker thread', () => {
  test.each(Object.keys(SAMPLE_FACTS))('%s: the same signed bytes as on the event loop, and genuine', async (type) => {
    const facts = SAMPLE_FACTS[type as keyof typeof SAMPLE_FACTS];
    const [a, b] = await Promise.all([threads.render(facts), loop.render(facts)]);
    expect(a.pages).toBe(b.pages);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const verdict = verifyDocument(a.bytes, new Map([[key.keyId, key.publicKey]]));
    expect(verdict).toMatchObject({ genuine: true });
    expect(a.threadId).toBeGreaterThan(0); // made in a worker thread
    expect(b.threadId).toBe(0);
  });

  test('facts a document cannot be made from fail the caller; the next render still works', async () => {
    await expect(threads.render({ ...SAMPLE_FACTS.acceptance_receipt, documentType: 'no_such_kind' } as unknown as AnyFacts)).rejects.toThrow();
    expect((await threads.render(SAMPLE_FACTS.transfer_sheet)).pages).toBeGreaterThan(0);
  });
});
