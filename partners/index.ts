// The partner registry: the one place that lists the partner regions. The core never imports a
// partner folder; the composition root (gateway/src/main.ts, scripts) passes these modules in.
// Adding a partner region = adding its folder and one line here.
import type { PartnerModule, SimulatedPartner } from '../gateway/src/ports/partner.js';
import type { PartnerSimulatorOptions } from './_kit/sim-store.js';
import { partner as xuhui } from './310104-xuhui/index.js';
import { partner as hanzhong } from './610700-hanzhong/index.js';
import { partner as ningxia } from './640000-ningxia/index.js';
import { partner as xiamen } from './350200-xiamen/index.js';

export const PARTNERS: readonly PartnerModule[] = [xuhui, hanzhong, ningxia, xiamen];

/** start a partner's simulator, with the adapter's settings and its own (simulatorSettings). Every
 *  simulator here also takes `dataDir` (keep its state in <dataDir>/<region>.json across restarts),
 *  which the port's SimulatorOptions does not name: the options travel to its createSimulator as they are. */
export function startSimulator(module: PartnerModule, options: PartnerSimulatorOptions): Promise<SimulatedPartner> {
  return module.createSimulator({ ...options, settings: { ...options.settings, ...simulatorOnlySettings(module) } });
}

/** the development values of the settings only a partner's simulator has (never the adapter's) */
export function simulatorOnlySettings(module: PartnerModule): Record<string, string> {
  return Object.fromEntries(Object.entries(module.simulatorSettings ?? {}).map(([k, v]) => [k, v.devDefault]));
}
