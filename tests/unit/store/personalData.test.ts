// The codec of personal data at rest (gateway/src/store/personalData.ts): what it seals, that a sealed
// value opens only where it was sealed, that an unchanged value keeps its ciphertext, and rotation.
import { describe, expect, test } from 'vitest';
import type { CaseRecord } from '../../../gateway/src/domain/case.js';
import { generateKeyring, rotateKeyring } from '../../../gateway/src/store/keyring.js';
import { createPersonalDataCodec, PersonalDataError } from '../../../gateway/src/store/personalData.js';
import { TINY_PDF } from '../../support/fixtures.js';
import { caseRecord } from '../../support/storeCases.js';

const ring = generateKeyring();
const codec = createPersonalDataCodec(ring);

/** a case with every personal field there is, the partner's posting of the result included */
function fullCase(n = 1): CaseRecord {
  return caseRecord(n, {
    applicant: { kind: 'organization', name: '诸暨市暨阳五金有限公司', idType: '990', idNumber: '91330681MA2D3K4L0X', phone: '13812345678', address: '浙江省诸暨市暨阳街道艮塔西路1号', agentName: '张三' },
    delivery: { byPost: true, address: '浙江省诸暨市浣东街道西施大街88号' },
    result: { documentName: '准予注销登记通知书', completedAt: '2026-11-20T08:00:00.000Z', delivery: { byPost: true, address: '浙江省诸暨市陶朱街道望云路9号', trackingNo: 'SF1234567890' } },
  });
}

const PLAIN = ['诸暨市暨阳五金有限公司', '91330681MA2D3K4L0X', '13812345678', '艮塔西路', '张三', '西施大街', '望云路'];
const SEALED = /^pii1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/;

describe('sealing a case record', () => {
  test('every personal field is sealed on its own with the current key, the rest stays as it was, and it opens to the same record', () => {
    const plain = fullCase();
    const sealed = codec.sealCase(plain);
    const json = JSON.stringify(sealed);
    for (const word of PLAIN) expect(json).not.toContain(word);
    for (const value of [sealed.applicant.name, sealed.applicant.idNumber, sealed.applicant.phone, sealed.applicant.address, sealed.applicant.agentName, sealed.delivery.address, sealed.result?.delivery?.address]) {
      expect(value).toMatch(SEALED);
      expect(value?.split('.')[1]).toBe(ring.current);
    }
    expect(sealed).toMatchObject({ caseNo: plain.caseNo, applicant: { kind: 'organization', idType: '990' }, result: { documentName: '准予注销登记通知书', delivery: { trackingNo: 'SF1234567890' } } });
    expect(sealed.idNumberHash).toMatch(/^[0-9a-f]{64}$/);
    expect(codec.openCase(sealed)).toEqual(plain);
    // sealing copies: the record given is not changed
    expect(plain).toEqual(fullCase());
  });

  test('absent optional fields stay absent; each value gets a fresh IV, so equal values do not look equal', () => {
    const sealed = codec.sealCase(caseRecord(1));
    expect(sealed.applicant).not.toHaveProperty('address');
    expect(sealed.delivery).not.toHaveProperty('address');
    expect(sealed).not.toHaveProperty('result');
    expect(codec.sealCase(caseRecord(1)).applicant.idNumber).not.toBe(sealed.applicant.idNumber);
  });

  test('a field whose value did not change keeps its ciphertext; a changed one is sealed anew', () => {
    const stored = codec.sealCase(fullCase());
    const draft = codec.openCase(stored);
    const values = codec.personalValues(draft);
    draft.applicant.phone = '13900001111';
    draft.status = 'completed';
    const next = codec.sealCase(draft, { sealed: stored, values });
    expect(next.applicant.name).toBe(stored.applicant.name);
    expect(next.applicant.idNumber).toBe(stored.applicant.idNumber);
    expect(next.result?.delivery?.address).toBe(stored.result?.delivery?.address);
    expect(next.applicant.phone).not.toBe(stored.applicant.phone);
    expect(codec.openCase(next).applicant.phone).toBe('13900001111');
  });

  test('opening what was just sealed reuses the plain values it was sealed from, and still checks any other value', () => {
    const plain = fullCase();
    const sealed = codec.sealCase(plain);
    const known = { sealed, values: codec.personalValues(plain) };
    expect(codec.openCase(structuredClone(sealed), known)).toEqual(plain);
    const changed = structuredClone(sealed);
    changed.applicant.phone = sealed.applicant.idNumber;
    expect(() => codec.openCase(changed, known)).toThrow(/applicant\.phone/);
    // known values of another case are not taken
    expect(() => codec.openCase({ ...structuredClone(sealed), id: 'case-00009' }, known)).toThrow(PersonalDataError);
  });
});

