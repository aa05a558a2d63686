// Loads an OpenAPI 3.1 document and validates bodies against its schemas with Ajv (JSON Schema 2020-12).
// Used by the gateway (inbound requests), by partner adapters (outgoing requests, before sending) and by
// the simulated partner servers (incoming requests), so all three hold to the same contract files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../root.js';
import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { parse } from 'yaml';
import type { FieldError } from '../errors.js';
import { addFastLengthLimits, regExpEngine } from './fastChecks.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ajvFormats.default as unknown as (ajv: Ajv2020) => Ajv2020;

export const CONTRACTS_DIR = path.join(ROOT, 'contracts');

type JsonObject = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  /** JSON pointer of the operation in the document */
  pointer: string;
}

export interface Contract {
  readonly file: string;
  readonly document: JsonObject;
  readonly text: string;
  operation(operationId: string): OperationInfo;
  operations(): OperationInfo[];
  /** validate a request body of an operation; returns the failing fields (empty when valid) */
  validateRequest(operationId: string, body: unknown, mediaType?: string): FieldError[];
  /** validate a response body of an operation for a status code */
  validateResponse(operationId: string, status: number, body: unknown, mediaType?: string): FieldError[];
  /** validate a value against components/schemas/<name> (or webhooks, via a full pointer starting with '#') */
  validateSchema(nameOrPointer: string, value: unknown): FieldError[];
}

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

export function toFieldErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  return (errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? `/${String((e.params as { missingProperty: string }).missingProperty)}` : '';
    const extra = e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties'
      ? `/${String((e.params as { additionalProperty?: string; unevaluatedProperty?: string }).additionalProperty ?? (e.params as { unevaluatedProperty?: string }).unevaluatedProperty)}`
      : '';
    return { field: `${e.instancePath}${missing}${extra}` || '/', message: e.message ?? e.keyword };
  });
}

const cache = new Map<string, Contract>();

/** Load a contract by path relative to contracts/ (e.g. 'gateway.yaml', 'partners/310104-xuhui.yaml'). */
export function loadContract(relativeFile: string): Contract {
  const file = path.resolve(CONTRACTS_DIR, relativeFile);
  const cached = cache.get(file);
  if (cached) return cached;
  const text = readFileSync(file, 'utf8');
  const document = parse(text) as JsonObject;
  const id = `contract:${relativeFile}`;
  // Two compilations of the same schemas: a fast one that stops at the first error (the common, valid
  // case costs less), and one that collects every error, used only to explain a failure.
  const makeAjv = (allErrors: boolean): Ajv2020 => {
    const ajv = new Ajv2020({ strict: false, allErrors, validateFormats: true, code: { regExp: regExpEngine } });
    addFormats(ajv);
    addFastLengthLimits(ajv);
    ajv.addSchema(document, id);
    return ajv;
  };
  const fast = makeAjv(false);
  let thorough: Ajv2020 | undefined;

  const ops = new Map<string, OperationInfo>();
  const walk = (root: 'paths' | 'webhooks'): void => {
    const entries = (document[root] ?? {}) as Record<string, JsonObject>;
    for (const [p, item] of Object.entries(entries)) {
      for (const m of METHODS) {
        const op = item[m] as JsonObject | undefined;
        if (op?.operationId) {
          ops.set(String(op.operationId), { operationId: String(op.operationId), method: m.toUpperCase(), path: p, pointer: `#/${root}/${escapePointer(p)}/${m}` });
        }
      }
    }
  };
  walk('paths');
  walk('webhooks');

  const compiled = new Map<string, ValidateFunction>();
  const explained = new Map<string, ValidateFunction>();
  const compile = (cache: Map<string, ValidateFunction>, ajv: Ajv2020, pointer: string): ValidateFunction => {
    let v = cache.get(pointer);
    if (!v) {
      v = ajv.compile({ $ref: `${id}${pointer}` });
      cache.set(pointer, v);
    }
    return v;
  };
  const run = (pointer: string, value: unknown): FieldError[] => {
    const v = compile(compiled, fast, pointer);
    if (v(value)) return [];
    thorough ??= makeAjv(true);
    const all = compile(explained, thorough, pointer);
    return all(value) ? toFieldErrors(v.errors) : toFieldErrors(all.errors);
  };
  // Walk a JSON pointer through the document, following local $refs on the way (requestBody and
  // responses are often $refs to components), and return the pointer Ajv should compile.
  const effective = (pointer: string): string | undefined => {
    let current = '#';
    let node: unknown = document;
    for (const raw of pointer.slice(2).split('/')) {
      const ref = (node as JsonObject | undefined)?.$ref;
      if (typeof ref === 'string' && ref.startsWith('#/')) {
        current = ref;
        node = ref.slice(2).split('/').reduce<unknown>((n, k) => (n as JsonObject | undefined)?.[unescape(k)], document);
      }
      node = (node as JsonObject | undefined)?.[unescape(raw)];
      current = `${current}/${raw}`;
      if (node === undefined) return undefined;
    }
    return current;
  };

  const operation = (operationId: string): OperationInfo => {
    const op = ops.get(operationId);
    if (!op) throw new Error(`operation ${operationId} is not in ${relativeFile}`);
    return op;
  };

  const contract: Contract = {
    file,
    document,
    text,
    operation,
    operations: () => [...ops.values()],
    validateRequest(operationId, body, mediaType = 'application/json') {
      const pointer = effective(`${operation(operationId).pointer}/requestBody/content/${escapePointer(mediaType)}/schema`);
      if (pointer === undefined) throw new Error(`${operationId} has no ${mediaType} request body in ${relativeFile}`);
      return run(pointer, body);
    },
    validateResponse(operationId, status, body, mediaType = 'application/json') {
      const base = `${operation(operationId).pointer}/responses`;
      const code = effective(`${base}/${status}`) !== undefined ? String(status) : 'default';
      const pointer = effective(`${base}/${code}/content/${escapePointer(mediaType)}/schema`);
      if (pointer === undefined) throw new Error(`${operationId} has no ${status} ${mediaType} response in ${relativeFile}`);
      return run(pointer, body);
    },
    validateSchema(nameOrPointer, value) {
      const pointer = effective(nameOrPointer.startsWith('#') ? nameOrPointer : `#/components/schemas/${escapePointer(nameOrPointer)}`);
      if (pointer === undefined) throw new Error(`${nameOrPointer} is not in ${relativeFile}`);
      return run(pointer, value);
    },
  };
  cache.set(file, contract);
  return contract;
}
