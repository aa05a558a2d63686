// One HTTP exchange with 徐汇区, the way its contract says: validated before it is sent, recorded by hash,
// authenticated with a cached OAuth2 token (renewed once on a 401), and every failure classified for the
// handoff worker: retry later (outage) or not (the partner refused the content, or broke its contract).
import { createHash } from 'node:crypto';
import axios from 'axios';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { FieldError } from '../../gateway/src/errors.js';
import { PartnerFailure, type PartnerContext } from '../../gateway/src/ports/partner.js';
import { CONTRACT_FILE, type XhError, type XhTokenResponse } from './types.js';

const contract = loadContract(CONTRACT_FILE);
const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';
/** renew a token this long before it expires (at most a fifth of its lifetime) */
const REFRESH_MARGIN_MS = 60_000;

export interface XhClientSettings {
  url: string;
  clientId: string;
  clientSecret: string;
}

export interface XhRequest {
  operationId: string;
  method: 'GET' | 'POST';
  /** path and query, already validated by the caller where they carry data */
  path: string;
  idempotencyKey?: string;
  json?: unknown;
  multipart?: { fields: Record<string, string>; file: { bytes: Buffer; fileName: string; mediaType: string } };
  /** the success status the contract defines */
  ok: number;
}

interface Reply { status: number; body: unknown }

export function assertValid(what: string, violations: FieldError[]): void {
  if (violations.length === 0) return;
  const fields = violations.map((v) => `${v.field} ${v.message}`).join('; ');
  throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `${what} breaks the 徐汇区 contract: ${fields}`, false);
}

export class XhClient {
  private readonly base: string;
  private token: { value: string; renewAt: number } | undefined;
  private pendingToken: Promise<string> | undefined;

  constructor(private readonly settings: XhClientSettings) {
    this.base = settings.url.replace(/\/+$/, '');
  }

  /** one authenticated call; a 401 means our token went stale early: renew it and try once more */
  async call<T>(ctx: PartnerContext, req: XhRequest): Promise<T> {
    return this.accept<T>(req.operationId, await this.send(ctx, req), req.ok);
  }

  /**
   * Like call, but an error status the contract defines as an answer to act on (409 ALREADY_DECIDED to a
   * withdrawal) is returned with its checked body instead of thrown.
   */
  async answer<T>(ctx: PartnerContext, req: XhRequest, answers: readonly number[]): Promise<{ status: number; body: T | XhError }> {
    const reply = await this.send(ctx, req);
    if (answers.includes(reply.status) && reply.body !== INVALID_JSON) {
      assertValid(`徐汇区's ${req.operationId} HTTP ${reply.status} answer`, contract.validateResponse(req.operationId, reply.status, reply.body));
      return { status: reply.status, body: reply.body as XhError };
    }
    return { status: req.ok, body: this.accept<T>(req.operationId, reply, req.ok) };
  }

  private async send(ctx: PartnerContext, req: XhRequest): Promise<Reply> {
    const { body, contentType } = await this.encode(req);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (contentType) headers['Content-Type'] = contentType;
    if (req.idempotencyKey !== undefined) {
      assertValid('Idempotency-Key', contract.validateSchema('#/components/parameters/IdempotencyKey/schema', req.idempotencyKey));
      headers['Idempotency-Key'] = req.idempotencyKey;
    }
    const send = async (): Promise<Reply> =>
      this.exchange(ctx, req.operationId, req.method, req.path, body, { ...headers, Authorization: `Bearer ${await this.accessToken(ctx)}` });
    const reply = await send();
    if (reply.status !== 401) return reply;
    this.token = undefined;
    return send();
  }

