// One middleware renders every error as RFC 9457 application/problem+json.
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ERRORS, GatewayError, isGatewayError, type ErrorCode, type FieldError } from '../errors.js';
import type { Logger } from '../log.js';
import { isDatabaseUnavailable } from '../store/sql/database.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  errors?: FieldError[];
}

export const problemType = (code: ErrorCode): string => `https://kytb.example.gov.cn/problems/${code.toLowerCase().replace(/_/g, '-')}`;

export function toProblem(e: GatewayError, requestId: string): Problem {
  return {
    type: problemType(e.code),
    title: ERRORS[e.code].title,
    status: e.status,
    detail: e.message,
    instance: requestId,
    code: e.code,
    ...(e.fields ? { errors: e.fields } : {}),
  };
}

export function sendProblem(res: Response, e: GatewayError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e.retryAfterS !== undefined) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(e.retryAfterS))));
  res.status(e.status).type('application/problem+json').send(JSON.stringify(toProblem(e, String(res.locals.requestId ?? ''))));
}

/** what express and body-parser throw (http-errors with a 4xx status) in our codes */
const BY_TYPE: Record<string, () => GatewayError> = {
  'entity.too.large': () => new GatewayError('PAYLOAD_TOO_LARGE', '请求体超过此接口的大小上限'),
  'encoding.unsupported': () => new GatewayError('MEDIA_TYPE_UNSUPPORTED', '不接受压缩或编码过的请求体（Content-Encoding）'),
  'charset.unsupported': () => new GatewayError('MEDIA_TYPE_UNSUPPORTED', '请求体须为 UTF-8 编码'),
  'request.aborted': () => new GatewayError('VALIDATION_FAILED', '请求体未传完（连接中断）'),
  'request.size.invalid': () => new GatewayError('VALIDATION_FAILED', '请求体长度与 Content-Length 不符'),
};
const BY_STATUS: Record<number, ErrorCode> = { 404: 'NOT_FOUND', 403: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 413: 'PAYLOAD_TOO_LARGE', 415: 'MEDIA_TYPE_UNSUPPORTED' };

function classify(err: unknown): GatewayError | undefined {
  if (isGatewayError(err)) return err;
  const e = err as { type?: string; status?: number; statusCode?: number; message?: string };
  const byType = e?.type ? BY_TYPE[e.type] : undefined;
  if (byType) return byType();
  const status = e?.status ?? e?.statusCode;
  // anything else the framework refuses (a path parameter that is not valid percent-encoding, a static
  // file path outside its folder …) is the client's mistake: never a 500
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new GatewayError(BY_STATUS[status] ?? 'VALIDATION_FAILED', status === 400 ? `请求无效：${String(e.message ?? '').slice(0, 200)}` : undefined);
  }
  if (err instanceof URIError) return new GatewayError('VALIDATION_FAILED', '请求路径不是合法的百分号编码');
  // the database is down or restarting: nothing was done; the gateway reconnects by itself
  if (isDatabaseUnavailable(err)) return new GatewayError('NOT_READY', '数据库暂时无法访问，本次操作未执行，请稍后重试', undefined, { retryAfterS: 5 });
  return undefined;
}

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const known = classify(err);
    if (known) {
      if (known.status >= 500) logger.warn({ code: known.code, detail: known.message }, 'request failed');
      sendProblem(res, known);
      return;
    }
    logger.error({ err }, 'unhandled error');
    sendProblem(res, new GatewayError('INTERNAL', '服务内部错误，请联系运维（附上 instance 编号）'));
  };
}

/**
 * What Node's HTTP parser refuses before express sees the request (a bad header line, Content-Length with
 * chunked, headers over 16 KB …) answered as problem+json too, then the connection closed.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const e = err.code === 'HPE_HEADER_OVERFLOW'
    ? new GatewayError('HEADERS_TOO_LARGE', '请求头超过 16 KB')
    : new GatewayError('HTTP_MALFORMED', `HTTP 请求格式不正确（${String(err.code ?? 'parse error')}）`);
  const body = JSON.stringify(toProblem(e, randomUUID()));
  socket.end(`HTTP/1.1 ${e.status} ${e.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export const notFound: RequestHandler = (req, _res, next) => next(new GatewayError('NOT_FOUND', `${req.method} ${req.path} 不存在`));
