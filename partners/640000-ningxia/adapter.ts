// Delivery to the 宁夏 exchange platform: one signed envelope per operation, validated against the
// contract before it leaves; the reply's head.rtnCode is the platform's verdict.
import { createHash } from 'node:crypto';
import axios from 'axios';
import { loadContract, type Contract } from '../../gateway/src/contracts/contract.js';
import type { FieldError } from '../../gateway/src/errors.js';
import {
  PartnerFailure, type CancelAnswer, type CancelRequest, type DecisionReport, type HandoffAck, type HandoffRequest, type PartnerAdapter, type PartnerContext, type PartnerExchange, type PartnerSettings,
} from '../../gateway/src/ports/partner.js';
import { notifyReceipt, parseNotify, verifyNotify } from './callback.js';
import { isRecord, newSerial, seal, verifySign } from './envelope.js';
import { MappingError, formatNxTime, toCanonicalStatus, toCaseSubmitRequest, toCaseSupplementRequest } from './mapping.js';
import { toCaseResultFeedbackRequest } from './mapping-report.js';
import { fromCaseWithdrawReply, toCaseWithdrawRequest } from './mapping-withdraw.js';
import { readSettings, type NxSettings } from './settings.js';
import {
  BIZ_CODES, CONTRACT_FILE, ENVELOPE_VERSION, NAME, PATHS, REGION,
  type NxCaseAck, type NxEnvelope, type NxErrorBody, type NxFeedbackBody, type NxSubmitBody, type NxSupplementBody,
} from './types.js';

type DeliveryOp = 'caseSubmit' | 'caseSupplement';
type SentOp = DeliveryOp | 'caseResultFeedback' | 'caseWithdraw';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const violation = (msg: string): PartnerFailure => new PartnerFailure('PARTNER_CONTRACT_VIOLATION', msg, false);
const unavailable = (msg: string): PartnerFailure => new PartnerFailure('PARTNER_UNAVAILABLE', msg, true);
// Field paths and Ajv's messages only: never the values, which may be personal data.
const describe = (fields: FieldError[]): string => fields.slice(0, 10).map((f) => `${f.field} ${f.message}`).join('; ');

function stepOf(step: string): { op: DeliveryOp; round: number } {
  if (step === 'submit') return { op: 'caseSubmit', round: 0 };
  const m = /^supplement-([1-9]\d?)$/.exec(step);
  if (m) return { op: 'caseSupplement', round: Number(m[1]) };
  throw violation(`宁夏 has no operation for handoff step '${step}'`);
}

export function createAdapter(partnerSettings: PartnerSettings): PartnerAdapter {
  const settings = readSettings(partnerSettings);
  const contract = loadContract(CONTRACT_FILE);
  const base = settings.URL.replace(/\/+$/, '');

  return {
    region: REGION,
    name: NAME,
    capabilities: { supplement: true, cancel: true, statusBy: 'callback', results: 'inline' },

    async deliver(req: HandoffRequest, ctx: PartnerContext): Promise<HandoffAck> {
      const { op, round } = stepOf(req.step);
      const contents = new Map(await Promise.all(req.case.materials.map(async (m) => [m.id, await req.readMaterial(m.id)] as const)));
      let body: NxSubmitBody | NxSupplementBody;
      try {
        body = op === 'caseSubmit'
          ? toCaseSubmitRequest(req.case, req.idempotencyKey, contents)
          : toCaseSupplementRequest(req.case, req.idempotencyKey, round, contents);
      } catch (e) {
        if (e instanceof MappingError) throw violation(`宁夏 ${op}: ${e.message}`);
        throw e;
      }
      const envelope = seal({
        version: ENVELOPE_VERSION, appId: settings.APP_ID, sender: req.case.acceptRegion, receiver: REGION,
        bizCode: BIZ_CODES[op], serial: newSerial(), time: formatNxTime(ctx.now()),
      }, body, settings.APP_SECRET);
      const fields = contract.validateRequest(op, envelope);
      if (fields.length > 0) throw violation(`宁夏 ${op} request breaks the contract: ${describe(fields)}`);
      return exchange(op, envelope, ctx, { settings, contract, base }, (env: NxEnvelope<NxCaseAck>) => {
        if (env.body.bjbh !== req.case.caseNo) throw violation(`宁夏 ${op} acknowledged another case (bjbh ${env.body.bjbh})`);
        return { partnerRef: env.body.sbbh, partnerStatus: env.body.ztdm, status: toCanonicalStatus(env.body.ztdm) };
      });
    },

    // we are 办理地 for a case the platform handed us: each decision goes back as 办理结果反馈 (KYTB1004)
    async report(req: DecisionReport, ctx: PartnerContext): Promise<{ partnerStatus?: string }> {
      const op = 'caseResultFeedback';
      const contents = new Map(await Promise.all(req.documents.map(async (d) => [d.fileName, await req.readDocument(d.fileName)] as const)));
      let body: NxFeedbackBody;
      try {
        body = toCaseResultFeedbackRequest(req, contents);
      } catch (e) {
        if (e instanceof MappingError) throw violation(`宁夏 ${op}: ${e.message}`);
        throw e;
      }
      const envelope = seal({
        version: ENVELOPE_VERSION, appId: settings.APP_ID, sender: req.handlingRegion, receiver: REGION,
        bizCode: BIZ_CODES[op], serial: newSerial(), time: formatNxTime(ctx.now()),
      }, body, settings.APP_SECRET);
      const fields = contract.validateRequest(op, envelope);
      if (fields.length > 0) throw violation(`宁夏 ${op} request breaks the contract: ${describe(fields)}`);
      return exchange(op, envelope, ctx, { settings, contract, base }, (env: NxEnvelope<{ bjbh: string; ztdm: string }>) => {
        if (env.body.bjbh !== req.partnerCaseNo) throw violation(`宁夏 ${op} acknowledged another case (bjbh ${env.body.bjbh})`);
        return { partnerStatus: env.body.ztdm };
      });
    },

    // 撤件 (KYTB1005): 0000 withdrawn, 2006 already decided (a signed answer to act on, not a failure)
    async cancel(req: CancelRequest, ctx: PartnerContext): Promise<CancelAnswer> {
      const op = 'caseWithdraw';
      const envelope = seal({
        version: ENVELOPE_VERSION, appId: settings.APP_ID, sender: req.acceptRegion, receiver: REGION,
        bizCode: BIZ_CODES[op], serial: newSerial(), time: formatNxTime(ctx.now()),
      }, toCaseWithdrawRequest(req), settings.APP_SECRET);
      const fields = contract.validateRequest(op, envelope);
      if (fields.length > 0) throw violation(`宁夏 ${op} request breaks the contract: ${describe(fields)}`);
      return exchange(op, envelope, ctx, { settings, contract, base }, (env: NxEnvelope<{ bjbh: string; ztdm: string; chsj?: string }>) => {
        if (env.body.bjbh !== req.caseNo) throw violation(`宁夏 ${op} answered for another case (bjbh ${env.body.bjbh})`);
        return fromCaseWithdrawReply(env.head.rtnCode ?? '', env.body);
      }, ['2006']);
    },

    // the notify's result file (jgwj.wjnr) is at most 28,000,000 base64 characters (its contract)
    callbackMaxBytes: 28 * 1024 * 1024,
    verifyCallback: (req) => verifyNotify(contract, settings.CALLBACK_SECRET, req),
    parseCallback: (req) => parseNotify(req),
    callbackReply: notifyReceipt,
  };
}

