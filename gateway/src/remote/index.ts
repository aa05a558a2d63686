// The remote window inside the gateway process: its port implemented with the core, started with the
// gateway's configuration. server.ts attaches its ws endpoint; routes/sessions.ts calls its use cases.
import { startRemoteWindow, type RemoteWindow, type SessionRoutes } from '../../../remote-window/src/server/index.js';
import type { Core } from '../deps.js';
import { createEvidenceRecorder, type EvidenceRecorder } from './evidence.js';
import { remoteWindowDeps, remoteWindowSettings } from './port.js';

export { assertWorkerBinary } from '../../../remote-window/src/server/index.js';

export interface RemoteWindowService {
  window: RemoteWindow;
  evidence: EvidenceRecorder;
  /** end every session, stop the workers, then write the evidence still queued */
  stop(): Promise<void>;
}

/** `routes`: where the sessions' keys are announced to the other instances (remote/routing.ts) */
export async function startRemote(core: Core, routes: SessionRoutes): Promise<RemoteWindowService> {
  const evidence = notingOpenSessions(core, createEvidenceRecorder(core));
  await endUnendedSessions(core, evidence);
  const window = await startRemoteWindow(remoteWindowSettings(core.config), { ...remoteWindowDeps(core, evidence), routes });
  return {
    window,
    evidence,
    async stop() {
      await window.close();
      await evidence.flush();
    },
  };
}

/**
 * The evidence, with the open sessions noted around it: a session.created reaches the case's trail only
 * once the session is noted open, and a session.ended is struck off only once the trail holds it. So a
 * crash at any moment leaves no case whose trail shows a session begun and never ended (at worst one
 * ended twice). Events reach the trail in the order they were recorded.
 */
function notingOpenSessions(core: Core, trail: EvidenceRecorder): EvidenceRecorder {
  const { sessions } = core;
  let chain: Promise<void> = Promise.resolve();
  const strikes = new Set<Promise<void>>();
  return {
    record(e) {
      chain = chain.then(async () => {
        if (e.type === 'session.created') {
          sessions.observe(e);
          await sessions.settled();
        }
        trail.record(e);
        if (e.type === 'session.ended') {
          const strike = trail.flush().then(() => sessions.observe(e));
          strikes.add(strike);
          void strike.finally(() => strikes.delete(strike));
        }
      }).catch((err: unknown) => core.logger.error({ err, sessionId: e.sessionId, type: e.type }, 'recording session evidence failed'));
    },
    async flush() {
      let seen: Promise<void>;
      do { seen = chain; await seen; } while (seen !== chain);
      await trail.flush();
      await Promise.all([...strikes]);
      await sessions.settled();
    },
  };
}

/** sessions of cases this instance's last run did not end (it crashed): their end goes into the cases' trails now */
async function endUnendedSessions(core: Core, evidence: EvidenceRecorder): Promise<void> {
  const unended = await core.sessions.load();
  if (unended.length === 0) return;
  const at = core.now().toISOString();
  for (const s of unended) {
    evidence.record({
      sessionId: s.sessionId, caseId: s.caseId, at, actor: 'system', type: 'session.ended',
      data: { sessionId: s.sessionId, reason: '网关异常中断，会话未正常结束', participants: [], openedAt: s.openedAt, afterRestart: true },
    });
  }
  core.logger.warn({ sessions: unended.length }, 'remote sessions left open by the last run recorded as ended');
  await evidence.flush();
}
