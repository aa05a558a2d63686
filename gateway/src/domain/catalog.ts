// The catalog of service items (事项) our windows receive 异地代收代办 for a partner region.
//
// The items are real 跨省通办 items: their names come from the national list of 国办发〔2020〕35号
// (全国高频政务服务"跨省通办"事项清单) and, for market-entity registration, from the first batch the
// 市场监管总局 published under it (市监注〔2020〕122号). Materials, departments and time limits follow
// what those services ask for in practice; the partner's published guide (办事指南) is authoritative.
//
// The codes are ILLUSTRATIVE, not the ones in the national item database: itemCode (事项基本编码) is
// 12 digits; implementationCode (实施编码) is the deciding department's 统一社会信用代码 followed by the
// itemCode, the layout of the sample case in tests/support/fixtures.ts. The credit codes are
// well-formed (valid check characters) but made up.
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
}

/** By 事项基本编码 or 实施编码. */
export function findItem(code: string): ServiceItem | undefined {
  return CATALOG.find((i) => i.itemCode === code || i.implementationCode === code);
}

/** Items of one partner and/or whose name, code or department contains q (case-insensitive). */
export function listItems(filter: { partner?: string; q?: string } = {}): ServiceItem[] {
  const q = filter.q?.trim().toLowerCase() ?? '';
  return CATALOG.filter(
    (i) =>
      (filter.partner === undefined || i.partner === filter.partner) &&
      (q === '' || [i.name, i.itemCode, i.implementationCode, i.department].some((f) => f.toLowerCase().includes(q))),
  );
}

const PERSON: readonly ApplicantKind[] = ['person'];
const ORGANIZATION: readonly ApplicantKind[] = ['organization'];
const EITHER: readonly ApplicantKind[] = ['person', 'organization'];
const POST_OR_ELECTRONIC: readonly ResultDelivery[] = ['post', 'electronic'];
const LIST_2020 = '国办发〔2020〕35号 全国高频政务服务"跨省通办"事项清单';
const LIST_SAMR = '市监注〔2020〕122号 市场监管总局第一批"跨省通办"事项（依据国办发〔2020〕35号）';
const AGENT: MaterialSpec = { code: 'M90', name: '授权委托书及受托人身份证明', required: false, note: '委托他人办理时提交' };

