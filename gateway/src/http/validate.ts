// Request bodies are validated against contracts/gateway.yaml, the same document we publish.
import type { RequestHandler } from 'express';
import { GatewayError } from '../errors.js';
import { loadContract } from '../contracts/contract.js';

export const gatewayContract = () => loadContract('gateway.yaml');

/** the body against the operation's schema for `mediaType` (a multipart form's text fields: its schema without the file) */
export function validateBody(operationId: string, mediaType = 'application/json'): RequestHandler {
  const contract = gatewayContract();
  contract.operation(operationId); // fail at start-up, not at the first request, if the id is wrong
  return (req, _res, next) => {
    const fields = contract.validateRequest(operationId, mediaType === 'application/json' ? req.body : { ...(req.body ?? {}) }, mediaType);
    if (fields.length > 0) throw new GatewayError('VALIDATION_FAILED', `请求内容不符合接口约定（${operationId}）`, fields);
    next();
  };
}
