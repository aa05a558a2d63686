// Join bench (npm run bench:join): how long an applicant waits from asking to join to seeing the
// clerk, and what the SFU worker costs per consumer. Real gateway in its own process (gateway/src/main.ts)
// with its mediasoup worker (RW_WORKERS=1), real headless Chromium with fake devices, pages driven through their UI, all on loopback.
//
// 1. Baseline in the same run: a bare ws connect + one echo from a page, and a bare fetch round trip.
// 2. Worker CPU per consumer, on a fresh session: the clerk sends its camera (fake device, VP8;
//    microphone muted through the UI); viewers join with camera and microphone switched off at the
//    device check (they send nothing), so each adds one consumer of that video (plus one of the paused
//    microphone, which carries nothing). The worker's CPU time (utime + stime from /proc/<pid>/stat)
//    over BENCH_WINDOW_S (default 10 s) with 0 consumers (the baseline: the producer alone), 1, 4 and 8.
// 3. Join → first decoded frame of the clerk's camera for BENCH_JOINS (default 12) applicants, one after
//    the other (the first is a discarded warm-up). "Asks to join" = the click on 「进入远程帮办」; the
//    clerk's panel admits at once, and the time the applicant spent in the waiting room (hello answered
//    → admitted, i.e. the clerk's reaction) is subtracted: that is the join with the waiting room bypassed.
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnGateway } from '../support/child.js';
import { launchBrowser, newParticipant, rw } from '../support/browser.js';
import { clerkStartsSession } from '../support/rwFlows.js';
import { freePort, gatewayEnv, removeDataDir, startSimulators } from '../support/world.js';
import { bareWsRoundTrips, fmt, leave, pct, sentVideo, sleep, timedJoin, viewer, type JoinTiming } from './joinBenchSteps.js';

const JOINS = Number(process.env.BENCH_JOINS ?? 12);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 10);
const TARGET_MEDIAN_MS = 400;

const TICK_MS = 1000 / 100; // /proc times are in clock ticks (CLK_TCK = 100 on Linux)

/** The mediasoup worker: the child process of the gateway named mediasoup-worker. */
function workerPid(gatewayPid: number): number {
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const [, comm, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      if (comm?.startsWith('mediasoup-worke') && Number(rest?.split(' ')[1]) === gatewayPid) return Number(d);
    } catch { /* gone */ }
  }
  throw new Error('no mediasoup worker under the gateway');
}

/** CPU time (user + system) the process has used, in ms. */
function cpuMs(pid: number): number {
  const fields = (/\) (.*)$/s.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime (fields 14 and 15 of stat)
}

