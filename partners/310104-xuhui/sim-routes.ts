// The simulated 徐汇区's API routes: materials, applications, supplements. Each checks the request
// against the contract, then the idempotency ledger, then the business rules, in that order.
import multer from 'multer';
import type { Express, RequestHandler, Response } from 'express';
import type { SimKit } from '../_kit/sim-server.js';
import { answeredFromLedger, checkBody, contract, idempotencyKey, reply, sendError } from './sim-http.js';
import { randomId, sha256Hex, WITHDRAWABLE, type StoredApplication, type StoredMaterial, type XhState } from './sim-state.js';
import type { XhApplicationRequest, XhMaterialRef, XhSupplementRequest, XhWithdrawalRequest } from './types.js';

const MEDIA_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const upload = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });

const parseUpload: RequestHandler = (req, res, next) => {
  upload.single('file')(req, res, (err: unknown) => {
    if (!err) return next();
    if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') return sendError(res, 413, 'PAYLOAD_TOO_LARGE', '文件超过 20 MB');
    sendError(res, 400, 'INVALID_REQUEST', `multipart 请求无法解析：${(err as Error).message}`);
  });
};

/** the referenced materials, or undefined after answering 422 */
function resolveMaterials(state: XhState, res: Response, refs: XhMaterialRef[]): StoredMaterial[] | undefined {
  const found: StoredMaterial[] = [];
  for (const [i, ref] of refs.entries()) {
    const m = state.materials.get(ref.materialId);
    if (!m) {
      sendError(res, 422, 'MATERIAL_NOT_FOUND', `材料 ${ref.materialId} 未上传`, [{ field: `/materials/${i}/materialId`, message: 'unknown materialId' }]);
      return undefined;
    }
    if (m.sha256 !== ref.sha256) {
      sendError(res, 422, 'MATERIAL_HASH_MISMATCH', `材料 ${ref.materialId} 的 SHA-256 与上传时不一致`, [{ field: `/materials/${i}/sha256`, message: `uploaded ${m.sha256}` }]);
      return undefined;
    }
    found.push(m);
  }
  return found;
}

export function mountApi(app: Express, kit: SimKit, state: XhState, bearer: RequestHandler): void {
  // operationId uploadMaterial
  app.post('/api/v1/materials', bearer, parseUpload, (req, res) => {
    const key = idempotencyKey(req, res);
    if (key === undefined) return;
    const fields = { ...(req.body as Record<string, string> | undefined) };
    if (!req.file) return sendError(res, 400, 'INVALID_REQUEST', '缺少材料文件', [{ field: 'file', message: 'required part is missing' }]);
    if (!checkBody(res, 'uploadMaterial', { ...fields, file: req.file.originalname }, 'multipart/form-data')) return;
    if (!MEDIA_TYPES.has(req.file.mimetype)) return sendError(res, 415, 'MATERIAL_TYPE_UNSUPPORTED', `不支持的文件类型 ${req.file.mimetype}`);
    const actual = sha256Hex(kit.faults.arrived(req.file.buffer));
    const fingerprint = { operation: 'uploadMaterial', fields, fileName: req.file.originalname, fileSha256: actual };
    if (answeredFromLedger(kit, res, key, fingerprint)) return;
    if (actual !== fields.sha256) {
      return sendError(res, 422, 'MATERIAL_HASH_MISMATCH', '材料 SHA-256 与声明值不一致', [{ field: 'sha256', message: `declared ${fields.sha256}, received ${actual}` }]);
    }
    const m: StoredMaterial = {
      materialId: randomId('mat'), materialCode: String(fields.materialCode), materialName: String(fields.materialName),
      fileName: req.file.originalname, mediaType: req.file.mimetype, sha256: actual, size: req.file.size,
      receivedAt: state.nowText(),
    };
    state.materials.set(m.materialId, m);
    reply(kit, res, key, fingerprint, 201, { materialId: m.materialId, sha256: m.sha256, size: m.size, receivedAt: m.receivedAt });
  });

  // operationId submitApplication
  app.post('/api/v1/applications', bearer, (req, res) => {
    const key = idempotencyKey(req, res);
    if (key === undefined || !checkBody(res, 'submitApplication', req.body)) return;
    const body = req.body as XhApplicationRequest;
    const fingerprint = { operation: 'submitApplication', body };
    if (answeredFromLedger(kit, res, key, fingerprint)) return;
    const existing = state.findByCaseNo(body.externalCaseNo);
    if (existing) return sendError(res, 409, 'DUPLICATE_CONFLICT', `办件 ${body.externalCaseNo} 已申报（${existing.applicationId}）`);
    const materials = resolveMaterials(state, res, body.materials);
    if (!materials) return;
    const applicationId = state.nextApplicationId();
    const at = state.nowText();
    const created: StoredApplication = { applicationId, externalCaseNo: body.externalCaseNo, idempotencyKey: key, status: 'RECEIVED', receivedAt: at, updatedAt: at, request: body, materials, events: [] };
    state.applications.set(applicationId, created);
    state.change(created, 'RECEIVED');
    reply(kit, res, key, fingerprint, 201, { applicationId, externalCaseNo: body.externalCaseNo, status: created.status, receivedAt: at });
    kit.autoAdvance(applicationId);
  });

  // operationId listApplications
  app.get('/api/v1/applications', bearer, (req, res) => {
    const caseNo = typeof req.query.externalCaseNo === 'string' ? req.query.externalCaseNo : undefined;
    const details = contract.validateSchema('ExternalCaseNo', caseNo).map((d) => ({ ...d, field: 'externalCaseNo' }));
    if (details.length > 0) return sendError(res, 400, 'INVALID_REQUEST', '查询参数 externalCaseNo 缺失或格式不正确', details);
    const found = state.findByCaseNo(String(caseNo));
    res.json({ items: found ? [summary(found)] : [] });
  });

  // operationId getApplication
  app.get('/api/v1/applications/:applicationId', bearer, (req, res) => {
    const found = state.applications.get(String(req.params.applicationId));
    if (!found) return sendError(res, 404, 'NOT_FOUND', `申报 ${String(req.params.applicationId)} 不存在`);
    res.json({ ...summary(found), events: found.events });
  });

  // operationId submitSupplement
  app.post('/api/v1/applications/:applicationId/supplements', bearer, (req, res) => {
    const key = idempotencyKey(req, res);
    if (key === undefined || !checkBody(res, 'submitSupplement', req.body)) return;
    const body = req.body as XhSupplementRequest;
    const applicationId = String(req.params.applicationId);
    const fingerprint = { operation: 'submitSupplement', applicationId, body };
    if (answeredFromLedger(kit, res, key, fingerprint)) return;
    const found = state.applications.get(applicationId);
    if (!found) return sendError(res, 404, 'NOT_FOUND', `申报 ${applicationId} 不存在`);
    if (found.externalCaseNo !== body.externalCaseNo) {
      return sendError(res, 400, 'INVALID_REQUEST', '办件编号与申报不符', [{ field: '/externalCaseNo', message: `application ${applicationId} is ${found.externalCaseNo}` }]);
    }
    if (found.status !== 'SUPPLEMENT_REQUIRED') return sendError(res, 409, 'INVALID_STATE', `申报当前状态 ${found.status}，不接受补正`);
    const materials = resolveMaterials(state, res, body.materials);
    if (!materials) return;
    found.materials = materials;
    state.change(found, 'SUPPLEMENTED');
    reply(kit, res, key, fingerprint, 201, { applicationId, supplementId: randomId('sup'), status: found.status, receivedAt: found.updatedAt });
  });

  mountWithdrawal(app, kit, state, bearer);
}

