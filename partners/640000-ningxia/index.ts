// 宁夏回族自治区 (640000): the provincial data-sharing exchange platform, envelope style. See README.md.
import type { PartnerModule } from '../../gateway/src/ports/partner.js';
import { createAdapter } from './adapter.js';
import { SETTINGS } from './settings.js';
import { createSimulator } from './simulator.js';
import { NAME, REGION } from './types.js';

export const partner: PartnerModule = {
  region: REGION,
  name: NAME,
  settings: SETTINGS,
  createAdapter,
  createSimulator,
};
