// One HTTP exchange with {{NAME}}: validated against the contract before it is sent, recorded by hash,
// authenticated with the API key (假设), and every failure classified for the handoff worker: retry later
// (timeouts, dropped connections, 429, 5xx) or not (the region refused the content, or broke its contract).
import { createHash } from 'node:crypto';
import axios from 'axios';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { FieldError } from '../../gateway/src/errors.js';
import { PartnerFailure, type PartnerContext } from '../../gateway/src/ports/partner.js';
import { CONTRACT_FILE, NAME, type PartnerError } from './types.js';

const contract = loadContract(CONTRACT_FILE);
const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

export function assertValid(what: string, violations: FieldError[]): void {
  if (violations.length === 0) return;
  const fields = violations.map((v) => `${v.field} ${v.message}`).join('; ');
  throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `${what} breaks the ${NAME} contract: ${fields}`, false);
}

export interface PostRequest { operationId: string; path: string; idempotencyKey: string; json: unknown; ok: number }

export class Client {
  private readonly base: string;
  constructor(url: string, private readonly apiKey: string) {
    this.base = url.replace(/\/+$/, '');
  }

  async post<T>(ctx: PartnerContext, req: PostRequest): Promise<T> {
    assertValid(`${req.operationId} request`, contract.validateRequest(req.operationId, req.json));
    assertValid('Idempotency-Key', contract.validateSchema('#/components/parameters/IdempotencyKey/schema', req.idempotencyKey));
    const body = JSON.stringify(req.json);
    const url = `${this.base}${req.path}`;
    const started = ctx.now().getTime();
    const base = { operationId: req.operationId, method: 'POST', url, requestSha256: sha256(body) };
    let status: number;
    let raw: Buffer;
    try {
      const res = await ctx.http.request<Buffer>({
        method: 'POST', url, data: body, validateStatus: () => true, responseType: 'arraybuffer',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Api-Key': this.apiKey, 'Idempotency-Key': req.idempotencyKey },
        transformRequest: [(d: unknown) => d], transformResponse: [(d: unknown) => d],
      });
      status = res.status;
      raw = Buffer.isBuffer(res.data) ? res.data : Buffer.from(res.data ?? '');
    } catch (e) {
      if (!axios.isAxiosError(e)) throw e;
      const why = e.code ? `${e.code}: ${e.message}` : e.message;
      ctx.record({ ...base, durationMs: ctx.now().getTime() - started, error: why });
      throw new PartnerFailure('PARTNER_UNAVAILABLE', `${NAME} ${req.operationId} unreachable (${why})`, true);
    }
    ctx.record({ ...base, status, responseSha256: sha256(raw), durationMs: ctx.now().getTime() - started, ...(status >= 400 ? { error: `HTTP ${status}` } : {}) });
    return this.accept<T>(req, status, parseJson(raw));
  }

  private accept<T>(req: PostRequest, status: number, body: unknown): T {
    if (status === 429 || status >= 500) throw new PartnerFailure('PARTNER_UNAVAILABLE', `${NAME} ${req.operationId} answered HTTP ${status}`, true);
    if (body === INVALID_JSON) throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `${NAME} ${req.operationId} answered HTTP ${status} with a body that is not JSON`, false);
    assertValid(`${NAME}'s ${req.operationId} HTTP ${status} answer`, contract.validateResponse(req.operationId, status, body));
    if (status === req.ok) return body as T;
    const err = body as PartnerError;
    if (status >= 400) throw new PartnerFailure('PARTNER_REJECTED', `${NAME}拒收 ${req.operationId}：${err.code} ${err.message}`, false);
    throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `${NAME} ${req.operationId} answered HTTP ${status}, the contract says ${req.ok}`, false);
  }
}

const INVALID_JSON = Symbol('invalid JSON');

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return INVALID_JSON;
  }
}
