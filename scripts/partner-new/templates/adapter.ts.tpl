// {{NAME}} through its contract: one call, submitCase, with every material inline and the handoff's
// Idempotency-Key, so a repeat returns what the first attempt got and creates nothing new. Status comes
// back by signed callbacks (callbacks.ts). TODO(待确认): 补正, 撤件 and our reports (report()) once the
// region's contract has operations for them; declare each capability only when it is implemented.
import {
  PartnerFailure, type HandoffAck, type HandoffRequest, type PartnerAdapter, type PartnerContext, type PartnerSettings,
} from '../../gateway/src/ports/partner.js';
import { callbackReply, parseCallback, verifyCallback } from './callbacks.js';
import { Client } from './client.js';
import { toHandoffAck, toSubmitCaseRequest, UnmappedCodeError } from './mapping.js';
import { NAME, REGION, type CaseReceipt } from './types.js';

function setting(settings: PartnerSettings, key: string): string {
  const value = settings[key];
  if (!value) throw new Error(`partner ${REGION}: setting ${key} (PARTNER_${REGION}_${key}) is not set`);
  return value;
}

/** a mapping that cannot be done (unknown code, bad date) is a contract problem on our side */
function mapped<T>(build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof UnmappedCodeError || e instanceof RangeError) throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', e.message, false);
    throw e;
  }
}

async function deliver(client: Client, req: HandoffRequest, ctx: PartnerContext): Promise<HandoffAck> {
  const c = req.case;
  if (req.step !== 'submit') throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `${NAME} has no operation for handoff step "${req.step}"`, false);
  const contents = new Map<string, Buffer>();
  for (const m of c.materials) contents.set(m.id, await req.readMaterial(m.id));
  // the whole request is checked against the contract (in client.post) before the first byte leaves
  const receipt = await client.post<CaseReceipt>(ctx, {
    operationId: 'submitCase', path: '/api/v1/cases', ok: 201, idempotencyKey: req.idempotencyKey,
    json: mapped(() => toSubmitCaseRequest(c, contents)),
  });
  if (receipt.caseNo !== c.caseNo) throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `${NAME} acknowledged ${receipt.caseNo} for ${c.caseNo}`, false);
  return mapped(() => toHandoffAck(receipt));
}

export function createAdapter(settings: PartnerSettings): PartnerAdapter {
  const client = new Client(setting(settings, 'URL'), setting(settings, 'API_KEY'));
  const callbackSecret = setting(settings, 'CALLBACK_SECRET');
  return {
    region: REGION,
    name: NAME,
    capabilities: { supplement: false, cancel: false, statusBy: 'callback', results: 'inline' },
    deliver: (req, ctx) => deliver(client, req, ctx),
    // a result document travels inline, base64: room for about 10 MB of it (假设)
    callbackMaxBytes: 15 * 1024 * 1024,
    verifyCallback: (req) => verifyCallback(callbackSecret, req),
    parseCallback: (req) => parseCallback(req),
    callbackReply,
  };
}
