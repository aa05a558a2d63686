// The simulated {{NAME}}: a real HTTP server on the shared kit (partners/_kit) that holds to
// contracts/partners/{{FOLDER}}.yaml and pushes signed status callbacks to our gateway when its
// department decides (POST /__sim/cases/:ref/decision).
import type { PartnerSettings, SimulatedPartner } from '../../gateway/src/ports/partner.js';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import { materialsView, startSimServer, type SimKit, type SimPartnerSpec } from '../_kit/sim-server.js';
import type { PartnerSimulatorOptions } from '../_kit/sim-store.js';
import { signCallback } from './signature.js';
import { mountApi, renderError } from './sim-routes.js';
import { decisionEvent, SimState, type SimSnapshot } from './sim-state.js';
import { CONTRACT_FILE, NAME, REGION, type StatusEvent } from './types.js';

const contract = loadContract(CONTRACT_FILE);

function setting(settings: PartnerSettings, key: string): string {
  const value = settings[key];
  if (!value) throw new Error(`simulated ${REGION}: setting ${key} is not set`);
  return value;
}

export async function createSimulator(options: PartnerSimulatorOptions): Promise<SimulatedPartner> {
  const { settings } = options;
  const now = options.now ?? (() => new Date());
  const state = new SimState(now);
  const apiKey = setting(settings, 'API_KEY');
  const secret = setting(settings, 'CALLBACK_SECRET');
  const callbackUrl = options.gatewayBaseUrl ? `${options.gatewayBaseUrl.replace(/\/+$/, '')}/api/inbound/partners/${REGION}/callback` : undefined;

  const push = (kit: SimKit, event: StatusEvent): void => {
    // a simulator that sent what its own contract forbids would make every test downstream meaningless
    const broken = contract.validateRequest('caseStatusChanged', event);
    if (broken.length > 0) throw new Error(`simulated ${REGION} built an invalid callback: ${JSON.stringify(broken)}`);
    if (!callbackUrl) return;
    const body = JSON.stringify(event);
    // signed at each send: a retry carries a fresh timestamp and nonce and the same eventId
    kit.callbacks.push(() => ({ url: callbackUrl, headers: signCallback(secret, body, now()), body }));
  };

  const spec: SimPartnerSpec = {
    region: REGION,
    name: `${NAME}（模拟）`,
    renderError,
    mount: (app, kit) => mountApi(app, kit, state, apiKey),
    decide(ref, decision, kit) {
      const found = state.cases.get(ref);
      if (!found) return false;
      const { status, extra } = decisionEvent(decision, ref);
      push(kit, state.change(found, status, extra));
      return true;
    },
    cases: () => [...state.cases.values()].map((c) => ({ ref: c.ref, caseNo: c.caseNo, idempotencyKey: c.idempotencyKey, status: c.status, ...materialsView(c.materials) })),
    snapshot: () => state.snapshot(),
    restore: (saved) => state.restore(saved as SimSnapshot | undefined),
    forgeCallback(ref, forgery) {
      const found = state.cases.get(ref);
      if (!found || !callbackUrl) return undefined;
      // a decision never made, announced on a copy so the state stays as it was
      const { status, extra } = decisionEvent({ to: 'rejected', reason: '伪造的回调' }, ref);
      const body = JSON.stringify(state.change(structuredClone(found), status, extra));
      const headers = forgery === 'stale' ? signCallback(secret, body, new Date(now().getTime() - 600_000)) : signCallback(`${secret}-guessed`, body, now());
      return { url: callbackUrl, headers, body };
    },
  };

  const server = await startSimServer(spec, {
    port: Number(new URL(setting(settings, 'URL')).port || 0),
    ...(options.host ? { host: options.host } : {}),
    ...(options.autoAdvance ? { autoAdvance: options.autoAdvance } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  return { url: server.url, close: () => server.close() };
}
