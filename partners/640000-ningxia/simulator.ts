// The simulated 宁夏 exchange platform: a real HTTP server that holds incoming envelopes to the same
// contract file the adapter uses, checks appId, sign, time window and serial replay, deduplicates by
// body.bizSerial, and pushes each status change to our gateway as a signed KYTB2001 envelope.
import type { Request, RequestHandler } from 'express';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { FieldError } from '../../gateway/src/errors.js';
import type { SimulatedPartner } from '../../gateway/src/ports/partner.js';
import { startSimServer, type SimKit, type SimPartnerSpec } from '../_kit/sim-server.js';
import type { PartnerSimulatorOptions } from '../_kit/sim-store.js';
import { canonicalJson, isRecord, newSerial, seal, verifySign } from './envelope.js';
import { RTN_CODES, formatNxTime, parseNxTime } from './mapping.js';
import { readSettings } from './settings.js';
import { CaseBook, type CaseBookSnapshot, type Outcome, type SimCase, type SimEvent } from './sim-cases.js';
import { FeedbackBook, type HandedCase } from './sim-feedback.js';
import { mountHandover } from '../_kit/handover.js';
import {
  BIZ_CODES, CONTRACT_FILE, ENVELOPE_VERSION, PATHS, REGION,
  type NxEnvelope, type NxFeedbackBody, type NxOperation, type NxQueryBody, type NxSubmitBody, type NxSupplementBody, type NxWithdrawBody,
} from './types.js';

const WINDOW_MS = 300_000;

/** serials seen within the time window; older ones can no longer pass the time check anyway */
class SerialGuard {
  private readonly seen = new Map<string, number>();
  claim(serial: string, nowMs: number): boolean {
    for (const [s, expires] of this.seen) {
      if (expires > nowMs) break;
      this.seen.delete(s);
    }
    if (this.seen.has(serial)) return false;
    this.seen.set(serial, nowMs + 2 * WINDOW_MS);
    return true;
  }
}

const invalid = (fields: FieldError[]): Outcome => ({
  rtnCode: '1001',
  rtnMsg: `${RTN_CODES['1001']}（${fields.length} 处）`,
  body: { cwxx: fields.map((f) => ({ zd: f.field, yy: f.message })) },
});

