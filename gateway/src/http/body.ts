// Request bodies, read per route with the limit its contract needs, after whatever authentication can be
// done without them. Before any byte is read: the media type (415) and the declared length (413). What
// unauthenticated requests read counts against one shared budget (503 SERVER_BUSY with Retry-After when
// it is spent), so together they cannot make the gateway hold more than that. JSON is scanned on its raw
// bytes (depth, members, lone surrogates) before it is parsed, once, so no later recursion is unbounded.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { GatewayError } from '../errors.js';

export type RawRequest = Request & { rawBody?: Buffer };

export interface BodyBudget {
  /** reserve `bytes`; the release function, or undefined when the budget cannot cover them now */
  tryReserve(bytes: number): (() => void) | undefined;
  inUse(): number;
  readonly total: number;
}

export function createBodyBudget(total: number): BodyBudget {
  let used = 0;
  return {
    total,
    inUse: () => used,
    tryReserve(bytes) {
      if (used + bytes > total) return undefined;
      used += bytes;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        used -= bytes;
      };
    },
  };
}

export const JSON_TYPES = ['application/json', 'application/*+json'];

/** several middlewares as one (a router of its own, mounted where it is used) */
export function chain(...handlers: RequestHandler[]): RequestHandler {
  return Router().use(...handlers);
}

/** RFC 9112: a request has a body when it declares a length or a transfer coding */
export function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

/** 415 unless the request has no body or one of `types` (and, for JSON, UTF-8 or no charset) */
export function acceptMedia(types: string[], expected: string, code: 'MEDIA_TYPE_UNSUPPORTED' | 'DOCUMENT_NOT_PDF' = 'MEDIA_TYPE_UNSUPPORTED'): RequestHandler {
  return (req, _res, next) => {
    if (!hasBody(req)) return next();
    const given = req.headers['content-type'];
    if (!given || !req.is(types)) {
      throw new GatewayError(code, `请求体须为 ${expected}，收到的是 ${given ? String(given).slice(0, 100) : '（未声明类型）'}`);
    }
    if (types === JSON_TYPES) {
      const charset = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(given)?.[1]?.toLowerCase();
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
        throw new GatewayError('MEDIA_TYPE_UNSUPPORTED', `请求体须为 UTF-8 编码的 ${expected}，收到 charset=${charset.slice(0, 40)}`);
      }
    }
    next();
  };
}

export interface ReadOptions {
  limit: number;
  /** set for requests not yet authenticated: what they read is held against it */
  budget?: BodyBudget;
  /** how many bytes of memory one byte of body may become before the request is authenticated (default 1) */
  factor?: number;
}

/** how long, and how much, a refused body is still read and thrown away, so the client gets to read its answer */
const LINGER_MS = 300;
const LINGER_BYTES = 256 * 1024;

/**
 * A request refused before its body was read: the answer goes out with Connection: close, then what is
 * still coming is read and dropped for a moment (a client busy writing would otherwise get a reset
 * instead of the answer), never more than LINGER_BYTES, and the connection is closed.
 */
export function closeAfterRefusal(req: Request, res: Response): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
  res.once('finish', () => {
    let drained = 0;
    const socket = req.socket;
    const stop = setTimeout(() => socket.destroy(), LINGER_MS);
    stop.unref();
    req.removeAllListeners('data');
    req.on('data', (c: Buffer) => {
      drained += c.length;
      if (drained > LINGER_BYTES) socket.destroy();
    });
    req.on('end', () => { clearTimeout(stop); socket.destroy(); });
    req.resume();
  });
}

