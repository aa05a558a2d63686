// How the simulated 徐汇区 answers: its error body, its Idempotency-Key handling (replay the first answer,
// refuse the same key with a different body), and the contract checks every route starts with.
import type { Request, Response } from 'express';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { FieldError } from '../../gateway/src/errors.js';
import type { SimKit } from '../_kit/sim-server.js';
import { CONTRACT_FILE } from './types.js';

export const contract = loadContract(CONTRACT_FILE);

const CODE_BY_STATUS: Record<number, string> = {
  400: 'INVALID_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'DUPLICATE_CONFLICT',
  413: 'PAYLOAD_TOO_LARGE', 415: 'MATERIAL_TYPE_UNSUPPORTED', 422: 'INVALID_REQUEST', 429: 'RATE_LIMITED',
  502: 'SERVICE_UNAVAILABLE', 503: 'SERVICE_UNAVAILABLE', 504: 'SERVICE_UNAVAILABLE',
};

export function renderXhError(status: number, message: string, details?: FieldError[]): unknown {
  return { code: CODE_BY_STATUS[status] ?? 'INTERNAL_ERROR', message, ...(details?.length ? { details } : {}) };
}

export function sendError(res: Response, status: number, code: string, message: string, details?: FieldError[]): void {
  res.status(status).json({ code, message, ...(details?.length ? { details } : {}) });
}

/** answers 400 in 徐汇区's style and returns false when the body breaks the operation's schema */
export function checkBody(res: Response, operationId: string, body: unknown, mediaType?: string): boolean {
  const details = contract.validateRequest(operationId, body, mediaType);
  if (details.length === 0) return true;
  sendError(res, 400, 'INVALID_REQUEST', `请求内容不符合接口约定（${operationId}）`, details);
  return false;
}

/** the Idempotency-Key header, or undefined after answering 400 */
export function idempotencyKey(req: Request, res: Response): string | undefined {
  const key = req.get('Idempotency-Key');
  const details = key === undefined
    ? [{ field: 'Idempotency-Key', message: 'required header is missing' }]
    : contract.validateSchema('#/components/parameters/IdempotencyKey/schema', key).map((d) => ({ ...d, field: `Idempotency-Key${d.field === '/' ? '' : d.field}` }));
  if (details.length === 0) return key;
  sendError(res, 400, 'INVALID_REQUEST', 'Idempotency-Key 请求头缺失或格式不正确', details);
  return undefined;
}

/** true when the request was answered from the ledger (a replay or a conflict), so the route stops */
export function answeredFromLedger(kit: SimKit, res: Response, key: string, fingerprint: unknown): boolean {
  const earlier = kit.ledger.lookup(key, fingerprint);
  if (earlier === undefined) return false;
  if (earlier === 'conflict') {
    sendError(res, 409, 'DUPLICATE_CONFLICT', `幂等键 ${key} 已用于内容不同的请求`);
    return true;
  }
  res.status(earlier.status).set('Idempotent-Replayed', 'true').json(earlier.body);
  return true;
}

export function reply(kit: SimKit, res: Response, key: string, fingerprint: unknown, status: number, body: unknown): void {
  kit.ledger.remember(key, fingerprint, status, body);
  res.status(status).json(body);
}
