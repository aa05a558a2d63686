// The gateway's implementation of the remote window's port (RemoteWindowDeps), with the core: cases
// are loaded under the clerk's visibility rules, consented stills become materials through the same
// use case as scanned ones, evidence goes to the case's hash-chained audit trail.
import type { CaptureToAttach, ClerkIdentity, LoadCaseResult, RemoteWindowDeps, RemoteWindowSettings } from '../../../remote-window/src/server/index.js';
import type { Clerk } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { Core } from '../deps.js';
import { addMaterial } from '../cases/addMaterial.js';
import { assertMay } from '../auth/permissions.js';
import { isGatewayError } from '../errors.js';
import type { EvidenceRecorder } from './evidence.js';

const EDITABLE = new Set(['draft', 'needs_supplement']);

/** the gateway's Clerk as the remote window sees it, and back (roles are the gateway's business) */
export const toIdentity = (c: Clerk): ClerkIdentity => ({ username: c.username, name: c.displayName, region: c.region });
const asClerk = (c: ClerkIdentity): Clerk => ({ username: c.username, displayName: c.name, region: c.region, window: '', roles: ['clerk'] });

export function remoteWindowDeps(core: Core, evidence: EvidenceRecorder): RemoteWindowDeps {
  return {
    async loadCase(clerk, caseId): Promise<LoadCaseResult> {
      const c = await core.store.getCase(caseId);
      if (!c) return { ok: false, code: 'CASE_NOT_FOUND', detail: `办件 ${caseId} 不存在` };
      try {
        // a session is opened from a case by its window's clerk (the routes checked the role already)
        assertMay(asClerk(clerk), 'session.create', c);
      } catch (e) {
        if (isGatewayError(e) && (e.code === 'CASE_OUT_OF_REGION' || e.code === 'FORBIDDEN')) return { ok: false, code: e.code, detail: e.message };
        throw e;
      }
      return { ok: true, case: { caseId: c.id, caseNo: c.caseNo, handlingRegion: c.handlingRegion, receivingRegion: c.acceptRegion, itemName: c.itemName, materialsEditable: EDITABLE.has(c.status) } };
    },
    async attachCapture(capture: CaptureToAttach) {
      const ext = capture.mediaType === 'image/png' ? 'png' : 'jpg';
      try {
        const m = await addMaterial(core, asClerk(capture.clerk), capture.caseId, {
          code: 'extra', name: '远程帮办拍摄件', fileName: `远程帮办拍摄件-${capture.captureId.slice(0, 8)}.${ext}`, bytes: capture.bytes, source: 'remote_capture',
        });
        if (m.sha256 !== capture.sha256) throw new Error(`stored bytes hash ${m.sha256}, capture said ${capture.sha256}`);
        return { materialId: m.id, sha256: m.sha256 };
      } catch (err) {
        // the signalling side shows the reason to the clerk; the gateway's wording is the right one
        throw new Error(isGatewayError(err) ? err.message : String(err), { cause: err });
      }
    },
    recordEvidence: (e) => evidence.record(e),
    now: core.now,
    logger: core.logger,
  };
}

export function remoteWindowSettings(config: Config): RemoteWindowSettings {
  const rw = config.remoteWindow;
  return {
    workers: rw.workers,
    workerBin: rw.workerBin,
    listenIp: rw.listenIp,
    ...(rw.announcedIp ? { announcedIp: rw.announcedIp } : {}),
    rtcMinPort: rw.rtcMinPort,
    rtcMaxPort: rw.rtcMaxPort,
    emptyTimeoutMs: rw.emptyTimeoutS * 1000,
    reconnectGraceMs: rw.reconnectGraceS * 1000,
    joinTtlMs: rw.joinTtlS * 1000,
    waitingTimeoutMs: rw.waitingTimeoutS * 1000,
    ticketTtlMs: 60_000,
    heartbeatMs: rw.heartbeatMs,
    publicUrl: rw.publicUrl,
    wsPath: '/rw/ws',
  };
}
