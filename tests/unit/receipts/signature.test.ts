// The gateway's signature: a fresh document verifies; one byte changed anywhere, its facts edited, bytes
// appended, or a signature by another key, and it does not, each for its own reason.
import { PDFDocument, PDFHexString, PDFName, PDFDict } from 'pdf-lib';
import { beforeAll, describe, expect, test } from 'vitest';
import { canonicalJson } from '../../../gateway/src/audit/canonical.js';
import { generateSigningKey, type SigningKey } from '../../../gateway/src/receipts/keys.js';
import { renderDocument } from '../../../gateway/src/receipts/render.js';
import { locateSignature, sha256Hex } from '../../../gateway/src/receipts/sigFormat.js';
import { signSavedPdf } from '../../../gateway/src/receipts/sign.js';
import { verifyDocument, type Keyring } from '../../../gateway/src/receipts/verify.js';
import { TINY_PDF } from '../../support/fixtures.js';
import { SAMPLE_FACTS } from './sampleFacts.js';

let ours: SigningKey;
let keys: Keyring;
let genuine: Buffer;

beforeAll(async () => {
  ours = generateSigningKey();
  keys = new Map([[ours.keyId, ours.publicKey]]);
  genuine = (await renderDocument(SAMPLE_FACTS.acceptance_receipt, ours)).bytes;
});

