// Deployment: with TLS_CERT_FILE and TLS_KEY_FILE the gateway itself serves HTTPS and the remote window's
// signalling over wss (browsers give a page the camera only in a secure context); TRUST_PROXY says whose
// X-Forwarded-For is believed, which is what per-client limits such as join-code guessing are keyed by.
import { mkdtemp, rm } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../gateway/src/config.js';
import { PARTNERS } from '../../partners/index.js';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { selfSignedCert } from '../support/tls.js';

let dir: string;
let ca: Buffer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kytb-tls-'));
  ca = (await selfSignedCert(dir, 'IP:127.0.0.1')).cert;
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https.get(url, { ca }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('the gateway over TLS', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ remoteWindow: true, background: false, env: { TLS_CERT_FILE: path.join(dir, 'cert.pem'), TLS_KEY_FILE: path.join(dir, 'key.pem') } });
  });
  afterAll(async () => { await world?.close(); });

  test('pages and the API answer over HTTPS, checked against the operator\'s certificate; plain HTTP gets no answer', async () => {
    const url = world.gateway.url;
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await get(`${url}/healthz`)).toMatchObject({ status: 200 });
    const page = await get(`${url}/rw/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('远程帮办');
    await expect(fetch(`${url.replace('https:', 'http:')}/healthz`)).rejects.toThrow();
  });

  test('the signalling socket is wss: its upgrade without a ticket is refused with 401, over TLS', async () => {
    const ws = new WebSocket(`${world.gateway.url.replace('https:', 'wss:')}/rw/ws`, { ca });
    const status = await new Promise<number>((resolve, reject) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('opened without a ticket')));
      ws.on('error', reject);
    });
    expect(status).toBe(401);
  });
});

describe('settings', () => {
  const base = { NODE_ENV: 'test' };
  test('a certificate without its key (or the other way round) stops the start with the setting to fix', () => {
    expect(() => loadConfig({ ...base, TLS_CERT_FILE: '/x/cert.pem' }, PARTNERS)).toThrow(/TLS_KEY_FILE/);
    expect(() => loadConfig({ ...base, TLS_KEY_FILE: '/x/key.pem' }, PARTNERS)).toThrow(/TLS_CERT_FILE/);
    expect(loadConfig(base, PARTNERS).tls).toBeUndefined();
  });

  test('TRUST_PROXY=false: X-Forwarded-For is not believed, so one client cannot pose as many to guess codes', async () => {
    const world = await startWorld({ remoteWindow: true, background: false, env: { TRUST_PROXY: 'false' } });
    try {
      const token = await login(world.url);
      const s = (await call(world.url, 'POST', '/api/sessions', { token, json: {} })).body;
      const wrong = String((Number(s.code) + 500_000) % 1_000_000).padStart(6, '0');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        // a new made-up address each time: with the default (loopback trusted) each would get its own 5 tries
        const r = await call(world.url, 'POST', '/api/rw/join', { json: { code: wrong, displayName: '张三' }, headers: { 'X-Forwarded-For': `198.51.100.${i + 1}` } });
        statuses.push(r.status);
      }
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    } finally {
      await world.close();
    }
  });
});
