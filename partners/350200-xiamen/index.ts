// 福建省厦门市 (350200): the city's government-service open platform, one gateway endpoint, RSA2
// signatures, biz_content as a JSON string, form notifications, results by URL, no 补正. See README.md.
import type { PartnerModule } from '../../gateway/src/ports/partner.js';
import { createAdapter } from './adapter.js';
import { CATALOG } from './catalog.js';
import { SETTINGS, SIMULATOR_SETTINGS } from './settings.js';
import { createSimulator } from './simulator.js';
import { NAME, REGION } from './types.js';

export const partner: PartnerModule = {
  region: REGION,
  name: NAME,
  settings: SETTINGS,
  simulatorSettings: SIMULATOR_SETTINGS,
  createAdapter,
  createSimulator,
  catalog: CATALOG,
  regionNames: { '350200': '厦门市', '350203': '思明区', '350206': '湖里区' },
  demoClerk: { username: 'xiamen01', password: 'Partner@2026', displayName: '林晓燕', window: '厦门市行政服务中心' },
};
