import { describe, expect, test } from 'vitest';
import type { IdType } from '../../gateway/src/domain/case.js';
import type { PartnerReportedStatus } from '../../gateway/src/ports/partner.js';
import { sampleOutboundCase, sha256, TINY_PDF, TINY_PNG, VALID_ID_NUMBER } from '../../tests/support/fixtures.js';
import {
  fromBlzt, fromCxsqReply, fromCxztData, fromJgxzData, fromWjlx, parseSj, formatSj, toBqbzRequest, toClscRequest, toCxsqRequest, toSbRequest,
  toWjlx, toZjlx,
} from './mapping.js';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import { CONTRACT_FILE, type CxztData, type Lsjl } from './types.js';

const contract = loadContract(CONTRACT_FILE);
const CLBH = new Map([['m1', 'CL20261122100000000001'], ['m2', 'CL20261122100000000002']]);
const hanzhongCase = (overrides = {}) => sampleOutboundCase({ handlingRegion: '610702', ...overrides }).case;

describe('证件类型 GA/T 2000.156 → 汉中 zjlx', () => {
  test.each<[string, { given: { kind: 'person' | 'organization'; idType: IdType }; want: string }]>([
    ['居民身份证 111', { given: { kind: 'person', idType: '111' }, want: '01' }],
    ['临时居民身份证 112', { given: { kind: 'person', idType: '112' }, want: '02' }],
    ['户口簿 113', { given: { kind: 'person', idType: '113' }, want: '03' }],
    ['普通护照 414', { given: { kind: 'person', idType: '414' }, want: '04' }],
    ['台湾居民来往大陆通行证 511', { given: { kind: 'person', idType: '511' }, want: '05' }],
    ['港澳居民来往内地通行证 516', { given: { kind: 'person', idType: '516' }, want: '06' }],
    ['外国人永久居留身份证 553', { given: { kind: 'person', idType: '553' }, want: '07' }],
    ['其他 990', { given: { kind: 'person', idType: '990' }, want: '99' }],
    ['an organization (统一社会信用代码)', { given: { kind: 'organization', idType: '990' }, want: '49' }],
  ])('when the applicant holds %s, 汉中 gets its own code', (_name, { given, want }) => {
    expect(toZjlx(given)).toBe(want);
  });

  test('when an ID type has no 汉中 code, the mapping refuses and names the code', () => {
    expect(() => toZjlx({ kind: 'person', idType: '999' as IdType })).toThrow(/zjlx.*"999"/);
  });
});

describe('办理状态 blzt → canonical status', () => {
  test.each<[string, { given: { code: string; previous?: PartnerReportedStatus }; want: PartnerReportedStatus }]>([
    ['1 收件', { given: { code: '1' }, want: 'forwarded' }],
    ['2 受理', { given: { code: '2' }, want: 'accepted' }],
    ['3 审核', { given: { code: '3' }, want: 'accepted' }],
    ['4 办结', { given: { code: '4' }, want: 'completed' }],
    ['5 不予受理', { given: { code: '5' }, want: 'rejected' }],
    ['11 补齐补正', { given: { code: '11' }, want: 'needs_supplement' }],
    ['12 挂起', { given: { code: '12' }, want: 'accepted' }],
    ['99 其他 after 受理', { given: { code: '99', previous: 'accepted' }, want: 'accepted' }],
    ['99 其他 while waiting for 补正', { given: { code: '99', previous: 'needs_supplement' }, want: 'needs_supplement' }],
  ])('when 汉中 reports %s, the case is in the matching canonical state', (_name, { given, want }) => {
    expect(fromBlzt(given.code, given.previous)).toBe(want);
  });

  test('when 汉中 reports a status code missing from the table, the mapping refuses and names it', () => {
    expect(() => fromBlzt('7')).toThrow(/blzt.*"7"/);
  });
});