describe('a sealed value opens only where it was sealed', () => {
  const stored = codec.sealCase(fullCase(1));
  const opening = (edit: (r: CaseRecord) => void, id = stored.id) => {
    const r: CaseRecord = structuredClone({ ...stored, id });
    edit(r);
    return () => codec.openCase(r);
  };

  test.each([
    ['moved to another case', opening(() => undefined, 'case-00002'), 'applicant.name'],
    ['moved to another field (the ID number into the phone)', opening((r) => { r.applicant.phone = stored.applicant.idNumber; }), 'applicant.phone'],
    ['moved from the delivery address into the applicant’s', opening((r) => { r.applicant.address = stored.delivery.address; }), 'applicant.address'],
    ['a ciphertext byte changed', opening((r) => { const p = r.applicant.idNumber.split('.'); p[3] = (p[3]![0] === 'A' ? 'B' : 'A') + p[3]!.slice(1); r.applicant.idNumber = p.join('.'); }), 'applicant.idNumber'],
    ['its tag changed', opening((r) => { const p = r.applicant.phone.split('.'); p[4] = (p[4]![0] === 'A' ? 'B' : 'A') + p[4]!.slice(1); r.applicant.phone = p.join('.'); }), 'applicant.phone'],
    ['its tag cut to 4 bytes', opening((r) => { const p = r.applicant.phone.split('.'); p[4] = Buffer.from(p[4]!, 'base64url').subarray(0, 4).toString('base64url'); r.applicant.phone = p.join('.'); }), 'applicant.phone'],
    ['its key id changed', opening((r) => { r.applicant.name = r.applicant.name.replace(`.${ring.current}.`, '.deadbeef.'); }), 'applicant.name'],
    ['replaced by a plain value', opening((r) => { r.applicant.name = '李四'; }), 'applicant.name'],
  ])('%s: it fails to open, naming the field, instead of reading as wrong data', (_name, open, field) => {
    expect(open).toThrow(PersonalDataError);
    expect(open).toThrow(new RegExp(`^personal data ${field.replace('.', '\\.')} of case`));
  });

  test('a key the keyring does not have is named', () => {
    const other = createPersonalDataCodec(generateKeyring());
    expect(() => other.openCase(stored)).toThrow(new RegExp(`sealed with key ${ring.current}, which the keyring does not have`));
  });
});

describe('blobs', () => {
  const bytes = Buffer.concat([TINY_PDF, Buffer.from('% 身份证正反面扫描件 330681199003071233\n')]);
  const sealed = codec.sealBlob('case-00001', 'm1', bytes);

  test('are sealed whole behind a header (magic, key id, IV, tag) and open to the same bytes', () => {
    expect(sealed.subarray(0, 4).toString('latin1')).toBe('KYPB');
    expect(sealed[4]).toBe(1);
    expect(sealed.subarray(6, 6 + sealed[5]!).toString('latin1')).toBe(ring.current);
    expect(sealed.length).toBe(6 + ring.current.length + 12 + 16 + bytes.length);
    expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);
    expect(sealed.includes(Buffer.from('330681199003071233'))).toBe(false);
    expect(codec.openBlob('case-00001', 'm1', sealed)).toEqual(bytes);
  });

  test.each([
    ['moved to another case', () => codec.openBlob('case-00002', 'm1', sealed)],
    ['moved to another name', () => codec.openBlob('case-00001', 'm2', sealed)],
    ['a byte changed', () => { const t = Buffer.from(sealed); t[t.length - 3]! ^= 1; return codec.openBlob('case-00001', 'm1', t); }],
    ['cut short', () => codec.openBlob('case-00001', 'm1', sealed.subarray(0, 20))],
    ['a plain file', () => codec.openBlob('case-00001', 'm1', bytes)],
  ])('%s: it fails to open', (_name, open) => {
    expect(open).toThrow(PersonalDataError);
  });
});

describe('rotation and the blind index', () => {
  test('after rotation new values use the new key and the old ones still open', () => {
    const oldValue = codec.sealCase(fullCase());
    const oldBlob = codec.sealBlob('case-00001', 'm1', TINY_PDF);
    const rotated = rotateKeyring(ring);
    expect(rotated.current).not.toBe(ring.current);
    expect(rotated.keys.size).toBe(2);
    const after = createPersonalDataCodec(rotated);
    expect(after.openCase(oldValue)).toEqual(fullCase());
    expect(after.openBlob('case-00001', 'm1', oldBlob)).toEqual(TINY_PDF);
    expect(after.sealCase(fullCase()).applicant.idNumber.split('.')[1]).toBe(rotated.current);
    expect(after.sealBlob('case-00001', 'm1', TINY_PDF).subarray(6, 6 + rotated.current.length).toString('latin1')).toBe(rotated.current);
    // the lookup key does not rotate: the index of old cases still matches
    expect(after.idNumberHash('91330681MA2D3K4L0X')).toBe(oldValue.idNumberHash);
  });

  test('the ID number index ignores case and surrounding blanks and depends on the lookup key', () => {
    const h = codec.idNumberHash('33068119900307123X');
    expect(codec.idNumberHash(' 33068119900307123x ')).toBe(h);
    expect(codec.idNumberHash('330681199003071233')).not.toBe(h);
    expect(createPersonalDataCodec(generateKeyring()).idNumberHash('33068119900307123X')).not.toBe(h);
  });
});