/** the declared length is checked against the limit and the budget before anything is read */
export function reserveBody({ limit, budget, factor = 1 }: ReadOptions): RequestHandler {
  return (req, res, next) => {
    if (!hasBody(req)) return next();
    const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
    if (declared !== undefined && declared > limit) {
      closeAfterRefusal(req, res);
      throw new GatewayError('PAYLOAD_TOO_LARGE', `请求体 ${declared} 字节，超过此接口的上限 ${limit} 字节`);
    }
    if (budget) {
      const release = budget.tryReserve(Math.ceil((declared ?? limit) * factor));
      if (!release) {
        closeAfterRefusal(req, res);
        throw new GatewayError('SERVER_BUSY', '服务繁忙（待处理的请求内容过多），请稍后重试', undefined, { retryAfterS: 1 });
      }
      res.once('close', release);
    }
    next();
  };
}

/**
 * The body as bytes in req.body and req.rawBody. A body that grows past the limit (one sent chunked, with
 * no length declared) is refused the moment it does, not once it has all arrived; a content-encoded
 * (compressed) body is refused.
 */
export function readRaw(opts: ReadOptions): RequestHandler {
  const read: RequestHandler = (req: RawRequest, res, next) => {
    if (!hasBody(req)) {
      req.body = undefined;
      return next();
    }
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      closeAfterRefusal(req, res);
      throw new GatewayError('MEDIA_TYPE_UNSUPPORTED', '不接受压缩或编码过的请求体（Content-Encoding）');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (err?: GatewayError): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData).off('end', onEnd).off('aborted', onAbort).off('error', onAbort);
      if (err) return next(err);
      const body = Buffer.concat(chunks, size);
      req.body = body;
      req.rawBody = body;
      next();
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > opts.limit) {
        chunks.length = 0;
        closeAfterRefusal(req, res);
        settle(new GatewayError('PAYLOAD_TOO_LARGE', `请求体超过此接口的上限 ${opts.limit} 字节`));
        return;
      }
      chunks.push(c);
    };
    const onEnd = (): void => settle();
    const onAbort = (): void => settle(new GatewayError('VALIDATION_FAILED', '请求体未传完（连接中断）'));
    req.on('data', onData).on('end', onEnd).on('aborted', onAbort).on('error', onAbort);
  };
  return chain(reserveBody(opts), read);
}

export interface JsonBounds {
  maxDepth: number;
  /** object members and array elements, all levels together */
  maxMembers: number;
}

export const DEFAULT_JSON_BOUNDS: JsonBounds = { maxDepth: 32, maxMembers: 20_000 };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** req.rawBody (UTF-8 JSON) → req.body, within `bounds`; no body stays undefined */
export function parseJson(bounds: JsonBounds = DEFAULT_JSON_BOUNDS): RequestHandler {
  return (req: RawRequest, _res, next) => {
    if (!req.rawBody || req.rawBody.length === 0) {
      req.body = undefined;
      return next();
    }
    req.body = parseBoundedJson(req.rawBody, bounds);
    next();
  };
}

export function parseBoundedJson(raw: Buffer, bounds: JsonBounds = DEFAULT_JSON_BOUNDS): unknown {
  const problem = scanJson(raw, bounds);
  if (problem) throw new GatewayError(problem.code, problem.message);
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new GatewayError('MALFORMED_JSON', '请求体不是合法的 UTF-8 文本');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new GatewayError('MALFORMED_JSON', `请求体不是合法的 JSON：${(e as Error).message.slice(0, 200)}`);
  }
}

/** the media type, limits and one bounded parse of a JSON body */
export function jsonBody(opts: ReadOptions & { bounds?: JsonBounds }): RequestHandler {
  return chain(acceptMedia(JSON_TYPES, 'application/json'), readRaw(opts), parseJson(opts.bounds));
}

