// What the contract cannot say about a valid request, per operation: values that exist in this world
// (an item in the catalog, a case's partner ref and 办件编号, a session's join code), identity numbers
// with their check digit, material contents that match their SHA-256, fresh partner times. Hints replace
// a property's generated value (by property name); a fix makes the generated value consistent. Both
// leave a share of the values as the schema made them, so that those are fuzzed too.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { DECIDED_HERE } from '../../gateway/src/domain/catalog.js';
import { OFFERED_ITEMS } from '../support/registry.js';
import { makeIdNumber } from '../../gateway/src/domain/idNumber.js';
import { makeCreditCode } from '../../gateway/src/domain/creditCode.js';
import { formatNxTime } from '../../partners/640000-ningxia/mapping.js';
import { TINY_PDF, TINY_PNG } from '../support/fixtures.js';
import type { Fixtures } from './fuzzWorld.js';
import type { Hints } from './schemaArbitrary.js';

export interface BodyHints { hints: Hints; fix?: (value: any, pick: number) => any }

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const mostly = <T>(real: fc.Arbitrary<T>, schemaMade?: fc.Arbitrary<T>) => (schemaMade ? fc.oneof({ arbitrary: real, weight: 4 }, { arbitrary: schemaMade, weight: 1 }) : real);
const FILES = [TINY_PDF, TINY_PNG];

/** a resident's 公民身份号码 or an organisation's 统一社会信用代码 that pass their check digits */
function fixApplicant(a: any, pick: number, regions: string[]): any {
  if (!a || typeof a !== 'object' || pick % 5 === 0) return a;
  const region = regions[pick % regions.length]!;
  if (a.kind === 'organization') return { ...a, idType: '990', idNumber: makeCreditCode('91', region, `MA${String(pick % 1e6).padStart(6, '0')}`) };
  const day = String(1 + (pick % 28)).padStart(2, '0');
  return { ...a, idType: pick % 2 ? '111' : '112', idNumber: makeIdNumber(region, `1985${String(1 + (pick % 12)).padStart(2, '0')}${day}`, String(pick % 1000).padStart(3, '0')) };
}

function fixMaterials(ms: any, pick: number): any {
  if (!Array.isArray(ms) || pick % 5 === 0) return ms;
  return ms.map((m, i) => {
    const f = FILES[(pick + i) % FILES.length]!;
    return m && typeof m === 'object' ? { ...m, contentBase64: f.toString('base64'), sha256: sha(f) } : m;
  });
}

const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');

export function bodyHints(opId: string, fx: Fixtures): BodyHints {
  switch (opId) {
    case 'login':
      return {
        hints: {
          username: mostly(fc.constantFrom('zhuji02', 'hanzhong01', 'ningxia01', 'nobody'), fc.string({ minLength: 1, maxLength: 64 })),
          password: mostly(fc.constantFrom('Zhuji@2026', 'Partner@2026', 'wrong'), fc.string({ minLength: 1, maxLength: 128 })),
        },
      };
    case 'createCase':
      return {
        hints: { itemCode: mostly(fc.constantFrom(...OFFERED_ITEMS.map((i) => i.itemCode))) },
        fix: (v, pick) => {
          if (!v || typeof v !== 'object' || !v.applicant) return v;
          // an itemCode more than one partner offers needs the partner: named mostly, else left out (undefined
          // is not sent) or as the schema made it
          const offers = OFFERED_ITEMS.filter((i) => i.itemCode === v.itemCode);
          const item = offers[pick % Math.max(offers.length, 1)];
          const applicant = item && pick % 5 ? { ...v.applicant, kind: item.applicantKinds[pick % item.applicantKinds.length] } : v.applicant;
          const partner = item && pick % 3 ? { partner: item.partner } : pick % 2 ? { partner: undefined } : {};
          return { ...v, ...partner, applicant: fixApplicant(applicant, pick, ['330681', '330604', '110101']) };
        },
      };
    case 'receiveCase':
      return {
        hints: {
          itemCode: mostly(fc.constantFrom(...DECIDED_HERE.map((i) => i.itemCode))),
          acceptRegion: mostly(fc.constantFrom('640104', '640100', '640200', '640000')),
          receivedAt: fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        },
        fix: (v, pick) => (v && typeof v === 'object' ? { ...v, applicant: fixApplicant(v.applicant, pick, ['640104', '640100']), materials: fixMaterials(v.materials, pick) } : v),
      };
    case 'createSession':
      return { hints: { caseId: mostly(fc.constantFrom(...fx.caseIds), fc.string({ minLength: 1, maxLength: 64 })) } };
    case 'joinSession':
      return {
        hints: {
          code: mostly(fc.constantFrom(...fx.sessions.map((s) => s.code)), fc.stringMatching(/^\d{6}$/)),
          joinToken: mostly(fc.constantFrom(...fx.sessions.map((s) => s.joinToken)), fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/)),
        },
      };
    case 'receiveXuhuiStatus':
      return {
        hints: {},
        fix: (v, pick) => {
          if (!v || typeof v !== 'object' || pick % 5 === 0) return v;
          const r = fx.refs['310104'][pick % fx.refs['310104'].length]!;
          const out = { ...v, applicationId: r.ref, externalCaseNo: r.caseNo, occurredAt: beijing(new Date(Date.UTC(2026, 0, 1 + (pick % 300)))) };
          const d = out.result?.document;
          if (d) { const f = FILES[pick % 2]!; out.result = { ...out.result, document: { ...d, contentBase64: f.toString('base64'), sha256: sha(f) } }; }
          return out;
        },
      };
    case 'receiveNingxiaCallback':
      return {
        hints: {},
        fix: (v, pick) => {
          if (!v?.head || !v.body || pick % 5 === 0) return v;
          const r = fx.refs['640000'][pick % fx.refs['640000'].length]!;
          const body = { ...v.body, sbbh: r.ref, bjbh: r.caseNo, bgsj: formatNxTime(new Date(Date.UTC(2026, 0, 1 + (pick % 300)))) };
          const file = body.bjjg?.jgwj;
          if (file) { const f = FILES[pick % 2]!; body.bjjg = { ...body.bjjg, jgwj: { ...file, wjnr: f.toString('base64'), sha256: sha(f) } }; }
          return { head: { ...v.head, receiver: '330681' }, body };
        },
      };
    default:
      return { hints: {} };
  }
}
