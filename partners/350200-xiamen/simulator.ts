// The simulated 厦门 open platform: one gateway address, /gateway.do, where every form is held to the same
// contract file the adapter uses (sim-door.ts), deduplicated by out_request_no, and answered with a
// signed `<method>_response`; its departments' decisions go to each case's notify_url as signed forms,
// resent on the platform's schedule until answered `success`; result documents are served at result_url.
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import express from 'express';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { SimulatedPartner } from '../../gateway/src/ports/partner.js';
import type { OutgoingCallback } from '../_kit/callbacks.js';
import { mountHandover } from '../_kit/handover.js';
import { startSimServer, type SimKit, type SimPartnerSpec } from '../_kit/sim-server.js';
import type { PartnerSimulatorOptions } from '../_kit/sim-store.js';
import { formatXmTime } from './mapping.js';
import { privateKeyOf, publicKeyOf, readSettings } from './settings.js';
import { CaseBook, type CaseBookSnapshot, type Outcome, type SimCase, type SimEvent } from './sim-cases.js';
import { admit, replyText, type Door } from './sim-door.js';
import { FeedbackBook, type HandedCase } from './sim-feedback.js';
import { encodeForm, signForm } from './sign.js';
import { CONTRACT_FILE, FORM_TYPE, GATEWAY_PATH, REGION, type XmCancelBiz, type XmFeedbackBiz, type XmMethod, type XmQueryBiz, type XmSubmitBiz } from './types.js';

const DURATION = /^(\d+)(ms|s|m|h)?$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** '4m,10m,1h' or '200,1000' (ms) → ms */
export function parseSchedule(text: string): number[] {
  return text.split(',').map((part) => {
    const m = DURATION.exec(part.trim());
    if (!m) throw new Error(`厦门 simulator: NOTIFY_RETRY_SCHEDULE part '${part}' is not a duration (200, 10s, 4m, 1h)`);
    return Number(m[1]) * UNIT_MS[(m[2] ?? 'ms') as keyof typeof UNIT_MS];
  });
}

