// The remote window inside the gateway process: its port implemented with the core, started with the
// gateway's configuration. server.ts attaches its ws endpoint; routes/sessions.ts calls its use cases.
import { startRemoteWindow, type RemoteWindow } from '../../../remote-window/src/server/index.js';
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

export async function startRemote(core: Core): Promise<RemoteWindowService> {
  const evidence = createEvidenceRecorder(core);
  const window = await startRemoteWindow(remoteWindowSettings(core.config), remoteWindowDeps(core, evidence));
  return {
    window,
    evidence,
    async stop() {
      await window.close();
      await evidence.flush();
    },
  };
}
