// How each caller authenticates, applied just before a request is sent (timestamps are then fresh and
// nonces new), optionally with one flaw: our partnerHmac (gateway/src/inbound/signature.ts), 徐汇区's
// webhook signature (partners/310104-xuhui/webhook-signature.ts) and 宁夏's envelope sign
// (partners/640000-ningxia/envelope.ts, head.sign over the JCS of head and body).
import { createHmac, randomBytes } from 'node:crypto';
import { signGatewayRequest } from '../../gateway/src/inbound/signature.js';
import { webhookSignature } from '../../partners/310104-xuhui/webhook-signature.js';
import { formatNxTime } from '../../partners/640000-ningxia/mapping.js';
import type { Ready } from './http.js';

/** another first character: every bit of it carries data (the last one of a base64 string may be padding bits) */
const flip = (s: string): string => {
  if (s.length === 0) return 'x';
  const other = /^[0-9a-f]+$/.test(s) ? (s.startsWith('0') ? '1' : '0') : s.startsWith('A') ? 'B' : 'A';
  return `${other}${s.slice(1)}`;
};
const nowS = () => Math.floor(Date.now() / 1000);

export const HMAC_FLAWS = ['bad-signature', 'stale', 'future', 'unknown-app', 'no-signature', 'no-nonce', 'short-nonce', 'long-nonce', 'ts-not-digits', 'lowercase-method'] as const;
/** how far a stale or future timestamp lies from now: past the ±300 s window by more than any send delay */
const OUTSIDE_WINDOW_S = 420;

/** flaws after which no request may be accepted */
export const CERTAIN_HMAC = new Set(['bad-signature', 'stale', 'future', 'unknown-app', 'no-signature', 'no-nonce', 'short-nonce', 'long-nonce', 'ts-not-digits']);

export function hmacSigner(cred: { appId: string; secret: string }, flaw?: string) {
  return (r: Ready): Ready => {
    // well outside the ±300 s window: a request signed now may be sent seconds later on a loaded machine,
    // and the second's fraction is lost, so ±301 s sat on the boundary (a 'future' one was once accepted)
    const ts = flaw === 'stale' ? nowS() - OUTSIDE_WINDOW_S : flaw === 'future' ? nowS() + OUTSIDE_WINDOW_S : nowS();
    const nonce = flaw === 'short-nonce' ? 'abc' : flaw === 'long-nonce' ? 'n'.repeat(200) : randomBytes(16).toString('hex');
    const h = signGatewayRequest({ appId: cred.appId, secret: cred.secret, method: flaw === 'lowercase-method' ? r.method.toLowerCase() : r.method, path: r.path, body: r.body, timestamp: ts, nonce });
    if (flaw === 'bad-signature') h['X-Signature'] = flip(h['X-Signature']!);
    if (flaw === 'unknown-app') h['X-App-Id'] = 'partner-999999';
    if (flaw === 'no-signature') delete h['X-Signature'];
    if (flaw === 'no-nonce') delete h['X-Nonce'];
    if (flaw === 'ts-not-digits') h['X-Timestamp'] = `${ts}.5`;
    return { ...r, headers: { ...r.headers, ...h } };
  };
}

export const XUHUI_FLAWS = ['bad-signature', 'stale', 'no-nonce', 'short-nonce', 'ts-not-digits', 'no-signature', 'uppercase-signature', 'wrong-secret'] as const;
export const CERTAIN_XUHUI = new Set(XUHUI_FLAWS);

export function xuhuiSigner(secret: string, flaw?: string) {
  return (r: Ready): Ready => {
    const ts = String(flaw === 'stale' ? nowS() - 301 : nowS());
    const nonce = flaw === 'short-nonce' ? 'abc' : randomBytes(16).toString('hex');
    let sig = webhookSignature(flaw === 'wrong-secret' ? `${secret}x` : secret, ts, nonce, r.body);
    if (flaw === 'bad-signature') sig = flip(sig);
    if (flaw === 'uppercase-signature') sig = sig.toUpperCase();
    const h: Record<string, string> = { 'X-Xh-Timestamp': flaw === 'ts-not-digits' ? `${ts}x` : ts, 'X-Xh-Nonce': nonce, 'X-Xh-Signature': sig };
    if (flaw === 'no-nonce') delete h['X-Xh-Nonce'];
    if (flaw === 'no-signature') delete h['X-Xh-Signature'];
    return { ...r, headers: { ...r.headers, ...h } };
  };
}

