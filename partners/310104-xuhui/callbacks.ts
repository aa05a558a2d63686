// 徐汇区's status pushes to our webhook: verify the signature over the raw bytes, hold the body to the
// `webhooks.applicationStatusChanged` schema, map it, and answer the way 徐汇区 expects.
import { loadContract } from '../../gateway/src/contracts/contract.js';
import { ERRORS, GatewayError } from '../../gateway/src/errors.js';
import type { CallbackAuth, InboundHttpRequest, PartnerAdapter, PartnerStatusUpdate } from '../../gateway/src/ports/partner.js';
import { fromStatusEvent, UnmappedCodeError } from './mapping.js';
import { CONTRACT_FILE, type XhStatusEvent } from './types.js';
import { signatureMatches, WEBHOOK_HEADERS, webhookSignature } from './webhook-signature.js';

const contract = loadContract(CONTRACT_FILE);
// the same patterns as the webhook's header parameters in the contract
const TIMESTAMP = /^[0-9]{10}$/;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const SIGNATURE = /^[0-9a-f]{64}$/;

function header(req: InboundHttpRequest, name: string): string | undefined {
  const hit = Object.entries(req.headers).find(([k]) => k.toLowerCase() === name);
  return hit?.[1];
}

export function verifyXhCallback(secret: string, req: InboundHttpRequest): CallbackAuth {
  const timestamp = header(req, WEBHOOK_HEADERS.timestamp);
  const nonce = header(req, WEBHOOK_HEADERS.nonce);
  const signature = header(req, WEBHOOK_HEADERS.signature);
  if (!timestamp || !TIMESTAMP.test(timestamp)) throw new GatewayError('SIGNATURE_INVALID', 'X-Xh-Timestamp is missing or not Unix seconds');
  if (!nonce || !NONCE.test(nonce)) throw new GatewayError('SIGNATURE_INVALID', 'X-Xh-Nonce is missing or malformed');
  if (!signature || !SIGNATURE.test(signature)) throw new GatewayError('SIGNATURE_INVALID', 'X-Xh-Signature is missing or not hex HMAC-SHA256');
  if (!signatureMatches(webhookSignature(secret, timestamp, nonce, req.rawBody), signature)) {
    throw new GatewayError('SIGNATURE_INVALID', 'X-Xh-Signature does not match timestamp, nonce and body');
  }
  // checked only once the sender is known to be 徐汇区: strangers learn nothing about the schema
  statusEvent(req);
  return { timestamp: new Date(Number(timestamp) * 1000), nonce };
}

/** the signed bytes as the core parsed them (once, within bounds), held to the contract */
function statusEvent(req: InboundHttpRequest): XhStatusEvent {
  const body = req.body;
  if (body === undefined) throw new GatewayError('VALIDATION_FAILED', '徐汇区 callback has no body', [{ field: '/', message: 'required' }]);
  const fields = contract.validateRequest('applicationStatusChanged', body);
  if (fields.length > 0) throw new GatewayError('VALIDATION_FAILED', '徐汇区 callback breaks its webhook schema', fields);
  return body as XhStatusEvent;
}

export function parseXhCallback(req: InboundHttpRequest): PartnerStatusUpdate[] {
  try {
    return [fromStatusEvent(statusEvent(req))];
  } catch (e) {
    if (e instanceof UnmappedCodeError || e instanceof RangeError) {
      throw new GatewayError('VALIDATION_FAILED', e.message, [{ field: '/', message: e.message }]);
    }
    throw e;
  }
}

/** 徐汇区 treats 2xx as delivered, 4xx as final and retries 5xx: the status comes from our catalogue */
export const xhCallbackReply: NonNullable<PartnerAdapter['callbackReply']> = (outcome) => {
  if (outcome.ok) return { status: 200, contentType: 'application/json', body: { received: true } };
  const status = outcome.code in ERRORS ? ERRORS[outcome.code as keyof typeof ERRORS].status : 500;
  return { status, contentType: 'application/json', body: { code: outcome.code, message: outcome.message } };
};