export async function createSimulator(options: PartnerSimulatorOptions): Promise<SimulatedPartner> {
  const settings = readSettings(options.settings);
  const need = (k: string): string => options.settings[k] || (() => { throw new Error(`厦门 simulator: simulator setting ${k} is missing (partners/index.ts startSimulator passes them)`); })();
  const platformKey = privateKeyOf(need('PLATFORM_PRIVATE_KEY'), 'PLATFORM_PRIVATE_KEY');
  const schedule = parseSchedule(need('NOTIFY_RETRY_SCHEDULE'));
  const now = options.now ?? (() => new Date());
  const door: Door = { contract: loadContract(CONTRACT_FILE), appId: settings.appId, appPublicKey: publicKeyOf(need('APP_PUBLIC_KEY'), 'APP_PUBLIC_KEY'), now };
  const book = new CaseBook(now);
  const feedback = new FeedbackBook(now);
  // where result_url points: the platform's address as its callers know it, else where it listens
  let publicUrl = new URL(settings.url).port === '0' ? '' : settings.url;
  let forgerKey: KeyObject | undefined;

  /** a notification about `e`, made fresh per attempt (notify_id, notify_time, sign); event_id stays */
  const notification = (c: SimCase, e: SimEvent, over: { at?: Date; key?: KeyObject } = {}): OutgoingCallback => {
    const { result_token: token, ...detail } = e.detail;
    const form = signForm({
      notify_id: randomBytes(16).toString('hex'), notify_time: formatXmTime(over.at ?? now()), notify_type: 'gov_kstb_case_status',
      app_id: c.appId, charset: 'utf-8', version: '1.0', sign_type: 'RSA2',
      event_id: e.event_id, platform_case_no: c.ref, case_no: c.caseNo, status: e.status, status_time: e.status_time,
      ...detail, ...(token ? { result_url: `${publicUrl}/files/${token}` } : {}),
    }, over.key ?? platformKey);
    return { url: c.notifyUrl, headers: { 'content-type': FORM_TYPE }, body: encodeForm(form) };
  };

  // A repeat of an out_request_no gets the first answer; refusals that depend on the case's state are not
  // remembered, since the same request may succeed once the case has moved on.
  const once = (kit: SimKit, key: string, fingerprint: string, make: () => Outcome): { outcome: Outcome; fresh: boolean } => {
    const earlier = kit.ledger.lookup(key, fingerprint);
    if (earlier === 'conflict') return { outcome: { code: '40004', msg: 'Business Failed', sub_code: 'KSTB.OUT_REQUEST_NO_CONFLICT', sub_msg: '同一请求流水号的业务参数与首次提交不一致' }, fresh: false };
    if (earlier) return { outcome: earlier.body as Outcome, fresh: false };
    const outcome = make();
    if (outcome.sub_code !== 'KSTB.CASE_NOT_FOUND' && outcome.sub_code !== 'KSTB.CASE_NOT_HANDED') kit.ledger.remember(key, fingerprint, 200, outcome);
    return { outcome, fresh: true };
  };

  const run = (kit: SimKit, method: XmMethod, form: Record<string, string>, biz: unknown): Outcome => {
    const fingerprint = form.biz_content as string;
    switch (method) {
      case 'gov.kstb.case.submit': {
        const b = biz as XmSubmitBiz;
        const { outcome, fresh } = once(kit, b.out_request_no, fingerprint, () => book.submit(form.app_id as string, form.notify_url as string, b, (x) => kit.faults.arrived(x)));
        if (fresh && outcome.code === '10000') kit.autoAdvance(String(outcome.data?.platform_case_no));
        return outcome;
      }
      case 'gov.kstb.case.cancel': return once(kit, (biz as XmCancelBiz).out_request_no, fingerprint, () => book.cancel(form.app_id as string, biz as XmCancelBiz)).outcome;
      case 'gov.kstb.case.query': return book.query(form.app_id as string, biz as XmQueryBiz);
      case 'gov.kstb.case.feedback': return once(kit, (biz as XmFeedbackBiz).out_request_no, fingerprint, () => feedback.receive(biz as XmFeedbackBiz)).outcome;
    }
  };

  const spec: SimPartnerSpec = {
    region: REGION,
    name: '厦门市政务服务开放平台（模拟）',
    renderError: (status, message) => JSON.parse(replyText(undefined, status >= 500
      ? { code: '20000', msg: 'Service Currently Unavailable', sub_code: 'KSTB.SYSTEM_BUSY', sub_msg: `系统繁忙：${message}`.slice(0, 500) }
      : { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-parameter', sub_msg: message.slice(0, 500) }, platformKey)) as unknown,
    mount(app, kit) {
      app.post(GATEWAY_PATH, express.urlencoded({ extended: false, limit: '80mb', parameterLimit: 64 }), (req, res) => {
        const admitted = admit(door, req.body);
        const outcome = 'refusal' in admitted ? admitted.refusal : run(kit, admitted.method, admitted.form, admitted.biz);
        res.status(200).type('application/json; charset=utf-8').send(replyText(admitted.method, outcome, platformKey));
      });
      app.get('/files/:token', (req, res) => {
        const f = book.file(String(req.params.token));
        if (!f) res.status(404).type('text/plain').send('not found');
        else res.status(200).type('application/pdf').send(Buffer.from(f.contentBase64, 'base64'));
      });
      mountHandover(app, feedback, options);
      app.use((req, res) => { res.status(404).json(spec.renderError(404, `no interface at ${req.method} ${req.path}`)); });
    },
    decide(ref, decision, kit) {
      const change = book.decide(ref, decision);
      if (!change) return false;
      kit.callbacks.push(() => notification(change.case, change.event));
      return true;
    },
    cases: () => book.views(),
    forgeCallback(ref, forgery) {
      // the next change as a department would announce it, decided on a copy of the book
      const copy = new CaseBook(now);
      copy.restore(structuredClone(book.snapshot()));
      let change: ReturnType<CaseBook['decide']>;
      try {
        change = copy.decide(ref, { to: 'rejected', reason: '伪造的通知' });
      } catch {
        return undefined;
      }
      if (!change) return undefined;
      if (forgery === 'stale') return notification(change.case, change.event, { at: new Date(now().getTime() - 600_000) });
      // a key the platform never registered, as a forger would hold
      forgerKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      return notification(change.case, change.event, { key: forgerKey });
    },
    callbackRules: {
      delivered: (a) => a.status === 200 && a.body === 'success',
      retry: () => true,
      retryDelaysMs: schedule,
    },
    snapshot: () => ({ ...book.snapshot(), handed: feedback.snapshot() }),
    restore: (saved) => {
      book.restore(saved as CaseBookSnapshot);
      feedback.restore((saved as { handed?: HandedCase[] }).handed);
    },
  };

  const server = await startSimServer(spec, {
    port: Number(new URL(settings.url).port || 0), ...(options.host ? { host: options.host } : {}), autoAdvance: options.autoAdvance, dataDir: options.dataDir,
  });
  if (!publicUrl) publicUrl = server.url;
  return { url: server.url, close: () => server.close() };
}