export async function createSimulator(options: PartnerSimulatorOptions): Promise<SimulatedPartner> {
  const settings = readSettings(options.settings);
  const now = options.now ?? (() => new Date());
  const contract = loadContract(CONTRACT_FILE);
  const book = new CaseBook(now);
  const feedback = new FeedbackBook(now);
  const serials = new SerialGuard();
  const callbackUrl = options.gatewayBaseUrl
    ? `${options.gatewayBaseUrl.replace(/\/+$/, '')}/api/inbound/partners/${REGION}/callback`
    : undefined;

  const reply = (reqHead: Record<string, unknown> | undefined, bizCode: string | undefined, o: Outcome): NxEnvelope<unknown> => {
    const receiver = typeof reqHead?.sender === 'string' && /^\d{6}$/.test(reqHead.sender) ? reqHead.sender : undefined;
    return seal({
      version: ENVELOPE_VERSION, sender: REGION, ...(receiver ? { receiver } : {}), ...(bizCode ? { bizCode } : {}),
      serial: newSerial(), time: formatNxTime(now()), rtnCode: o.rtnCode, rtnMsg: o.rtnMsg ?? RTN_CODES[o.rtnCode],
    }, o.body, settings.APP_SECRET);
  };

  const authenticate = (req: Request, env: NxEnvelope<unknown>): Outcome | undefined => {
    const { head } = env;
    if (head.appId !== settings.APP_ID || req.get('x-exchange-appid') !== head.appId) return { rtnCode: '1005', body: {} };
    if (!verifySign(env, settings.APP_SECRET)) return { rtnCode: '1002', body: {} };
    let sent: Date;
    try {
      sent = parseNxTime(head.time);
    } catch {
      return invalid([{ field: '/head/time', message: 'is not a real time' }]);
    }
    if (Math.abs(now().getTime() - sent.getTime()) > WINDOW_MS) return { rtnCode: '1003', body: {} };
    if (!serials.claim(head.serial, now().getTime())) return { rtnCode: '1004', body: {} };
    return undefined;
  };

  /** validate → authenticate → run; every answer is a signed envelope at HTTP 200 */
  const route = <B>(op: NxOperation, run: (env: NxEnvelope<B>) => Outcome): RequestHandler => (req, res) => {
    const env: unknown = req.body ?? null;
    const head = isRecord(env) && isRecord(env.head) ? env.head : undefined;
    const fields = contract.validateRequest(op, env);
    const outcome = fields.length > 0
      ? invalid(fields)
      : authenticate(req, env as NxEnvelope<unknown>) ?? run(env as NxEnvelope<B>);
    res.status(200).json(reply(head, BIZ_CODES[op], outcome));
  };

  // A repeat of a bizSerial gets the first answer; state-dependent refusals are not remembered, since
  // the same request may succeed once the case has moved on.
  const once = (kit: SimKit, key: string, body: unknown, make: () => Outcome): { outcome: Outcome; fresh: boolean } => {
    const fingerprint = canonicalJson(body);
    const earlier = kit.ledger.lookup(key, fingerprint);
    if (earlier === 'conflict') {
      return { outcome: { rtnCode: '2002', body: { cwxx: [{ zd: '/body/bizSerial', yy: '同一业务流水号的报文内容与首次提交不一致' }] } }, fresh: false };
    }
    if (earlier) return { outcome: earlier.body as Outcome, fresh: false };
    const outcome = make();
    if (outcome.rtnCode !== '2003' && outcome.rtnCode !== '2004') kit.ledger.remember(key, fingerprint, 200, outcome);
    return { outcome, fresh: true };
  };

  const push = (kit: SimKit, c: SimCase, e: SimEvent): void => {
    if (!callbackUrl) return;
    const body = book.notifyBody(c, e);
    // serial, time and sign are made per attempt, so a re-push is fresh but carries the same sjbh
    kit.callbacks.push(() => ({
      url: callbackUrl,
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-exchange-sender': REGION },
      body: JSON.stringify(seal({
        version: ENVELOPE_VERSION, sender: REGION, receiver: c.sender, bizCode: BIZ_CODES.caseStatusNotify,
        serial: newSerial(), time: formatNxTime(now()),
      }, body, settings.CALLBACK_SECRET)),
    }));
  };

  // the materials as the platform stores them (the kit may damage one on the way: faults.corruptSha256)
  const arrived = <B extends { clxx: NxSubmitBody['clxx'] }>(kit: SimKit, b: B): B => ({
    ...b, clxx: b.clxx.map((m) => ({ ...m, wjnr: kit.faults.arrived(Buffer.from(m.wjnr, 'base64')).toString('base64') })),
  });

  const spec: SimPartnerSpec = {
    region: REGION,
    name: '宁夏回族自治区政务数据共享交换平台（模拟）',
    renderError: (status, message) => reply(undefined, undefined, {
      rtnCode: status >= 500 ? '9999' : '1001',
      rtnMsg: `${status >= 500 ? RTN_CODES['9999'] : RTN_CODES['1001']}: ${message}`.slice(0, 500),
      body: {},
    }),
    mount(app, kit) {
      app.post(PATHS.caseSubmit, route<NxSubmitBody>('caseSubmit', ({ head, body }) => {
        const { outcome, fresh } = once(kit, body.bizSerial, body, () => book.submit(head.appId as string, head.sender, arrived(kit, body)));
        if (fresh && outcome.rtnCode === '0000') kit.autoAdvance(String(outcome.body.sbbh));
        return outcome;
      }));
      app.post(PATHS.caseSupplement, route<NxSupplementBody>('caseSupplement', ({ head, body }) =>
        once(kit, body.bizSerial, body, () => book.supplement(head.appId as string, arrived(kit, body))).outcome));
      app.post(PATHS.caseWithdraw, route<NxWithdrawBody>('caseWithdraw', ({ head, body }) =>
        once(kit, body.bizSerial, body, () => book.withdraw(head.appId as string, body)).outcome));
      app.post(PATHS.caseQuery, route<NxQueryBody>('caseQuery', ({ head, body }) => book.query(head.appId as string, body)));
      // the other direction: the region that decides a case we handed it reports each decision
      app.post(PATHS.caseResultFeedback, route<NxFeedbackBody>('caseResultFeedback', ({ body }) =>
        once(kit, body.bizSerial, body, () => feedback.receive(body)).outcome));
      mountHandover(app, feedback, options);
      app.use((req, res) => { res.status(404).json(spec.renderError(404, `no interface at ${req.method} ${req.path}`)); });
    },
    decide(ref, decision, kit) {
      const change = book.decide(ref, decision);
      if (!change) return false;
      push(kit, change.case, change.event);
      return true;
    },
    cases: () => book.views(),
    forgeCallback(ref, forgery) {
      if (!callbackUrl) return undefined;
      // the next change as the department would announce it, decided on a copy of the book
      const copy = new CaseBook(now);
      copy.restore(structuredClone(book.snapshot()));
      const change = copy.decide(ref, { to: 'rejected', reason: '伪造的回调' });
      if (!change) return undefined;
      const at = forgery === 'stale' ? new Date(now().getTime() - 600_000) : now();
      const secret = forgery === 'bad-signature' ? `${settings.CALLBACK_SECRET}-guessed` : settings.CALLBACK_SECRET;
      return {
        url: callbackUrl,
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-exchange-sender': REGION },
        body: JSON.stringify(seal({
          version: ENVELOPE_VERSION, sender: REGION, receiver: change.case.sender, bizCode: BIZ_CODES.caseStatusNotify,
          serial: newSerial(), time: formatNxTime(at),
        }, copy.notifyBody(change.case, change.event), secret)),
      };
    },
    snapshot: () => ({ ...book.snapshot(), handed: feedback.snapshot() }),
    restore: (saved) => {
      book.restore(saved as CaseBookSnapshot);
      feedback.restore((saved as { handed?: HandedCase[] }).handed);
    },
  };

  const server = await startSimServer(spec, {
    port: Number(new URL(settings.URL).port || 0), ...(options.host ? { host: options.host } : {}), autoAdvance: options.autoAdvance, dataDir: options.dataDir,
  });
  return { url: server.url, close: () => server.close() };
}
