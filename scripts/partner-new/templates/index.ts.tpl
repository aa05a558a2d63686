// {{NAME}} ({{REGION}}): a minimal REST/JSON partner made by `npm run partner:new`. Everything marked
// 假设 or 待确认 here and in README.md waits for the region's real contract.
import { AGENT, freezeItems, LIST_SAMR, PERSON, POST_OR_ELECTRONIC } from '../../gateway/src/domain/catalog.js';
import type { PartnerModule } from '../../gateway/src/ports/partner.js';
import { createAdapter } from './adapter.js';
import { createSimulator } from './simulator.js';
import { NAME, REGION } from './types.js';

export const partner: PartnerModule = {
  region: REGION,
  name: NAME,
  settings: {
    URL: { description: '{{NAME}}跨域通办接口地址（待确认）', devDefault: 'http://127.0.0.1:{{PORT}}' },
    API_KEY: { description: '{{NAME}}为本网关分配的接口密钥（X-Api-Key，假设）；生产值由对方下发，不得使用开发默认值', devDefault: 'dev-only-{{SLUG}}-api-key' },
    CALLBACK_SECRET: { description: '{{NAME}}状态回调的 HMAC-SHA256 密钥（X-Signature，假设）；生产值由双方约定，不得使用开发默认值', devDefault: 'dev-only-{{SLUG}}-callback-secret' },
  },
  createAdapter,
  createSimulator,
  // one illustrative item (gateway/src/domain/catalog.ts says why the codes are made up): replace it
  // with the items agreed with the region (待确认)
  catalog: freezeItems([
    {
      itemCode: '000121009000',
      // the deciding department's 统一社会信用代码 (made up, valid check character) + itemCode
      implementationCode: '{{IMPL_CODE}}',
      name: '个体工商户注销登记',
      partner: REGION,
      department: '{{NAME}}市场监督管理局（待确认）',
      mode: '异地代收代办',
      kind: '2',
      promisedDays: 3,
      applicantKinds: PERSON,
      materials: [
        { code: 'M01', name: '个体工商户注销登记申请书', required: true, note: '经营者签字' },
        { code: 'M02', name: '营业执照正副本', required: true, note: '遗失的，提交遗失情况说明' },
        AGENT,
      ],
      resultDelivery: POST_OR_ELECTRONIC,
      result: '准予注销登记通知书',
      listedIn: LIST_SAMR,
    },
  ]),
  regionNames: {{REGION_NAMES}},
  demoClerk: { username: '{{SLUG}}01', password: 'Partner@2026', displayName: '演示收件员（待确认）', window: '{{NAME}}政务服务中心（待确认）' },
};