const flipped = (bytes: Buffer, at: number): Buffer => {
  expect(at).toBeGreaterThanOrEqual(0);
  expect(at).toBeLessThan(bytes.length);
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

/** the facts hex of the signature dictionary rewritten in place (same length), digest left as it was */
function withFactsEdited(bytes: Buffer, edit: (facts: Record<string, any>) => void, opts: { fixDigest?: boolean } = {}): Buffer {
  const found = locateSignature(bytes);
  if (!found.ok) throw new Error(found.reason);
  const facts = JSON.parse(found.fields.factsJson);
  edit(facts);
  const json = canonicalJson(facts);
  const text = bytes.toString('latin1');
  const oldHex = Buffer.from(found.fields.factsJson, 'utf8').toString('hex');
  const newHex = Buffer.from(json, 'utf8').toString('hex');
  expect(newHex.length).toBe(oldHex.length);
  let out = text.replace(oldHex, newHex);
  if (opts.fixDigest) out = out.replace(`(${found.fields.factsSha256})`, `(${sha256Hex(json)})`);
  return Buffer.from(out, 'latin1');
}

describe('verifying a document the gateway signed', () => {
  test('a fresh receipt is genuine, and says which case it belongs to', () => {
    const v = verifyDocument(genuine, keys);
    expect(v).toMatchObject({ genuine: true, keyId: ours.keyId });
    expect(v.facts).toMatchObject({ caseNo: '330681-20261122-K7Q2M9XA', caseId: SAMPLE_FACTS.acceptance_receipt.caseId, documentType: 'acceptance_receipt', copy: false });
  });

  test('the signature covers the whole file but its own digits, and the ranges say so', () => {
    const found = locateSignature(genuine);
    if (!found.ok) throw new Error(found.reason);
    const [s0, l0, s1, l1] = found.fields.byteRange;
    expect([s0, l0, s1 - l0, s1 + l1]).toEqual([0, found.fields.contentsAt, 128, genuine.length]);
  });

  test.each([
    ['the first byte (%PDF header)', (_b: Buffer) => 1],
    ['a byte of the page content', (b: Buffer) => b.indexOf('stream') + 40],
    ['a byte in the middle', (b: Buffer) => Math.floor(b.length / 2)],
    ['a digit of the key id', (b: Buffer) => b.indexOf('/KeyId') + 8],
    ['a digit of the signature itself', (b: Buffer) => (locateSignature(b) as any).fields.contentsAt + 10],
    ['a digit of the byte ranges', (b: Buffer) => b.indexOf('/ByteRange') + 14],
    ['a byte of the cross-reference table', (b: Buffer) => b.lastIndexOf('\nxref\n') + 30],
    ['the last byte', (b: Buffer) => b.length - 2],
  ])('with one byte changed (%s) it is not genuine', (_where, at) => {
    const v = verifyDocument(flipped(genuine, at(genuine)), keys);
    expect(v.genuine).toBe(false);
    expect(v.reason).toMatch(/^(CONTENT_ALTERED|UNKNOWN_KEY|SIGNATURE_MALFORMED|NOT_PDF|BYTE_RANGE_MISMATCH|FACTS_ALTERED)$/);
  });

  test('with one byte of its page changed, the reason is that the content was altered', () => {
    expect(verifyDocument(flipped(genuine, Math.floor(genuine.length / 2)), keys)).toMatchObject({ genuine: false, reason: 'CONTENT_ALTERED', reasonText: expect.stringContaining('内容已被改动') });
  });

  test('with its facts edited (another 办件编号), it is not genuine: FACTS_ALTERED, or CONTENT_ALTERED once the digest is fixed up too', () => {
    const edit = (f: Record<string, any>) => { f.caseNo = '330681-20261122-K7Q2M9XB'; };
    expect(verifyDocument(withFactsEdited(genuine, edit), keys)).toMatchObject({ genuine: false, reason: 'FACTS_ALTERED' });
    expect(verifyDocument(withFactsEdited(genuine, edit, { fixDigest: true }), keys)).toMatchObject({ genuine: false, reason: 'CONTENT_ALTERED' });
  });

  test('with its facts edited and the file saved again by a PDF editor, it is not genuine', async () => {
    const doc = await PDFDocument.load(genuine);
    const sig = doc.catalog.lookup(PDFName.of('KytbSig'), PDFDict);
    const found = locateSignature(genuine);
    if (!found.ok) throw new Error(found.reason);
    const facts = JSON.parse(found.fields.factsJson);
    facts.copy = true;
    sig.set(PDFName.of('Facts'), PDFHexString.of(Buffer.from(canonicalJson(facts), 'utf8').toString('hex')));
    const resaved = Buffer.from(await doc.save({ useObjectStreams: false }));
    const v = verifyDocument(resaved, keys);
    expect(v.genuine).toBe(false);
    // the editor rewrote our dictionary (its fixed-width ranges) or the ranges no longer fit the file
    expect(['FACTS_ALTERED', 'BYTE_RANGE_MISMATCH', 'SIGNATURE_MALFORMED']).toContain(v.reason);
  });

  test('with bytes appended after signing (an incremental update), it is not genuine', () => {
    const appended = Buffer.concat([genuine, Buffer.from('\n1 0 obj\n<< /Title (forged) >>\nendobj\n', 'latin1')]);
    expect(verifyDocument(appended, keys)).toMatchObject({ genuine: false, reason: 'BYTE_RANGE_MISMATCH' });
  });

  test('signed with another key, it is not genuine; also not when it claims our key id', async () => {
    const other = generateSigningKey();
    const foreign = (await renderDocument(SAMPLE_FACTS.acceptance_receipt, other)).bytes;
    expect(verifyDocument(foreign, new Map([[other.keyId, other.publicKey]]))).toMatchObject({ genuine: true });
    const unknown = verifyDocument(foreign, keys);
    expect(unknown).toMatchObject({ genuine: false, reason: 'UNKNOWN_KEY' });
    // what a file that is not genuine claims (its key id, its facts) is not reported
    expect(unknown.keyId).toBeUndefined();
    expect(unknown.facts).toBeUndefined();
    // the forger writes our key id into the dictionary and signs with theirs
    const claimed = Buffer.from(foreign.toString('latin1').replace(`/KeyId (${other.keyId})`, `/KeyId (${ours.keyId})`), 'latin1');
    const forged = signSavedPdf(claimed, { ...other, keyId: ours.keyId });
    expect(verifyDocument(forged, keys)).toMatchObject({ genuine: false, reason: 'CONTENT_ALTERED' });
  });

  test('a PDF without our signature, one with two signature dictionaries, and a file that is no PDF are told apart', () => {
    expect(verifyDocument(TINY_PDF, keys)).toMatchObject({ genuine: false, reason: 'NO_SIGNATURE' });
    const found = locateSignature(genuine);
    if (!found.ok) throw new Error(found.reason);
    const dict = genuine.toString('latin1').match(/\/Type \/KytbSig[\s\S]*?\/Contents <[0-9a-f]{128}>/)![0];
    const twice = Buffer.concat([genuine.subarray(0, 20), Buffer.from(`\n% ${dict}\n`, 'latin1'), genuine.subarray(20)]);
    expect(verifyDocument(twice, keys)).toMatchObject({ genuine: false, reason: 'SIGNATURE_MALFORMED' });
    expect(verifyDocument(Buffer.from('MZ not a pdf at all'), keys)).toMatchObject({ genuine: false, reason: 'NOT_PDF' });
  });
});
