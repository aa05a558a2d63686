// fetch for the public pages: JSON answers, problem+json errors turned into Error(detail).
export async function getJson(url, init) {
  let res;
  try {
    res = await fetch(url, { cache: 'no-store', ...init });
  } catch {
    throw new Error('无法连接服务器，请检查网络后重试。');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw Object.assign(new Error(body?.detail || body?.title || `请求失败（HTTP ${res.status}）`), { code: body?.code, status: res.status });
  return body;
}

const BEIJING_MS = 8 * 3600_000;
/** 2026-11-22 10:05 (北京时间) */
export function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(Date.parse(iso) + BEIJING_MS);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