  private async encode(req: XhRequest): Promise<{ body?: Buffer | string; contentType?: string }> {
    if (req.json !== undefined) {
      assertValid(`${req.operationId} request`, contract.validateRequest(req.operationId, req.json));
      return { body: JSON.stringify(req.json), contentType: 'application/json' };
    }
    if (!req.multipart) return {};
    const { fields, file } = req.multipart;
    // multipart is not JSON: its text fields are checked against the schema with the file as a stand-in
    assertValid(`${req.operationId} request`, contract.validateRequest(req.operationId, { ...fields, file: file.fileName }, MULTIPART));
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set('file', new Blob([file.bytes], { type: file.mediaType }), file.fileName);
    // serialise here so the bytes we hash for the audit trail are exactly the bytes sent
    const encoded = new Response(form);
    return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? MULTIPART };
  }

  private accessToken(ctx: PartnerContext): Promise<string> {
    if (this.token && ctx.now().getTime() < this.token.renewAt) return Promise.resolve(this.token.value);
    // one token request at a time, however many deliveries want one
    this.pendingToken ??= this.issueToken(ctx).finally(() => { this.pendingToken = undefined; });
    return this.pendingToken;
  }

  /** operationId issueToken (client credentials, HTTP Basic) */
  private async issueToken(ctx: PartnerContext): Promise<string> {
    const form = { grant_type: 'client_credentials' };
    assertValid('issueToken request', contract.validateRequest('issueToken', form, FORM));
    const basic = Buffer.from(`${encodeURIComponent(this.settings.clientId)}:${encodeURIComponent(this.settings.clientSecret)}`).toString('base64');
    const reply = await this.exchange(ctx, 'issueToken', 'POST', '/oauth2/token', new URLSearchParams(form).toString(), {
      Accept: 'application/json', 'Content-Type': FORM, Authorization: `Basic ${basic}`,
    });
    const t = this.accept<XhTokenResponse>('issueToken', reply, 200);
    const lifetimeMs = t.expires_in * 1000;
    this.token = { value: t.access_token, renewAt: ctx.now().getTime() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 5) };
    return t.access_token;
  }

  private async exchange(ctx: PartnerContext, operationId: string, method: string, path: string, body: Buffer | string | undefined, headers: Record<string, string>): Promise<Reply> {
    const url = `${this.base}${path}`;
    const requestSha256 = sha256(body ?? '');
    const started = ctx.now().getTime();
    const elapsed = (): number => Math.max(0, ctx.now().getTime() - started);
    try {
      const res = await ctx.http.request<Buffer>({
        method, url, headers, data: body, validateStatus: () => true,
        responseType: 'arraybuffer', transformRequest: [(d: unknown) => d], transformResponse: [(d: unknown) => d],
      });
      const raw = Buffer.isBuffer(res.data) ? res.data : Buffer.from(res.data ?? '');
      const parsed = parseJson(raw);
      const code = errorCode(parsed);
      ctx.record({
        operationId, method, url, requestSha256, status: res.status, responseSha256: sha256(raw), durationMs: elapsed(),
        ...(res.status >= 400 ? { error: `HTTP ${res.status}${code ? ` ${code}` : ''}` } : {}),
      });
      return { status: res.status, body: parsed };
    } catch (e) {
      if (!axios.isAxiosError(e)) throw e;
      const why = e.code ? `${e.code}: ${e.message}` : e.message;
      ctx.record({ operationId, method, url, requestSha256, durationMs: elapsed(), error: why });
      throw new PartnerFailure('PARTNER_UNAVAILABLE', `徐汇区 ${operationId} unreachable (${why})`, true);
    }
  }

  private accept<T>(operationId: string, reply: Reply, ok: number): T {
    const { status, body } = reply;
    if (status === 429 || status >= 500) {
      const code = errorCode(body);
      throw new PartnerFailure('PARTNER_UNAVAILABLE', `徐汇区 ${operationId} answered HTTP ${status}${code ? ` ${code}` : ''}`, true);
    }
    if (body === INVALID_JSON) {
      throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `徐汇区 ${operationId} answered HTTP ${status} with a body that is not JSON`, false);
    }
    if (status === ok) {
      assertValid(`徐汇区's ${operationId} answer`, contract.validateResponse(operationId, status, body));
      return body as T;
    }
    if (status >= 400) {
      assertValid(`徐汇区's ${operationId} HTTP ${status} error body`, contract.validateResponse(operationId, status, body));
      const err = body as XhError;
      const details = err.details?.length ? ` [${err.details.map((d) => `${d.field}: ${d.message}`).join('; ')}]` : '';
      throw new PartnerFailure('PARTNER_REJECTED', `徐汇区 refused ${operationId}: ${err.code} ${err.message}${details}`, false);
    }
    throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `徐汇区 ${operationId} answered HTTP ${status}, the contract says ${ok}`, false);
  }
}

const INVALID_JSON = Symbol('invalid JSON');

function errorCode(body: unknown): string | undefined {
  const code = typeof body === 'object' && body !== null ? (body as Partial<XhError>).code : undefined;
  return typeof code === 'string' ? code.slice(0, 50) : undefined;
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return INVALID_JSON;
  }
}
