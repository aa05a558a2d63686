// The partner registry: the one place that lists the partner regions. The core never imports a
// partner folder; the composition root (gateway/src/main.ts, scripts) passes these modules in.
// Adding a partner region = adding its folder and one line here.
import type { PartnerModule } from '../gateway/src/ports/partner.js';
import { partner as xuhui } from './310104-xuhui/index.js';
import { partner as hanzhong } from './610700-hanzhong/index.js';
import { partner as ningxia } from './640000-ningxia/index.js';

export const PARTNERS: readonly PartnerModule[] = [xuhui, hanzhong, ningxia];
