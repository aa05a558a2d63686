// Requests a well-behaved client would not send, over node:http: a declared length that never arrives,
// bodies cut off, exact bytes. The answer is read as soon as the server gives it.
import http from 'node:http';

export interface RawReply { status: number; headers: http.IncomingHttpHeaders; body: any; text: string }

export interface RawOptions {
  method?: string;
  headers?: Record<string, string | number>;
  /** written as is; with `declaredLength` larger than it, the rest never comes */
  body?: Buffer | string;
  declaredLength?: number;
  /** end the request after the body (default true unless declaredLength says more is coming) */
  end?: boolean;
}

export function rawRequest(base: string, path: string, opts: RawOptions = {}): Promise<RawReply> {
  const url = new URL(path, base);
  const body = opts.body === undefined ? undefined : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body);
  const headers: Record<string, string | number> = { ...(opts.headers ?? {}) };
  if (opts.declaredLength !== undefined) headers['content-length'] = opts.declaredLength;
  else if (body) headers['content-length'] = body.length;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: opts.method ?? 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try { parsed = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
        req.destroy();
      });
    });
    req.on('error', reject);
    if (body) req.write(body);
    const more = opts.declaredLength !== undefined && opts.declaredLength > (body?.length ?? 0);
    if (opts.end ?? !more) req.end();
  });
}

/** a multipart/form-data body written by hand, so its part headers can be anything */
export function multipartBody(boundary: string, parts: Array<{ headers: string; content: Buffer | string }>, close = true): Buffer {
  const out: Buffer[] = [];
  for (const p of parts) {
    out.push(Buffer.from(`--${boundary}\r\n${p.headers}\r\n\r\n`, 'latin1'), Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content), Buffer.from('\r\n'));
  }
  if (close) out.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(out);
}
