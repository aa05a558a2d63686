// Request bodies, read per route with the limit its contract needs, after whatever authentication can be
// done without them. Before any byte is read: the media type (415) and the declared length (413). What
// unauthenticated requests read counts against one shared budget (503 SERVER_BUSY with Retry-After when
// it is spent), so together they cannot make the gateway hold more than that. JSON is scanned on its raw
// bytes (depth, members, lone surrogates) before it is parsed, once, so no later recursion is unbounded.
import type { Socket } from 'node:net';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import onHeaders from 'on-headers';
import multer from 'multer';
import { GatewayError } from '../errors.js';

export type RawRequest = Request & { rawBody?: Buffer; /** the JSON bounds it was inspected against while it was read */ rawBodyScanned?: JsonBounds };

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

export interface RawReadOptions extends ReadOptions {
  /** looks at the body as it arrives; its first problem refuses the request without reading further */
  inspect?: () => BodyInspector;
  /** the bounds a JSON inspector checks (parseJson then does not scan again) */
  json?: JsonBounds;
}

/** after the answer, how long and how much of what a client is still sending is read and dropped */
const LINGER_MS = 300;
const LINGER_BYTES = 64 * 1024;

const closing = new WeakSet<Request>();
const dropping = new WeakSet<Request>();

/**
 * A request refused before its body was read: from that moment on not one more byte of it is read (TCP's
 * flow control holds back what the client is still writing), and the answer goes out with
 * Connection: close. Once it is written the connection closes by lingering: our side is ended (FIN), what
 * the client still sends is read and dropped for at most LINGER_MS and LINGER_BYTES, then it is destroyed.
 * (Node's own close after a Connection: close answer destroys the socket at once; with the client's bytes
 * unread that is a reset, which can discard the answer before the client has read it.)
 */
export function closeAfterRefusal(req: Request, res: Response): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
  req.removeAllListeners('data');
  req.pause();
  if (closing.has(req)) return;
  closing.add(req);
  // 'prefinish': before Node's own handler of 'finish' would start reading the rest unbounded
  res.once('prefinish', () => dropForAMoment(req));
  // what Node's HTTP server calls to close the connection after the last answer: end our side only
  const socket = req.socket as Socket & { destroySoon?: () => void };
  socket.destroySoon = () => socket.end();
}

/**
 * Node reads to its end whatever body a handler left unread (a route that takes none), however long,
 * before it reads the next request on the connection. An answer that goes out with its request's body not
 * read to the end is instead the connection's last (Connection: close, so the client does not send another
 * on it), and the rest of the body is read and dropped as after a refusal.
 */
export const unreadBodyCloses: RequestHandler = (req, res, next) => {
  if (hasBody(req)) onHeaders(res, () => { if (!req.complete) closeAfterRefusal(req, res); });
  next();
};

function dropForAMoment(req: Request): void {
  if (dropping.has(req)) return;
  dropping.add(req);
  const socket = req.socket;
  let dropped = 0;
  const stop = setTimeout(() => socket.destroy(), LINGER_MS);
  stop.unref();
  socket.once('close', () => clearTimeout(stop));
  req.removeAllListeners('data');
  req.on('data', (c: Buffer) => {
    dropped += c.length;
    if (dropped > LINGER_BYTES) socket.destroy();
  });
  req.once('end', () => socket.destroy());
  req.resume();
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
export function readRaw(opts: RawReadOptions): RequestHandler {
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
    const inspector = opts.inspect?.();
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
      req.rawBodyScanned = opts.json;
      next();
    };
    const refuse = (err: GatewayError): void => {
      chunks.length = 0;
      closeAfterRefusal(req, res);
      settle(err);
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > opts.limit) return refuse(new GatewayError('PAYLOAD_TOO_LARGE', `请求体超过此接口的上限 ${opts.limit} 字节`));
      const problem = inspector?.feed(c);
      if (problem) return refuse(new GatewayError(problem.code, problem.message));
      chunks.push(c);
    };
    const onEnd = (): void => {
      const problem = inspector?.end();
      settle(problem ? new GatewayError(problem.code, problem.message) : undefined);
    };
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
    req.body = parseBoundedJson(req.rawBody, bounds, req.rawBodyScanned === bounds);
    next();
  };
}

