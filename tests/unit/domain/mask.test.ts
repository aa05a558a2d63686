import { describe, expect, test } from 'vitest';
import { maskIdNumber, maskName, maskPersonalData, maskPhone, maskText } from '../../../gateway/src/domain/mask.js';

describe('masking one value of a known kind', () => {
  test.each([
    ['an ID number keeps its first 4 and last 4', { given: maskIdNumber('330681199003071233'), want: '3306**********1233' }],
    ['an ID number ending in X', { given: maskIdNumber('11010519491231002X'), want: '1101**********002X' }],
    ['a short value is masked whole', { given: maskIdNumber('1234'), want: '****' }],
    ['a mobile number keeps its first 3 and last 4', { given: maskPhone('13812345678'), want: '138****5678' }],
    ['a three-character name keeps both ends', { given: maskName('张三丰'), want: '张*丰' }],
    ['a two-character name keeps the surname', { given: maskName('张三'), want: '张*' }],
    ['a four-character name', { given: maskName('欧阳娜娜'), want: '欧**娜' }],
    ['a one-character name', { given: maskName('张'), want: '*' }],
    ['no name', { given: maskName(''), want: '' }],
  ])('%s', (_name, { given, want }) => {
    expect(given).toBe(want);
  });
});

describe('maskText: personal numbers inside free text', () => {
  test.each([
    ['an ID number and a phone in a sentence', { given: '申请人身份证号330681199003071233，电话13812345678', want: '申请人身份证号3306**********1233，电话138****5678' }],
    ['an ID number with a lower-case x', { given: 'id=11010519491231002x', want: 'id=1101**********002x' }],
    ['a mistyped ID number is still personal data', { given: '330681199003071234', want: '3306**********1234' }],
    ['a 台湾居民居住证 number', { given: '830000199506150029', want: '8300**********0029' }],
    ['a phone with +86', { given: 'tel: +8613812345678', want: 'tel: +86138****5678' }],
    ['a phone in JSON', { given: '{"phone":"13912345678"}', want: '{"phone":"139****5678"}' }],
    ['a 统一社会信用代码 is not personal data', { given: '统一社会信用代码91330681MA2BXY7Q03', want: '统一社会信用代码91330681MA2BXY7Q03' }],
    ['nor is an all-digit one', { given: 'code 913306811000000247', want: 'code 913306811000000247' }],
    ['nor one that starts like a province code', { given: 'code 113306811000000405', want: 'code 113306811000000405' }],
    ['a landline is left alone', { given: '0575-87012345', want: '0575-87012345' }],
    ['a long serial is not cut into', { given: '20261122000001234567', want: '20261122000001234567' }],
    ['eleven digits inside a longer run are not a phone', { given: '213812345678', want: '213812345678' }],
    ['eleven digits not starting 13–19 are not a phone', { given: '12812345678', want: '12812345678' }],
    ['text with no long number is returned as is', { given: '办件编号 330681-20261122-K7Q2M9XA', want: '办件编号 330681-20261122-K7Q2M9XA' }],
  ])('%s', (_name, { given, want }) => {
    expect(maskText(given)).toBe(want);
  });
});

describe('maskPersonalData: a masked deep copy for the log serializer', () => {
  test('masks at every depth and leaves the original untouched', () => {
    const original = {
      caseId: 'c1',
      applicant: { name: '张三', idNumber: '330681199003071233', phone: '13812345678', orgCode: '91330681MA2BXY7Q03' },
      notes: ['回电 13912345678', { deep: [['身份证 11010519491231002X']] }],
      count: 3,
      ok: true,
      none: null,
      missing: undefined,
    };
    const before = structuredClone(original);
    expect(maskPersonalData(original)).toEqual({
      caseId: 'c1',
      applicant: { name: '张三', idNumber: '3306**********1233', phone: '138****5678', orgCode: '91330681MA2BXY7Q03' },
      notes: ['回电 139****5678', { deep: [['身份证 1101**********002X']] }],
      count: 3,
      ok: true,
      none: null,
      missing: undefined,
    });
    expect(original).toEqual(before);
  });

  test('a mobile number stored as a number is masked too', () => {
    expect(maskPersonalData({ phone: 13812345678, ts: 1763800000000 })).toEqual({ phone: '138****5678', ts: 1763800000000 });
  });

  test('a cycle becomes "[Circular]"; an object met twice without a cycle is copied twice', () => {
    const shared = { phone: '13812345678' };
    const a: Record<string, unknown> = { left: shared, right: shared };
    a.self = a;
    expect(maskPersonalData(a)).toEqual({ left: { phone: '138****5678' }, right: { phone: '138****5678' }, self: '[Circular]' });
  });

  test('a Buffer is summarised, never dumped (it may be a scanned ID card)', () => {
    expect(maskPersonalData({ file: Buffer.from('330681199003071233') })).toEqual({ file: '[Buffer 18 bytes]' });
    expect(maskPersonalData(new Uint8Array(4))).toBe('[Buffer 4 bytes]');
  });

  test('an Error becomes a plain object with its message, stack and own fields masked', () => {
    const err = Object.assign(new Error('身份证 330681199003071233 校验失败'), { code: 'ID_NUMBER_INVALID', phone: '13812345678' });
    const out = maskPersonalData(err) as Record<string, string>;
    expect(out).toMatchObject({ name: 'Error', message: '身份证 3306**********1233 校验失败', code: 'ID_NUMBER_INVALID', phone: '138****5678' });
    expect(out.stack).toContain('3306**********1233');
    expect(out.stack).not.toContain('330681199003071233');
  });

  test('a Date is copied as a Date; Map, Set and toJSON are honoured', () => {
    const d = new Date('2026-11-22T02:00:00Z');
    const out = maskPersonalData({ d, m: new Map([['phone', '13812345678']]), s: new Set(['13812345678']), u: new URL('http://127.0.0.1/?p=13812345678') }) as Record<string, unknown>;
    expect(out.d).toEqual(d);
    expect(out.d).not.toBe(d);
    expect(out.m).toEqual(new Map([['phone', '138****5678']]));
    expect(out.s).toEqual(new Set(['138****5678']));
    expect(out.u).toBe('http://127.0.0.1/?p=138****5678');
  });

  test('never throws: a throwing getter, a hostile proxy, absurd nesting', () => {
    const getter = Object.defineProperty({ a: 1 }, 'boom', { enumerable: true, get: () => { throw new Error('no'); } });
    expect(maskPersonalData(getter)).toEqual({ a: 1, boom: '[Unreadable]' });
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('no'); } });
    expect(maskPersonalData({ p: proxy })).toEqual({ p: '[Unreadable]' });
    expect(maskPersonalData(proxy)).toBe('[Unreadable]');
    let deep: Record<string, unknown> = { phone: '13812345678' };
    for (let i = 0; i < 10_000; i++) deep = { deep };
    expect(JSON.stringify(maskPersonalData(deep))).toContain('[Too deep]');
  });

  test('a "__proto__" key from parsed JSON stays data and does not change the copy’s prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"phone": "13812345678"}}') as object;
    const out = maskPersonalData(parsed) as object;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ phone: '138****5678' });
  });

  test('strings, primitives and functions pass through', () => {
    expect(maskPersonalData('电话13812345678')).toBe('电话138****5678');
    expect(maskPersonalData(42)).toBe(42);
    expect(maskPersonalData(undefined)).toBeUndefined();
    const f = () => 1;
    expect(maskPersonalData(f)).toBe(f);
  });
});