interface Deps { settings: NxSettings; contract: Contract; base: string }

/** one HTTP exchange, reported to ctx.record (hashes, never bodies) whatever its outcome; `read` takes a verified 0000 reply */
async function exchange<T, B>(op: SentOp, envelope: NxEnvelope<unknown>, ctx: PartnerContext, deps: Deps, read: (env: NxEnvelope<B>) => T, answers: readonly string[] = []): Promise<T> {
  const url = `${deps.base}${PATHS[op]}`;
  const payload = JSON.stringify(envelope);
  const started = ctx.now().getTime();
  const report = (x: Partial<PartnerExchange>): void => ctx.record({
    operationId: op, method: 'POST', url, requestSha256: sha256(payload), durationMs: ctx.now().getTime() - started, ...x,
  });
  let res: { status: number; data: unknown };
  try {
    res = await ctx.http.post(url, payload, {
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-exchange-appid': deps.settings.APP_ID },
      responseType: 'text',
      transformRequest: [(d: unknown) => d],
      transformResponse: [(d: unknown) => d],
      validateStatus: () => true,
    });
  } catch (e) {
    if (!axios.isAxiosError(e)) throw e;
    const reason = [e.code, e.message].filter(Boolean).join(' ');
    report({ error: reason });
    throw unavailable(`宁夏 ${op} got no answer: ${reason}`);
  }
  const text = typeof res.data === 'string' ? res.data : JSON.stringify(res.data ?? '');
  try {
    const ack = read(interpret(op, res.status, text, deps, answers) as NxEnvelope<B>);
    report({ status: res.status, responseSha256: sha256(text) });
    return ack;
  } catch (e) {
    report({ status: res.status, responseSha256: sha256(text), error: (e as Error).message });
    throw e;
  }
}

/** the platform's verdict: a signed 0000 reply within the contract, or the PartnerFailure it calls for */
function interpret(op: SentOp, status: number, text: string, deps: Deps, answers: readonly string[]): NxEnvelope<unknown> {
  let reply: unknown;
  try {
    reply = JSON.parse(text);
  } catch {
    reply = undefined;
  }
  const head = isRecord(reply) && isRecord(reply.head) ? reply.head : {};
  const rtn = typeof head.rtnCode === 'string' ? ` [${head.rtnCode}] ${String(head.rtnMsg ?? '')}` : '';
  if (status === 429 || status >= 500) throw unavailable(`宁夏 ${op} HTTP ${status}${rtn}`);
  if (reply === undefined) throw violation(`宁夏 ${op} HTTP ${status}: the reply is not JSON`);
  if (status !== 200) {
    if (rtn) throw new PartnerFailure('PARTNER_REJECTED', `宁夏 ${op} refused (HTTP ${status})${rtn}`, false);
    throw violation(`宁夏 ${op} answered HTTP ${status} outside its contract`);
  }
  const fields = deps.contract.validateResponse(op, 200, reply);
  if (fields.length > 0) throw violation(`宁夏 ${op} reply breaks the contract: ${describe(fields)}`);
  const env = reply as NxEnvelope<NxErrorBody>;
  if (env.head.rtnCode === '9999') throw unavailable(`宁夏 ${op} busy${rtn}`);
  if (env.head.rtnCode !== '0000' && !answers.includes(env.head.rtnCode ?? '')) {
    const errs = (env.body.cwxx ?? []).slice(0, 10).map((x) => `${x.zd} ${x.yy}`).join('; ');
    throw new PartnerFailure('PARTNER_REJECTED', `宁夏 ${op} refused${rtn}${errs ? `: ${errs}` : ''}`, false);
  }
  if (!verifySign(env, deps.settings.APP_SECRET)) throw violation(`宁夏 ${op} reply head.sign does not verify`);
  return env;
}
