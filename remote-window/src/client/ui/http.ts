/// <reference lib="dom" />
// JSON over HTTP to the gateway (same origin); problem+json answers become HttpError with the code.

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly retryAfterS: number | null) {
    super(message);
    this.name = 'HttpError';
  }
}

export async function api<T>(method: string, path: string, opts: { json?: unknown; token?: string | null } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.json !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, cache: 'no-store', ...(opts.json !== undefined ? { body: JSON.stringify(opts.json) } : {}) });
  } catch {
    throw new HttpError(0, 'NETWORK', '无法连接服务器，请检查网络后重试。', null);
  }
  const text = await res.text();
  let body: Record<string, unknown> | null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (res.ok) return body as T;
  const retry = Number(res.headers.get('retry-after'));
  throw new HttpError(res.status, String(body?.code ?? `HTTP_${res.status}`), String(body?.detail ?? body?.title ?? `请求失败（HTTP ${res.status}）`), Number.isFinite(retry) && retry > 0 ? retry : null);
}
