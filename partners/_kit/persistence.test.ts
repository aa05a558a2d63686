// Issue 11: with a data directory, a simulated partner keeps what it received and decided in
// <dataDir>/<region>.json, and a restarted simulator still knows it: the case and its decision, and the
// original answer to a repeated delivery (exactly once). Without one, nothing is written.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { HandoffRequest, PartnerContext, PartnerModule } from '../../gateway/src/ports/partner.js';
import { PARTNERS, startSimulator } from '../index.js';
import * as xuhui from '../310104-xuhui/test-kit.js';
import * as hanzhong from '../610700-hanzhong/testing.js';
import * as ningxia from '../640000-ningxia/test-support.js';

interface SimState {
  cases: { ref: string; caseNo: string; idempotencyKey: string; status: string }[];
  idempotencyHits: Record<string, number>;
}

const control = axios.create({ proxy: false, validateStatus: () => true });
const stateOf = async (url: string): Promise<SimState> => (await control.get<SimState>(`${url}/__sim/state`)).data;
const moduleOf = (region: string): PartnerModule => PARTNERS.find((m) => m.region === region)!;

const plainContext = (): PartnerContext => ({ http: axios.create({ timeout: 2000, proxy: false }), now: () => new Date(), record: () => undefined });

const partners: Array<{ region: string; settings: Record<string, string>; handoff(): HandoffRequest; ctx(): PartnerContext; accepted: string }> = [
  { region: '310104', settings: { ...xuhui.SETTINGS }, handoff: () => xuhui.handoff(), ctx: () => xuhui.context(), accepted: 'ACCEPTED' },
  {
    region: '610700', settings: { ...hanzhong.DEV_SETTINGS, URL: 'http://127.0.0.1:0' },
    handoff: () => hanzhong.handoff({ key: 'persist-job-1' }), ctx: () => hanzhong.context().ctx, accepted: '2',
  },
  { region: '640000', settings: { ...ningxia.TEST_SETTINGS }, handoff: () => ningxia.handoffOf(), ctx: plainContext, accepted: '02' },
];

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'kytb-sim-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

describe.each(partners)('simulated partner $region with a data directory', ({ region, settings, handoff, ctx, accepted }) => {
  test('keeps the case, its decision and its idempotency answers across a restart', async () => {
    const module = moduleOf(region);
    const request = handoff();

    const first = await startSimulator(module, { settings, dataDir: dir });
    const ack = await module.createAdapter({ ...settings, URL: first.url }).deliver(request, ctx());
    expect((await control.post(`${first.url}/__sim/cases/${ack.partnerRef}/decision`, { to: 'accepted' })).status).toBe(200);
    await first.close();
    expect(await readdir(dir)).toEqual([`${region}.json`]);
    expect(JSON.parse(await readFile(join(dir, `${region}.json`), 'utf8'))).toHaveProperty('ledger');

    const second = await startSimulator(module, { settings, dataDir: dir });
    try {
      const before = await stateOf(second.url);
      expect(before.cases).toEqual([expect.objectContaining({ ref: ack.partnerRef, caseNo: request.case.caseNo, status: accepted })]);

      // the same delivery again, to the restarted partner: answered as the first time, nothing new made
      const again = await module.createAdapter({ ...settings, URL: second.url }).deliver(request, ctx());
      expect(again.partnerRef).toBe(ack.partnerRef);
      const after = await stateOf(second.url);
      expect(after.cases).toHaveLength(1);
      expect(after.cases[0]?.status).toBe(accepted);
      const hits = Object.values(after.idempotencyHits);
      expect(hits.length).toBeGreaterThan(0);
      expect(Math.max(...hits)).toBeGreaterThanOrEqual(2);
    } finally {
      await second.close();
    }
  });
});

test('without a data directory a simulator writes nothing and starts empty', async () => {
  const module = moduleOf('640000');
  const sim = await startSimulator(module, { settings: { ...ningxia.TEST_SETTINGS } });
  await module.createAdapter({ ...ningxia.TEST_SETTINGS, URL: sim.url }).deliver(ningxia.handoffOf(), plainContext());
  await sim.close();
  const again = await startSimulator(module, { settings: { ...ningxia.TEST_SETTINGS } });
  try {
    expect((await stateOf(again.url)).cases).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  } finally {
    await again.close();
  }
});
