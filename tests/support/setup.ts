// Tests may talk only to this machine: a fetch to any other host fails loudly instead of leaking out.
const realFetch = globalThis.fetch;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  if (!LOOPBACK.has(url.hostname)) throw new Error(`tests may only call loopback, not ${url.host}`);
  return realFetch(input, init);
}) as typeof fetch;
