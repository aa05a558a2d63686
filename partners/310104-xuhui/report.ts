// We are 办理地 for a case 徐汇区 handed us: each decision goes back through its reportHandlingResult,
// its documents uploaded first (uploadMaterial, as 徐汇区 carries materials) and referenced by id with
// their SHA-256. The whole report is checked against the contract before the first upload leaves, and
// every call carries an Idempotency-Key derived from the report step's, so a retry creates nothing twice.
import { loadContract } from '../../gateway/src/contracts/contract.js';
import { PartnerFailure, type DecisionReport, type PartnerContext } from '../../gateway/src/ports/partner.js';
import { assertValid, type XhClient } from './client.js';
import { UnmappedCodeError } from './mapping.js';
import { toReportHandlingResultRequest, toUploadReportDocument, type XhHandlingReport, type XhHandlingReportReceipt } from './mapping-report.js';
import { CONTRACT_FILE, type XhMaterialReceipt } from './types.js';

const contract = loadContract(CONTRACT_FILE);
const PREFLIGHT_MATERIAL_ID = 'mat_000000000000000000000000';

function mapped<T>(build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof UnmappedCodeError || e instanceof RangeError) throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `徐汇区 reportHandlingResult: ${e.message}`, false);
    throw e;
  }
}

/** operationId reportHandlingResult, after one uploadMaterial per document */
export async function reportToXuhui(client: XhClient, r: DecisionReport, ctx: PartnerContext): Promise<{ partnerStatus: string }> {
  assertValid('handoverCaseNo', contract.validateSchema('ExternalCaseNo', r.partnerCaseNo));
  const preflight: XhHandlingReport = mapped(() => toReportHandlingResultRequest(r, new Map(r.documents.map((d) => [d.fileName, PREFLIGHT_MATERIAL_ID]))));
  assertValid(`reportHandlingResult request for ${r.caseNo}`, contract.validateRequest('reportHandlingResult', preflight));
  const uploads = r.documents.map((d) => ({ d, fields: mapped(() => toUploadReportDocument(d)) }));
  for (const { d, fields } of uploads) {
    assertValid(`uploadMaterial request for document ${d.fileName}`, contract.validateRequest('uploadMaterial', { ...fields, file: d.fileName }, 'multipart/form-data'));
  }

  const ids = new Map<string, string>();
  for (const [i, { d, fields }] of uploads.entries()) {
    const bytes = await r.readDocument(d.fileName);
    const receipt = await client.call<XhMaterialReceipt>(ctx, {
      operationId: 'uploadMaterial', method: 'POST', path: '/api/v1/materials', ok: 201,
      idempotencyKey: `${r.idempotencyKey}:document:${i + 1}`,
      multipart: { fields: { ...fields }, file: { bytes, fileName: d.fileName, mediaType: d.mediaType } },
    }).catch((e: unknown) => {
      if (e instanceof PartnerFailure && e.code === 'PARTNER_REJECTED') throw new PartnerFailure(e.code, `徐汇区拒收文书「${d.title}」：${e.message}`, e.retryable);
      throw e;
    });
    if (receipt.sha256 !== d.sha256) {
      throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `徐汇区 stored document ${d.fileName} with SHA-256 ${receipt.sha256}, we sent ${d.sha256}`, false);
    }
    ids.set(d.fileName, receipt.materialId);
  }
  const receipt = await client.call<XhHandlingReportReceipt>(ctx, {
    operationId: 'reportHandlingResult', method: 'POST', path: `/api/v1/handovers/${encodeURIComponent(r.partnerCaseNo)}/reports`, ok: 201,
    idempotencyKey: r.idempotencyKey, json: toReportHandlingResultRequest(r, ids),
  });
  if (receipt.handoverCaseNo !== r.partnerCaseNo) {
    throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `徐汇区 acknowledged the report of ${receipt.handoverCaseNo}, not ${r.partnerCaseNo}`, false);
  }
  return { partnerStatus: receipt.status };
}
