// The platform's pushes to our callback endpoint (webhook caseStatusNotify, signed with CALLBACK_SECRET):
// authenticate them, read them as canonical updates, and render the receipt the platform expects.
import { createHash } from 'node:crypto';
import type { Contract } from '../../gateway/src/contracts/contract.js';
import { ERRORS, GatewayError } from '../../gateway/src/errors.js';
import type { CallbackAuth, InboundHttpRequest, PartnerAdapter, PartnerStatusUpdate } from '../../gateway/src/ports/partner.js';
import { isRecord, verifySign } from './envelope.js';
import { MappingError, fromCaseStatusNotify, parseNxTime, toReceiptRtnCode } from './mapping.js';
import { BIZ_CODES, ENVELOPE_VERSION, type NxEnvelope, type NxHead, type NxNotifyBody } from './types.js';

// The core parsed the raw bytes once, within bounds of depth and members, before this sees them.
function readEnvelope(req: InboundHttpRequest): unknown {
  if (req.body === undefined) throw new GatewayError('VALIDATION_FAILED', '宁夏 callback has no body', [{ field: '/', message: 'required' }]);
  return req.body;
}

export function verifyNotify(contract: Contract, secret: string, req: InboundHttpRequest): CallbackAuth {
  const envelope = readEnvelope(req);
  // Authenticate before the full schema check, so an unsigned caller learns nothing about the schema.
  if (!isRecord(envelope) || !isRecord(envelope.head) || typeof envelope.head.sign !== 'string') {
    throw new GatewayError('VALIDATION_FAILED', '宁夏 callback is not a signed envelope', [{ field: '/head/sign', message: 'must be a string' }]);
  }
  // what can be told without canonicalising the body: the sign's format and who claims to send it
  if (!/^[0-9a-f]{64}$/.test(envelope.head.sign)) throw new GatewayError('SIGNATURE_INVALID', '宁夏 callback head.sign is not hex HMAC-SHA256');
  if (!verifySign(envelope, secret)) throw new GatewayError('SIGNATURE_INVALID', '宁夏 callback head.sign does not verify');
  const fields = contract.validateRequest('caseStatusNotify', envelope);
  if (fields.length > 0) throw new GatewayError('VALIDATION_FAILED', '宁夏 callback breaks the caseStatusNotify schema', fields);
  const head = envelope.head as unknown as NxHead;
  try {
    return { timestamp: parseNxTime(head.time), nonce: head.serial };
  } catch (e) {
    throw new GatewayError('VALIDATION_FAILED', (e as Error).message, [{ field: '/head/time', message: (e as Error).message }]);
  }
}

export function parseNotify(req: InboundHttpRequest): PartnerStatusUpdate[] {
  const { body } = readEnvelope(req) as NxEnvelope<NxNotifyBody>;
  let update: PartnerStatusUpdate;
  try {
    update = fromCaseStatusNotify(body);
  } catch (e) {
    if (e instanceof MappingError) throw new GatewayError('VALIDATION_FAILED', e.message, [{ field: '/body', message: e.message }]);
    throw e;
  }
  const doc = update.result?.document;
  // The sign proves who sent the file, not that the platform hashed the right bytes: check the bytes.
  if (doc && createHash('sha256').update(Buffer.from(doc.contentBase64, 'base64')).digest('hex') !== doc.sha256) {
    throw new GatewayError('VALIDATION_FAILED', '宁夏 result document does not match its sha256', [
      { field: '/body/bjjg/jgwj/sha256', message: 'does not match the content' },
    ]);
  }
  return [update];
}

export const notifyReceipt: NonNullable<PartnerAdapter['callbackReply']> = (outcome) => {
  const [status, rtnCode, rtnMsg] = outcome.ok
    ? [200, '0000', '成功']
    : [
      Object.hasOwn(ERRORS, outcome.code) ? ERRORS[outcome.code as keyof typeof ERRORS].status : 500,
      toReceiptRtnCode(outcome.code),
      `${outcome.code}: ${outcome.message}`.slice(0, 500),
    ];
  return {
    status,
    contentType: 'application/json; charset=utf-8',
    body: { head: { version: ENVELOPE_VERSION, bizCode: BIZ_CODES.caseStatusNotify, rtnCode, rtnMsg }, body: {} },
  };
};
