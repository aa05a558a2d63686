// One test file's stage for the remote window in real Chromium: a gateway with its mediasoup worker and
// a headless browser, started before the file's tests and closed after them; the console output of the
// pages of the people added to `people` is printed at the end (it says why a media test failed).
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startWorld, type World } from './world.js';
import { launchBrowser, newParticipant, type Participant } from './browser.js';

export interface RwSuite {
  readonly world: World;
  readonly browser: Browser;
  /** a new person (browser context) whose page logs are kept */
  person(opts?: { phone?: boolean }): Promise<Participant>;
}

export function remoteWindowSuite(): RwSuite {
  let world: World | undefined;
  let browser: Browser | undefined;
  const people: Participant[] = [];
  beforeAll(async () => {
    [world, browser] = await Promise.all([startWorld({ remoteWindow: true }), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    for (const p of people) if (p.logs.length) console.log(p.logs.slice(0, 20).join('\n'));
    await browser?.close();
    await world?.close();
  }, 60_000);
  return {
    get world() { return world as World; },
    get browser() { return browser as Browser; },
    async person(opts = {}) {
      const p = await newParticipant(browser as Browser, opts);
      people.push(p);
      return p;
    },
  };
}
