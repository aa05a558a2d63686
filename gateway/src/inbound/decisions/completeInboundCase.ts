// 办结: the approver closes a case with its result: a result document (a PDF, checked by its bytes and
// hashed) and/or an 电子证照 number, and how it goes to the applicant. The document is written in the same
// transaction as the case that points at it, and travels to the sending region with the 办结通知.
import { createHash, randomUUID } from 'node:crypto';
import type { Clerk } from '../../auth/tokens.js';
import type { Core } from '../../deps.js';
import type { CaseRecord, CaseResult } from '../../domain/case.js';
import { completeInbound, type CompletionInput } from '../../domain/inboundTransitions.js';
import { GatewayError } from '../../errors.js';
import { decideInboundCase } from './decide.js';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

export interface Completion extends Omit<CompletionInput, 'document'> {
  file?: { fileName: string; bytes: Buffer };
}

export function completeInboundCase(core: Core, clerk: Clerk, caseId: string, req: Completion): Promise<CaseRecord> {
  const document = req.file ? resultDocument(req.file) : undefined;
  const { file: _file, ...fields } = req;
  return decideInboundCase(core, clerk, caseId, (c, input) => completeInbound(c, { ...input, ...fields, ...(document ? { document } : {}) }),
    document && req.file ? [{ name: document.blob, bytes: req.file.bytes }] : undefined);
}

function resultDocument(file: { fileName: string; bytes: Buffer }): NonNullable<CaseResult['document']> {
  if (!file.bytes.subarray(0, 5).equals(PDF_MAGIC)) throw new GatewayError('DOCUMENT_NOT_PDF', '结果文书须为 PDF 文件', [{ field: 'file', message: 'application/pdf' }]);
  return {
    fileName: file.fileName.slice(0, 200), mediaType: 'application/pdf', size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'), blob: `result-${randomUUID()}`,
  };
}
