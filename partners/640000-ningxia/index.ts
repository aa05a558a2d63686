// 宁夏回族自治区 (640000): the provincial data-sharing exchange platform, envelope style. See README.md.
import type { PartnerModule } from '../../gateway/src/ports/partner.js';
import { createAdapter } from './adapter.js';
import { CATALOG } from './catalog.js';
import { SETTINGS } from './settings.js';
import { createSimulator } from './simulator.js';
import { NAME, REGION } from './types.js';

export const partner: PartnerModule = {
  region: REGION,
  name: NAME,
  settings: SETTINGS,
  createAdapter,
  createSimulator,
  catalog: CATALOG,
  regionNames: { '640100': '银川市', '640104': '兴庆区', '640200': '石嘴山市' },
  demoClerk: { username: 'ningxia01', password: 'Partner@2026', displayName: '马丽', window: '宁夏回族自治区政务服务中心' },
};
