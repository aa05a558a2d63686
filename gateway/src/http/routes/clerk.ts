// The clerk-facing API (contracts/gateway.yaml, tag 窗口). Thin: parse, call one use case, answer.
import { Router, type RequestHandler, type Response } from 'express';
import { GatewayError } from '../../errors.js';
import type { Core } from '../../deps.js';
import type { TokenService } from '../../auth/tokens.js';
import { CASE_STATUSES, type CaseStatus, type Direction, type HandoffJobStatus } from '../../domain/case.js';
import { createCase } from '../../cases/createCase.js';
import { addMaterial } from '../../cases/addMaterial.js';
import { submitCase } from '../../cases/submitCase.js';
import { withdrawCase } from '../../cases/withdrawCase.js';
import { withdrawHandedOffCase } from '../../cases/withdrawHandedOffCase.js';
import { deliverResult } from '../../cases/deliverResult.js';
import { loadCaseFor } from '../../cases/load.js';
import { assertMay, type Action } from '../../auth/permissions.js';
import { toCaseView, toPartnerView, toSummaryView, toTimelineEntry } from '../../cases/views.js';
import { retryHandoff } from '../../handoff/retryHandoff.js';
import { validateBody } from '../validate.js';
import { clerkOf, requireClerk } from '../clerkAuth.js';
import { fileNameOf, jsonBody, multipartFile } from '../body.js';

/** a clerk's JSON bodies are small forms (createCase is the largest, well under this) */
const CLERK_JSON_MAX_BYTES = 64 * 1024;

/** a stored file (a scan, a partner's result) goes out as a download that no browser renders as a page */
export function sendStoredFile(res: Response, file: { mediaType: string; fileName: string }, bytes: Buffer): void {
  res.type(file.mediaType).setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
  res.send(bytes);
}

const HANDOFF_STATES: HandoffJobStatus[] = ['pending', 'delivered', 'dead', 'cancelled'];

function listQuery(q: Record<string, unknown>) {
  const str = (k: string): string | undefined => (typeof q[k] === 'string' && q[k] !== '' ? (q[k] as string) : undefined);
  const status = str('status')?.split(',');
  if (status?.some((s) => !(s in CASE_STATUSES))) throw new GatewayError('VALIDATION_FAILED', 'status 取值无效', [{ field: 'status', message: Object.keys(CASE_STATUSES).join('|') }]);
  const direction = str('direction');
  if (direction && direction !== 'inbound' && direction !== 'outbound') throw new GatewayError('VALIDATION_FAILED', 'direction 取值无效', [{ field: 'direction', message: 'inbound|outbound' }]);
  const handoffStatus = str('handoffStatus');
  if (handoffStatus && !HANDOFF_STATES.includes(handoffStatus as HandoffJobStatus)) throw new GatewayError('VALIDATION_FAILED', 'handoffStatus 取值无效', [{ field: 'handoffStatus', message: HANDOFF_STATES.join('|') }]);
  const deadlineBefore = str('deadlineBefore');
  if (deadlineBefore && Number.isNaN(Date.parse(deadlineBefore))) throw new GatewayError('VALIDATION_FAILED', 'deadlineBefore 须为 ISO 8601 时间', [{ field: 'deadlineBefore', message: 'date-time' }]);
  // the full number, only to be hashed by the store (store/sealedStore.ts): never echoed or logged
  const idNumber = str('idNumber')?.trim();
  if (idNumber !== undefined && (idNumber.length === 0 || idNumber.length > 50)) throw new GatewayError('VALIDATION_FAILED', 'idNumber 须为 1–50 个字符的完整证件号码', [{ field: 'idNumber', message: 'length 1–50' }]);
  const int = (k: string, d: number, max: number): number => {
    const v = str(k);
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new GatewayError('VALIDATION_FAILED', `${k} 须为 0–${max} 的整数`, [{ field: k, message: 'integer' }]);
    return n;
  };
  return {
    ...(status ? { status: status as CaseStatus[] } : {}),
    ...(direction ? { direction: direction as Direction } : {}),
    ...(str('partner') ? { partner: str('partner') } : {}),
    ...(handoffStatus ? { handoffStatus: handoffStatus as HandoffJobStatus } : {}),
    ...(deadlineBefore ? { deadlineBefore: new Date(deadlineBefore).toISOString() } : {}),
    ...(str('caseNo') ? { caseNo: str('caseNo') } : {}),
    ...(idNumber ? { idNumber } : {}),
    offset: int('offset', 0, 1_000_000),
    limit: int('limit', 20, 200),
  };
}

