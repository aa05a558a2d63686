// The items our windows receive 异地代收代办 for 福建省厦门市 (350200), whose departments decide them (办理地).
// Where the items come from, and why the codes are illustrative: gateway/src/domain/catalog.ts. The
// implementation codes are the department's 统一社会信用代码 (made up, valid check characters) + itemCode.
import { PERSON, POST_OR_ELECTRONIC, LIST_2020, LIST_SAMR, AGENT, freezeItems, type ServiceItem } from '../../gateway/src/domain/catalog.js';
import { makeCreditCode } from '../../gateway/src/domain/creditCode.js';

/** 厦门市住房公积金中心 (事业单位) */
const XM_HOUSING_FUND = makeCreditCode('12', '350200', 'MB0X3502');
/** 厦门市思明区市场监督管理局 (机关) */
const SIMING_SAMR = makeCreditCode('11', '350203', 'MB1M3502');

export const CATALOG: readonly ServiceItem[] = freezeItems([
  {
    itemCode: '001219008000',
    implementationCode: `${XM_HOUSING_FUND}001219008000`,
    name: '提前还清住房公积金贷款',
    partner: '350200',
    department: '厦门市住房公积金中心',
    mode: '异地代收代办',
    kind: '2',
    // 假设：the centre settles within 3 working days of accepting the application (its 办事指南 decides)
    promisedDays: 3,
    applicantKinds: PERSON,
    materials: [
      { code: 'M01', name: '提前还清住房公积金贷款申请表', required: true, note: '借款人签字' },
      { code: 'M02', name: '借款人居民身份证', required: true },
      { code: 'M03', name: '住房公积金借款合同', required: true },
      { code: 'M04', name: '还款银行账户证明', required: false, note: '变更还款账户的提交' },
      AGENT,
    ],
    resultDelivery: POST_OR_ELECTRONIC,
    result: '住房公积金贷款结清证明',
    listedIn: LIST_2020,
  },
  {
    itemCode: '000121008000',
    implementationCode: `${SIMING_SAMR}000121008000`,
    name: '个体工商户变更登记',
    partner: '350200',
    department: '厦门市思明区市场监督管理局',
    mode: '异地代收代办',
    kind: '2',
    // 《市场主体登记管理条例》: registered on the spot when complete, otherwise within 3 working days
    promisedDays: 3,
    applicantKinds: PERSON,
    materials: [
      { code: 'M01', name: '个体工商户变更登记申请书', required: true, note: '经营者签字' },
      { code: 'M02', name: '营业执照正副本', required: true },
      { code: 'M03', name: '经营者居民身份证', required: false, note: '窗口已完成身份核验的免交复印件' },
      { code: 'M04', name: '经营场所使用证明', required: false, note: '变更经营场所的提交' },
      AGENT,
    ],
    resultDelivery: POST_OR_ELECTRONIC,
    result: '营业执照（变更后）',
    listedIn: LIST_SAMR,
  },
]);
