// 汉中市 (610700) as a partner module: REST/JSON with pinyin-initial fields, HMAC-SHA256 signed headers,
// status only by polling. See README.md.
import type { PartnerModule } from '../../gateway/src/ports/partner.js';
import { createAdapter, NAME, REGION } from './adapter.js';
import { CATALOG } from './catalog.js';
import { startHanzhongSimulator } from './simulator.js';

export const partner: PartnerModule = {
  region: REGION,
  name: NAME,
  settings: {
    URL: { description: '汉中市政务服务平台跨省通办接口地址（不含 /zwfw/kstb/v1 路径）', devDefault: 'http://127.0.0.1:7102' },
    APP_KEY: { description: '汉中平台分配给本收件地的 appKey（请求头 appKey）', devDefault: 'zj330681kstb' },
    APP_SECRET: { description: '与汉中平台约定的 appSecret，用于 HMAC-SHA256 请求签名', devDefault: 'hanzhong-dev-secret-not-for-production' },
  },
  createAdapter,
  createSimulator: (options) => startHanzhongSimulator(options),
  catalog: CATALOG,
  regionNames: { '610100': '西安市', '610700': '汉中市', '610702': '汉台区', '610703': '南郑区' },
  demoClerk: { username: 'hanzhong01', password: 'Partner@2026', displayName: '刘洋', window: '汉中市政务服务中心' },
};
