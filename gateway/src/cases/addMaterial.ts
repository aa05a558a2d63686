// addMaterial: a scanned material is checked (real type by its bytes, a material of this item),
// hashed and stored durably before it is attached to the case.
import { createHash, randomUUID } from 'node:crypto';
import { GatewayError } from '../errors.js';
import type { Material } from '../domain/case.js';
import type { Clerk } from '../auth/tokens.js';
import type { Core } from '../deps.js';
import { loadCaseFor } from './load.js';
import { assertMay } from '../auth/permissions.js';
import { pageCount, sniffMediaType } from './guards.js';
import { assertMaterialsEditable, attachMaterial } from '../domain/transitions.js';

export interface MaterialUpload {
  code: string;
  name?: string;
  fileName: string;
  bytes: Buffer;
  /** set for a still captured with consent in a 远程帮办 session */
  source?: Material['source'];
}

export async function addMaterial(core: Core, clerk: Clerk, caseId: string, upload: MaterialUpload): Promise<Material> {
  const record = await loadCaseFor(core, clerk, 'case.addMaterial', caseId);
  assertMaterialsEditable(record.status);
  const spec = core.catalog.ofCase(record)?.materials.find((m) => m.code === upload.code);
  if (!spec && upload.code !== 'extra') {
    throw new GatewayError('MATERIAL_UNKNOWN', `材料编码 ${upload.code} 不属于事项「${record.itemName}」`, [{ field: '/code', message: '未知材料编码' }]);
  }
  const mediaType = sniffMediaType(upload.bytes);
  const material: Material = {
    id: randomUUID(),
    code: upload.code,
    name: upload.name ?? spec?.name ?? '其他材料',
    fileName: upload.fileName.slice(0, 200),
    mediaType,
    size: upload.bytes.length,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    pages: pageCount(upload.bytes, mediaType),
    addedAt: core.now().toISOString(),
    addedBy: clerk.username,
    ...(upload.source ? { source: upload.source } : {}),
  };
  // The file is durable before the case points at it; an orphan file after a crash is harmless.
  await core.store.putBlob(caseId, material.id, upload.bytes);
  await core.store.updateCase(caseId, (c) => {
    assertMay(clerk, 'case.addMaterial', c);
    const next = attachMaterial(c, { material, actor: `clerk:${clerk.username}` });
    Object.assign(c, next.case);
    return next.events;
  });
  return material;
}

