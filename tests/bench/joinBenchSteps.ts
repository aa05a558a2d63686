// Steps of the join bench (join.bench.ts), driven through the real pages like the browser tests.
import type { Browser, Page } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { newParticipant, rw, waitForVideoFrom, type Participant } from '../support/browser.js';
import { applicantJoins, clerkAdmits, waitState } from '../support/rwFlows.js';

export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const fmt = (xs: number[]) => `median ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

/** Baseline: from a page, open a bare ws to an echo server on loopback and get one echo back. */
export async function bareWsRoundTrips(page: Page, n: number): Promise<number[]> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));
  await new Promise((r) => wss.once('listening', r));
  const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`;
  const times = await page.evaluate(async ({ url, n }) => {
    const WebSocket = (globalThis as any).WebSocket; // the page's
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.onopen = () => ws.send('{"id":1,"method":"hello","data":{}}');
        ws.onmessage = () => { ws.close(); resolve(); };
        ws.onerror = () => reject(new Error('ws error'));
      });
      out.push(performance.now() - t0);
    }
    return out;
  }, { url, n });
  await new Promise((r) => wss.close(r));
  return times;
}

export interface JoinTiming { total: number; waitingRoom: number; withoutWaiting: number; http: number; wsHello: number; admittedToFrame: number; transports: number; consume: number; firstFrame: number }

/**
 * One applicant joins with the link on a PC and is admitted by the clerk at once; the applicant's
 * page marks joinClick (the click on 「进入远程帮办」), joinAnswered (joinSession answered), hello (ws
 * open and hello answered: in the waiting room), admitted, and the first decoded frame of the clerk's
 * camera. "Asks to join" = the click; the time spent waiting for the clerk's click on 准入 is taken out.
 */
export async function timedJoin(browser: Browser, clerk: Page, joinUrl: string, clerkId: string, name: string): Promise<{ timing: JoinTiming; applicant: Participant }> {
  const applicant = await newParticipant(browser);
  const id = await applicantJoins(applicant.page, joinUrl, name);
  await clerk.waitForSelector(`[data-waiting][data-participant="${id}"]`);
  await clerkAdmits(clerk, id);
  const key = `firstFrame:${clerkId}:camera`;
  await applicant.page.waitForFunction((k) => k in (globalThis as any).__rw.marks, key, { timeout: 20_000 });
  const m = await rw<Record<string, number>>(applicant.page, 'marks');
  const at = (k: string) => m[k] as number;
  const waitingRoom = at('admitted') - at('hello');
  if (process.env.BENCH_MARKS) {
    // BENCH_MARKS=1: every named moment of this join, in ms after the admission
    console.log(`marks of ${name}: ${Object.entries(m).sort((a, b) => a[1] - b[1]).map(([k, v]) => `${k} ${(v - at('admitted')).toFixed(0)}`).join(', ')}`);
  }
  const timing: JoinTiming = {
    total: at(key) - at('joinClick'),
    waitingRoom,
    withoutWaiting: at(key) - at('joinClick') - waitingRoom,
    http: at('joinAnswered') - at('joinClick'),
    wsHello: at('hello') - at('joinAnswered'),
    admittedToFrame: at(key) - at('admitted'),
    transports: at('transports') - at('admitted'),
    consume: at('consumer:video') - at('transports'),
    firstFrame: at(key) - at('consumer:video'),
  };
  return { timing, applicant };
}

export async function leave(p: Participant): Promise<void> {
  await p.page.click('.tool-danger');
  await p.page.click('dialog button[data-value=yes]');
  await p.page.waitForSelector('[data-screen=ended]');
  await p.context.close();
}

/** A viewer: an applicant with camera and microphone switched off at the device check. */
export async function viewer(browser: Browser, clerk: Page, joinUrl: string, clerkId: string, name: string): Promise<Participant> {
  const p = await newParticipant(browser);
  await p.page.goto(joinUrl);
  await p.page.uncheck('#camera-on');
  await p.page.uncheck('#mic-on');
  const id = await applicantJoinsKeepingToggles(p.page, name);
  await clerk.waitForSelector(`[data-waiting][data-participant="${id}"]`);
  await clerkAdmits(clerk, id);
  await waitState(p.page, 'admitted');
  try {
    await waitForVideoFrom(p.page, clerkId, 'camera', 30_000);
  } catch (err) {
    const out = await clerk.evaluate(() => (globalThis as any).__rw.outbound());
    console.error('viewer stalled; clerk sends', JSON.stringify(out), 'viewer events', JSON.stringify(await rw(p.page, 'events')), p.logs.slice(-10));
    throw err;
  }
  return p;
}

async function applicantJoinsKeepingToggles(page: Page, name: string): Promise<string> {
  await page.fill('#display-name', name);
  await page.click('#join-button');
  await page.waitForSelector('[data-screen=waiting]');
  return rw<string>(page, 'participantId');
}

/** The clerk's video as sent: packets, bytes and frames so far (window.__rw.outbound()). */
export async function sentVideo(clerk: Page): Promise<{ packets: number; bytes: number; frames: number }> {
  const out: Array<{ kind: string; source: string; packetsSent: number; bytesSent: number; framesEncoded: number }> = await clerk.evaluate(() => (globalThis as any).__rw.outbound());
  const v = out.filter((x) => x.kind === 'video' && x.source === 'camera');
  return { packets: v.reduce((n, x) => n + x.packetsSent, 0), bytes: v.reduce((n, x) => n + x.bytesSent, 0), frames: v.reduce((n, x) => n + x.framesEncoded, 0) };
}
