// A 承诺办结时间 counted into a year whose official holiday list the calendar lacks (weekends only) is
// flagged wherever a clerk sees it, never shown as certain.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { submittedCase } from '../support/flows.js';

// the gateway's clock: 2026-12-30 10:00 in Shanghai, running on from there
const offset = Date.parse('2026-12-30T10:00:00+08:00') - Date.now();
let world: World;
let token: string;

beforeAll(async () => {
  world = await startWorld({ now: () => new Date(Date.now() + offset) });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

describe('a deadline counted into 2027, which the shipped calendar does not know', () => {
  test('the case and the queue say it is provisional, naming 2027; the timeline keeps it with the submission', async () => {
    const { caseId, caseNo } = await submittedCase(world.url, token, '310104');
    const c = (await call(world.url, 'GET', `/api/cases/${caseId}`, { token })).body;
    expect(c.promisedAt.slice(0, 4)).toBe('2027');
    expect(c.deadlineProvisionalYears).toEqual([2027]);
    const listed = (await call(world.url, 'GET', `/api/cases?caseNo=${caseNo}`, { token })).body.items;
    expect(listed.find((x: { id: string }) => x.id === caseId).deadlineProvisionalYears).toEqual([2027]);
    const submitted = (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events.find((e: { type: string }) => e.type === 'case.submitted');
    expect(submitted.data.promisedAtProvisional).toEqual([2027]);
  });
});
