// The demo accounts seeded when SEED_DEMO_USERS is on (development default; documented in README):
// our own windows' accounts, and one clerk of each registered partner region (its module's demoClerk).
import { hashPassword } from './passwords.js';
import type { Role, UserRecord } from '../store/sql/users.js';
import type { DemoClerk } from '../ports/partner.js';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  region: string;
  window: string;
  roles: readonly Role[];
}

const OUR_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'zhuji01', password: 'Zhuji@2026', displayName: '王芳', region: '330681', window: '诸暨市行政服务中心跨域通办窗口', roles: ['clerk'] },
  { username: 'zhuji02', password: 'Zhuji@2026', displayName: '李强', region: '330681', window: '诸暨市行政服务中心跨域通办窗口', roles: ['clerk'] },
  // department staff of our region who decide the cases partner regions hand us (we are 办理地)
  { username: 'zhuji-sp01', password: 'Shenpi@2026', displayName: '孙伟', region: '330681', window: '诸暨市行政审批局', roles: ['approver'] },
  { username: 'ops01', password: 'Ops@2026', displayName: '赵敏', region: '330681', window: '诸暨市行政服务中心运维', roles: ['clerk', 'operator'] },
  { username: 'shangyu-sp01', password: 'Shenpi@2026', displayName: '钱程', region: '330604', window: '上虞区行政审批局', roles: ['approver'] },
  { username: 'shangyu01', password: 'Shangyu@2026', displayName: '陈静', region: '330604', window: '上虞区行政服务中心跨域通办窗口', roles: ['clerk'] },
];

/** Our accounts, then the partner regions' clerks (办理地), for 远程帮办 三方连线: they log in here to join
 *  a session they are invited to, and may see the cases their region decides; they change nothing
 *  (auth/permissions.ts). */
export function demoAccounts(partners: readonly { region: string; demoClerk: DemoClerk }[]): DemoAccount[] {
  const accounts = [...OUR_ACCOUNTS, ...partners.map(({ region, demoClerk }) => ({ ...demoClerk, region, roles: ['partner_clerk'] as const }))];
  const names = accounts.map((a) => a.username);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`demo account ${twice} is listed twice (a partner's demoClerk takes a username already used)`);
  return accounts;
}

export async function demoUserRecords(accounts: readonly DemoAccount[]): Promise<UserRecord[]> {
  return Promise.all(accounts.map(async ({ password, roles, ...u }) => ({ ...u, roles: [...roles], passwordHash: await hashPassword(password) })));
}