export const CATALOG: readonly ServiceItem[] = deepFreeze<ServiceItem[]>([
  // ── 上海市徐汇区 310104 ──────────────────────────────────────────────────────────────────────
  {
    itemCode: '000121009000',
    implementationCode: '11310104MB2F12340N000121009000',
    name: '个体工商户注销登记',
    partner: '310104',
    department: '上海市徐汇区市场监督管理局',
    mode: '异地代收代办',
    kind: '2',
    // 《市场主体登记管理条例》: registered on the spot when complete, otherwise within 3 working days
    promisedDays: 3,
    applicantKinds: PERSON,
    materials: [
      { code: 'M01', name: '个体工商户注销登记申请书', required: true, note: '经营者签字' },
      { code: 'M02', name: '营业执照正副本', required: true, note: '遗失的，提交遗失情况说明' },
      { code: 'M03', name: '经营者居民身份证', required: false, note: '窗口已完成身份核验的免交复印件' },
      AGENT,
    ],
    resultDelivery: POST_OR_ELECTRONIC,
    result: '准予注销登记通知书',
    listedIn: LIST_SAMR,
  },
  {
    itemCode: '000121007000',
    implementationCode: '11310104MB2F12340N000121007000',
    name: '个体工商户设立登记',
    partner: '310104',
    department: '上海市徐汇区市场监督管理局',
    mode: '异地代收代办',
    kind: '2',
    promisedDays: 3,
    applicantKinds: PERSON,
    materials: [
      { code: 'M01', name: '个体工商户登记（备案）申请书', required: true, note: '经营者签字' },
      { code: 'M02', name: '经营者居民身份证', required: true },
      { code: 'M03', name: '经营场所使用证明', required: true, note: '产权证明或租赁协议' },
      { code: 'M04', name: '前置审批许可文件', required: false, note: '经营范围涉及前置许可的' },
      AGENT,
    ],
    resultDelivery: POST_OR_ELECTRONIC,
    result: '营业执照',
    listedIn: LIST_SAMR,
  },
  {
    itemCode: '000173003000',
    implementationCode: '12310104MB2F56781D000173003000',
    name: '不动产抵押登记（首次登记）',
    partner: '310104',
    department: '上海市徐汇区不动产登记事务中心',
    mode: '异地代收代办',
    kind: '2',
    // 抵押登记 within 5 working days has been the national target since 国办发〔2019〕8号
    promisedDays: 5,
    applicantKinds: EITHER,
    materials: [
      { code: 'M01', name: '不动产登记申请书', required: true, note: '抵押人与抵押权人共同申请' },
      { code: 'M02', name: '申请人身份证明', required: true, note: '自然人提交居民身份证，法人提交营业执照' },
      { code: 'M03', name: '不动产权属证书', required: true },
      { code: 'M04', name: '主债权合同', required: true },
      { code: 'M05', name: '抵押合同', required: true },
      AGENT,
    ],
    resultDelivery: POST_OR_ELECTRONIC,
    result: '不动产登记证明',
    listedIn: `${LIST_2020}（不动产抵押登记）`,
  },
  // ── 陕西省汉中市 610700 ─────────────────────────────────────────────────────────────────────
  {
    itemCode: '001219004000',
    implementationCode: '12610700MB2A01233K001219004000',
    name: '正常退休提取住房公积金',
    partner: '610700',
    department: '汉中市住房公积金管理中心',
    mode: '异地代收代办',
    kind: '2',
    // 《住房公积金管理条例》第二十四条: decide within 3 days of accepting a withdrawal application
    promisedDays: 3,
    applicantKinds: PERSON,
    materials: [
      { code: 'M01', name: '住房公积金提取申请表', required: true },
      { code: 'M02', name: '居民身份证', required: true },
      { code: 'M03', name: '退休证明', required: true, note: '退休证或社会保险经办机构出具的退休审批材料' },
      { code: 'M04', name: '本人银行借记卡', required: true, note: '用于接收提取资金' },
      AGENT,
    ],
    resultDelivery: ['electronic'],
    result: '提取结果通知（资金转入本人账户）',
    listedIn: `${LIST_2020}（正常退休提取住房公积金）`,
  },
  {
    itemCode: '001219002000',
    implementationCode: '12610700MB2A01233K001219002000',
    name: '购房提取住房公积金',
    partner: '610700',
    department: '汉中市住房公积金管理中心',
    mode: '异地代收代办',
    kind: '2',
    promisedDays: 3,
    applicantKinds: PERSON,
    materials: [
      { code: 'M01', name: '住房公积金提取申请表', required: true },
      { code: 'M02', name: '居民身份证', required: true },
      { code: 'M03', name: '购房合同或不动产权证书', required: true, note: '商品房买卖合同须已网签备案' },
      { code: 'M04', name: '购房付款凭证', required: true, note: '购房发票或首付款收据' },
      { code: 'M05', name: '婚姻关系证明', required: false, note: '配偶共同提取时提交' },
      { code: 'M06', name: '本人银行借记卡', required: true, note: '用于接收提取资金' },
    ],
    resultDelivery: ['electronic'],
    result: '提取结果通知（资金转入本人账户）',
    listedIn: `${LIST_2020}（购房提取住房公积金）`,
  },
  {
    itemCode: '000121001000',
    implementationCode: '11610700MB1C334461000121001000',
    name: '内资企业及分支机构设立登记',
    partner: '610700',
    department: '汉中市市场监督管理局',
    mode: '异地代收代办',
    kind: '2',
    promisedDays: 3,
    // investors may be people or companies; a branch is applied for by its company
    applicantKinds: EITHER,
    materials: [
      { code: 'M01', name: '公司登记（备案）申请书', required: true, note: '法定代表人签署' },
      { code: 'M02', name: '公司章程', required: true, note: '设立分公司的免交' },
      { code: 'M03', name: '股东的主体资格文件或自然人身份证明', required: true },
      { code: 'M04', name: '法定代表人、董事、监事和经理的任职文件', required: true },
      { code: 'M05', name: '住所使用相关文件', required: true },
      { code: 'M06', name: '前置审批许可文件', required: false, note: '经营范围涉及前置许可的' },
      AGENT,
    ],
    resultDelivery: POST_OR_ELECTRONIC,
    result: '营业执照',
    listedIn: `${LIST_2020}（内资企业及分支机构设立登记）`,
  },
  // ── 宁夏回族自治区 640000 ───────────────────────────────────────────────────────────────────
  {
    itemCode: '000121002000',
    implementationCode: '11640000MB0D1122XH000121002000',
    name: '内资企业及分支机构变更登记',
    partner: '640000',
    department: '宁夏回族自治区市场监督管理局',
    mode: '异地代收代办',
    kind: '2',
    promisedDays: 3,
    applicantKinds: ORGANIZATION,
    materials: [
      { code: 'M01', name: '公司登记（备案）申请书', required: true, note: '法定代表人签署' },
      { code: 'M02', name: '关于变更事项的决议或决定', required: true, note: '股东会决议或股东决定' },
      { code: 'M03', name: '营业执照正副本', required: true, note: '变更事项涉及营业执照记载事项的换发新照' },
      { code: 'M04', name: '修改后的公司章程或章程修正案', required: false, note: '变更事项涉及章程的' },
      AGENT,
    ],
    resultDelivery: POST_OR_ELECTRONIC,
    result: '营业执照（变更后）或登记通知书',
    listedIn: LIST_SAMR,
  },
  {
    itemCode: '000121003000',
    implementationCode: '11640000MB0D1122XH000121003000',
    name: '内资企业及分支机构注销登记',
    partner: '640000',
    department: '宁夏回族自治区市场监督管理局',
    mode: '异地代收代办',
    kind: '2',
    promisedDays: 3,
    applicantKinds: ORGANIZATION,
    materials: [
      { code: 'M01', name: '注销登记申请书', required: true },
      { code: 'M02', name: '依法作出解散的决议或者决定', required: true },
      { code: 'M03', name: '经确认的清算报告', required: true, note: '简易注销的提交全体投资人承诺书' },
      { code: 'M04', name: '营业执照正副本', required: true, note: '遗失的，提交遗失情况说明' },
      AGENT,
    ],
    resultDelivery: POST_OR_ELECTRONIC,
    result: '准予注销登记通知书',
    listedIn: LIST_SAMR,
  },
  {
    itemCode: '000150001000',
    implementationCode: '11640000MB0D55660E000150001000',
    name: '排污许可证核发',
    partner: '640000',
    department: '宁夏回族自治区生态环境厅',
    mode: '异地代收代办',
    kind: '2',
    // 《排污许可管理条例》: a decision within 20 days of acceptance (longer when an on-site check is needed)
    promisedDays: 20,
    applicantKinds: ORGANIZATION,
    materials: [
      { code: 'M01', name: '排污许可证申请表', required: true },
      { code: 'M02', name: '自行监测方案', required: true },
      { code: 'M03', name: '守法承诺书', required: true, note: '法定代表人或主要负责人签字并加盖公章' },
      { code: 'M04', name: '排污口和监测孔规范化设置情况说明', required: true },
      { code: 'M05', name: '建设项目环境影响评价文件审批文号或备案材料', required: false, note: '依法需要的' },
      { code: 'M06', name: '申请前信息公开情况说明表', required: false, note: '实行重点管理的排污单位提交' },
    ],
    resultDelivery: POST_OR_ELECTRONIC,
    result: '排污许可证',
    listedIn: `${LIST_2020}（排污许可）`,
  },
]);

// Items our own region (诸暨市 330681) decides as 办理地: partner regions' windows receive them for us and
// hand them over (receiveCase). An item code not listed here is refused at our inbound door.
export const DECIDED_HERE: readonly ServiceItem[] = deepFreeze<ServiceItem[]>([
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
  },
]);

/** An item `region` decides, by 事项基本编码 or 实施编码 (what a partner may hand to us). */
export function findDecidedItem(code: string, region: string): ServiceItem | undefined {
  return DECIDED_HERE.find((i) => i.partner === region && (i.itemCode === code || i.implementationCode === code));
}

// The catalog is shared by every request; freezing it turns an accidental edit into an error.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
