// The platform's notifications to our notify_url (webhook caseStatusNotify): form-encoded, signed with
// the platform's private key. Authenticate them, fetch a result document by its result_url (recorded for
// the audit trail, its SHA-256 checked), read them as canonical updates, and acknowledge with `success`.
import { createHash } from 'node:crypto';
import axios from 'axios';
import type { KeyObject } from 'node:crypto';
import type { Contract } from '../../gateway/src/contracts/contract.js';
import { GatewayError } from '../../gateway/src/errors.js';
import type { CallbackAuth, InboundHttpRequest, PartnerAdapter, PartnerContext, PartnerResultDocument, PartnerStatusUpdate } from '../../gateway/src/ports/partner.js';
import { MappingError, fromCaseStatusNotify, parseXmTime, toMediaType } from './mapping.js';
import { verifyForm } from './sign.js';
import type { XmNotification } from './types.js';

/** a result document is at most this large (the contract's material bound, decoded) */
export const RESULT_MAX_BYTES = 21 * 1024 * 1024;

const invalid = (field: string, message: string): GatewayError => new GatewayError('VALIDATION_FAILED', `厦门 notification ${field}: ${message}`, [{ field, message }]);
const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

function formOf(req: InboundHttpRequest): Record<string, string> {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('/', 'is not a form');
  return body as Record<string, string>;
}

export function verifyNotify(contract: Contract, platformKey: KeyObject, appId: string, req: InboundHttpRequest): CallbackAuth {
  const form = formOf(req);
  // Authenticate before the full schema check, so an unsigned caller learns nothing about the schema.
  if (typeof form.sign !== 'string' || form.sign === '') throw invalid('/sign', 'required');
  if (!verifyForm(form, platformKey)) throw new GatewayError('SIGNATURE_INVALID', '厦门 notification sign does not verify (RSA2)');
  const fields = contract.validateRequest('caseStatusNotify', form, 'application/x-www-form-urlencoded');
  if (fields.length > 0) throw new GatewayError('VALIDATION_FAILED', '厦门 notification breaks the caseStatusNotify schema', fields);
  if (form.app_id !== appId) throw invalid('/app_id', 'is not our application');
  try {
    return { timestamp: parseXmTime(form.notify_time as string), nonce: form.notify_id as string };
  } catch (e) {
    throw invalid('/notify_time', (e as Error).message);
  }
}

/** GET result_url (on the platform's own origin only), every attempt recorded; the bytes must match result_sha256 */
async function fetchResult(n: XmNotification, platformUrl: string, ctx: PartnerContext): Promise<PartnerResultDocument> {
  const url = n.result_url as string;
  if (new URL(url).origin !== new URL(platformUrl).origin) throw invalid('/result_url', 'is not on the platform');
  const started = ctx.now().getTime();
  const record = (x: { status?: number; responseSha256?: string; error?: string }): void => ctx.record({
    operationId: 'resultDownload', method: 'GET', url: url.split('?')[0] as string, requestSha256: sha256(''), durationMs: ctx.now().getTime() - started, ...x,
  });
  let res: { status: number; data: ArrayBuffer };
  try {
    res = await ctx.http.get<ArrayBuffer>(url, { responseType: 'arraybuffer', maxContentLength: RESULT_MAX_BYTES, validateStatus: () => true });
  } catch (e) {
    if (!axios.isAxiosError(e)) throw e;
    record({ error: [e.code, e.message].filter(Boolean).join(' ') });
    // not acknowledged: the platform sends the notification again on its schedule
    throw new GatewayError('PARTNER_UNAVAILABLE', '厦门 result document could not be fetched');
  }
  const bytes = Buffer.from(res.data);
  const digest = sha256(bytes);
  if (res.status !== 200) {
    record({ status: res.status, responseSha256: digest, error: `HTTP ${res.status}` });
    throw new GatewayError('PARTNER_UNAVAILABLE', `厦门 result document: HTTP ${res.status}`);
  }
  if (digest !== n.result_sha256) {
    record({ status: res.status, responseSha256: digest, error: 'sha256 mismatch' });
    throw invalid('/result_sha256', 'does not match the document at result_url');
  }
  record({ status: res.status, responseSha256: digest });
  return {
    fileName: n.result_file_name ?? `${n.result_name ?? '结果文书'}.pdf`,
    mediaType: toMediaType(n.result_file_type ?? 'PDF'),
    contentBase64: bytes.toString('base64'),
    sha256: digest,
  };
}

export async function parseNotify(req: InboundHttpRequest, ctx: PartnerContext, platformUrl: string): Promise<PartnerStatusUpdate[]> {
  const n = formOf(req) as unknown as XmNotification;
  if (n.status === 'FINISHED' && (!n.result_url || !n.result_sha256)) throw invalid('/result_url', 'a FINISHED notification carries result_url and result_sha256');
  try {
    const document = n.status === 'FINISHED' ? await fetchResult(n, platformUrl, ctx) : undefined;
    return [fromCaseStatusNotify(n, document)];
  } catch (e) {
    if (e instanceof MappingError) throw invalid('/', e.message);
    throw e;
  }
}

/** the acknowledgement the platform counts as delivered: HTTP 200, the text `success` (errors are our problem+json) */
export const notifyReceipt: NonNullable<PartnerAdapter['callbackReply']> = (outcome) => outcome.ok
  ? { status: 200, contentType: 'text/plain; charset=utf-8', body: 'success' }
  : { status: 400, contentType: 'text/plain; charset=utf-8', body: 'fail' };
