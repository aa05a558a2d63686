// The remote virtual window's public face for the gateway: start it with settings and the port, then
// call its use cases from HTTP routes and hand it the HTTP server's upgrade requests for /rw/ws.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { types } from 'mediasoup';
import { createCore } from './core.js';
import type { ClerkIdentity, RemoteWindowDeps, RemoteWindowSettings } from './ports.js';
import { WorkerPool } from './workers.js';
import { createUpgradeHandler } from './signalling/upgrade.js';
import { createSession, endSession, getSession, listSessions } from './api/sessions.js';
import { invitePartnerClerk, issueSessionTicket } from './api/tickets.js';
import { joinSession, type JoinInput } from './api/join.js';
import type { CodeGuard } from './joinCodes.js';

export type { CaptureToAttach, CaseRef, ClerkIdentity, EvidenceEvent, LoadCaseResult, RemoteWindowDeps, RemoteWindowSettings, SessionEvidenceType, SessionRoutes } from './ports.js';
export { sessionIdOfToken } from './tickets.js';
export { CodeGuard } from './joinCodes.js';
export { RwError, isRwError, type RwErrorCode } from './errors.js';
export { WorkerBinaryMissing, assertWorkerBinary } from './workers.js';

export interface RemoteWindow {
  createSession(clerk: ClerkIdentity, input: { caseId?: string }): ReturnType<typeof createSession>;
  getSession(clerk: ClerkIdentity, sessionId: string): ReturnType<typeof getSession>;
  listSessions(clerk: ClerkIdentity): ReturnType<typeof listSessions>;
  endSession(clerk: ClerkIdentity, sessionId: string, reason?: string): ReturnType<typeof endSession>;
  invitePartnerClerk(clerk: ClerkIdentity, sessionId: string): ReturnType<typeof invitePartnerClerk>;
  issueSessionTicket(clerk: ClerkIdentity, sessionId: string): ReturnType<typeof issueSessionTicket>;
  joinSession(clientIp: string, input: JoinInput): ReturnType<typeof joinSession>;
  /** the guard against guessing join codes (an instance checks it before asking others for a code) */
  codeGuard: CodeGuard;
  /** true when the request was for the signalling path (answered or refused); false: not ours */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** the running mediasoup workers (benchmarks read their resource usage) */
  workers(): types.Worker[];
  openSessions(): number;
  /** end every session, stop the workers */
  close(): Promise<void>;
}

export async function startRemoteWindow(settings: RemoteWindowSettings, deps: RemoteWindowDeps): Promise<RemoteWindow> {
  const pool = await WorkerPool.start({ count: settings.workers, rtcMinPort: settings.rtcMinPort, rtcMaxPort: settings.rtcMaxPort, workerBin: settings.workerBin, logger: deps.logger });
  const rw = createCore(settings, deps, pool);
  const upgrade = createUpgradeHandler(rw);
  const sweep = setInterval(() => rw.tickets.sweep(), 60_000);
  sweep.unref();
  return {
    createSession: (clerk, input) => createSession(rw, clerk, input),
    getSession: (clerk, id) => getSession(rw, clerk, id),
    listSessions: (clerk) => listSessions(rw, clerk),
    endSession: (clerk, id, reason) => endSession(rw, clerk, id, reason),
    invitePartnerClerk: (clerk, id) => invitePartnerClerk(rw, clerk, id),
    issueSessionTicket: (clerk, id) => issueSessionTicket(rw, clerk, id),
    joinSession: (ip, input) => joinSession(rw, ip, input),
    codeGuard: rw.guard,
    handleUpgrade: (req, socket, head) => upgrade.handle(req, socket, head),
    workers: () => pool.workers,
    openSessions: () => rw.registry.list().length,
    async close() {
      clearInterval(sweep);
      rw.registry.closeAll('服务停止');
      upgrade.close();
      await pool.close();
    },
  };
}