/**
 * RFC 8785 JSON as envelope.ts's canonicalJson writes it, without recursion, so that the test can seal
 * a 10,000-level body (the gateway must then cope with it, not the test).
 */
export function canonicalJsonFlat(value: unknown): string {
  // the stack holds values still to write and, marked by RAW, text to write as it is
  const RAW = Symbol('raw');
  type Raw = { [RAW]: string };
  const raw = (text: string): Raw => ({ [RAW]: text });
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'object' && v !== null && RAW in v) { out.push((v as Raw)[RAW]); continue; }
    if (Array.isArray(v)) {
      out.push('[');
      stack.push(raw(']'));
      for (let i = v.length - 1; i >= 0; i -= 1) { stack.push(v[i] ?? null); if (i > 0) stack.push(raw(',')); }
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
      out.push('{');
      stack.push(raw('}'));
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        stack.push(o[keys[i]!]);
        stack.push(raw(`${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`));
      }
    } else out.push(JSON.stringify(v) ?? 'null');
  }
  return out.join('');
}

export const NINGXIA_FLAWS = ['bad-sign', 'stale', 'no-sign', 'sign-not-hex', 'wrong-secret', 'sign-uppercase'] as const;
export const CERTAIN_NINGXIA = new Set(NINGXIA_FLAWS);

const NX_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const NX_SERIAL = /^[0-9A-Za-z]{16,64}$/;

/** seal a 宁夏 envelope (JSON bytes in, JSON bytes out); anything that is not one is left as it is */
export function ningxiaSealer(secret: string, flaw?: string) {
  return (body: Buffer): Buffer => {
    let env: any;
    try { env = JSON.parse(body.toString('utf8')); } catch { return body; }
    if (!env || typeof env !== 'object' || !env.head || typeof env.head !== 'object' || Array.isArray(env.head)) return body;
    const head = env.head as Record<string, unknown>;
    if (typeof head.time === 'string' && NX_TIME.test(head.time)) head.time = formatNxTime(new Date(Date.now() - (flaw === 'stale' ? 600_000 : 0)));
    if (typeof head.serial === 'string' && NX_SERIAL.test(head.serial)) head.serial = randomBytes(16).toString('hex');
    const { sign: _s, ...unsigned } = head;
    let sign = createHmac('sha256', flaw === 'wrong-secret' ? `${secret}x` : secret).update(canonicalJsonFlat({ head: unsigned, body: env.body })).digest('hex');
    if (flaw === 'bad-sign') sign = flip(sign);
    if (flaw === 'sign-not-hex') sign = `${sign.slice(0, 63)}g`;
    if (flaw === 'sign-uppercase') sign = sign.toUpperCase();
    if (flaw === 'no-sign') delete head.sign;
    else head.sign = sign;
    return Buffer.from(canonicalJsonFlat(env));
  };
}

export const CLERK_FLAWS = ['no-token', 'tampered', 'basic', 'bearer-empty', 'garbage', 'alg-none', 'lowercase-scheme', 'other-region'] as const;
export const CERTAIN_CLERK = new Set(['no-token', 'tampered', 'basic', 'bearer-empty', 'garbage', 'alg-none']);

export function clerkHeader(token: string, flaw: string | undefined, otherToken: string): Record<string, string> {
  const [h, p] = token.split('.');
  switch (flaw) {
    case undefined: return { authorization: `Bearer ${token}` };
    case 'no-token': return {};
    case 'tampered': { const [head, payload, sig] = token.split('.'); return { authorization: `Bearer ${head}.${payload}.${flip(sig ?? '')}` }; }
    case 'basic': return { authorization: `Basic ${Buffer.from('zhuji01:Zhuji@2026').toString('base64')}` };
    case 'bearer-empty': return { authorization: 'Bearer ' };
    case 'garbage': return { authorization: 'Bearer \u00ff\u00fe%00' };
    case 'alg-none': return { authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${p ?? h}.` };
    case 'lowercase-scheme': return { authorization: `bearer ${token}` };
    default: return { authorization: `Bearer ${otherToken}` };
  }
}
