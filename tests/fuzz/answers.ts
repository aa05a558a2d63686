// What every answer must be (contracts/gateway.yaml, "Errors"): a 2xx, or a 4xx application/problem+json
// whose `code` is one of components.schemas.ErrorCode and whose status is the one gateway/src/errors.ts
// gives that code. Never a 5xx, never no answer at all.
import { loadContract } from '../../gateway/src/contracts/contract.js';
import { ERRORS } from '../../gateway/src/errors.js';
import type { Answer } from './http.js';

const contract = loadContract('gateway.yaml');
const ERROR_CODES = new Set<string>(((contract.document as any).components.schemas.ErrorCode.enum) as string[]);

export interface Problem { code: string; status: number; detail?: string; errors?: unknown }

export function problemOf(a: Answer): Problem | undefined {
  try {
    return JSON.parse(a.body.toString('utf8')) as Problem;
  } catch {
    return undefined;
  }
}

/** what is wrong with an answer, or undefined when it is one the contract allows */
export function violation(a: Answer): string | undefined {
  if (a.error) return `no answer: ${a.error}`;
  if (a.status >= 200 && a.status < 300) return undefined;
  const type = String(a.headers['content-type'] ?? '');
  const p = problemOf(a);
  const shown = `${a.status} ${type || '(no content-type)'} ${a.body.toString('utf8').slice(0, 300)}`;
  if (a.status >= 500) return `server error ${shown}`;
  if (a.status < 400) return `unexpected status ${shown}`;
  if (!type.startsWith('application/problem+json')) return `4xx that is not problem+json: ${shown}`;
  if (!p || typeof p !== 'object') return `problem+json that does not parse: ${shown}`;
  const fields = contract.validateSchema('Problem', p);
  if (fields.length > 0) return `problem breaks the Problem schema (${fields.map((f) => `${f.field} ${f.message}`).join('; ')}): ${shown}`;
  if (!ERROR_CODES.has(p.code)) return `code ${p.code} is not in ErrorCode: ${shown}`;
  const want = (ERRORS as Record<string, { status: number }>)[p.code]?.status;
  if (want !== a.status || p.status !== a.status) return `code ${p.code} is ${want} in errors.ts, answered ${a.status} (body says ${p.status}): ${shown}`;
  return undefined;
}

export const refused = (a: Answer): boolean => !a.error && a.status >= 400 && a.status < 500;
export const accepted = (a: Answer): boolean => !a.error && a.status >= 200 && a.status < 300;

export function summary(a: Answer): string {
  if (a.error) return `no answer (${a.error})`;
  const p = a.status >= 400 ? problemOf(a) : undefined;
  return `${a.status}${p?.code ? ` ${p.code}` : ''}${p?.detail ? ` “${String(p.detail).slice(0, 160)}”` : ''}`;
}
