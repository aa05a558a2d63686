import { describe, expect, test } from 'vitest';
import { ERRORS } from '../../../gateway/src/errors.js';
import { loadContract } from '../../../gateway/src/contracts/contract.js';

const contract = loadContract('gateway.yaml');
const doc = contract.document as any;

describe('contracts/gateway.yaml', () => {
  test('every error code of the catalogue is documented, in the ErrorCode enum and in the table', () => {
    const codes = Object.keys(ERRORS);
    expect([...doc.components.schemas.ErrorCode.enum].sort()).toEqual([...codes].sort());
    for (const code of codes) {
      const row = new RegExp(`\\|\\s*${code}\\s*\\|\\s*${ERRORS[code as keyof typeof ERRORS].status}\\s*\\|`);
      expect(doc.info.description, `table row for ${code}`).toMatch(row);
    }
  });

  test('it has the operations the issue names', () => {
    const ids = contract.operations().map((o) => o.operationId);
    for (const id of ['login', 'listItems', 'createCase', 'getCase', 'listCases', 'addMaterial', 'submitCase', 'getCaseTimeline', 'retryHandoff', 'verifyCaseAudit', 'receiveCase', 'receiveXuhuiStatus', 'receiveNingxiaCallback']) {
      expect(ids).toContain(id);
    }
  });

  test.each([
    ['310104', 'partners/310104-xuhui.yaml', 'XuhuiStatusNotification'],
    ['640000', 'partners/640000-ningxia.yaml', 'NingxiaStatusCallback'],
    ['350200', 'partners/350200-xiamen.yaml', 'XiamenStatusNotification'],
  ])('the %s callback schema is the one the partner’s own contract defines', (_region, file, ours) => {
    const partner = loadContract(file).document as any;
    const hooks = Object.values(partner.webhooks ?? {}) as any[];
    expect(hooks.length).toBeGreaterThan(0);
    const schemaRef = (Object.values(hooks[0].post.requestBody.content)[0] as { schema: unknown }).schema;
    const resolve = (node: any): any => (node.$ref ? resolve(node.$ref.slice(2).split('/').reduce((n: any, k: string) => n[k], partner)) : node);
    const theirs = resolve(schemaRef);
    const mine = doc.components.schemas[ours];
    // Our copy is the partner's schema with its $refs inlined, so both validate the same bodies.
    expect(inline(mine, doc)).toEqual(inline(theirs, partner));
  });
});

function inline(node: any, root: any): any {
  if (Array.isArray(node)) return node.map((n) => inline(n, root));
  if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string') return inline(node.$ref.slice(2).split('/').reduce((n: any, k: string) => n[k], root), root);
    return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'description' && k !== 'examples' && k !== 'example').map(([k, v]) => [k, inline(v, root)]));
  }
  return node;
}
