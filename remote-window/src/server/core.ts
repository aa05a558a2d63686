// Everything the remote window's use cases share, built once by startRemoteWindow.
import { CodeGuard, JoinCodes } from './joinCodes.js';
import type { RemoteWindowDeps, RemoteWindowSettings } from './ports.js';
import { SessionRegistry } from './registry.js';
import { ResumeTokens, TicketBook } from './tickets.js';
import type { WorkerPool } from './workers.js';

export interface RwCore {
  settings: RemoteWindowSettings;
  deps: RemoteWindowDeps;
  pool: WorkerPool;
  registry: SessionRegistry;
  codes: JoinCodes;
  guard: CodeGuard;
  tickets: TicketBook;
  resumeTokens: ResumeTokens;
}

export function createCore(settings: RemoteWindowSettings, deps: RemoteWindowDeps, pool: WorkerPool): RwCore {
  const codes = new JoinCodes();
  return {
    settings,
    deps,
    pool,
    codes,
    registry: new SessionRegistry(pool, codes, deps.logger),
    guard: new CodeGuard(deps.now),
    tickets: new TicketBook(deps.now, settings.ticketTtlMs),
    resumeTokens: new ResumeTokens(),
  };
}
