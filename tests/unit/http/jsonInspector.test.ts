// The JSON inspector that looks at unauthenticated bodies while they arrive: whatever JSON.parse takes
// within the bounds it lets through however the bytes are cut into chunks, and what it refuses it
// refuses at the byte that shows the problem, so the rest is never read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonInspector, pdfInspector, scanJson, type JsonBounds } from '../../../gateway/src/http/body.js';

const BOUNDS: JsonBounds = { maxDepth: 32, maxMembers: 20_000 };

/** feeds `bytes` cut at `cuts`; the problem and how many bytes had been fed when it was found */
function feedInChunks(bytes: Buffer, cuts: number[], bounds = BOUNDS) {
  const inspector = jsonInspector(bounds);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...points, bytes.length]) {
    const problem = inspector.feed(bytes.subarray(from, to));
    if (problem) return { problem, fedUpTo: to };
    from = to;
  }
  return { problem: inspector.end(), fedUpTo: bytes.length };
}

describe('jsonInspector', () => {
  it('lets through every JSON text within the bounds, however it is chunked', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (value, cuts, pretty) => {
      const bytes = Buffer.from(JSON.stringify(value, null, pretty ? 2 : undefined));
      expect(feedInChunks(bytes, cuts).problem).toBeUndefined();
    }), { numRuns: 500 });
  });

  it('gives the same answer chunked as whole, for text that is nearly JSON', () => {
    const nearly = fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.nat(), fc.constantFrom('', 'x', '}', ']', '\\', '"', '\\ud800', '\\udc00', ',', '1'.repeat(70), 'truex', '{"a":1}'))
      .map(([v, at, junk]) => {
        const text = JSON.stringify(v);
        const k = at % (text.length + 1);
        return Buffer.from(text.slice(0, k) + junk + text.slice(k));
      });
    fc.assert(fc.property(nearly, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
      const whole = scanJson(bytes, BOUNDS);
      expect(feedInChunks(bytes, cuts).problem).toEqual(whole);
    }), { numRuns: 500 });
  });

  it('refuses a body of letters at the 65th byte, a body of digits likewise', () => {
    const letters = Buffer.alloc(1024 * 1024, 'a');
    expect(feedInChunks(letters, [64, 65, 4096])).toMatchObject({ problem: { code: 'MALFORMED_JSON' }, fedUpTo: 65 });
    const digits = Buffer.from(`{"n":${'9'.repeat(1000)}}`);
    expect(scanJson(digits, BOUNDS)?.code).toBe('MALFORMED_JSON');
    expect(scanJson(Buffer.from(`{"n":${'9'.repeat(60)}}`), BOUNDS)).toBeUndefined();
  });

  it('refuses too deep at the level past the bound, too wide at the member past it', () => {
    const deep = Buffer.from(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(feedInChunks(deep, [10, 20, 5000])).toMatchObject({ problem: { code: 'VALIDATION_FAILED' }, fedUpTo: 5000 });
    expect(jsonInspector(BOUNDS).feed(deep)).toMatchObject({ message: expect.stringContaining('32') });
    const wide = Buffer.from(`{${Array.from({ length: 50_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`);
    const cut = wide.indexOf(',"k12000"');
    const { problem, fedUpTo } = feedInChunks(wide, [cut]);
    expect(problem?.code).toBe('VALIDATION_FAILED');
    expect(fedUpTo).toBe(cut);
  });

  it('refuses anything after the top-level value, and bytes no JSON has outside a string', () => {
    expect(scanJson(Buffer.from('{"a":1} {"b":2}'), BOUNDS)?.code).toBe('MALFORMED_JSON');
    expect(scanJson(Buffer.from('{"a":1}  \n'), BOUNDS)).toBeUndefined();
    expect(scanJson(Buffer.from('{"a":1}x'), BOUNDS)?.code).toBe('MALFORMED_JSON');
    expect(scanJson(Buffer.from('\ufeff{}'), BOUNDS)?.code).toBe('MALFORMED_JSON');
    expect(scanJson(Buffer.from('{a:1}'), BOUNDS)).toBeUndefined(); // letters of a literal: JSON.parse refuses it
    expect(scanJson(Buffer.from('{"a":1}]'), BOUNDS)?.code).toBe('MALFORMED_JSON');
  });

  it('finds lone surrogates across chunk boundaries, and lets pairs through', () => {
    const pair = Buffer.from('{"s":"\\ud83d\\ude00"}');
    for (let cut = 0; cut <= pair.length; cut++) expect(feedInChunks(pair, [cut]).problem).toBeUndefined();
    for (const lone of ['{"s":"\\ud83d"}', '{"s":"\\ude00"}', '{"s":"\\ud83dx"}', '{"s":"\\ud83d\\n"}', '{"s":"\\ud83d\\ud83d"}']) {
      const bytes = Buffer.from(lone);
      for (let cut = 0; cut <= bytes.length; cut++) expect(feedInChunks(bytes, [cut]).problem?.code).toBe('VALIDATION_FAILED');
    }
    expect(scanJson(Buffer.from('{"s":"\\u12'), BOUNDS)?.code).toBe('MALFORMED_JSON');
  });

  it('reads past a long string with escapes in it without looking at each byte twice', () => {
    const text = `{"s":"${'x\\"y\\\\'.repeat(100_000)}${'z'.repeat(1_000_000)}"}`;
    expect(scanJson(Buffer.from(text), BOUNDS)).toBeUndefined();
    expect(JSON.parse(text).s.length).toBe(1_400_000);
  });
});

describe('pdfInspector', () => {
  it('lets a PDF through once %PDF- is seen within 1,024 bytes, however chunked', () => {
    const pdf = Buffer.concat([Buffer.alloc(1000, 0x20), Buffer.from('%PDF-1.7\n'), Buffer.alloc(10_000, 0x41)]);
    for (const cut of [1, 1002, 1003, 5000]) {
      const i = pdfInspector();
      expect(i.feed(pdf.subarray(0, cut))).toBeUndefined();
      expect(i.feed(pdf.subarray(cut))).toBeUndefined();
      expect(i.end()).toBeUndefined();
    }
  });

  it('refuses what has no %PDF- in its first 1,024 bytes as soon as they are in', () => {
    const i = pdfInspector();
    expect(i.feed(Buffer.alloc(1000, 0x61))).toBeUndefined();
    expect(i.feed(Buffer.alloc(100, 0x61))?.code).toBe('DOCUMENT_NOT_PDF');
    const short = pdfInspector();
    expect(short.feed(Buffer.from('<html>'))).toBeUndefined();
    expect(short.end()?.code).toBe('DOCUMENT_NOT_PDF');
    expect(pdfInspector().end()).toBeUndefined();
  });
});
