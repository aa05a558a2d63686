// Session and registry on a real mediasoup worker, through the remote window's own port (recorded
// evidence, a fixed case): creation is serialised per id, and close() is idempotent and cascades.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MEDIASOUP_WORKER_BIN } from '../../support/world.js';
import { WorkerPool } from '../../../remote-window/src/server/workers.js';
import { SessionRegistry } from '../../../remote-window/src/server/registry.js';
import { JoinCodes } from '../../../remote-window/src/server/joinCodes.js';
import { ResumeTokens } from '../../../remote-window/src/server/tickets.js';
import { Session } from '../../../remote-window/src/server/session.js';
import { createTransport } from '../../../remote-window/src/server/media.js';
import type { EvidenceEvent, RemoteWindowDeps, RemoteWindowSettings } from '../../../remote-window/src/server/ports.js';

const logger = pino({ level: 'silent' });
const evidence: EvidenceEvent[] = [];
const deps: RemoteWindowDeps = {
  loadCase: async () => ({ ok: false, code: 'CASE_NOT_FOUND', detail: 'none' }),
  attachCapture: async () => { throw new Error('not in this test'); },
  recordEvidence: (e) => { evidence.push(e); },
  now: () => new Date(),
  logger,
};
const settings: RemoteWindowSettings = {
  workers: 1, workerBin: MEDIASOUP_WORKER_BIN, listenIp: '127.0.0.1', rtcMinPort: 40000, rtcMaxPort: 49999, emptyTimeoutMs: 60_000,
  reconnectGraceMs: 30_000, joinTtlMs: 60_000, waitingTimeoutMs: 60_000, ticketTtlMs: 60_000, heartbeatMs: 10_000, publicUrl: 'http://127.0.0.1', wsPath: '/rw/ws',
};

let pool: WorkerPool;
let registry: SessionRegistry;
const codes = new JoinCodes();
const resumeTokens = new ResumeTokens();
beforeAll(async () => {
  pool = await WorkerPool.start({ count: 1, rtcMinPort: 40000, rtcMaxPort: 49999, workerBin: MEDIASOUP_WORKER_BIN, logger });
  registry = new SessionRegistry(pool, codes, logger);
});
afterAll(async () => { await pool?.close(); });

const owner = { username: 'zhuji01', name: '王芳', region: '330681' };
const make = (id: string) => () => Session.create({ id, caseRef: undefined, owner, code: codes.allocate(id), joinToken: `token-${id}`, pool, settings, deps, resumeTokens });

describe('SessionRegistry.getOrCreate', () => {
  test('two requests for one id at the same time create one session (and one router)', async () => {
    let factoryCalls = 0;
    const counted = () => { factoryCalls++; return make('s-1')(); };
    const [a, b] = await Promise.all([registry.getOrCreate('s-1', counted), registry.getOrCreate('s-1', counted)]);
    expect(a).toBe(b);
    expect(factoryCalls).toBe(1);
    expect(await registry.getOrCreate('s-1', counted)).toBe(a);
    expect(pool.loads()).toEqual([1]);
    a.close();
    expect(registry.get('s-1')).toBeUndefined();
    expect(pool.loads()).toEqual([0]);
  });
});

describe('Session.close()', () => {
  test('closes participants, transports and the router once, however often it is called', async () => {
    const s = await registry.getOrCreate('s-2', make('s-2'));
    const p = s.addParticipant({ sessionId: 's-2', role: 'clerk', displayName: '王芳', username: 'zhuji01', region: '330681' });
    const sent: string[] = [];
    const closes: number[] = [];
    s.attach(p, { send: (f) => sent.push(f), close: (code) => closes.push(code) });
    p.entered = true;
    const t = await createTransport(s, p, 'recv');
    const transport = p.transports.get(t.id)!;
    let closeEvents = 0;
    s.events.on('close', () => closeEvents++);

    s.close('test');
    s.close('again');
    s.end('and again', 'system');

    expect(closeEvents).toBe(1);
    expect(transport.closed).toBe(true);
    expect(s.router.closed).toBe(true);
    expect(closes).toEqual([4000]);
    expect(sent.map((f) => JSON.parse(f).event)).toEqual(['sessionEnded']);
    expect(s.participants.size).toBe(0);
    expect(registry.get('s-2')).toBeUndefined();
    expect(registry.endedReason('s-2')).toBe('test');
    expect(codes.sessionOf(s.code)).toBeUndefined();
    expect(evidence.filter((e) => e.sessionId === 's-2' && e.type === 'session.ended')).toHaveLength(0); // close() is not end()
  });
});
