// One signed call to 汉中: validate the body against the contract, sign, send through ctx.http, report the
// exchange (hashes only), and turn every way it can go wrong into the PartnerFailure the worker acts on.
import { createHash } from 'node:crypto';
import axios from 'axios';
import { PartnerFailure, type PartnerContext } from '../../gateway/src/ports/partner.js';
import type { FieldError } from '../../gateway/src/errors.js';
import { signHeaders } from './sign.js';
import { contract, type Reply } from './types.js';

export interface ClientConfig {
  baseUrl: string;
  appKey: string;
  appSecret: string;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const fieldList = (errors: FieldError[]): string => errors.map((e) => `${e.field} ${e.message}`).join('; ');

/** throws PARTNER_CONTRACT_VIOLATION when a body we built breaks the contract: a mapping bug stops here */
export function assertValidRequest(operationId: string, body: unknown): void {
  const errors = contract.validateRequest(operationId, body);
  if (errors.length > 0) {
    throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `汉中 ${operationId} 请求不符合接口约定: ${fieldList(errors)}`, false);
  }
}

export async function callOperation<T>(cfg: ClientConfig, ctx: PartnerContext, operationId: string, body: unknown): Promise<T> {
  return (await callForReply<T>(cfg, ctx, operationId, body, [])).data as T;
}

/**
 * Like callOperation, but a business code the contract defines as an answer to act on (3008 to a 撤销申请:
 * already decided) is returned with the success reply instead of thrown.
 */
export async function callForReply<T>(cfg: ClientConfig, ctx: PartnerContext, operationId: string, body: unknown, answers: readonly string[]): Promise<Reply<T>> {
  assertValidRequest(operationId, body);
  const op = contract.operation(operationId);
  const url = `${cfg.baseUrl.replace(/\/+$/, '')}${op.path}`;
  const text = JSON.stringify(body);
  // one hash of the body serves the exchange record and the signature's bodyHash (the same digest)
  const exchange = { operationId, method: op.method, url, requestSha256: sha256(text) };
  const started = ctx.now().getTime();
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    ...signHeaders({ appKey: cfg.appKey, appSecret: cfg.appSecret, uri: new URL(url).pathname, body: text, bodySha256: exchange.requestSha256, now: ctx.now() }),
  };
  let status: number;
  let raw: string;
  try {
    const res = await ctx.http.request<string>({
      method: op.method, url, data: text, headers, validateStatus: () => true,
      responseType: 'text', transformRequest: [(d: unknown) => d], transformResponse: [(d: unknown) => d],
    });
    status = res.status;
    raw = typeof res.data === 'string' ? res.data : JSON.stringify(res.data ?? '');
  } catch (e) {
    if (!axios.isAxiosError(e)) throw e;
    const error = `${e.code ?? 'ERROR'} ${e.message}`;
    ctx.record({ ...exchange, durationMs: ctx.now().getTime() - started, error });
    throw new PartnerFailure('PARTNER_UNAVAILABLE', `汉中 ${operationId} 无法连接: ${error}`, true);
  }
  ctx.record({ ...exchange, status, responseSha256: sha256(raw), durationMs: ctx.now().getTime() - started });
  return interpret<T>(operationId, status, raw, answers);
}

function interpret<T>(operationId: string, status: number, raw: string, answers: readonly string[]): Reply<T> {
  const reply = parseJson(raw);
  const code = typeof reply?.code === 'string' ? ` [${reply.code}]` : '';
  if (status === 429 || status >= 500) {
    throw new PartnerFailure('PARTNER_UNAVAILABLE', `汉中 ${operationId} 暂不可用: HTTP ${status}${code}`, true);
  }
  if (reply === undefined) {
    throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `汉中 ${operationId} 应答不是 JSON (HTTP ${status})`, false);
  }
  const errors = contract.validateResponse(operationId, status, reply);
  if (errors.length > 0) {
    throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `汉中 ${operationId} 应答不符合接口约定 (HTTP ${status}): ${fieldList(errors)}`, false);
  }
  if (status === 200 && (reply.code === '0' || answers.includes(reply.code))) return reply as Reply<T>;
  const detail = `汉中 ${operationId}${code} ${reply.msg}${fieldsOf(reply)}`;
  // 400 means 汉中 reads its contract differently from us: a contract problem, not a refusal of the case
  if (status === 400) throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', detail, false);
  throw new PartnerFailure('PARTNER_REJECTED', detail, false);
}

function parseJson(raw: string): Reply | undefined {
  try {
    const v = JSON.parse(raw) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Reply) : undefined;
  } catch {
    return undefined;
  }
}

function fieldsOf(reply: Reply): string {
  const errors = (reply.data as { errors?: FieldError[] } | null | undefined)?.errors;
  return errors?.length ? `: ${fieldList(errors)}` : '';
}