async function main(): Promise<void> {
  // the gateway runs as its own process (the real main.ts), as in production; the simulated partners,
  // the browser driver and this script share the machine with it
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kytb-join-bench-'));
  const sims = await startSimulators(url);
  const gateway = await spawnGateway(gatewayEnv(port, dataDir, sims, { RW_ENABLED: 'true', RW_WORKERS: '1', LOG_LEVEL: 'warn' }), url, { built: true });
  const browser = await launchBrowser();
  try {
    const worker = workerPid(gateway.child.pid as number);
    const clerk = await newParticipant(browser);
    const s = await clerkStartsSession(clerk.page, url);
    const clerkId = await rw<string>(clerk.page, 'participantId');

    console.log(`join bench: ${JOINS} joins (1 warm-up), CPU window ${WINDOW_S} s, worker pid ${worker}, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    const probe = await newParticipant(browser);
    await probe.page.goto(`${url}/rw/`);
    const ws = await bareWsRoundTrips(probe.page, 20);
    const http = await probe.page.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 20; i++) { const t0 = performance.now(); await (await fetch('/healthz')).text(); out.push(performance.now() - t0); }
      return out;
    });
    await probe.context.close();
    console.log(`baseline  bare ws connect + 1 echo from a page:   ${fmt(ws)}`);
    console.log(`baseline  bare fetch round trip from a page:      ${fmt(http)}`);

    // CPU per consumer first, on a fresh session: the clerk's microphone off, so the only media is its camera
    await clerk.page.click('[data-tool=mic]');
    // the clerk's encoder slows down when the machine is busy, so the packets it sent are measured too
    const measure = async () => {
      const [c0, v0] = [cpuMs(worker), await sentVideo(clerk.page)];
      await sleep(WINDOW_S * 1000);
      const [c1, v1] = [cpuMs(worker), await sentVideo(clerk.page)];
      return { cpu: c1 - c0, packets: v1.packets - v0.packets, kbps: ((v1.bytes - v0.bytes) * 8) / WINDOW_S / 1000, fps: (v1.frames - v0.frames) / WINDOW_S };
    };
    const idle = await measure();
    const source = (m: typeof idle) => `source ${m.kbps.toFixed(0)} kbit/s, ${m.fps.toFixed(1)} fps, ${(m.packets / WINDOW_S).toFixed(0)} packets/s`;
    console.log(`worker CPU, 1 producer and 0 consumers (baseline): ${(idle.cpu / WINDOW_S / 10).toFixed(2)} % of a core (${source(idle)})`);
    const viewers = [];
    for (const n of [1, 4, 8]) {
      while (viewers.length < n) viewers.push(await viewer(browser, clerk.page, s.joinUrl, clerkId, `观看者${viewers.length + 1}`));
      await sleep(2000);
      const m = await measure();
      const perConsumer = (m.cpu - idle.cpu) / n / WINDOW_S; // ms of CPU per second per consumer
      const perPacketUs = ((m.cpu - (idle.cpu * m.packets) / Math.max(1, idle.packets)) * 1000) / Math.max(1, m.packets * n);
      console.log(`worker CPU, ${n} consumer(s): ${(m.cpu / WINDOW_S / 10).toFixed(2)} % of a core; per consumer above the baseline ${perConsumer.toFixed(2)} ms CPU/s (${(perConsumer / 10).toFixed(2)} % of a core); ≈ ${perPacketUs.toFixed(1)} µs per forwarded packet (${source(m)})`);
    }
    for (const v of viewers) await leave(v);
    await clerk.page.click('[data-tool=mic]');

    const timings: JoinTiming[] = [];
    for (let i = 0; i < JOINS; i++) {
      const { timing, applicant } = await timedJoin(browser, clerk.page, s.joinUrl, clerkId, `申请人${i + 1}`);
      if (i > 0) timings.push(timing);
      await leave(applicant);
    }
    const col = (k: keyof JoinTiming) => timings.map((t) => t[k]);
    console.log(`join → first frame, waiting room bypassed:        ${fmt(col('withoutWaiting'))}   target median < ${TARGET_MEDIAN_MS} ms: ${pct(col('withoutWaiting'), 50) < TARGET_MEDIAN_MS ? 'MET' : 'NOT MET'}`);
    console.log(`  of which joinSession (HTTP):                    ${fmt(col('http'))}`);
    console.log(`  of which ws + hello:                            ${fmt(col('wsHello'))}`);
    console.log(`  of which admitted → first decoded frame:        ${fmt(col('admittedToFrame'))}`);
    console.log(`    admitted → recv transport created:            ${fmt(col('transports'))}`);
    console.log(`    recv transport → video consumer created:      ${fmt(col('consume'))} (consume, SDP, DTLS connect)`);
    console.log(`    consumer created → first decoded frame:       ${fmt(col('firstFrame'))} (resumeConsumer, key frame, decode)`);
    console.log(`join → first frame including the clerk's 准入:     ${fmt(col('total'))} (waiting room ${fmt(col('waitingRoom'))})`);
  } finally {
    await browser.close();
    gateway.child.kill('SIGTERM');
    await gateway.exited;
    await sims.close();
    await removeDataDir(dataDir);
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
