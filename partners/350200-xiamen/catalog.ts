// The items our windows receive 异地代收代办 for 福建省厦门市 (350200), whose departments decide them (办理地).
// Where the items come from, and why the codes are illustrative: gateway/src/domain/catalog.ts. The
// implementation codes are the department's 统一社会信用代码 (made up, valid check characters) + itemCode.
import { PERSON, POST_OR_ELECTRONIC, LIST_2020, LIST_SAMR, AGENT, freezeItems, type ServiceItem } from '../../gateway/src/domain/catalog.js';
import { makeCreditCode } from '../../gateway/src/domain/creditCode.js';

/** 厦门市人力资源和社会保障局 (机关) */
const XM_HRSS = makeCreditCode('11', '350200', 'MB0R3502');
/** 厦门市市场监督管理局 (机关) */
const XM_SAMR = makeCreditCode('11', '350200', 'MB1M3502');

export const CATALOG: readonly ServiceItem[] = freezeItems([
  {
    itemCode: '000172005000',
    implementationCode: `${XM_HRSS}000172005000`,
    name: '社会保障卡申领',
    partner: '350200',
    department: '厦门市人力资源和社会保障局',
    mode: '异地代收代办',
    kind: '2',
    // 假设：the card is made and mailed within 10 working days of acceptance (the bureau's 办事指南 decides)
    promisedDays: 10,
    applicantKinds: PERSON,
    materials: [
      { code: 'M01', name: '社会保障卡申领登记表', required: true, note: '申请人签字' },
      { code: 'M02', name: '居民身份证', required: true },
      { code: 'M03', name: '近期免冠证件照片', required: true, note: '白底彩色电子照片' },
      AGENT,
    ],
    resultDelivery: POST_OR_ELECTRONIC,
    result: '社会保障卡（第三代）',
    listedIn: LIST_2020,
  },
  {
    itemCode: '000121008000',
    implementationCode: `${XM_SAMR}000121008000`,
    name: '个体工商户变更登记',
    partner: '350200',
    department: '厦门市市场监督管理局',
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
