// createSession / getSession / listSessions / endSession: the clerk's side of a session's life.
import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { RwError } from '../errors.js';
import type { RwCore } from '../core.js';
import type { CaseRef, ClerkIdentity } from '../ports.js';
import { Session } from '../session.js';
import { randomToken } from '../tickets.js';
import { assertAccess, openSession } from './access.js';
import { clerkPanelPath, joinUrlOf, toSessionView } from './views.js';

export async function createSession(rw: RwCore, clerk: ClerkIdentity, input: { caseId?: string }) {
  const caseRef = input.caseId ? await loadCase(rw, clerk, input.caseId) : undefined;
  const id = randomUUID();
  const joinToken = randomToken(24);
  const code = await claimCode(rw, id, joinToken);
  let session: Session;
  try {
    session = await rw.registry.getOrCreate(id, () => Session.create({
      id, caseRef, owner: clerk, code, joinToken, pool: rw.pool, settings: rw.settings, deps: rw.deps, resumeTokens: rw.resumeTokens,
    }));
  } catch (err) {
    rw.codes.release(id);
    rw.deps.routes?.retire(id);
    throw err;
  }
  session.events.on('close', () => rw.deps.routes?.retire(id));
  session.evidence('session.created', `clerk:${clerk.username}`, { walkIn: !caseRef, region: clerk.region, expiresAt: session.expiresAt.toISOString() });
  const joinUrl = joinUrlOf(rw.settings.publicUrl, session);
  return {
    sessionId: id,
    ...(caseRef ? { caseId: caseRef.caseId, caseNo: caseRef.caseNo } : {}),
    joinUrl,
    code,
    expiresAt: session.expiresAt.toISOString(),
    qrSvg: await QRCode.toString(joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
    clerkPanelUrl: clerkPanelPath(session),
  };
}

/** a join code free here and, with several instances, among the open sessions of all of them */
async function claimCode(rw: RwCore, id: string, joinToken: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const code = rw.codes.allocate(id);
    try {
      if (!rw.deps.routes || await rw.deps.routes.claim({ sessionId: id, code, joinToken })) return code;
    } catch (err) {
      rw.codes.release(id);
      throw err;
    }
    rw.codes.release(id);
    if (attempt >= 20) throw new Error('no join code free across the instances after 20 draws');
  }
}

async function loadCase(rw: RwCore, clerk: ClerkIdentity, caseId: string): Promise<CaseRef> {
  const r = await rw.deps.loadCase(clerk, caseId);
  if (!r.ok) throw new RwError(r.code, r.detail);
  return r.case;
}

export function getSession(rw: RwCore, clerk: ClerkIdentity, sessionId: string) {
  const s = openSession(rw, sessionId);
  assertAccess(rw, s, clerk);
  return toSessionView(s, clerk, rw.settings.publicUrl);
}

/** the open sessions of the clerk's region, and those its clerks are invited to */
export function listSessions(rw: RwCore, clerk: ClerkIdentity) {
  const now = rw.deps.now().getTime();
  const visible = rw.registry.list().filter((s) => s.owner.region === clerk.region || (s.invitations.get(clerk.region) ?? 0) > now);
  return { items: visible.map((s) => toSessionView(s, clerk, rw.settings.publicUrl)) };
}

export function endSession(rw: RwCore, clerk: ClerkIdentity, sessionId: string, reason?: string) {
  const s = openSession(rw, sessionId);
  if (assertAccess(rw, s, clerk) !== 'own') throw new RwError('FORBIDDEN', '只有发起会话的窗口可以结束会话');
  s.end(reason ?? '工作人员已结束会话', `clerk:${clerk.username}`);
  return { sessionId, status: 'ended' as const };
}
