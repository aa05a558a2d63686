// Headless Chromium for the browser tests and the join bench: Debian's /usr/bin/chromium driven by
// playwright-core (never a downloaded browser), fake camera/microphone, one context per participant.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('test-artifacts/browser');

const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  // pages in background tabs must keep decoding and running timers like a foreground one
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
];

/** `trustSpki`: a TLS key (SPKI SHA-256, base64) to accept; `localHosts`: host names resolved to 127.0.0.1 */
export async function launchBrowser(opts: { trustSpki?: string; localHosts?: string[] } = {}): Promise<Browser> {
  // the pages load the bundles that `npm run build:web` makes (scripts/test.sh runs it first)
  if (!existsSync(path.resolve('remote-window/web/dist/applicant.js')) || !existsSync(path.resolve('remote-window/web/dist/clerk.js'))) {
    throw new Error('remote-window/web/dist is missing: run `npm run build:web` before the browser tests');
  }
  const extra = [
    ...(opts.trustSpki ? [`--ignore-certificate-errors-spki-list=${opts.trustSpki}`] : []),
    ...(opts.localHosts?.length ? [`--host-resolver-rules=${opts.localHosts.map((h) => `MAP ${h} 127.0.0.1`).join(',')}`] : []),
  ];
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...extra], headless: true });
}

export interface Participant { context: BrowserContext; page: Page; logs: string[] }

/** A fresh browser profile (cookies, storage) with camera and microphone granted. */
export async function newParticipant(browser: Browser, opts: { phone?: boolean } = {}): Promise<Participant> {
  const context = await browser.newContext({
    permissions: ['camera', 'microphone'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(opts.phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36' }
      : { viewport: { width: 1366, height: 900 } }),
  });
  const page = await context.newPage();
  const logs: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') logs.push(`[${m.type()}] ${m.text()}`); });
  page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
  return { context, page, logs };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true }).catch(() => undefined);
}

/** Polls a condition evaluated in the page (bounded, no wall-clock assertions). */
export async function waitInPage<T>(page: Page, what: string, fn: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await page.evaluate(fn);
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, everyMs));
    last = await page.evaluate(fn);
  }
  return last;
}

export interface Inbound { participantId: string; source: string; kind: string; framesDecoded: number; bytesReceived: number; frameWidth: number | null; frameHeight: number | null }

/** The page's per-consumer inbound stats (window.__rw.inbound()). */
export function inbound(page: Page): Promise<Inbound[]> {
  return page.evaluate(() => (globalThis as unknown as { __rw: { inbound(): Promise<Inbound[]> } }).__rw.inbound());
}

/** Waits until video from `participantId` (optionally of one source) is decoded and still arriving. */
export async function waitForVideoFrom(page: Page, participantId: string, source: string | null = null, timeoutMs = 20_000): Promise<Inbound> {
  const match = (s: Inbound[]) => s.find((x) => x.kind === 'video' && x.participantId === participantId && (!source || x.source === source));
  const deadline = Date.now() + timeoutMs;
  let first: Inbound | undefined;
  for (;;) {
    const now = match(await inbound(page));
    if (now && now.framesDecoded > 0) {
      if (!first) first = now;
      else if (now.bytesReceived > first.bytesReceived && now.framesDecoded > first.framesDecoded) return now;
    }
    if (Date.now() > deadline) throw new Error(`no growing video from ${participantId}${source ? ` (${source})` : ''}; stats: ${JSON.stringify(await inbound(page))}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const rw = <T>(page: Page, key: string): Promise<T> => page.evaluate((k) => (globalThis as unknown as Record<string, Record<string, unknown>>).__rw?.[k] as T, key);
