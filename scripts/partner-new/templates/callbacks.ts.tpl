// {{NAME}}'s status pushes to our callback: verify the signature over the raw bytes, hold the body to
// the `webhooks.caseStatusChanged` schema, map it, and answer the way the region expects (假设: 2xx).
import { loadContract } from '../../gateway/src/contracts/contract.js';
import { ERRORS, GatewayError } from '../../gateway/src/errors.js';
import type { CallbackAuth, InboundHttpRequest, PartnerAdapter, PartnerStatusUpdate } from '../../gateway/src/ports/partner.js';
import { fromStatusEvent, UnmappedCodeError } from './mapping.js';
import { HEADERS, signature, signatureMatches } from './signature.js';
import { CONTRACT_FILE, NAME, type StatusEvent } from './types.js';

const contract = loadContract(CONTRACT_FILE);

const header = (req: InboundHttpRequest, name: string): string | undefined =>
  Object.entries(req.headers).find(([k]) => k.toLowerCase() === name)?.[1];

export function verifyCallback(secret: string, req: InboundHttpRequest): CallbackAuth {
  const timestamp = header(req, HEADERS.timestamp);
  const nonce = header(req, HEADERS.nonce);
  const given = header(req, HEADERS.signature);
  if (!timestamp || !/^[0-9]{10}$/.test(timestamp)) throw new GatewayError('SIGNATURE_INVALID', 'X-Timestamp is missing or not Unix seconds');
  if (!nonce || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) throw new GatewayError('SIGNATURE_INVALID', 'X-Nonce is missing or malformed');
  if (!given || !/^[0-9a-f]{64}$/.test(given) || !signatureMatches(signature(secret, timestamp, nonce, req.rawBody), given)) {
    throw new GatewayError('SIGNATURE_INVALID', 'X-Signature does not match timestamp, nonce and body');
  }
  // checked only once the sender is known: strangers learn nothing about the schema
  statusEvent(req);
  return { timestamp: new Date(Number(timestamp) * 1000), nonce };
}

function statusEvent(req: InboundHttpRequest): StatusEvent {
  const fields = contract.validateRequest('caseStatusChanged', req.body);
  if (fields.length > 0) throw new GatewayError('VALIDATION_FAILED', `${NAME} callback breaks its webhook schema`, fields);
  return req.body as StatusEvent;
}

export function parseCallback(req: InboundHttpRequest): PartnerStatusUpdate[] {
  try {
    return [fromStatusEvent(statusEvent(req))];
  } catch (e) {
    if (e instanceof UnmappedCodeError || e instanceof RangeError) throw new GatewayError('VALIDATION_FAILED', e.message, [{ field: '/', message: e.message }]);
    throw e;
  }
}

export const callbackReply: NonNullable<PartnerAdapter['callbackReply']> = (outcome) => {
  if (outcome.ok) return { status: 200, contentType: 'application/json', body: { received: true } };
  const status = outcome.code in ERRORS ? ERRORS[outcome.code as keyof typeof ERRORS].status : 500;
  return { status, contentType: 'application/json', body: { code: outcome.code, message: outcome.message } };
};
