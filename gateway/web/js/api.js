// The gateway's HTTP API (contracts/gateway.yaml) as seen from the console: the session token,
// fetch with the bearer token, and problem+json errors turned into ApiError.

const SESSION_KEY = 'kytb.console.session';

export const session = {
  /** { token, expiresAt, clerk } or null when absent or expired. */
  get() {
    let s;
    try { s = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null'); } catch { s = null; }
    if (!s?.token) return null;
    if (s.expiresAt && Date.parse(s.expiresAt) <= Date.now()) {
      sessionStorage.removeItem(SESSION_KEY);
      return null;
    }
    return s;
  },
  set({ token, expiresAt, clerk }) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token, expiresAt, clerk }));
  },
  clear() {
    sessionStorage.removeItem(SESSION_KEY);
  },
  hasRole(role) {
    return Boolean(this.get()?.clerk?.roles?.includes(role));
  },
};

/** A refused request; `problem` is the RFC 9457 body (title, detail, code, errors, instance). */
export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || '请求失败');
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code;
    /** true when the console already acted on it (401: back to the login page) */
    this.handled = false;
  }
}

let onUnauthorized = () => {};
/** Called with the problem on any 401 of an authenticated request (the session is already cleared). */
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

const FALLBACK_DETAIL = {
  0: '无法连接网关，请检查网络后重试。',
  401: '登录已失效，请重新登录。',
  403: '无权执行此操作。',
  404: '请求的内容不存在。',
  413: '文件或请求内容过大。',
  415: '文件类型不受支持。',
  429: '操作过于频繁，请稍后再试。',
  500: '网关内部错误，请联系运维人员。',
  502: '网关暂时无法连接，请稍后重试。',
  503: '网关正在启动或维护，请稍后重试。',
  504: '网关响应超时，请稍后重试。',
};

async function readProblem(res) {
  let body = null;
  try {
    const type = res.headers.get('Content-Type') ?? '';
    if (type.includes('json')) body = await res.json();
  } catch { body = null; }
  const problem = body && typeof body === 'object' ? { ...body } : {};
  problem.status ??= res.status;
  problem.instance ??= res.headers.get('X-Request-Id') ?? undefined;
  if (!problem.detail || typeof problem.detail !== 'string') {
    problem.detail = (typeof problem.title === 'string' && problem.title) || FALLBACK_DETAIL[res.status] || `请求失败（HTTP ${res.status}）`;
  }
  if (!Array.isArray(problem.errors)) problem.errors = [];
  return problem;
}

/**
 * request('/api/cases', { query: { limit: 20 } }) → the parsed JSON body.
 * Options: method, query (object; empty values are left out), json (body), form (FormData),
 * blob (answer as a Blob), auth (default true: send the bearer token, treat 401 as "log in again").
 */
export async function request(path, { method = 'GET', query, json, form, blob = false, auth = true } = {}) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  const headers = { Accept: blob ? '*/*' : 'application/json, application/problem+json' };
  const s = session.get();
  if (auth && s) headers.Authorization = `Bearer ${s.token}`;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }

  let res;
  try {
    res = await fetch(url, { method, headers, body, cache: 'no-store' });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', title: '网络错误', detail: FALLBACK_DETAIL[0], errors: [] });
  }
  if (res.ok) {
    if (blob) return res.blob();
    if (res.status === 204) return null;
    return res.json();
  }
  const err = new ApiError(await readProblem(res));
  if (res.status === 401 && auth) {
    session.clear();
    err.handled = true;
    onUnauthorized(err.problem);
  }
  throw err;
}

const enc = encodeURIComponent;

/** One function per operation of the 窗口 tag. */
export const api = {
  login: (username, password) => request('/api/auth/login', { method: 'POST', json: { username, password }, auth: false }),
  listItems: (query) => request('/api/items', { query }),
  getItem: (itemCode, partner) => request(`/api/items/${enc(itemCode)}`, { query: partner ? { partner } : undefined }),
  listPartners: () => request('/api/partners'),
  listCases: (query) => request('/api/cases', { query }),
  createCase: (body) => request('/api/cases', { method: 'POST', json: body }),
  getCase: (id) => request(`/api/cases/${enc(id)}`),
  addMaterial: (id, form) => request(`/api/cases/${enc(id)}/materials`, { method: 'POST', form }),
  materialFile: (id, materialId) => request(`/api/cases/${enc(id)}/materials/${enc(materialId)}/file`, { blob: true }),
  resultDocument: (id) => request(`/api/cases/${enc(id)}/result/document`, { blob: true }),
  submitCase: (id) => request(`/api/cases/${enc(id)}/submit`, { method: 'POST' }),
  withdrawCase: (id, reason) => request(`/api/cases/${enc(id)}/withdraw`, { method: 'POST', json: { reason } }),
  timeline: (id) => request(`/api/cases/${enc(id)}/timeline`),
  retryHandoff: (id, jobId) => request(`/api/cases/${enc(id)}/handoffs/${enc(jobId)}/retry`, { method: 'POST' }),
  verifyAudit: (id) => request(`/api/cases/${enc(id)}/audit`),
  listDocuments: (id) => request(`/api/cases/${enc(id)}/documents`),
  documentFile: (id, documentId) => request(`/api/cases/${enc(id)}/documents/${enc(documentId)}`, { blob: true }),
  reprintDocument: (id, documentId) => request(`/api/cases/${enc(id)}/documents/${enc(documentId)}/reprint`, { method: 'POST', blob: true }),
  createSession: (body) => request('/api/sessions', { method: 'POST', json: body }),
};
