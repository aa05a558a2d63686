// 徐汇区 through its own contract: token → upload each material → submit the application (or, for a
// 补正 step, find it and submit the supplement). Every call carries an Idempotency-Key derived from the
// handoff's key, so a repeat at any step returns what the first attempt got and creates nothing new.
import { loadContract } from '../../gateway/src/contracts/contract.js';
import {
  PartnerFailure, type CancelAnswer, type CancelRequest, type HandoffAck, type HandoffRequest, type OutboundCase,
  type PartnerAdapter, type PartnerContext, type PartnerSettings, type PartnerStatusUpdate,
} from '../../gateway/src/ports/partner.js';
import { parseXhCallback, verifyXhCallback, xhCallbackReply } from './callbacks.js';
import { assertValid, XhClient } from './client.js';
import { reportToXuhui } from './report.js';
import {
  fromGetApplicationResponse, fromWithdrawApplicationResponse, toHandoffAck, toWithdrawApplicationRequest, toSubmitApplicationRequest, toSubmitSupplementRequest, toUploadMaterialRequest,
  UnmappedCodeError,
} from './mapping.js';
import {
  CONTRACT_FILE, REGION, REGION_NAME, type XhApplication, type XhApplicationList, type XhApplicationReceipt,
  type XhMaterialReceipt, type XhSupplementReceipt, type XhWithdrawalReceipt,
} from './types.js';

const contract = loadContract(CONTRACT_FILE);
/** stands in for the materialIds 徐汇区 has not issued yet, so the whole request is checked before any upload */
const PREFLIGHT_MATERIAL_ID = 'mat_000000000000000000000000';

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

const isSupplement = (step: string): boolean => {
  if (step === 'submit') return false;
  if (/^supplement-[1-9][0-9]*$/.test(step)) return true;
  throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `徐汇区 has no operation for handoff step "${step}"`, false);
};

/** everything we are about to send, checked before the first byte leaves */
function preflight(c: OutboundCase, supplement: boolean): void {
  const placeholders = new Map(c.materials.map((m) => [m.id, PREFLIGHT_MATERIAL_ID]));
  const [operationId, body] = supplement
    ? ['submitSupplement', mapped(() => toSubmitSupplementRequest(c, placeholders))]
    : ['submitApplication', mapped(() => toSubmitApplicationRequest(c, placeholders))];
  assertValid(`${operationId} request for ${c.caseNo}`, contract.validateRequest(operationId, body));
  for (const m of c.materials) {
    const fields = { ...toUploadMaterialRequest(m), file: m.fileName };
    assertValid(`uploadMaterial request for material ${m.id}`, contract.validateRequest('uploadMaterial', fields, 'multipart/form-data'));
  }
}

/** a refused upload says which material it was (e.g. MATERIAL_HASH_MISMATCH: the bytes are not the ones hashed at the window) */
async function namingMaterial<T>(name: string, upload: () => Promise<T>): Promise<T> {
  try {
    return await upload();
  } catch (e) {
    if (e instanceof PartnerFailure && e.code === 'PARTNER_REJECTED') throw new PartnerFailure(e.code, `徐汇区拒收材料「${name}」：${e.message}`, e.retryable);
    throw e;
  }
}

async function uploadMaterials(client: XhClient, req: HandoffRequest, ctx: PartnerContext): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const m of req.case.materials) {
    const bytes = await req.readMaterial(m.id);
    const receipt = await namingMaterial(m.name, () => client.call<XhMaterialReceipt>(ctx, {
      operationId: 'uploadMaterial', method: 'POST', path: '/api/v1/materials', ok: 201,
      idempotencyKey: `${req.idempotencyKey}:material:${m.id}`,
      multipart: { fields: { ...toUploadMaterialRequest(m) }, file: { bytes, fileName: m.fileName, mediaType: m.mediaType } },
    }));
    if (receipt.sha256 !== m.sha256) {
      throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `徐汇区 stored material ${m.id} with SHA-256 ${receipt.sha256}, we sent ${m.sha256}`, false);
    }
    ids.set(m.id, receipt.materialId);
  }
  return ids;
}

/** operationId listApplications: a 补正 step knows our 办件编号, not 徐汇区's applicationId */
async function findApplicationId(client: XhClient, caseNo: string, ctx: PartnerContext): Promise<string> {
  assertValid('externalCaseNo', contract.validateSchema('ExternalCaseNo', caseNo));
  const list = await client.call<XhApplicationList>(ctx, {
    operationId: 'listApplications', method: 'GET', path: `/api/v1/applications?externalCaseNo=${encodeURIComponent(caseNo)}`, ok: 200,
  });
  const found = list.items.find((a) => a.externalCaseNo === caseNo);
  if (!found) throw new PartnerFailure('PARTNER_REJECTED', `徐汇区 has no application for ${caseNo} to supplement`, false);
  return found.applicationId;
}

