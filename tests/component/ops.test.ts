import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { startWorld, type World } from '../support/world.js';
import { call } from '../support/client.js';
import { createLogger } from '../../gateway/src/log.js';

let world: World;
beforeAll(async () => { world = await startWorld({ background: false }); });
afterAll(async () => { await world?.close(); });

describe('operations endpoints', () => {
  test('GET /healthz and /readyz answer, /metrics speaks Prometheus, /openapi.yaml is the contract', async () => {
    expect((await call(world.url, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await call(world.url, 'GET', '/readyz')).body).toMatchObject({ status: 'ready' });
    const metrics = await call(world.url, 'GET', '/metrics');
    expect(metrics.contentType).toContain('text/plain');
    expect(metrics.body).toContain('kytb_stored_cases');
    expect(metrics.body).toContain('kytb_http_request_duration_seconds');
    const contract = await call(world.url, 'GET', '/openapi.yaml');
    expect(contract.contentType).toContain('yaml');
    expect(parse(contract.body).openapi).toBe('3.1.0');
  });

  test('an unknown path is a problem+json 404', async () => {
    const r = await call(world.url, 'GET', '/api/nothing-here');
    expect([r.status, r.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(r.contentType).toContain('application/problem+json');
  });
});

describe('logging', () => {
  test('ID and phone numbers are masked by the serializer, in fields and in messages', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
    const log = createLogger({ level: 'info', destination: sink });
    log.info({ applicant: { idNumber: '330681199003071233', phone: '13812345678' }, creditCode: '91330100799655058B' }, 'case for 330681199003071233 / 13812345678');
    const out = lines.join('');
    expect(out).not.toContain('330681199003071233');
    expect(out).not.toContain('13812345678');
    expect(out).toContain('3306**********1233');
    expect(out).toContain('138****5678');
    expect(out).toContain('91330100799655058B');
  });
});
