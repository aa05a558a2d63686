// 汉中 as the core sees it. A delivery is several signed calls (one clsc per material, then sb or bqbz),
// each with its own qqlsh derived from the idempotency key, so repeating the delivery after a failure at
// any step makes 汉中 answer the steps it already has from its ledger and create nothing twice.
import {
  PartnerFailure, type CancelAnswer, type CancelRequest, type HandoffAck, type HandoffRequest, type PartnerAdapter,
  type PartnerContext, type PartnerSettings,
  type PartnerStatusUpdate,
} from '../../gateway/src/ports/partner.js';
import { assertValidRequest, callForReply, callOperation, type ClientConfig } from './client.js';
import {
  bqbzQqlsh, clscQqlsh, fromBlzt, fromCxsqReply, toCxsqRequest, fromCxztData, fromJgxzData, sbQqlsh, toBqbzRequest, toClscRequest, toCxztRequest,
  toJgxzRequest, toSbRequest,
} from './mapping.js';
import type { ClscData, CxsqData, CxztData, JgxzData, SbData } from './types.js';
import { pollSide } from './polls.js';

export const REGION = '610700';
export const NAME = '陕西省汉中市';
export const SETTING_KEYS = ['URL', 'APP_KEY', 'APP_SECRET'] as const;

/** stands in for the clbh values while the sb/bqbz body is checked before the first material leaves */
const PENDING_CLBH = `CL${'0'.repeat(20)}`;

export function readSettings(settings: PartnerSettings): ClientConfig {
  const missing = SETTING_KEYS.filter((k) => !settings[k]);
  if (missing.length > 0) {
    throw new Error(`partner ${REGION}: missing setting(s) ${missing.map((k) => `PARTNER_${REGION}_${k}`).join(', ')}`);
  }
  return { baseUrl: settings.URL as string, appKey: settings.APP_KEY as string, appSecret: settings.APP_SECRET as string };
}

export function createAdapter(settings: PartnerSettings): PartnerAdapter {
  const cfg = readSettings(settings);

  async function deliver(req: HandoffRequest, ctx: PartnerContext): Promise<HandoffAck> {
    const c = req.case;
    const final = finalStep(req);
    const clscBodies = await Promise.all(c.materials.map(async (m) =>
      toClscRequest(c, m, await req.readMaterial(m.id), clscQqlsh(req.idempotencyKey, m.id))));
    // Check every body of the flow first, so a mapping bug sends nothing rather than half a case.
    clscBodies.forEach((body) => assertValidRequest('clsc', body));
    assertValidRequest(final.operationId, final.build(new Map(c.materials.map((m) => [m.id, PENDING_CLBH]))));

    const clbh = new Map<string, string>();
    for (const [i, m] of c.materials.entries()) {
      const data = await callOperation<ClscData>(cfg, ctx, 'clsc', clscBodies[i]).catch((e: unknown) => {
        // a refused upload says which material it was (3001: the bytes are not the ones hashed at the window)
        if (e instanceof PartnerFailure && e.code === 'PARTNER_REJECTED') throw new PartnerFailure(e.code, `汉中拒收材料「${m.name}」：${e.message}`, e.retryable);
        throw e;
      });
      clbh.set(m.id, data.clbh);
    }
    const data = await callOperation<SbData>(cfg, ctx, final.operationId, final.build(clbh));
    return { partnerRef: data.sblsh, partnerStatus: data.blzt, status: fromBlzt(data.blzt) };
  }

  async function pollStatus(partnerRef: string, caseNo: string, ctx: PartnerContext): Promise<PartnerStatusUpdate[]> {
    const data = await callOperation<CxztData>(cfg, ctx, 'cxzt', toCxztRequest(partnerRef));
    if (data.bjbh !== caseNo) {
      throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `汉中申报 ${partnerRef} 属于办件 ${data.bjbh}，不是 ${caseNo}`, false);
    }
    const updates = fromCxztData(data);
    const results = new Map(data.lsjl.flatMap((e) => (e.bjjg ? [[e.jlid, e.bjjg.jgwjbh] as const] : [])));
    return Promise.all(updates.map(async (u) => {
      const jgwjbh = results.get(u.eventId);
      if (!u.result || !jgwjbh) return u;
      const file = await callOperation<JgxzData>(cfg, ctx, 'jgxz', toJgxzRequest(partnerRef, jgwjbh));
      return { ...u, result: { ...u.result, document: fromJgxzData(file) } };
    }));
  }

  /** operationId cxsq: 0 withdrawn, 3008 already decided (an answer, not a failure) */
  async function cancel(req: CancelRequest, ctx: PartnerContext): Promise<CancelAnswer> {
    const reply = await callForReply<CxsqData>(cfg, ctx, 'cxsq', toCxsqRequest(req), ['3008']);
    if (reply.code === '0' && reply.data?.sblsh !== req.partnerRef) {
      throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `汉中撤回了申报 ${reply.data?.sblsh ?? '?'}，不是 ${req.partnerRef}`, false);
    }
    return fromCxsqReply(reply);
  }

  return {
    region: REGION, name: NAME,
    // results come as a file number (jgwjbh) that jgxz downloads; our reports to it are published for it to poll
    capabilities: { supplement: true, cancel: true, statusBy: 'polling', results: 'reference', reportsBy: 'poll' },
    deliver, pollStatus, cancel,
    ...pollSide(cfg),
  };
}

function finalStep(req: HandoffRequest): { operationId: 'sb' | 'bqbz'; build(clbh: ReadonlyMap<string, string>): unknown } {
  if (req.step === 'submit') {
    return { operationId: 'sb', build: (clbh) => toSbRequest(req.case, clbh, sbQqlsh(req.idempotencyKey)) };
  }
  if (/^supplement-\d+$/.test(req.step)) {
    return { operationId: 'bqbz', build: (clbh) => toBqbzRequest(req.case, clbh, bqbzQqlsh(req.idempotencyKey)) };
  }
  throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `汉中接口没有与步骤 "${req.step}" 对应的操作`, false);
}