async function deliver(client: XhClient, req: HandoffRequest, ctx: PartnerContext): Promise<HandoffAck> {
  const c = req.case;
  const supplement = isSupplement(req.step);
  preflight(c, supplement);
  const applicationId = supplement ? await findApplicationId(client, c.caseNo, ctx) : undefined;
  const materialIds = await uploadMaterials(client, req, ctx);
  const receipt = applicationId
    ? await client.call<XhSupplementReceipt>(ctx, {
      operationId: 'submitSupplement', method: 'POST', path: `/api/v1/applications/${applicationId}/supplements`, ok: 201,
      idempotencyKey: req.idempotencyKey, json: toSubmitSupplementRequest(c, materialIds),
    })
    : await client.call<XhApplicationReceipt>(ctx, {
      operationId: 'submitApplication', method: 'POST', path: '/api/v1/applications', ok: 201,
      idempotencyKey: req.idempotencyKey, json: toSubmitApplicationRequest(c, materialIds),
    });
  if ('externalCaseNo' in receipt && receipt.externalCaseNo !== c.caseNo) {
    throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `徐汇区 acknowledged ${receipt.externalCaseNo} for ${c.caseNo}`, false);
  }
  return mapped(() => toHandoffAck(receipt));
}

/** operationId getApplication: the full history, for reconciling a case whose callbacks went missing */
async function pollStatus(client: XhClient, partnerRef: string, caseNo: string, ctx: PartnerContext): Promise<PartnerStatusUpdate[]> {
  assertValid('applicationId', contract.validateSchema('ApplicationId', partnerRef));
  const app = await client.call<XhApplication>(ctx, { operationId: 'getApplication', method: 'GET', path: `/api/v1/applications/${partnerRef}`, ok: 200 });
  if (app.externalCaseNo !== caseNo) {
    throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `徐汇区 application ${partnerRef} belongs to ${app.externalCaseNo}, not ${caseNo}`, false);
  }
  return mapped(() => fromGetApplicationResponse(app));
}

/** operationId withdrawApplication: 200 withdrawn, or 409 ALREADY_DECIDED (an answer, not a failure) */
async function cancel(client: XhClient, req: CancelRequest, ctx: PartnerContext): Promise<CancelAnswer> {
  assertValid('applicationId', contract.validateSchema('ApplicationId', req.partnerRef));
  const { status, body } = await client.answer<XhWithdrawalReceipt>(ctx, {
    operationId: 'withdrawApplication', method: 'POST', path: `/api/v1/applications/${req.partnerRef}/withdrawal`, ok: 200,
    idempotencyKey: req.idempotencyKey, json: mapped(() => toWithdrawApplicationRequest(req)),
  }, [409]);
  if (status === 409 && (body as { code?: string }).code !== 'ALREADY_DECIDED') {
    throw new PartnerFailure('PARTNER_REJECTED', `徐汇区 refused withdrawApplication: ${(body as { code: string }).code} ${(body as { message: string }).message}`, false);
  }
  if ('externalCaseNo' in body && body.externalCaseNo !== req.caseNo) {
    throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `徐汇区 withdrew ${body.externalCaseNo} for ${req.caseNo}`, false);
  }
  return mapped(() => fromWithdrawApplicationResponse(status, body));
}

export function createAdapter(settings: PartnerSettings): PartnerAdapter {
  const client = new XhClient({ url: setting(settings, 'URL'), clientId: setting(settings, 'CLIENT_ID'), clientSecret: setting(settings, 'CLIENT_SECRET') });
  const webhookSecret = setting(settings, 'WEBHOOK_SECRET');
  return {
    region: REGION,
    name: REGION_NAME,
    capabilities: { supplement: true, cancel: true, statusBy: 'callback', results: 'inline', reportsBy: 'push' },
    deliver: (req, ctx) => deliver(client, req, ctx),
    report: (req, ctx) => reportToXuhui(client, req, ctx),
    cancel: (req, ctx) => cancel(client, req, ctx),
    pollStatus: (partnerRef, caseNo, ctx) => pollStatus(client, partnerRef, caseNo, ctx),
    // the webhook's result document is at most 14,000,000 base64 characters (its contract)
    callbackMaxBytes: 15 * 1024 * 1024,
    verifyCallback: (req) => verifyXhCallback(webhookSecret, req),
    parseCallback: (req) => parseXhCallback(req),
    callbackReply: xhCallbackReply,
  };
}
