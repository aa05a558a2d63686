// Bodies for verifyReceipt: the genuine receipt, the receipt altered (a byte flipped, cut, appended to),
// other PDFs, and PDFs carrying a well-formed KYTB-DOC-SIG/1 dictionary whose signed facts are hostile
// (a caseId 10,000 levels deep, thousands of keys, a huge string, NUL, a lone surrogate), with their
// FactsSha256 right, so that the verifier gets past its first checks.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { RANGE_DIGITS, SIG_HEX_LENGTH, locateSignature } from '../../gateway/src/receipts/sigFormat.js';
import { TINY_PDF } from '../support/fixtures.js';
import { deepJson, wideJson } from './hostileJson.js';

const pad = (n: number) => String(n).padStart(RANGE_DIGITS, '0');

/** a PDF whose signature dictionary is well formed and consistent (ranges, FactsSha256), over `factsJson` */
export function craftedPdf(factsJson: string, keyId: string, signatureHex = 'ab'.repeat(SIG_HEX_LENGTH / 2)): Buffer {
  const factsSha = createHash('sha256').update(factsJson, 'utf8').digest('hex');
  const head = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /KytbSig 4 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n4 0 obj\n' +
    `<< /Type /KytbSig /Filter /Kytb.Ed25519 /V 1 /KeyId (${keyId}) /FactsSha256 (${factsSha}) /Facts <${Buffer.from(factsJson, 'utf8').toString('hex')}> /ByteRange [`;
  const tail = '\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
  // ranges are fixed-width, so the offsets do not depend on their own digits
  const rangeLen = 4 * RANGE_DIGITS + 3;
  const contentsAt = Buffer.byteLength(head, 'latin1') + rangeLen + '] /Contents <'.length;
  const total = contentsAt + SIG_HEX_LENGTH + '> >>'.length + tail.length;
  const range = `${pad(0)} ${pad(contentsAt)} ${pad(contentsAt + SIG_HEX_LENGTH)} ${pad(total - contentsAt - SIG_HEX_LENGTH)}`;
  return Buffer.from(`${head}${range}] /Contents <${signatureHex}> >>${tail}`, 'latin1');
}

const MARK = JSON.stringify('\u0001fuzz\u0001');

/** hostile JSON texts for one field of the facts */
const hostileValue = fc.oneof(
  fc.constantFrom('array', 'object').map((k) => ({ how: `${k} 10,000 levels deep`, text: () => deepJson(10_000, k as 'array' | 'object') })),
  fc.constant({ how: '5,000 keys', text: () => wideJson(5_000) }),
  fc.constant({ how: 'a 100 KB string', text: () => JSON.stringify('长'.repeat(33_000)) }),
  fc.constantFrom('null', '12345', '1e999', '-0', 'true', '[]', '{}', '"\\u0000"', '"\\ud800"', '"\\udfff\\ud800"', '{"__proto__":{"x":1}}').map((t) => ({ how: t, text: () => t })),
);

export function pdfBodies(genuine: Buffer, keyId: string): fc.Arbitrary<{ how: string; bytes: () => Buffer }> {
  const sig = locateSignature(genuine);
  const facts = sig.ok ? (JSON.parse(sig.fields.factsJson) as Record<string, unknown>) : { caseId: 'x' };
  const fields = [...new Set(['caseId', 'caseNo', 'documentType', 'documentId', 'issuedAt', 'copy', 'reprintNo', ...Object.keys(facts)])];
  return fc.oneof(
    fc.constant({ how: 'the genuine receipt', bytes: () => genuine }),
    fc.nat().map((i) => ({ how: `the receipt with byte ${i % genuine.length} flipped`, bytes: () => { const b = Buffer.from(genuine); b[i % b.length] = b[i % b.length]! ^ 0x01; return b; } })),
    fc.nat().map((i) => ({ how: `the receipt cut at ${i % genuine.length}`, bytes: () => genuine.subarray(0, Math.max(6, i % genuine.length)) })),
    fc.uint8Array({ maxLength: 64 }).map((extra) => ({ how: `the receipt with ${extra.length} bytes appended`, bytes: () => Buffer.concat([genuine, Buffer.from(extra)]) })),
    fc.constant({ how: 'a PDF without signature', bytes: () => TINY_PDF }),
    fc.tuple(fc.constantFrom(...fields), hostileValue, fc.boolean()).map(([field, v, ourKey]) => ({
      how: `a signed-looking PDF whose facts.${field} is ${v.how}${ourKey ? '' : ' (unknown key)'}`,
      bytes: () => craftedPdf(JSON.stringify({ ...facts, [field]: '\u0001fuzz\u0001' }).replace(MARK, () => v.text()), ourKey ? keyId : '0123456789abcdef'),
    })),
    fc.constantFrom('', 'not json', '[', '{"caseId":', '\u0000').map((t) => ({ how: `a signed-looking PDF whose facts are ${JSON.stringify(t)}`, bytes: () => craftedPdf(t, keyId) })),
  );
}
