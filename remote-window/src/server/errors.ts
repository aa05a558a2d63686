// Errors of the remote window's HTTP use cases. The codes are the gateway's catalogue codes
// (gateway/src/errors.ts maps each one); the remote window does not import the gateway.
export type RwErrorCode =
  | 'VALIDATION_FAILED'
  | 'FORBIDDEN'
  | 'CASE_NOT_FOUND'
  | 'CASE_OUT_OF_REGION'
  | 'SESSION_NOT_FOUND'
  | 'SESSION_ENDED'
  | 'SESSION_WITHOUT_CASE'
  | 'INVITATION_REQUIRED'
  | 'JOIN_CODE_INVALID'
  | 'JOIN_EXPIRED'
  | 'RATE_LIMITED'
  | 'REMOTE_WINDOW_DISABLED';

export class RwError extends Error {
  readonly code: RwErrorCode;
  /** for RATE_LIMITED: seconds until a retry may succeed (sent as Retry-After) */
  readonly retryAfterS: number | undefined;
  constructor(code: RwErrorCode, detail: string, retryAfterS?: number) {
    super(detail);
    this.name = 'RwError';
    this.code = code;
    this.retryAfterS = retryAfterS;
  }
}

export const isRwError = (e: unknown): e is RwError => e instanceof RwError;