export function clerkRouter(core: Core, tokens: TokenService): Router {
  const r = Router();
  const clerk = requireClerk(tokens, core.now);
  // who may do it, before any body is read (permissions.ts; the use case checks the case again)
  const may = (action: Action): RequestHandler => (_req, res, next) => { assertMay(clerkOf(res), action); next(); };
  const json = jsonBody({ limit: CLERK_JSON_MAX_BYTES });
  const caseId = (req: { params: Record<string, unknown> }): string => String(req.params.caseId);

  r.get('/items', clerk, (req, res) => {
    const partner = typeof req.query.partner === 'string' ? req.query.partner : undefined;
    const q = typeof req.query.q === 'string' ? req.query.q : undefined;
    res.json({ items: core.catalog.list({ ...(partner ? { partner } : {}), ...(q ? { q } : {}) }) });
  });

  r.get('/items/:itemCode', clerk, (req, res) => {
    const partner = typeof req.query.partner === 'string' && req.query.partner !== '' ? req.query.partner : undefined;
    const item = core.catalog.find(String(req.params.itemCode), partner);
    if (!item) throw new GatewayError('UNKNOWN_ITEM', `事项编码 ${String(req.params.itemCode)} 不在${partner ? ` ${partner} 的` : ''}目录中`);
    res.json(item);
  });

  r.get('/partners', clerk, (_req, res) => {
    res.json({ partners: core.partners.list().map(toPartnerView) });
  });

  r.post('/cases', clerk, may('case.create'), json, validateBody('createCase'), async (req, res) => {
    const record = await createCase(core, clerkOf(res), req.body);
    res.status(201).location(`/api/cases/${record.id}`).json(toCaseView(record, core));
  });

  r.get('/cases', clerk, may('case.read'), async (req, res) => {
    const { items, total } = await core.store.listCases({ regions: [clerkOf(res).region], ...listQuery(req.query) });
    const now = core.now();
    res.json({ total, items: items.map((s) => toSummaryView(s, now, core.calendar)) });
  });

  r.get('/cases/:caseId', clerk, async (req, res) => {
    res.json(toCaseView(await loadCaseFor(core, clerkOf(res), 'case.read', caseId(req)), core));
  });

  // the case is checked before the upload is read: a clerk who may not add to it sends nothing in vain
  const mayAddTo: RequestHandler = async (req, res, next) => { await loadCaseFor(core, clerkOf(res), 'case.addMaterial', caseId(req)); next(); };
  r.post('/cases/:caseId/materials', clerk, mayAddTo, multipartFile({ limit: core.config.maxUploadBytes, fields: 10 }), async (req, res) => {
    if (!req.file) throw new GatewayError('VALIDATION_FAILED', '缺少文件（表单字段 file）', [{ field: 'file', message: 'required' }]);
    const code = typeof req.body?.code === 'string' ? req.body.code : '';
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(code)) throw new GatewayError('VALIDATION_FAILED', '缺少或无效的材料编码（表单字段 code）', [{ field: 'code', message: 'pattern ^[A-Za-z0-9_-]{1,32}$' }]);
    const name = typeof req.body?.name === 'string' && req.body.name ? String(req.body.name).slice(0, 100) : undefined;
    const material = await addMaterial(core, clerkOf(res), String(req.params.caseId), {
      code, ...(name ? { name } : {}), fileName: fileNameOf(req.file.originalname), bytes: req.file.buffer,
    });
    res.status(201).json(material);
  });

  r.get('/cases/:caseId/materials/:materialId/file', clerk, async (req, res) => {
    const c = await loadCaseFor(core, clerkOf(res), 'case.read', caseId(req));
    const m = c.materials.find((x) => x.id === req.params.materialId);
    if (!m) throw new GatewayError('CASE_NOT_FOUND', '材料不存在');
    sendStoredFile(res, m, await core.store.getBlob(c.id, m.id));
  });

  r.get('/cases/:caseId/result/document', clerk, async (req, res) => {
    const c = await loadCaseFor(core, clerkOf(res), 'case.read', caseId(req));
    const d = c.result?.document;
    if (!d) throw new GatewayError('CASE_NOT_FOUND', '该办件没有结果文书');
    sendStoredFile(res, d, await core.store.getBlob(c.id, d.blob));
  });

  r.post('/cases/:caseId/submit', clerk, async (req, res) => {
    res.status(202).json(toCaseView(await submitCase(core, clerkOf(res), String(req.params.caseId)), core));
  });

  r.post('/cases/:caseId/withdraw', clerk, may('case.withdraw'), json, validateBody('withdrawCase'), async (req, res) => {
    res.json(toCaseView(await withdrawCase(core, clerkOf(res), String(req.params.caseId), req.body.reason), core));
  });

  r.post('/cases/:caseId/withdrawal', clerk, may('case.withdraw'), json, validateBody('withdrawHandedOffCase'), async (req, res) => {
    res.status(202).json(toCaseView(await withdrawHandedOffCase(core, clerkOf(res), String(req.params.caseId), req.body.reason), core));
  });

  r.post('/cases/:caseId/deliver', clerk, may('case.deliver'), json, validateBody('deliverResult'), async (req, res) => {
    res.json(toCaseView(await deliverResult(core, clerkOf(res), String(req.params.caseId), req.body), core));
  });

  r.get('/cases/:caseId/timeline', clerk, async (req, res) => {
    const c = await loadCaseFor(core, clerkOf(res), 'audit.read', caseId(req));
    res.json({ caseId: c.id, caseNo: c.caseNo, events: (await core.store.events(c.id)).map(toTimelineEntry) });
  });

  r.post('/cases/:caseId/handoffs/:jobId/retry', clerk, async (req, res) => {
    const record = await retryHandoff(core, clerkOf(res), String(req.params.caseId), String(req.params.jobId));
    res.status(202).json(toCaseView(record, core));
  });

  r.get('/cases/:caseId/audit', clerk, async (req, res) => {
    const c = await loadCaseFor(core, clerkOf(res), 'audit.read', caseId(req));
    await core.audit.flush();
    const v = await core.audit.verify(c.id);
    res.json({
      caseId: c.id, caseNo: c.caseNo, ok: v.ok, entries: v.entries, head: v.head, firstBadSeq: v.firstBadSeq ?? null, reason: v.reason ?? null,
      anchor: v.anchor ?? null, anchorLogBroken: v.anchorLogBroken ?? null,
    });
  });

  // the latest signed anchor of the audit chain heads, for an operator to copy out of this machine
  r.get('/audit/anchor', clerk, may('audit.anchors'), (_req, res) => {
    res.json(core.anchors.status());
  });

  // the whole log, for `npm run verify-anchors` to check away from the gateway
  r.get('/audit/anchor-log', clerk, may('audit.anchors'), async (_req, res) => {
    res.type('application/jsonl').setHeader('Content-Disposition', 'attachment; filename="audit-anchors.jsonl"');
    res.send(await core.anchors.export());
  });

  r.get('/audit/anchors/:n', clerk, may('audit.anchors'), async (req, res) => {
    const raw = String(req.params.n);
    if (!/^[1-9][0-9]{0,15}$/.test(raw)) throw new GatewayError('VALIDATION_FAILED', '锚点序号应为正整数', [{ field: 'n', message: 'must be a positive integer' }]);
    const record = await core.anchors.record(Number(raw));
    if (!record) throw new GatewayError('ANCHOR_NOT_FOUND', `审计锚点 ${raw} 不存在`);
    res.json(record);
  });

  return r;
}
