// invitePartnerClerk / issueSessionTicket: who gets into the signalling socket, as what.
import { RwError } from '../errors.js';
import type { RwCore } from '../core.js';
import type { Role } from '../../protocol.js';
import type { ClerkIdentity } from '../ports.js';
import { assertAccess, openSession, partnerRegionOf } from './access.js';
import { clerkPanelPath } from './views.js';

export function wsUrlOf(rw: RwCore): string {
  return `${rw.settings.publicUrl.replace(/^http/, 'ws')}${rw.settings.wsPath}`;
}

/** invite the clerks of the case's other region (办理地 when we received it) for 三方连线 */
export function invitePartnerClerk(rw: RwCore, clerk: ClerkIdentity, sessionId: string) {
  const s = openSession(rw, sessionId);
  if (assertAccess(rw, s, clerk) !== 'own') throw new RwError('FORBIDDEN', '只有发起会话的窗口可以邀请');
  const region = partnerRegionOf(s);
  if (!region) throw new RwError('SESSION_WITHOUT_CASE', '无办件的帮办会话没有可邀请的办理地');
  const expiresAt = s.expiresAt.getTime();
  s.invitations.set(region, expiresAt);
  s.evidence('session.partner_invited', `clerk:${clerk.username}`, { region });
  return { region, inviteUrl: `${rw.settings.publicUrl}${clerkPanelPath(s)}&invite=${region}`, expiresAt: new Date(expiresAt).toISOString() };
}

export function issueSessionTicket(rw: RwCore, clerk: ClerkIdentity, sessionId: string) {
  const s = openSession(rw, sessionId);
  const access = assertAccess(rw, s, clerk);
  if (access === 'own' && clerk.username !== s.owner.username) throw new RwError('FORBIDDEN', '只有发起会话的工作人员可以进入该会话');
  const role: Role = access === 'own' ? 'clerk' : 'partner_clerk';
  const { ticket, expiresAt } = rw.tickets.issue({ sessionId, role, displayName: clerk.name, region: clerk.region, username: clerk.username });
  return { ticket, wsUrl: `${wsUrlOf(rw)}?ticket=${encodeURIComponent(ticket)}`, role, expiresAt };
}
