// The platform's RSA2 signatures (SHA256WithRSA, base64), shared by the adapter and the simulator so both
// hold to one definition:
// - a form (our requests, its notifications): every parameter but `sign`, empty values left out, sorted
//   by name, joined as k=v&k=v with the values as they are (not URL-encoded);
// - a reply: the exact JSON text of its `<method>_response` value, as it stands in the reply.
import { createSign, createVerify, type KeyObject } from 'node:crypto';

export type Params = Readonly<Record<string, string | undefined>>;

export function signingString(params: Params): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

export function rsa2Sign(text: string, key: KeyObject): string {
  return createSign('RSA-SHA256').update(text, 'utf8').sign(key, 'base64');
}

export function rsa2Verify(text: string, sign: string, key: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(sign)) return false;
  return createVerify('RSA-SHA256').update(text, 'utf8').verify(key, sign, 'base64');
}

/** the params with their `sign` */
export function signForm<P extends Params>(params: P, key: KeyObject): P & { sign: string } {
  return { ...params, sign: rsa2Sign(signingString(params), key) };
}

export function verifyForm(params: Params, key: KeyObject): boolean {
  const sign = params.sign;
  return typeof sign === 'string' && rsa2Verify(signingString(params), sign, key);
}

/** a form body, UTF-8, as the platform sends and reads it */
export const encodeForm = (params: Params): string =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();

/** a reply `{ "<key>": {…}, "sign": "…" }`, signed over the JSON text of its value */
export function signedReply(key: string, value: unknown, privateKey: KeyObject): string {
  const inner = JSON.stringify(value);
  return `{${JSON.stringify(key)}:${inner},"sign":${JSON.stringify(rsa2Sign(inner, privateKey))}}`;
}

/**
 * The exact text of the top-level member `key` (an object) of a JSON object text, undefined when there is none.
 * Scans, so the bytes verified are the bytes sent, not a re-serialization.
 */
export function memberText(json: string, key: string): string | undefined {
  let depth = 0;
  let i = 0;
  const skipString = (): void => {
    i += 1;
    while (i < json.length && json[i] !== '"') i += json[i] === '\\' ? 2 : 1;
    i += 1;
  };
  while (i < json.length) {
    const ch = json[i];
    if (ch === '"') {
      const start = i;
      skipString();
      if (depth === 1 && JSON.parse(json.slice(start, i)) === key) {
        while (/\s/.test(json[i] ?? '')) i += 1;
        if (json[i] !== ':') return undefined;
        i += 1;
        while (/\s/.test(json[i] ?? '')) i += 1;
        return valueAt(i);
      }
      continue;
    }
    if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') depth -= 1;
    i += 1;
  }
  return undefined;

  /** the object that starts at `from`, to its matching brace */
  function valueAt(from: number): string | undefined {
    if (json[from] !== '{') return undefined;
    i = from;
    let d = 0;
    while (i < json.length) {
      const c = json[i];
      if (c === '"') { skipString(); continue; }
      if (c === '{' || c === '[') d += 1;
      else if (c === '}' || c === ']') d -= 1;
      i += 1;
      if (d === 0) return json.slice(from, i);
    }
    return undefined;
  }
}
