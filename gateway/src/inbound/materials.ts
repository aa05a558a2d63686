// Materials a partner region sends inline (receiveCase, supplyInboundMaterials): each one's bytes are
// hashed and compared with the SHA-256 it declares, and its real type read from its first bytes, before
// anything is written; a mismatch is refused naming the material.
import { createHash, randomUUID } from 'node:crypto';
import type { Material } from '../domain/case.js';
import { GatewayError } from '../errors.js';
import { pageCount, sniffMediaType } from '../cases/guards.js';

export interface InboundMaterial { code: string; name: string; fileName: string; contentBase64: string; sha256: string }

export function checkInboundMaterials(materials: InboundMaterial[], now: string, partner: string): Array<{ material: Material; bytes: Buffer }> {
  return materials.map((m, i) => {
    const bytes = Buffer.from(m.contentBase64, 'base64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== m.sha256.toLowerCase()) throw new GatewayError('VALIDATION_FAILED', `材料「${m.name}」的 SHA-256 与内容不符`, [{ field: `/materials/${i}/sha256`, message: 'mismatch' }]);
    const mediaType = sniffMediaType(bytes);
    const material: Material = { id: randomUUID(), code: m.code, name: m.name, fileName: m.fileName, mediaType, size: bytes.length, sha256, pages: pageCount(bytes, mediaType), addedAt: now, addedBy: `partner:${partner}` };
    return { material, bytes };
  });
}
