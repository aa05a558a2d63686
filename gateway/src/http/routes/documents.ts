// Documents (contracts/gateway.yaml, tags 文书 and 公众): the clerk's list, download and reprint of a
// case's documents, and, without login, the signing keys, verifyReceipt and a case's public status.
// Thin: parse, call one use case, answer.
import { Router, type Request, type RequestHandler } from 'express';
import type { TokenService } from '../../auth/tokens.js';
import type { Core } from '../../deps.js';
import { GatewayError } from '../../errors.js';
import { downloadCaseDocument, listCaseDocuments, reprintCaseDocument } from '../../receipts/caseDocuments.js';
import { getPublicCaseStatus } from '../../receipts/publicStatus.js';
import { isPublicCode } from '../../receipts/publicCode.js';
import { verifyReceipt } from '../../receipts/verifyReceipt.js';
import { clerkOf, requireClerk } from '../clerkAuth.js';
import { acceptMedia, chain, multipartFile, pdfInspector, readRaw, type BodyBudget } from '../body.js';

const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const attachment = (fileName: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;

function documentIdOf(req: Request): string {
  const id = String(req.params.documentId);
  if (!DOCUMENT_ID.test(id)) throw new GatewayError('DOCUMENT_NOT_FOUND', `文书编号 ${id.slice(0, 64)} 无效`);
  return id;
}

export function documentsRouter(core: Core, tokens: TokenService, budget: BodyBudget): Router {
  const r = Router();
  const clerk = requireClerk(tokens, core.now);
  const limit = core.config.maxUploadBytes;
  // anyone may ask: the file is read within the unauthenticated budget, as a PDF body or a form's file
  const asPdf = chain(acceptMedia(['application/pdf'], 'application/pdf 或 multipart/form-data', 'DOCUMENT_NOT_PDF'), readRaw({ limit, budget, inspect: pdfInspector }));
  const asForm = multipartFile({ limit, budget, fields: 5 });
  const pdfOrForm: RequestHandler = (req, res, next) => (req.is('multipart/form-data') ? asForm : asPdf)(req, res, next);

  r.get('/receipts/signing-keys', (_req, res) => {
    const k = core.documents.publicKey;
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json({ current: k.keyId, keys: [{ keyId: k.keyId, alg: k.alg, publicKeyPem: k.publicKeyPem, jwk: k.jwk }], scheme: 'KYTB-DOC-SIG/1' });
  });

  r.post('/receipts/verify', pdfOrForm, (req, res) => {
    const bytes = req.file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : undefined);
    if (!bytes || bytes.length === 0) throw new GatewayError('VALIDATION_FAILED', '请上传 PDF 文件（请求体 application/pdf，或 multipart 字段 file）', [{ field: 'file', message: 'required' }]);
    res.json(verifyReceipt(core, bytes));
  });

  r.get('/public/cases/:caseNo', async (req, res) => {
    const code = req.query.code;
    if (!isPublicCode(typeof code === 'string' ? code.toUpperCase() : code)) {
      throw new GatewayError('VALIDATION_FAILED', '查询码为 12 位字母数字（印在受理回执上）', [{ field: 'code', message: 'pattern ^[A-HJ-NP-Z2-9]{12}$' }]);
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(await getPublicCaseStatus(core, String(req.params.caseNo), String(code)));
  });

  r.get('/cases/:caseId/documents', clerk, async (req, res) => {
    res.json(await listCaseDocuments(core, clerkOf(res), String(req.params.caseId)));
  });

  r.get('/cases/:caseId/documents/:documentId', clerk, async (req, res) => {
    const d = await downloadCaseDocument(core, clerkOf(res), String(req.params.caseId), documentIdOf(req));
    res.type(d.mediaType).setHeader('Content-Disposition', attachment(d.fileName));
    res.setHeader('X-Document-Id', d.view.id);
    res.setHeader('X-Content-SHA256', d.view.sha256);
    res.send(d.bytes);
  });

  r.post('/cases/:caseId/documents/:documentId/reprint', clerk, async (req, res) => {
    const caseId = String(req.params.caseId);
    const { view, bytes } = await reprintCaseDocument(core, clerkOf(res), caseId, documentIdOf(req));
    res.status(201).type('application/pdf').setHeader('Content-Disposition', attachment(view.fileName));
    res.location(view.href).setHeader('X-Document-Id', view.id);
    res.setHeader('X-Reprint-No', String(view.copy?.reprintNo ?? 0));
    res.setHeader('X-Content-SHA256', view.sha256);
    res.send(bytes);
  });

  return r;
}