/** `scanned`: the bytes were already inspected against `bounds` as they were read */
export function parseBoundedJson(raw: Buffer, bounds: JsonBounds = DEFAULT_JSON_BOUNDS, scanned = false): unknown {
  const problem = scanned ? undefined : scanJson(raw, bounds);
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

export const FORM_TYPES = ['application/x-www-form-urlencoded'];
/** more fields than any form a partner's contract defines: a body with more is refused, not parsed */
const MAX_FORM_FIELDS = 200;

/**
 * req.rawBody (application/x-www-form-urlencoded, UTF-8) → req.body as a record of strings. A field sent
 * twice, more than MAX_FORM_FIELDS fields, or bytes that are not UTF-8 are refused: a signed form is
 * verified over the fields as parsed, so nothing about them may be ambiguous.
 */
export function parseForm(): RequestHandler {
  return (req: RawRequest, _res, next) => {
    let text: string;
    try {
      text = utf8.decode(req.rawBody ?? Buffer.alloc(0));
    } catch {
      throw new GatewayError('VALIDATION_FAILED', '表单请求体不是合法的 UTF-8 文本');
    }
    const fields: Record<string, string> = {};
    let count = 0;
    for (const [k, v] of new URLSearchParams(text)) {
      count += 1;
      if (count > MAX_FORM_FIELDS) throw new GatewayError('VALIDATION_FAILED', `表单字段超过 ${MAX_FORM_FIELDS} 个`);
      if (Object.hasOwn(fields, k)) throw new GatewayError('VALIDATION_FAILED', `表单字段 ${k.slice(0, 64)} 重复`, [{ field: k.slice(0, 64), message: 'sent twice' }]);
      fields[k] = v;
    }
    req.body = fields;
    next();
  };
}

/** the media type, limits and one bounded parse of a JSON body */
export function jsonBody(opts: ReadOptions & { bounds?: JsonBounds }): RequestHandler {
  return chain(acceptMedia(JSON_TYPES, 'application/json'), readJson(opts), parseJson(opts.bounds));
}

/** the raw bytes of a JSON body, inspected against `bounds` as they arrive */
export function readJson(opts: ReadOptions & { bounds?: JsonBounds }): RequestHandler {
  const json = opts.bounds ?? DEFAULT_JSON_BOUNDS;
  return readRaw({ ...opts, json, inspect: () => jsonInspector(json) });
}

const hex = (b: number): number => (b >= 0x30 && b <= 0x39 ? b - 0x30 : (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 ? (b | 0x20) - 0x57 : -1);

export interface BodyProblem { code: 'VALIDATION_FAILED' | 'MALFORMED_JSON' | 'DOCUMENT_NOT_PDF'; message: string }

/** looks at a body chunk by chunk as it arrives: the first problem found stops the read */
export interface BodyInspector {
  feed(chunk: Uint8Array): BodyProblem | undefined;
  end(): BodyProblem | undefined;
}

/** what each byte may be outside a JSON text's strings: whitespace, structure, a byte of a number or of true/false/null, or nothing (0) */
const SPACE = 1;
const STRUCTURE = 2;
const TOKEN = 3;
const JSON_OUTSIDE = new Uint8Array(256);
for (const c of ' \t\n\r') JSON_OUTSIDE[c.charCodeAt(0)] = SPACE;
for (const c of '{}[],:"') JSON_OUTSIDE[c.charCodeAt(0)] = STRUCTURE;
for (const c of '0123456789-+.eEtruefalsn') JSON_OUTSIDE[c.charCodeAt(0)] = TOKEN;
/** no number a contract carries, nor true/false/null, is longer (JSON.parse would take a megabyte of digits) */
const MAX_TOKEN_BYTES = 64;

/** the index of `byte` in `buf` from `from`, or buf.length */
function indexIn(buf: Buffer, byte: number, from: number): number {
  const at = buf.indexOf(byte, from);
  return at < 0 ? buf.length : at;
}

const lone = (): BodyProblem => ({ code: 'VALIDATION_FAILED', message: '请求体的字符串含有不成对的 UTF-16 代理项' });
const malformed = (why: string): BodyProblem => ({ code: 'MALFORMED_JSON', message: `请求体不是合法的 JSON：${why}` });

/**
 * One linear pass over the bytes, fed as they arrive: outside strings it counts nesting and members and
 * refuses bytes no JSON text has there (and anything after the top-level value closes); inside strings it
 * checks \u escapes for lone surrogates. It does not validate the whole grammar (JSON.parse does, after
 * it); it makes sure nothing that follows can be made to recurse deeply or allocate per member without
 * end, and that a body which is plainly not JSON, too deep or too wide stops being read at that byte.
 */
export function jsonInspector(bounds: JsonBounds): BodyInspector {
  let depth = 0;
  let members = 0;
  let inString = false;
  /** 0: none; 1: after a backslash; 2-5: the \u escape's hex digits read so far + 2 */
  let escape = 0;
  let unit = 0;
  let highSurrogatePending = false;
  let closed = false;
  /** bytes of the number or literal being read (outside strings, between structure and whitespace) */
  let token = 0;
  let problem: BodyProblem | undefined;
  const feed = (raw: Uint8Array): BodyProblem | undefined => {
    if (problem) return problem;
    const buf = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    // where the chunk's next quote and backslash are, found natively and kept while still ahead
    let nextQuote = -1;
    let nextSlash = -1;
    for (let i = 0; i < buf.length; i++) {
      const b = buf[i]!;
      if (inString) {
        if (escape === 1) {
          if (b === 0x75) {
            escape = 2;
            unit = 0;
            continue;
          }
          if (highSurrogatePending) return (problem = lone());
          escape = 0;
        } else if (escape > 1) {
          const v = hex(b);
          if (v < 0) return (problem = malformed('\\u 转义不完整'));
          unit = unit * 16 + v;
          if (++escape < 6) continue;
          escape = 0;
          const high = unit >= 0xd800 && unit <= 0xdbff;
          const low = unit >= 0xdc00 && unit <= 0xdfff;
          if (highSurrogatePending ? !low : low) return (problem = lone());
          highSurrogatePending = high;
        } else if (b === 0x22) {
          if (highSurrogatePending) return (problem = lone());
          inString = false;
        } else if (b === 0x5c) {
          escape = 1;
        } else if (highSurrogatePending) {
          return (problem = lone());
        } else {
          // an ordinary byte of a string: on to its next quote or backslash
          if (nextQuote < i) nextQuote = indexIn(buf, 0x22, i);
          if (nextSlash < i) nextSlash = indexIn(buf, 0x5c, i);
          i = Math.min(nextQuote, nextSlash) - 1;
        }
        continue;
      }
      const kind = JSON_OUTSIDE[b];
      if (kind === 0) return (problem = malformed(`字符串之外出现了字节 0x${b.toString(16).padStart(2, '0')}`));
      if (kind === TOKEN) {
        if (closed) return (problem = malformed('顶层的值结束之后还有内容'));
        if (++token > MAX_TOKEN_BYTES) return (problem = malformed(`数值或字面量超过 ${MAX_TOKEN_BYTES} 个字符`));
        continue;
      }
      token = 0;
      if (kind === SPACE) continue;
      if (closed) return (problem = malformed('顶层的值结束之后还有内容'));
      if (b === 0x22) inString = true;
      else if (b === 0x7b || b === 0x5b) {
        depth += 1;
        if (depth > bounds.maxDepth) return (problem = { code: 'VALIDATION_FAILED', message: `JSON 嵌套超过 ${bounds.maxDepth} 层` });
      } else if (b === 0x7d || b === 0x5d) {
        depth -= 1;
        if (depth < 0) return (problem = malformed('括号不成对'));
        if (depth === 0) closed = true;
      } else if (b === 0x2c || b === 0x3a) {
        members += 1;
        if (members > bounds.maxMembers) return (problem = { code: 'VALIDATION_FAILED', message: `JSON 成员超过 ${bounds.maxMembers} 个` });
      }
    }
    return undefined;
  };
  return {
    feed,
    end: () => problem ?? (escape > 1 ? malformed('\\u 转义不完整') : undefined),
  };
}

/** the whole of `raw` through a jsonInspector */
export function scanJson(raw: Uint8Array, bounds: JsonBounds): BodyProblem | undefined {
  const inspector = jsonInspector(bounds);
  return inspector.feed(raw) ?? inspector.end();
}

/** how far into a file a PDF header may start (what verifyDocument looks at) */
const PDF_HEADER_WITHIN = 1024;

/** a body that has not shown `%PDF-` within its first 1,024 bytes is not read any further */
export function pdfInspector(): BodyInspector {
  let head = Buffer.alloc(0);
  let seen = false;
  const check = (final: boolean): BodyProblem | undefined => {
    if (seen) return undefined;
    if (head.includes('%PDF-', 0, 'latin1')) {
      seen = true;
      head = Buffer.alloc(0);
      return undefined;
    }
    if (final || head.length >= PDF_HEADER_WITHIN) return { code: 'DOCUMENT_NOT_PDF', message: '上传的文件不是 PDF（文件开头没有 %PDF-）' };
    return undefined;
  };
  return {
    feed(chunk) {
      if (seen) return undefined;
      head = Buffer.concat([head, chunk.subarray(0, PDF_HEADER_WITHIN - head.length)]);
      return check(false);
    },
    // an empty body is the route's to refuse, with its own message
    end: () => (head.length === 0 ? undefined : check(true)),
  };
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
