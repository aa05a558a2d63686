// The catalog of service items (事项): the items our windows receive 异地代收代办 for each partner region
// (each partner folder brings its own, partners/<region>/catalog.ts) and the items our own region decides
// as 办理地 (DECIDED_HERE, below). catalogOf.ts builds the one catalog the core uses from both.
//
// The items are real 跨省通办 items: their names come from the national list of 国办发〔2020〕35号
// (全国高频政务服务"跨省通办"事项清单) and, for market-entity registration, from the first batch the
// 市场监管总局 published under it (市监注〔2020〕122号). Materials, departments and time limits follow
// what those services ask for in practice; the partner's published guide (办事指南) is authoritative.
//
// The codes are ILLUSTRATIVE, not the ones in the national item database: itemCode (事项基本编码) is
// 12 digits and names the national item, so two regions may offer the same one; implementationCode
// (实施编码) is the deciding department's 统一社会信用代码 followed by the itemCode, the layout of the
// sample case in tests/support/fixtures.ts, and so unique. The credit codes are well-formed (valid
// check characters) but made up.
import type { ApplicantKind, CaseKind } from './case.js';

export type ResultDelivery = 'post' | 'electronic';

export interface MaterialSpec {
  /** 材料编码, unique within the item */
  code: string;
  name: string;
  required: boolean;
  note?: string;
}

export interface ServiceItem {
  /** 事项基本编码 (illustrative) */
  itemCode: string;
  /** 实施编码: department credit code + itemCode (illustrative) */
  implementationCode: string;
  name: string;
  /** region code of the partner whose department decides (办理地) */
  partner: string;
  /** the deciding department (实施主体) */
  department: string;
  mode: '异地代收代办';
  /** 办件类型: 1 即办件, 2 承诺件 */
  kind: Exclude<CaseKind, '9'>;
  /** 承诺办结时限, in working days from acceptance */
  promisedDays: number;
  applicantKinds: readonly ApplicantKind[];
  materials: readonly MaterialSpec[];
  resultDelivery: readonly ResultDelivery[];
  /** what the applicant gets (结果名称) */
  result: string;
  /** where the item is listed as 跨省通办 */
  listedIn: string;
  /**
   * Items we decide as 办理地 only: the partner regions whose windows may receive the item for us, by the
   * 跨域通办 agreement with each (a case of another region is refused at receiveCase)
   */
  acceptsFrom?: readonly string[];
}

// Shared by the items of every region (the partners' catalogs import them).
export const PERSON: readonly ApplicantKind[] = ['person'];
export const ORGANIZATION: readonly ApplicantKind[] = ['organization'];
export const EITHER: readonly ApplicantKind[] = ['person', 'organization'];
export const POST_OR_ELECTRONIC: readonly ResultDelivery[] = ['post', 'electronic'];
export const LIST_2020 = '国办发〔2020〕35号 全国高频政务服务"跨省通办"事项清单';
export const LIST_SAMR = '市监注〔2020〕122号 市场监管总局第一批"跨省通办"事项（依据国办发〔2020〕35号）';
export const AGENT: MaterialSpec = { code: 'M90', name: '授权委托书及受托人身份证明', required: false, note: '委托他人办理时提交' };

// Items our own region (诸暨市 330681) decides as 办理地: partner regions' windows receive them for us and
// hand them over (receiveCase). An item code not listed here is refused at our inbound door.
export const DECIDED_HERE: readonly ServiceItem[] = freezeItems([
  {
    itemCode: '000109004000',
    implementationCode: '11330681MB2F123409000109004000',
    name: '户口迁移（迁入）',
    partner: '330681',
    department: '诸暨市公安局',
    mode: '异地代收代办',
    kind: '2',
    promisedDays: 5,
    applicantKinds: PERSON,
    materials: [
      { code: 'M01', name: '居民户口簿', required: true },
      { code: 'M02', name: '居民身份证', required: false, note: '收件地窗口已完成身份核验的免交复印件' },
      { code: 'M03', name: '迁入地合法稳定住所证明', required: false, note: '房屋产权证明或租赁合同' },
    ],
    resultDelivery: POST_OR_ELECTRONIC,
    result: '户口迁移证明（准迁证）',
    listedIn: LIST_2020,
    acceptsFrom: ['310104', '610700', '640000', '350200'],
  },
  {
    itemCode: '000121009000',
    implementationCode: '11330681MB2F123596000121009000',
    name: '个体工商户注销登记',
    partner: '330681',
    department: '诸暨市市场监督管理局',
    mode: '异地代收代办',
    kind: '2',
    promisedDays: 3,
    applicantKinds: PERSON,
    materials: [
      { code: 'M01', name: '个体工商户注销登记申请书', required: true, note: '经营者签字' },
      { code: 'M02', name: '营业执照正副本', required: true, note: '遗失的，提交遗失情况说明' },
      { code: 'M03', name: '经营者居民身份证', required: false, note: '收件地窗口已完成身份核验的免交复印件' },
    ],
    resultDelivery: POST_OR_ELECTRONIC,
    result: '准予注销登记通知书',
    listedIn: LIST_SAMR,
    // agreed with 上海市徐汇区 and 宁夏 so far; 汉中's windows do not receive it for us
    acceptsFrom: ['310104', '640000'],
  },
]);

/** The catalog is shared by every request; freezing it turns an accidental edit into an error. */
export function freezeItems(items: ServiceItem[]): readonly ServiceItem[] {
  return deepFreeze(items);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