const hex = (b: number): number => (b >= 0x30 && b <= 0x39 ? b - 0x30 : (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 ? (b | 0x20) - 0x57 : -1);

/**
 * One linear pass over the bytes, outside strings counting nesting and members, inside strings checking
 * \u escapes for lone surrogates. It does not validate the grammar (JSON.parse does, after it); it only
 * makes sure nothing that follows can be made to recurse deeply or allocate per member without end.
 */
export function scanJson(raw: Uint8Array, bounds: JsonBounds): { code: 'VALIDATION_FAILED' | 'MALFORMED_JSON'; message: string } | undefined {
  let depth = 0;
  let members = 0;
  let inString = false;
  let highSurrogatePending = false;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!;
    if (inString) {
      if (b === 0x22) {
        if (highSurrogatePending) return lone();
        inString = false;
      } else if (b === 0x5c) {
        const next = raw[i + 1];
        if (next === 0x75) {
          let unit = 0;
          for (let k = 2; k < 6; k++) {
            const v = hex(raw[i + k] ?? 0);
            if (v < 0) return { code: 'MALFORMED_JSON', message: '请求体不是合法的 JSON：\\u 转义不完整' };
            unit = unit * 16 + v;
          }
          const high = unit >= 0xd800 && unit <= 0xdbff;
          const low = unit >= 0xdc00 && unit <= 0xdfff;
          if (highSurrogatePending ? !low : low) return lone();
          highSurrogatePending = high;
          i += 5;
          continue;
        }
        if (highSurrogatePending) return lone();
        i += 1;
      } else if (highSurrogatePending) {
        return lone();
      }
      continue;
    }
    if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      depth += 1;
      if (depth > bounds.maxDepth) return { code: 'VALIDATION_FAILED', message: `JSON 嵌套超过 ${bounds.maxDepth} 层` };
    } else if (b === 0x7d || b === 0x5d) depth -= 1;
    else if (b === 0x2c || b === 0x3a) {
      members += 1;
      if (members > bounds.maxMembers) return { code: 'VALIDATION_FAILED', message: `JSON 成员超过 ${bounds.maxMembers} 个` };
    }
  }
  return undefined;
}

function lone() {
  return { code: 'VALIDATION_FAILED' as const, message: '请求体的字符串含有不成对的 UTF-16 代理项' };
}

/** the one file of a multipart/form-data body (field `file`) in req.file; broken multipart is a 400 */
export function multipartFile(opts: ReadOptions & { fields: number }): RequestHandler {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: opts.limit, files: 1, fields: opts.fields, fieldSize: 4096, parts: opts.fields + 1, headerPairs: 50 } }).single('file');
  const parse: RequestHandler = (req, res, next) => {
    upload(req, res, (err?: unknown) => {
      // eslint-disable-next-line no-control-regex
      if (!err && req.file && /[\u0000-\u001f\u007f]/.test(req.file.originalname)) {
        return next(new GatewayError('MULTIPART_MALFORMED', '上传文件的文件名含有控制字符（如回车、换行或 NUL）', [{ field: 'file', message: 'filename' }]));
      }
      if (!err) return next();
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') {
          closeAfterRefusal(req, res);
          return next(new GatewayError('PAYLOAD_TOO_LARGE', `上传文件超过 ${opts.limit} 字节的上限`));
        }
        return next(new GatewayError('MULTIPART_MALFORMED', `上传表单不符合要求：${err.message}`, [{ field: err.field ?? '/', message: err.code }]));
      }
      if (err instanceof GatewayError) return next(err);
      // busboy: no boundary, a body cut off, a malformed part header …
      next(new GatewayError('MULTIPART_MALFORMED', `上传表单格式不正确：${String((err as Error)?.message ?? err).slice(0, 200)}`));
    });
  };
  // multer reads the whole declared body: the length and the budget are checked before it starts
  return chain(acceptMedia(['multipart/form-data'], 'multipart/form-data'), reserveBody({ ...opts, limit: opts.limit + 64 * 1024 }), parse);
}

/** a file name from a multipart part: busboy gives it as latin1, browsers send UTF-8 */
export function fileNameOf(original: string): string {
  return Buffer.from(original, 'latin1').toString('utf8').replace(/\ufffd/g, '').slice(0, 200) || 'file';
}
