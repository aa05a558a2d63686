// The operations of contracts/gateway.yaml as the fuzz sees them: method, path template, parameters
// (path, query, header, with their schemas), request body media types and schemas, and how a caller
// authenticates. Everything here is read from the contract; only the partner callbacks' signatures,
// which the contract describes in prose, are named by operationId.
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { Schema } from './schemaArbitrary.js';

export const contract = loadContract('gateway.yaml');
export const document = contract.document as Schema;

export interface Param { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: Schema }

export type Auth = 'none' | 'clerk' | 'partnerHmac' | 'xuhuiWebhook' | 'ningxiaEnvelope';

export interface Operation {
  id: string;
  method: string;
  template: string;
  params: Param[];
  /** media type → schema; absent when the operation takes no body */
  body?: { required: boolean; content: Record<string, Schema> };
  auth: Auth;
}

/** the callbacks are `security: []` in the contract: each partner signs in its own style (see their descriptions) */
const CALLBACK_AUTH: Record<string, Auth> = { receiveXuhuiStatus: 'xuhuiWebhook', receiveNingxiaCallback: 'ningxiaEnvelope' };

const deref = (node: Schema): Schema => {
  let n = node;
  while (typeof n?.$ref === 'string') n = (n.$ref as string).slice(2).split('/').reduce<any>((x, k) => x?.[k], document) as Schema;
  return n;
};

function authOf(op: Schema): Auth {
  const security = (op.security ?? document.security ?? []) as Array<Record<string, unknown>>;
  const id = String(op.operationId);
  if (CALLBACK_AUTH[id]) return CALLBACK_AUTH[id]!;
  if (security.length === 0) return 'none';
  if (security.some((s) => 'partnerHmac' in s)) return 'partnerHmac';
  return 'clerk';
}

/** every operation under /api of the contract, in its order */
export function apiOperations(): Operation[] {
  const out: Operation[] = [];
  for (const info of contract.operations()) {
    if (!info.path.startsWith('/api/')) continue;
    const item = (document.paths as Schema)[info.path] as Schema;
    const op = item[info.method.toLowerCase()] as Schema;
    // a partner-style route (汉中's poll of our reports) refuses in the partner's style, not problem+json
    if (op['x-partner-style-errors'] === true) continue;
    const byKey = new Map<string, Param>();
    for (const raw of [...((item.parameters ?? []) as Schema[]), ...((op.parameters ?? []) as Schema[])]) {
      const p = deref(raw);
      byKey.set(`${p.in}:${p.name}`, { name: p.name, in: p.in, required: !!p.required, schema: p.schema ?? {} });
    }
    const rb = op.requestBody ? deref(op.requestBody as Schema) : undefined;
    const content = rb ? Object.fromEntries(Object.entries((rb.content ?? {}) as Record<string, Schema>).map(([media, c]) => [media, (c.schema ?? {}) as Schema])) : undefined;
    out.push({
      id: info.operationId, method: info.method, template: info.path, params: [...byKey.values()],
      ...(content ? { body: { required: !!rb!.required, content } } : {}),
      auth: authOf(op),
    });
  }
  return out;
}

export const pathParams = (op: Operation): Param[] => op.params.filter((p) => p.in === 'path');
export const queryParams = (op: Operation): Param[] => op.params.filter((p) => p.in === 'query');
export const headerParams = (op: Operation): Param[] => op.params.filter((p) => p.in === 'header');
export const jsonSchemaOf = (op: Operation): Schema | undefined => op.body?.content['application/json'];

export function fillPath(template: string, values: Record<string, string>, encode = encodeURIComponent): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => encode(values[name] ?? ''));
}
