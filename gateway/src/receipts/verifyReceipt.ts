// verifyReceipt: is this PDF one of the documents this gateway signed, unaltered, and which case is it
// about? Anyone may ask (the public checks a receipt); input that is not a PDF is refused.
import type { Core } from '../deps.js';
import { GatewayError } from '../errors.js';
import { isPdf, verdictSummary } from './verify.js';

export function verifyReceipt(core: Core, bytes: Buffer) {
  if (bytes.length === 0) throw new GatewayError('VALIDATION_FAILED', '请求体为空', [{ field: 'file', message: 'required' }]);
  if (!isPdf(bytes)) throw new GatewayError('DOCUMENT_NOT_PDF', '上传的文件不是 PDF（文件开头没有 %PDF-）');
  return verdictSummary(core.documents.verify(bytes));
}
