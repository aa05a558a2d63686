// The remote window inside the gateway process: its port implemented with the core, started with the
// gateway's configuration. server.ts attaches its ws endpoint; routes/sessions.ts calls its use cases.
import { startRemoteWindow, type RemoteWindow } from '../../../remote-window/src/server/index.js';
import type { Core } from '../deps.js';
import { createEvidenceRecorder, type EvidenceRecorder } from './evidence.js';
import { openSessionJournal, type OpenSessionJournal } from './openSessions.js';
import { remoteWindowDeps, remoteWindowSettings } from './port.js';

export { assertWorkerBinary } from '../../../remote-window/src/server/index.js';

export interface RemoteWindowService {
  window: RemoteWindow;
  evidence: EvidenceRecorder;
  /** end every session, stop the workers, then write the evidence still queued */
  stop(): Promise<void>;
}

export async function startRemote(core: Core): Promise<RemoteWindowService> {
  const trail = createEvidenceRecorder(core);
  const journal = openSessionJournal(core.config.dataDir, core.config.storeFsync);
  const evidence: EvidenceRecorder = { record: (e) => { trail.record(e); journal.observe(e); }, flush: () => trail.flush() };
  await endUnendedSessions(core, evidence, journal);
  const window = await startRemoteWindow(remoteWindowSettings(core.config), remoteWindowDeps(core, evidence));
  return {
    window,
    evidence,
    async stop() {
      await window.close();
      await evidence.flush();
      await journal.settled();
    },
  };
}

/** sessions of cases the last run did not end (it crashed): their end goes into the cases' trails now */
async function endUnendedSessions(core: Core, evidence: EvidenceRecorder, journal: OpenSessionJournal): Promise<void> {
  const unended = await journal.load();
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
  await journal.settled();
}
