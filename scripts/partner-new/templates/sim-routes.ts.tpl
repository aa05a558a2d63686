// The simulated {{NAME}}'s API: submitCase. Each request is checked against the contract, then the
// idempotency ledger, then the materials' hashes as they arrived, then the business rules, in that order.
import type { Express, Request, Response } from 'express';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { FieldError } from '../../gateway/src/errors.js';
import type { SimKit } from '../_kit/sim-server.js';
import { sha256Hex, type SimState, type StoredCase } from './sim-state.js';
import { CONTRACT_FILE, type SubmitCaseRequest } from './types.js';

const contract = loadContract(CONTRACT_FILE);

export function renderError(status: number, message: string): unknown {
  return { code: status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INVALID_REQUEST', message };
}

export function sendError(res: Response, status: number, code: string, message: string, details?: FieldError[]): void {
  res.status(status).json({ code, message, ...(details?.length ? { details } : {}) });
}

/** the request's Idempotency-Key, or undefined once it answered why not */
function checked(req: Request, res: Response, apiKey: string): string | undefined {
  if (req.get('X-Api-Key') !== apiKey) return void sendError(res, 401, 'UNAUTHORIZED', 'X-Api-Key 缺失或不正确');
  const key = req.get('Idempotency-Key') ?? '';
  const badKey = contract.validateSchema('#/components/parameters/IdempotencyKey/schema', key);
  if (badKey.length > 0) return void sendError(res, 400, 'INVALID_REQUEST', 'Idempotency-Key 请求头缺失或格式不正确', badKey);
  const details = contract.validateRequest('submitCase', req.body);
  if (details.length > 0) return void sendError(res, 400, 'INVALID_REQUEST', '请求内容不符合接口约定（submitCase）', details);
  return key;
}

export function mountApi(app: Express, kit: SimKit, state: SimState, apiKey: string): void {
  // operationId submitCase
  app.post('/api/v1/cases', (req, res) => {
    const key = checked(req, res, apiKey);
    if (key === undefined) return;
    const body = req.body as SubmitCaseRequest;
    const fingerprint = { operation: 'submitCase', body };
    const earlier = kit.ledger.lookup(key, fingerprint);
    if (earlier === 'conflict') return sendError(res, 409, 'DUPLICATE_CONFLICT', `幂等键 ${key} 已用于内容不同的请求`);
    if (earlier) return void res.status(earlier.status).set('Idempotent-Replayed', 'true').json(earlier.body);
    const materials: StoredCase['materials'] = [];
    for (const [i, m] of body.materials.entries()) {
      const bytes = kit.faults.arrived(Buffer.from(m.contentBase64, 'base64'));
      const actual = sha256Hex(bytes);
      if (actual !== m.sha256) {
        return sendError(res, 422, 'MATERIAL_HASH_MISMATCH', `材料「${m.name}」的 SHA-256 与声明值不一致，拒收`, [{ field: `/materials/${i}/sha256`, message: `received ${actual}` }]);
      }
      materials.push({ code: m.code, name: m.name, sha256: actual, size: bytes.length });
    }
    const existing = state.findByCaseNo(body.caseNo);
    if (existing) return sendError(res, 409, 'DUPLICATE_CONFLICT', `办件 ${body.caseNo} 已申报（${existing.ref}）`);
    const { materials: _sent, ...request } = body;
    const created: StoredCase = {
      ref: state.nextRef(), caseNo: body.caseNo, idempotencyKey: key, status: 'RECEIVED', receivedAt: state.now().toISOString(), materials, request, events: [],
    };
    state.cases.set(created.ref, created);
    state.change(created, 'RECEIVED');
    const receipt = { ref: created.ref, caseNo: created.caseNo, status: created.status, receivedAt: created.receivedAt };
    kit.ledger.remember(key, fingerprint, 201, receipt);
    res.status(201).json(receipt);
    kit.autoAdvance(created.ref);
  });
  app.use((req, res) => sendError(res, 404, 'NOT_FOUND', `接口不存在：${req.method} ${req.path}`));
}
