// Realistic case documents for the store bench: ~2 KB records with valid-looking data (GB 11643 check
// digits, GB/T 2260 region codes, SHA-256 material hashes), varied by n and deterministic.
import { createHash } from 'node:crypto';
import type { CaseRecord, CaseStatus } from '../../gateway/src/domain/case.js';
import type { NewEvent } from '../../gateway/src/store/types.js';
import { PARTNER_REGIONS as PARTNERS } from '../support/registry.js';

const ITEMS = [
  ['000121009000', '个体工商户注销登记'],
  ['000174013000', '养老保险关系转移接续'],
  ['000191017000', '住房公积金异地转移接续'],
  ['000104006000', '户口迁移'],
] as const;
const STATUSES: CaseStatus[] = ['received', 'forwarded', 'accepted', 'needs_supplement', 'completed', 'delivered'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['芳', '伟', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export const caseIdOf = (n: number): string => `c${String(n).padStart(7, '0')}`;

function idNumber(n: number): string {
  const birth = new Date(Date.UTC(1960 + (n % 45), n % 12, 1 + (n % 28))).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `330681${birth}${String(n % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * (WEIGHTS[i] as number), 0);
  return body + ('10X98765432'[sum % 11] as string);
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

export function benchCase(n: number): CaseRecord {
  const [itemCode, itemName] = ITEMS[n % ITEMS.length] as (typeof ITEMS)[number];
  const partner = PARTNERS[n % PARTNERS.length] as string;
  const created = new Date(Date.UTC(2026, 0, 1) + n * 37_000);
  const at = (minutes: number) => new Date(created.getTime() + minutes * 60_000).toISOString();
  const caseNo = `330681-${at(0).slice(0, 10).replaceAll('-', '')}-${n.toString(36).toUpperCase().padStart(8, '0')}`;
  const material = (i: number, code: string, name: string) => ({
    id: `m${i}`, code, name, fileName: `${code.toLowerCase()}-${n}.pdf`, mediaType: 'application/pdf' as const,
    size: 40_000 + ((n * 31 + i) % 200_000), sha256: sha(`${n}/${i}`), pages: 1 + (n % 6), addedAt: at(2 + i), addedBy: 'clerk:wangfang',
  });
  return {
    id: caseIdOf(n),
    caseNo,
    direction: 'outbound',
    itemCode,
    implementationCode: `11${partner}MB2F12345X${itemCode}`,
    itemName,
    kind: '2',
    handlingForm: '1',
    acceptRegion: '330681',
    handlingRegion: partner,
    partner,
    partnerRef: n % 2 === 0 ? `${partner}-2026-${String(n).padStart(8, '0')}` : undefined,
    status: STATUSES[n % STATUSES.length] as CaseStatus,
    applicant: {
      kind: 'person',
      name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[n % GIVEN.length]}`,
      idType: '111',
      idNumber: idNumber(n),
      phone: `13${String(100_000_000 + ((n * 7_919) % 900_000_000)).slice(0, 9)}`,
      address: `浙江省诸暨市暨阳街道艮塔西路${1 + (n % 300)}号${1 + (n % 20)}幢${101 + (n % 30)}室`,
    },
    materials: [material(1, 'M01', '注销登记申请书'), material(2, 'M02', '营业执照正副本'), material(3, 'M03', '清税证明')],
    promisedDays: 5 + (n % 16),
    promisedAt: at(60 * 24 * 7),
    delivery: { byPost: n % 3 === 0, address: '浙江省诸暨市暨阳街道艮塔西路1号', electronic: n % 3 !== 0 },
    handoffs: [
      {
        id: `h${n}-1`, partner, step: 'submit', idempotencyKey: `330681:${caseNo}:${partner}:submit`,
        status: n % 5 === 0 ? 'pending' : 'delivered', attempts: 1 + (n % 3), maxAttempts: 8,
        nextAttemptAt: at(10), createdAt: at(5), deliveredAt: n % 5 === 0 ? undefined : at(6),
      },
    ],
    createdAt: at(0),
    createdBy: 'clerk:wangfang',
    submittedAt: at(5),
    updatedAt: at(6),
    version: 4,
  };
}

export function benchEvents(n: number): NewEvent[] {
  const t = new Date(Date.UTC(2026, 0, 1) + n * 37_000).toISOString();
  return [
    { at: t, actor: 'clerk:wangfang', type: 'case.created', data: { window: '诸暨市行政服务中心跨域通办窗口' } },
    { at: t, actor: 'clerk:wangfang', type: 'case.material_added', data: { materialId: 'm1', sha256: sha(`${n}/1`) } },
    { at: t, actor: 'clerk:wangfang', type: 'case.submitted', data: { promisedDays: 5 + (n % 16) } },
    { at: t, actor: 'system', type: 'handoff.queued', data: { jobId: `h${n}-1`, step: 'submit' } },
  ];
}
