// The simulated 徐汇区 open platform: a real HTTP server that holds to contracts/partners/310104-xuhui.yaml
// (OAuth2 tokens, multipart material uploads with hash checks, idempotent applications) and pushes
// signed status callbacks to our gateway when its department decides.
import type { PartnerSettings, SimulatedPartner } from '../../gateway/src/ports/partner.js';
import { materialsView, startSimServer, type SimKit, type SimPartnerSpec } from '../_kit/sim-server.js';
import type { PartnerSimulatorOptions } from '../_kit/sim-store.js';
import { mountAuth, TokenIssuer } from './sim-auth.js';
import { contract, renderXhError, sendError } from './sim-http.js';
import { mountApi } from './sim-routes.js';
import { mountReports, XhHandoverBook, type XhHandedCase } from './sim-handover.js';
import { mountHandover } from '../_kit/handover.js';
import { decisionEvent, XhState, type XhSnapshot } from './sim-state.js';
import { REGION, REGION_NAME, type XhStatusEvent } from './types.js';
import { signWebhook } from './webhook-signature.js';

function setting(settings: PartnerSettings, key: string): string {
  const value = settings[key];
  if (!value) throw new Error(`simulated ${REGION}: setting ${key} is not set`);
  return value;
}

export async function createXuhuiSimulator(options: PartnerSimulatorOptions): Promise<SimulatedPartner> {
  const { settings } = options;
  const now = options.now ?? (() => new Date());
  const state = new XhState(now);
  const issuer = new TokenIssuer(now);
  const handover = new XhHandoverBook(state);
  const client = { id: setting(settings, 'CLIENT_ID'), secret: setting(settings, 'CLIENT_SECRET') };
  const webhookSecret = setting(settings, 'WEBHOOK_SECRET');
  const callbackUrl = options.gatewayBaseUrl
    ? `${options.gatewayBaseUrl.replace(/\/+$/, '')}/api/inbound/partners/${REGION}/callback`
    : undefined;

  const push = (kit: SimKit, event: XhStatusEvent): void => {
    // a simulator that sent what its own contract forbids would make every test downstream meaningless
    const broken = contract.validateRequest('applicationStatusChanged', event);
    if (broken.length > 0) throw new Error(`simulated ${REGION} built an invalid callback: ${JSON.stringify(broken)}`);
    if (!callbackUrl) return;
    const body = JSON.stringify(event);
    // signed at each send, so a retry carries a fresh timestamp and nonce and the same eventId
    kit.callbacks.push(() => ({ url: callbackUrl, headers: signWebhook(webhookSecret, body, now()), body }));
  };

  const spec: SimPartnerSpec = {
    region: REGION,
    name: `${REGION_NAME}（模拟）`,
    renderError: (status, message) => renderXhError(status, message),
    mount(app, kit) {
      const bearer = mountAuth(app, client, issuer);
      mountApi(app, kit, state, bearer);
      mountReports(app, kit, state, handover, bearer);
      mountHandover(app, handover, options);
      app.use((req, res) => sendError(res, 404, 'NOT_FOUND', `接口不存在：${req.method} ${req.path}`));
    },
    decide(ref, decision, kit) {
      const found = state.applications.get(ref);
      if (!found) return false;
      const { status, extra } = decisionEvent(decision, found.applicationId);
      push(kit, state.change(found, status, extra));
      return true;
    },
    cases: () => [...state.applications.values()].map((a) => ({
      ref: a.applicationId,
      caseNo: a.externalCaseNo,
      idempotencyKey: a.idempotencyKey,
      status: a.status,
      ...materialsView(a.materials.map((m) => ({ code: m.materialCode, name: m.materialName, sha256: m.sha256, size: m.size }))),
    })),
    snapshot: () => ({ ...state.snapshot(), handed: handover.snapshot() }),
    restore: (saved) => {
      state.restore(saved as XhSnapshot);
      handover.restore((saved as { handed?: XhHandedCase[] }).handed);
    },
    forgeCallback(ref, forgery) {
      const found = state.applications.get(ref);
      if (!found || !callbackUrl) return undefined;
      // the next event as the department would announce it, made on a copy so nothing is decided
      const { status, extra } = decisionEvent({ to: 'rejected', reason: '伪造的回调' }, ref);
      const body = JSON.stringify(state.change(structuredClone(found), status, extra));
      const headers = forgery === 'stale'
        ? signWebhook(webhookSecret, body, new Date(now().getTime() - 600_000))
        : signWebhook(`${webhookSecret}-guessed`, body, now());
      return { url: callbackUrl, headers, body };
    },
  };

  const port = Number(new URL(setting(settings, 'URL')).port || 0);
  const server = await startSimServer(spec, {
    port,
    ...(options.host ? { host: options.host } : {}),
    ...(options.autoAdvance ? { autoAdvance: options.autoAdvance } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  return { url: server.url, close: () => server.close() };
}
