// A small HTTP client for tests: real requests to the gateway on loopback.
import { createHash } from 'node:crypto';
import { signGatewayRequest } from '../../gateway/src/inbound/signature.js';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  contentType: string;
  body: T;
}

export async function call<T = any>(base: string, method: string, path: string, opts: { token?: string; json?: unknown; raw?: string | Buffer; form?: FormData; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: RequestInit['body'];
  if (opts.json !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(opts.json); }
  if (opts.raw !== undefined) { headers['content-type'] ??= 'application/json'; body = opts.raw as RequestInit['body']; }
  if (opts.form) body = opts.form;
  const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const contentType = res.headers.get('content-type') ?? '';
  const text = await res.text();
  const parsed = contentType.includes('json') && text ? JSON.parse(text) : text;
  return { status: res.status, headers: res.headers, contentType, body: parsed as T };
}

export async function login(base: string, username = 'zhuji01', password = 'Zhuji@2026'): Promise<string> {
  const r = await call(base, 'POST', '/api/auth/login', { json: { username, password } });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

export function materialForm(code: string, bytes: Buffer, fileName: string, type = 'application/pdf'): FormData {
  const form = new FormData();
  form.set('code', code);
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
  return form;
}

/** A request signed the way partners must sign calls to our inbound API. */
export async function signedCall(base: string, path: string, body: unknown, cred: { appId: string; secret: string }, opts: { idempotencyKey?: string; timestamp?: number; nonce?: string; tamper?: boolean; raw?: string } = {}): Promise<Reply> {
  const raw = opts.raw ?? JSON.stringify(body);
  const headers = signGatewayRequest({ appId: cred.appId, secret: cred.secret, method: 'POST', path, body: raw, ...(opts.timestamp !== undefined ? { timestamp: opts.timestamp } : {}), ...(opts.nonce ? { nonce: opts.nonce } : {}) });
  if (opts.tamper) headers['X-Signature'] = createHash('sha256').update('x').digest('base64');
  return call(base, 'POST', path, { raw, headers: { ...headers, ...(opts.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {}) } });
}
