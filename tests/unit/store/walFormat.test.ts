import { describe, expect, test } from 'vitest';
import type { CaseEvent } from '../../../gateway/src/domain/case.js';
import type { CaseDoc } from '../../../gateway/src/store/caseDoc.js';
import { docBytes, docJson, nextDoc } from '../../../gateway/src/store/docText.js';
import { applyEntry, decodeLine, encodeEntry } from '../../../gateway/src/store/walFormat.js';
import { caseRecord, event } from '../../support/storeCases.js';

const numbered = (from: number, count: number): CaseEvent[] =>
  Array.from({ length: count }, (_, i) => ({ ...event('case.viewed', { 地址: '浙江省诸暨市暨阳街道', i }), caseId: 'case-00001', seq: from + i }));

/** a case built by three writes: created with two events, updated with none, then with three */
function history(): { doc: CaseDoc; added: { json: string; bytes: number } }[] {
  const out: { doc: CaseDoc; added: { json: string; bytes: number } }[] = [];
  let prev: CaseDoc | undefined;
  for (const [lsn, events] of [[1, numbered(1, 2)], [2, []], [3, numbered(3, 3)]] as const) {
    const { doc, addedJson, addedBytes } = nextDoc(prev, lsn, caseRecord(1, { version: lsn, itemName: `个体工商户注销登记 ${lsn}` }), [...events]);
    out.push({ doc, added: { json: addedJson, bytes: addedBytes } });
    prev = doc;
  }
  return out;
}

describe('log lines and case documents built from cached JSON', () => {
  test('the document text and the lengths kept for it match what JSON.stringify and UTF-8 give', () => {
    for (const { doc, added } of history()) {
      expect(docJson(doc)).toBe(JSON.stringify(doc));
      expect(docBytes(doc)).toBe(Buffer.byteLength(JSON.stringify(doc)));
      for (const full of [true, false]) {
        const { line, bytes } = encodeEntry(doc.record.id, doc, added, full);
        expect(bytes).toBe(Buffer.byteLength(line));
      }
    }
  });

  test('replaying the full first entry and then partial ones rebuilds the document exactly', () => {
    let state: CaseDoc | undefined;
    history().forEach(({ doc, added }, i) => {
      const entry = decodeLine(encodeEntry(doc.record.id, doc, added, i === 0).line.trimEnd());
      if (typeof entry === 'string') throw new Error(entry);
      state = applyEntry(state, entry);
      expect(state).toEqual(JSON.parse(JSON.stringify(doc)));
    });
  });

  test.each([
    ['no checksum', '{"lsn":1}'],
    ['checksum mismatch', '00000000 {"lsn":1,"id":"a","record":{"id":"a"},"events":[]}'],
  ])('a line with %s is not an entry', (reason, line) => {
    expect(decodeLine(line)).toBe(reason);
  });

  test('an entry that skips events, or continues a case with no full entry, does not apply', () => {
    const [first, , third] = history();
    const partial = (h: typeof first) => decodeLine(encodeEntry('case-00001', h!.doc, h!.added, false).line.trimEnd()) as never;
    expect(() => applyEntry(undefined, partial(third))).toThrow(/no full entry before it/);
    const missingOne = { ...first!.doc, events: first!.doc.events.slice(0, 1) };
    expect(() => applyEntry(missingOne, partial(third))).toThrow(/adds event 3 after event 1/);
  });
});
