// The remote window's errors in the gateway's catalogue (same codes; Retry-After kept for 429).
import { isRwError, type RwErrorCode } from '../../../remote-window/src/server/index.js';
import { GatewayError, type ErrorCode } from '../errors.js';

// a compile-time check that every remote-window code is in the catalogue
const CODES: Record<RwErrorCode, ErrorCode> = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  FORBIDDEN: 'FORBIDDEN',
  CASE_NOT_FOUND: 'CASE_NOT_FOUND',
  CASE_OUT_OF_REGION: 'CASE_OUT_OF_REGION',
  SESSION_NOT_FOUND: 'SESSION_NOT_FOUND',
  SESSION_ENDED: 'SESSION_ENDED',
  SESSION_WITHOUT_CASE: 'SESSION_WITHOUT_CASE',
  INVITATION_REQUIRED: 'INVITATION_REQUIRED',
  JOIN_CODE_INVALID: 'JOIN_CODE_INVALID',
  JOIN_EXPIRED: 'JOIN_EXPIRED',
  RATE_LIMITED: 'RATE_LIMITED',
  REMOTE_WINDOW_DISABLED: 'REMOTE_WINDOW_DISABLED',
};

/** run a remote-window use case; its refusals become the gateway's problem+json errors */
export async function viaRemote<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!isRwError(err)) throw err;
    throw new GatewayError(CODES[err.code], err.message, undefined, err.retryAfterS === undefined ? {} : { retryAfterS: err.retryAfterS });
  }
}