/** operationId withdrawApplication: withdrawn while nothing is decided; whichever the platform records first wins */
function mountWithdrawal(app: Express, kit: SimKit, state: XhState, bearer: RequestHandler): void {
  app.post('/api/v1/applications/:applicationId/withdrawal', bearer, (req, res) => {
    const key = idempotencyKey(req, res);
    if (key === undefined || !checkBody(res, 'withdrawApplication', req.body)) return;
    const body = req.body as XhWithdrawalRequest;
    const applicationId = String(req.params.applicationId);
    const fingerprint = { operation: 'withdrawApplication', applicationId, body };
    if (answeredFromLedger(kit, res, key, fingerprint)) return;
    const found = state.applications.get(applicationId);
    if (!found) return sendError(res, 404, 'NOT_FOUND', `申报 ${applicationId} 不存在`);
    if (found.externalCaseNo !== body.externalCaseNo) {
      return sendError(res, 400, 'INVALID_REQUEST', '办件编号与申报不符', [{ field: '/externalCaseNo', message: `application ${applicationId} is ${found.externalCaseNo}` }]);
    }
    if (!WITHDRAWABLE.has(found.status)) {
      // the refusal is an answer the caller acts on: recorded in the ledger like a success
      return reply(kit, res, key, fingerprint, 409, { code: 'ALREADY_DECIDED', message: found.status === 'REJECTED' ? '办件已作出不予受理决定，不能撤回' : '办件已办结，不能撤回', details: [{ field: 'status', message: found.status }] });
    }
    const at = state.nowText();
    found.status = 'WITHDRAWN';
    found.updatedAt = at;
    found.withdrawal = { reason: body.reason, requestedAt: body.requestedAt, withdrawnAt: at };
    reply(kit, res, key, fingerprint, 200, { applicationId, externalCaseNo: found.externalCaseNo, status: 'WITHDRAWN', withdrawnAt: at });
  });
}

const summary = (a: { applicationId: string; externalCaseNo: string; status: string; receivedAt: string; updatedAt: string }) => ({
  applicationId: a.applicationId, externalCaseNo: a.externalCaseNo, status: a.status, receivedAt: a.receivedAt, updatedAt: a.updatedAt,
});
