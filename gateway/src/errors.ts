// One catalogue of error codes. Each code is rendered as RFC 9457 application/problem+json by
// http/problem.ts and documented in contracts/gateway.yaml (a test holds that every code is).

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, title: '请求内容不符合接口约定' },
  MALFORMED_JSON: { status: 400, title: '请求体不是合法的 JSON' },
  MULTIPART_MALFORMED: { status: 400, title: '上传表单（multipart/form-data）格式不正确' },
  HTTP_MALFORMED: { status: 400, title: 'HTTP 请求格式不正确' },
  HEADERS_TOO_LARGE: { status: 431, title: '请求头过大' },
  MEDIA_TYPE_UNSUPPORTED: { status: 415, title: '请求体的内容类型不受支持' },
  METHOD_NOT_ALLOWED: { status: 405, title: '该接口不支持此请求方法' },
  ID_NUMBER_INVALID: { status: 422, title: '公民身份号码校验不通过' },
  CREDIT_CODE_INVALID: { status: 422, title: '统一社会信用代码校验不通过' },
  REGION_CODE_INVALID: { status: 422, title: '行政区划代码无效' },
  UNKNOWN_ITEM: { status: 422, title: '事项不存在或不支持跨域通办' },
  ITEM_NOT_AGREED: { status: 422, title: '未与该合作地区就此事项开展跨域通办' },
  ITEM_AMBIGUOUS: { status: 400, title: '该事项由多个地区办理，请指明办理地' },
  MATERIALS_MISSING: { status: 422, title: '必交材料不齐' },
  MATERIAL_UNKNOWN: { status: 422, title: '该材料不属于此事项' },
  MATERIAL_TYPE_UNSUPPORTED: { status: 415, title: '材料文件类型不支持（仅 PDF、JPEG、PNG）' },
  PAYLOAD_TOO_LARGE: { status: 413, title: '上传内容超过大小限制' },
  AUTH_REQUIRED: { status: 401, title: '需要登录' },
  INVALID_CREDENTIALS: { status: 401, title: '用户名或密码错误' },
  TOKEN_INVALID: { status: 401, title: '登录凭证无效或已过期' },
  FORBIDDEN: { status: 403, title: '无权执行此操作' },
  CASE_OUT_OF_REGION: { status: 403, title: '不能访问其他地区的办件' },
  CASE_NOT_FOUND: { status: 404, title: '办件不存在' },
  HANDOFF_NOT_FOUND: { status: 404, title: '转递任务不存在' },
  NOT_FOUND: { status: 404, title: '接口不存在' },
  DOCUMENT_NOT_FOUND: { status: 404, title: '文书不存在' },
  ANCHOR_NOT_FOUND: { status: 404, title: '审计锚点不存在' },
  DOCUMENT_NOT_REPRINTABLE: { status: 409, title: '该文书不能补打（合作地区出具的结果文书请向办理地申请）' },
  DOCUMENT_NOT_PDF: { status: 415, title: '上传的文件不是 PDF' },
  DOCUMENT_INTEGRITY_FAILED: { status: 500, title: '存档文书未通过签名校验，可能已被篡改' },
  ILLEGAL_TRANSITION: { status: 409, title: '办件当前状态不允许此操作' },
  HANDOFF_NOT_DEAD: { status: 409, title: '只有已进入死信的转递任务可以重发' },
  WITHDRAWAL_EXISTS: { status: 409, title: '该办件已申请撤件' },
  WITHDRAWAL_UNSUPPORTED: { status: 409, title: '办理地不支持撤件' },
  SUPPLEMENT_UNSUPPORTED: { status: 409, title: '合作地区不支持补齐补正' },
  CONCURRENT_UPDATE: { status: 409, title: '办件已被他人修改，请刷新后重试' },
  IDEMPOTENCY_CONFLICT: { status: 409, title: '同一幂等键对应的请求内容不一致' },
  PARTNER_UNKNOWN: { status: 401, title: '未登记的合作地区' },
  SIGNATURE_INVALID: { status: 401, title: '签名或令牌校验失败' },
  TIMESTAMP_STALE: { status: 401, title: '请求时间戳超出 ±300 秒' },
  NONCE_REPLAYED: { status: 409, title: '随机数已被使用（疑似重放）' },
  RATE_LIMITED: { status: 429, title: '请求过于频繁，请稍后再试' },
  PARTNER_UNAVAILABLE: { status: 502, title: '合作地区系统不可用' },
  PARTNER_REJECTED: { status: 502, title: '合作地区系统拒绝了请求' },
  PARTNER_CONTRACT_VIOLATION: { status: 502, title: '请求或应答不符合合作地区接口约定' },
  NOT_READY: { status: 503, title: '服务尚未就绪' },
  SERVER_BUSY: { status: 503, title: '服务繁忙，请稍后重试' },
  // 远程帮办 (remote window, issue 3)
  SESSION_NOT_FOUND: { status: 404, title: '远程帮办会话不存在' },
  SESSION_ENDED: { status: 410, title: '远程帮办会话已结束' },
  SESSION_WITHOUT_CASE: { status: 409, title: '该会话未关联办件（无办件帮办）' },
  INVITATION_REQUIRED: { status: 403, title: '需由发起窗口邀请后才能加入三方连线' },
  JOIN_CODE_INVALID: { status: 404, title: '加入码或链接无效' },
  JOIN_EXPIRED: { status: 410, title: '加入码或链接已过期' },
  REMOTE_WINDOW_DISABLED: { status: 503, title: '远程帮办服务未启用' },
  SESSION_HOST_UNAVAILABLE: { status: 503, title: '会话所在的网关实例暂时无法访问' },
  INTERNAL: { status: 500, title: '服务内部错误' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError {
  /** JSON pointer or field path, e.g. /applicant/idNumber */
  field: string;
  message: string;
}

/** An operational error: it answers the request, it does not end the process. */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[] | undefined;
  /** for RATE_LIMITED and NOT_READY: seconds until a retry may succeed (sent as Retry-After) */
  readonly retryAfterS: number | undefined;
  constructor(code: ErrorCode, detail?: string, fields?: FieldError[], opts: { retryAfterS?: number } = {}) {
    super(detail ?? ERRORS[code].title);
    this.name = 'GatewayError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.fields = fields;
    this.retryAfterS = opts.retryAfterS;
  }
}

export function isGatewayError(e: unknown): e is GatewayError {
  return e instanceof Error && typeof (e as GatewayError).code === 'string' && (e as GatewayError).code in ERRORS;
}
