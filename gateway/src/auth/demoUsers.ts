// The demo accounts seeded when SEED_DEMO_USERS is on (development default; documented in README).
import { hashPassword } from './passwords.js';
import type { UserRecord } from '../store/sql/users.js';

export const DEMO_ACCOUNTS = [
  { username: 'zhuji01', password: 'Zhuji@2026', displayName: '王芳', region: '330681', window: '诸暨市行政服务中心跨域通办窗口', roles: ['clerk'] },
  { username: 'zhuji02', password: 'Zhuji@2026', displayName: '李强', region: '330681', window: '诸暨市行政服务中心跨域通办窗口', roles: ['clerk'] },
  // department staff of our region who decide the cases partner regions hand us (we are 办理地)
  { username: 'zhuji-sp01', password: 'Shenpi@2026', displayName: '孙伟', region: '330681', window: '诸暨市行政审批局', roles: ['approver'] },
  { username: 'ops01', password: 'Ops@2026', displayName: '赵敏', region: '330681', window: '诸暨市行政服务中心运维', roles: ['clerk', 'operator'] },
  { username: 'shangyu-sp01', password: 'Shenpi@2026', displayName: '钱程', region: '330604', window: '上虞区行政审批局', roles: ['approver'] },
  { username: 'shangyu01', password: 'Shangyu@2026', displayName: '陈静', region: '330604', window: '上虞区行政服务中心跨域通办窗口', roles: ['clerk'] },
  // clerks of the partner regions (办理地), for 远程帮办 三方连线: they log in here to join a session they are
  // invited to, and may see the cases their region decides; they change nothing (auth/permissions.ts)
  { username: 'xuhui01', password: 'Partner@2026', displayName: '周敏', region: '310104', window: '上海市徐汇区行政服务中心', roles: ['partner_clerk'] },
  { username: 'hanzhong01', password: 'Partner@2026', displayName: '刘洋', region: '610700', window: '汉中市政务服务中心', roles: ['partner_clerk'] },
  { username: 'ningxia01', password: 'Partner@2026', displayName: '马丽', region: '640000', window: '宁夏回族自治区政务服务中心', roles: ['partner_clerk'] },
] as const;

export async function demoUserRecords(): Promise<UserRecord[]> {
  return Promise.all(DEMO_ACCOUNTS.map(async ({ password, roles, ...u }) => ({ ...u, roles: [...roles], passwordHash: await hashPassword(password) })));
}
