// Compiled validators for frames and for each method's params.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Method } from '../../protocol.js';
import { FRAME_SCHEMA, PARAM_SCHEMAS } from './schemas.js';

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: false });

export const validateFrame = ajv.compile(FRAME_SCHEMA);

const byMethod = new Map<string, ValidateFunction>(Object.entries(PARAM_SCHEMAS).map(([m, s]) => [m, ajv.compile(s)]));

export const isMethod = (m: string): m is Method => byMethod.has(m);

/** undefined when valid, else a short description of the first problem */
export function paramsProblem(method: Method, data: unknown): string | undefined {
  const v = byMethod.get(method)!;
  return v(data) ? undefined : describe(v.errors);
}

export function describe(errors: ErrorObject[] | null | undefined): string {
  const e = errors?.[0];
  if (!e) return 'invalid';
  const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
  return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
}
