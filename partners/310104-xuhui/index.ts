// 上海市徐汇区 (310104): a modern REST open platform (OAuth2 client credentials, multipart uploads,
// signed webhooks). See README.md.
import type { PartnerModule } from '../../gateway/src/ports/partner.js';
import { createAdapter } from './adapter.js';
import { CATALOG } from './catalog.js';
import { createXuhuiSimulator } from './simulator.js';
import { REGION, REGION_NAME } from './types.js';

export const partner: PartnerModule = {
  region: REGION,
  name: REGION_NAME,
  settings: {
    URL: {
      description: '徐汇区开放平台的基础地址（token、材料、申报接口都在其下）',
      devDefault: 'http://127.0.0.1:7101',
    },
    CLIENT_ID: {
      description: 'OAuth2 客户端凭证模式的 client_id（徐汇区为本网关分配）',
      devDefault: 'dev-only-zhuji-gateway',
    },
    CLIENT_SECRET: {
      description: 'OAuth2 client_secret；生产值由徐汇区下发，不得使用开发默认值',
      devDefault: 'dev-only-xuhui-client-secret-not-for-production',
    },
    WEBHOOK_SECRET: {
      description: '徐汇区状态回调的 HMAC-SHA256 密钥（X-Xh-Signature）；生产值由双方约定，不得使用开发默认值',
      devDefault: 'dev-only-xuhui-webhook-secret-not-for-production',
    },
  },
  createAdapter,
  createSimulator: createXuhuiSimulator,
  catalog: CATALOG,
  // 上海市: 310100 is 市辖区, a statistical grouping that is not part of a place's name
  regionNames: { '310101': '黄浦区', '310104': '徐汇区' },
  demoClerk: { username: 'xuhui01', password: 'Partner@2026', displayName: '周敏', window: '上海市徐汇区行政服务中心' },
};
