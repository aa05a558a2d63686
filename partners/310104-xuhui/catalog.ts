// The items our windows receive 异地代收代办 for 上海市徐汇区 (310104), whose departments decide them (办理地).
// Where the items come from, and why the codes are illustrative: gateway/src/domain/catalog.ts.
import { PERSON, EITHER, POST_OR_ELECTRONIC, LIST_2020, LIST_SAMR, AGENT, freezeItems, type ServiceItem } from '../../gateway/src/domain/catalog.js';

export const CATALOG: readonly ServiceItem[] = freezeItems([
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
]);
