// For partners that report status only when asked (汉中): poll every case they hold that is not final.
// Each poll's exchanges (hashes) go into the case's audit trail when its answer is new, failed polls too.
import type { Core } from '../deps.js';
import { receivePartnerStatus, recordPolledExchanges } from '../inbound/receivePartnerStatus.js';
import type { PartnerExchange } from '../ports/partner.js';

const OPEN_STATES = ['forwarded', 'accepted', 'needs_supplement'] as const;
const POLL_CONCURRENCY = 8;

export interface StatusPoller {
  start(): void;
  /** poll every open case once now (tests, and the operator's 「立即查询」) */
  pollNow(): Promise<number>;
  stop(): Promise<void>;
}

export function createStatusPoller(core: Core): StatusPoller {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function pollAll(): Promise<number> {
    let applied = 0;
    for (const adapter of core.partners.list()) {
      if (adapter.capabilities.statusBy !== 'polling' || !adapter.pollStatus) continue;
      const open = (await core.store.casesOfPartner(adapter.region, [...OPEN_STATES])).filter((c) => c.partnerRef);
      for (let i = 0; i < open.length && !stopped; i += POLL_CONCURRENCY) {
        await Promise.all(open.slice(i, i + POLL_CONCURRENCY).map(async (c) => {
          try {
            const exchanges: PartnerExchange[] = [];
            const updates = await adapter.pollStatus!(c.partnerRef!, c.caseNo, { http: core.http, now: core.now, record: (e) => exchanges.push(e) })
              .finally(() => recordPolledExchanges(core, c.id, adapter.region, 'pollStatus', exchanges));
            for (const u of updates) if ((await receivePartnerStatus(core, adapter.region, u, { via: 'poll' })) === 'applied') applied += 1;
          } catch (err) {
            core.logger.warn({ err, caseId: c.id, partner: adapter.region }, 'status poll failed; will retry next round');
          }
        }));
      }
    }
    return applied;
  }

  const pollNow = (): Promise<number> => {
    running ??= pollAll().finally(() => { running = undefined; });
    return running;
  };

  const loop = (): void => {
    if (stopped) return;
    // a round that fails as a whole (the database is down) is logged and the next one tried: as an
    // unhandled rejection it ended the gateway
    timer = setTimeout(() => {
      void pollNow().catch((err: unknown) => core.logger.warn({ err }, 'status poll round failed; the next round tries again')).finally(loop);
    }, core.config.handoff.pollIntervalMs);
  };

  return {
    start: loop,
    pollNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
