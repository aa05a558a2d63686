// One middleware renders every error as RFC 9457 application/problem+json.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import multer from 'multer';
import { ERRORS, GatewayError, isGatewayError, type ErrorCode, type FieldError } from '../errors.js';
import type { Logger } from '../log.js';

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
  res.status(e.status).type('application/problem+json').send(JSON.stringify(toProblem(e, String(res.locals.requestId ?? ''))));
}

/** Translate what express, body-parser and multer throw into our codes. */
function classify(err: unknown): GatewayError | undefined {
  if (isGatewayError(err)) return err;
  const e = err as { type?: string; status?: number; code?: string; message?: string };
  if (e?.type === 'entity.parse.failed') return new GatewayError('MALFORMED_JSON', `请求体不是合法的 JSON：${e.message ?? ''}`);
  if (e?.type === 'entity.too.large') return new GatewayError('PAYLOAD_TOO_LARGE');
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') return new GatewayError('PAYLOAD_TOO_LARGE', '上传文件超过大小限制');
    return new GatewayError('VALIDATION_FAILED', `上传内容不符合要求：${err.message}`, [{ field: err.field ?? '/', message: err.code }]);
  }
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new GatewayError('VALIDATION_FAILED', e.message);
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

export const notFound: RequestHandler = (req, _res, next) => next(new GatewayError('NOT_FOUND', `${req.method} ${req.path} 不存在`));