describe('文件类型 wjlx', () => {
  test.each([
    ['a PDF', { given: 'application/pdf', want: 'pdf' }],
    ['a JPEG', { given: 'image/jpeg', want: 'jpg' }],
    ['a PNG', { given: 'image/png', want: 'png' }],
  ])('when the material is %s, wjlx names it and maps back', (_name, { given, want }) => {
    expect(toWjlx(given)).toBe(want);
    expect(fromWjlx(want)).toBe(given);
  });

  test('when a file type has no wjlx code, the mapping refuses both ways', () => {
    expect(() => toWjlx('image/gif')).toThrow(/wjlx.*"image\/gif"/);
    expect(() => fromWjlx('tif')).toThrow(/wjlx.*"tif"/);
  });
});

describe('日期 yyyyMMddHHmmss, 北京时间', () => {
  test.each([
    ['a morning in Shanghai', { given: '2026-11-22T02:00:00.000Z', want: '20261122100000' }],
    ['UTC evening, already the next day in Shanghai', { given: '2026-11-22T16:00:00.000Z', want: '20261123000000' }],
    ['the last second of the year', { given: '2026-12-31T15:59:59.000Z', want: '20261231235959' }],
    ['new year in Shanghai, still old year in UTC', { given: '2026-12-31T16:00:00.000Z', want: '20270101000000' }],
  ])('when the instant is %s, it is written and read back in 北京时间', (_name, { given, want }) => {
    expect(formatSj(given)).toBe(want);
    expect(parseSj(want).toISOString()).toBe(given);
  });

  test.each([
    ['too short', { given: '2026112210000' }],
    ['not digits', { given: '2026-11-22 10:' }],
    ['30 February', { given: '20260230120000' }],
    ['hour 25', { given: '20261122250000' }],
  ])('when a date is %s, parsing refuses it', (_name, { given }) => {
    expect(() => parseSj(given)).toThrow(RangeError);
  });

  test('when the machine runs in another time zone, the dates are still 北京时间', () => {
    /* eslint-disable no-restricted-properties -- the test changes the process time zone on purpose */
    const saved = process.env.TZ;
    process.env.TZ = 'Pacific/Honolulu';
    try {
      expect(new Date('2026-11-22T02:00:00.000Z').getHours()).toBe(16);
      expect(formatSj('2026-11-22T02:00:00.000Z')).toBe('20261122100000');
      expect(parseSj('20261122100000').toISOString()).toBe('2026-11-22T02:00:00.000Z');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    /* eslint-enable no-restricted-properties */
  });
});

describe('toSbRequest (operationId sb)', () => {
  const organization = hanzhongCase({
    applicant: { kind: 'organization', name: '诸暨市某某商贸有限公司', idType: '990', idNumber: '91330681MA2BXXXX0L', phone: '0575-87001234', agentName: '李四', address: '诸暨市某路1号' },
    delivery: { byPost: false, electronic: true },
  });
  test.each([
    ['a person whose result is posted', {
      given: hanzhongCase(),
      want: {
        present: {
          qqlsh: 'k1:sb', bjbh: '330681-20261122-K7Q2M9XA', sxbm: '000121009000', bjlx: '2', blxs: '1', sjdqhdm: '330681', bldqhdm: '610702',
          sqrlx: '1', sqrxm: '张三', zjlx: '01', zjhm: VALID_ID_NUMBER, lxdh: '13812345678', sqsj: '20261122100000', cnbjsx: 5,
          cnbjsj: '20261128000000', sjdw: '诸暨市行政服务中心跨域通办窗口', sjr: '王芳', sfyj: '1', yjdz: '浙江省诸暨市暨阳街道艮塔西路1号',
          cllb: [{ clbh: 'CL20261122100000000001', clbm: 'M01', clmc: '注销登记申请书' }, { clbh: 'CL20261122100000000002', clbm: 'M02', clmc: '营业执照正副本' }],
        },
        absent: ['jbrxm'],
      },
    }],
    ['an organization with its agent, result delivered online', {
      given: organization,
      want: { present: { sqrlx: '2', zjlx: '49', zjhm: '91330681MA2BXXXX0L', jbrxm: '李四', sfyj: '0' }, absent: ['yjdz'] },
    }],
  ])('when the case is %s, 汉中 gets what its contract needs and nothing more', (_name, { given, want }) => {
    const body = toSbRequest(given, CLBH, 'k1:sb');
    expect(body).toMatchObject(want.present);
    for (const key of want.absent) expect(body).not.toHaveProperty(key);
    expect(contract.validateRequest('sb', body)).toEqual([]);
  });

  test('when the result is posted but no address is known, the contract check names the missing yjdz', () => {
    const c = hanzhongCase({ delivery: { byPost: true }, applicant: { ...hanzhongCase().applicant, address: undefined } });
    const errors = contract.validateRequest('sb', toSbRequest(c, CLBH, 'k1:sb'));
    expect(errors.map((e) => e.field)).toContain('/yjdz');
  });
});

describe('toClscRequest (clsc) and toBqbzRequest (bqbz)', () => {
  test('when a material is uploaded, it travels as base64 with its declared size and hash', () => {
    const c = hanzhongCase();
    const m = c.materials[1]!;
    const body = toClscRequest(c, m, TINY_PNG, 'k1:cl:m2');
    expect(body).toEqual({
      qqlsh: 'k1:cl:m2', bjbh: c.caseNo, clbm: 'M02', clmc: '营业执照正副本', wjmc: 'yyzz.png', wjlx: 'png',
      wjdx: TINY_PNG.length, ys: 1, wjnr: TINY_PNG.toString('base64'), wjhash: sha256(TINY_PNG),
    });
    expect(contract.validateRequest('clsc', body)).toEqual([]);
  });

  test('when a 补正 is sent, it lists every material of the case under our 办件编号', () => {
    const body = toBqbzRequest(hanzhongCase(), CLBH, 'k2:bqbz');
    expect(body.cllb.map((cl) => cl.clbh)).toEqual([...CLBH.values()]);
    expect(contract.validateRequest('bqbz', body)).toEqual([]);
  });
});

describe('fromCxztData: the status history', () => {
  const entry = (jlid: string, blzt: Lsjl['blzt'], clsj: string, extra: Partial<Lsjl> = {}): Lsjl =>
    ({ jlid: jlid.padEnd(32, '0'), blzt, blztmc: '', clsj, ...extra });
  const history = (lsjl: Lsjl[]): CxztData => ({ sblsh: 'SB61070020261122000001', bjbh: 'case-1', blzt: lsjl.at(-1)!.blzt, lsjl });
  test.each([
    ['收件 → 受理 → 审核 → 挂起', {
      given: history([entry('a1', '1', '20261122100000'), entry('a2', '2', '20261122110000'), entry('a3', '3', '20261122120000'), entry('a4', '12', '20261122130000')]),
      want: [{ status: 'forwarded', partnerStatus: '1', occurredAt: '2026-11-22T02:00:00.000Z' }, { status: 'accepted', partnerStatus: '2' }, { status: 'accepted', partnerStatus: '3' }, { status: 'accepted', partnerStatus: '12' }],
    }],
    ['补齐补正, then 其他', {
      given: history([entry('b1', '1', '20261122100000'), entry('b2', '11', '20261122110000', { bqclqd: ['身份证复印件'], blyj: '请补齐' }), entry('b3', '99', '20261122120000')]),
      want: [{ status: 'forwarded' }, { status: 'needs_supplement', missing: ['身份证复印件'], note: '请补齐' }, { status: 'needs_supplement', partnerStatus: '99' }],
    }],
    ['不予受理', {
      given: history([entry('c1', '1', '20261122100000'), entry('c2', '5', '20261122110000', { byslyy: '不属于本地管辖' })]),
      want: [{ status: 'forwarded' }, { status: 'rejected', reason: '不属于本地管辖' }],
    }],
    ['办结, posted', {
      given: history([entry('d1', '1', '20261122100000'), entry('d2', '4', '20261125160000', { bjjg: { jgmc: '准予注销登记通知书', zzbh: 'ZX001', jgwjbh: 'JG20261125160000000001', sfyj: '1', yjdh: 'SF123' } })]),
      want: [{ status: 'forwarded' }, { status: 'completed', eventId: 'd2'.padEnd(32, '0'), result: { documentName: '准予注销登记通知书', certificateNo: 'ZX001', delivery: { byPost: true, electronic: false, trackingNo: 'SF123' } } }],
    }],
  ])('when the history is %s, each entry becomes one canonical update in order', (_name, { given, want }) => {
    const updates = fromCxztData(given);
    expect(updates).toMatchObject(want.map((w) => ({ partnerRef: given.sblsh, caseNo: 'case-1', ...w })));
    expect(updates.map((u) => u.eventId)).toEqual(given.lsjl.map((e) => e.jlid));
  });

  test('when a history entry carries an unknown blzt, the whole poll is refused rather than guessed', () => {
    expect(() => fromCxztData(history([entry('e1', '7' as Lsjl['blzt'], '20261122100000')]))).toThrow(/"7"/);
  });
});

describe('fromJgxzData (jgxz)', () => {
  const file = { jgwjbh: 'JG20261125160000000001', wjmc: '结果.pdf', wjlx: 'pdf' as const, wjnr: TINY_PDF.toString('base64') };
  test('when the downloaded bytes match wjhash, the result document is returned', () => {
    expect(fromJgxzData({ ...file, wjhash: sha256(TINY_PDF) })).toEqual({ fileName: '结果.pdf', mediaType: 'application/pdf', contentBase64: file.wjnr, sha256: sha256(TINY_PDF) });
  });
  test('when the downloaded bytes do not match wjhash, it is a contract violation', () => {
    expect(() => fromJgxzData({ ...file, wjhash: sha256(TINY_PNG) })).toThrow(expect.objectContaining({ code: 'PARTNER_CONTRACT_VIOLATION' }));
  });
});

describe('the contract file', () => {
  test.each(contract.operations().map((op) => [op.operationId, op] as const))('when %s is called as its own example shows, the example holds to the contract', (id, op) => {
    const node = op.pointer.slice(2).split('/').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k.replace(/~1/g, '/').replace(/~0/g, '~')], contract.document) as {
      requestBody: { content: Record<string, { example?: unknown }> }; responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
    };
    const example = node.requestBody.content['application/json']?.example;
    expect(example).toBeDefined();
    expect(contract.validateRequest(id, example)).toEqual([]);
    const ok = node.responses['200']?.content?.['application/json']?.example;
    expect(ok).toBeDefined();
    expect(contract.validateResponse(id, 200, ok)).toEqual([]);
  });
});

describe('toCxsqRequest (cxsq, 撤回申请) and its answer', () => {
  const req = { caseNo: '330681-20261122-K7Q2M9XA', partnerRef: 'SB61070020261122000001', acceptRegion: '330681', idempotencyKey: '330681-20261122-K7Q2M9XA:610700:cancel', reason: '申请人不再办理', requestedAt: '2026-11-23T01:00:00.000Z' };

  test('the request names the 申报流水号 and our 办件编号, its qqlsh derived from the key, and holds to the contract', () => {
    const body = toCxsqRequest(req);
    expect(body).toEqual({ qqlsh: `${req.idempotencyKey}:cxsq`, sblsh: req.partnerRef, bjbh: req.caseNo, cxyy: '申请人不再办理', sqsj: '20261123090000' });
    expect(contract.validateRequest('cxsq', body)).toEqual([]);
  });

  test.each([
    ['code 0 is withdrawn (blzt 13)', { given: { code: '0', msg: '成功', data: { sblsh: req.partnerRef, blzt: '13', cxsj: '20261123090005' } }, want: { outcome: 'withdrawn', partnerStatus: '13', occurredAt: '2026-11-23T01:00:05.000Z' } }],
    ['3008 with blzt 4 is refused as 办结', { given: { code: '3008', msg: '已办结或不予受理，不能撤回', data: { blzt: '4' } }, want: { outcome: 'refused', partnerStatus: '4', reason: '已办结或不予受理，不能撤回', decided: 'completed' } }],
    ['3008 with blzt 5 is refused as 不予受理', { given: { code: '3008', msg: '已办结或不予受理，不能撤回', data: { blzt: '5' } }, want: { outcome: 'refused', partnerStatus: '5', reason: '已办结或不予受理，不能撤回', decided: 'rejected' } }],
  ])('%s', (_name, { given, want }) => {
    expect(fromCxsqReply(given as never)).toEqual(want);
  });
});
