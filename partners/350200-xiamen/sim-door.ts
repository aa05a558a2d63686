// The simulated 厦门 platform at its door: what it checks of every form posted to /gateway.do before a
// method runs (the contract's common parameters, app_id, the RSA2 signature with the registered public
// key, the timestamp within ±300 s, biz_content against the method's schema), and how it signs replies.
import type { KeyObject } from 'node:crypto';
import type { Contract } from '../../gateway/src/contracts/contract.js';
import type { FieldError } from '../../gateway/src/errors.js';
import { parseXmTime } from './mapping.js';
import type { Outcome } from './sim-cases.js';
import { signedReply, verifyForm } from './sign.js';
import { METHODS, responseKey, type XmMethod } from './types.js';

export const WINDOW_MS = 300_000;

export interface Door {
  contract: Contract;
  appId: string;
  appPublicKey: KeyObject;
  now(): Date;
}

const listed = (fields: FieldError[]): string => fields.slice(0, 20).map((f) => `${f.field} ${f.message}`).join('; ');
const bad = (sub_code: Outcome['sub_code'], sub_msg: string, code: Outcome['code'] = '40002'): Outcome => ({ code, msg: code === '40001' ? 'Missing Required Arguments' : 'Invalid Arguments', sub_code, sub_msg });

export type Admitted = { method: XmMethod; form: Record<string, string>; biz: unknown };

/** the method, form and parsed biz_content of an admissible request, or the refusal */
export function admit(door: Door, body: unknown): Admitted | { method?: XmMethod; refusal: Outcome } {
  const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const method = typeof form.method === 'string' && Object.hasOwn(METHODS, form.method) ? form.method as XmMethod : undefined;
  if (!method) return { refusal: bad('isv.invalid-method', '不存在的方法名') };
  const fields = door.contract.validateRequest('gateway', form, 'application/x-www-form-urlencoded');
  if (fields.length > 0) {
    const missing = fields.some((f) => f.message.startsWith('must have required'));
    return { method, refusal: bad('isv.invalid-parameter', `公共参数不符合接口规范：${listed(fields)}`, missing ? '40001' : '40002') };
  }
  const f = form as Record<string, string>;
  if (f.app_id !== door.appId) return { method, refusal: bad('isv.invalid-app-id', '无效的 app_id') };
  if (!verifyForm(f, door.appPublicKey)) return { method, refusal: bad('isv.invalid-signature', '验签出错，请确认签名串与密钥') };
  let sent: Date;
  try {
    sent = parseXmTime(f.timestamp as string);
  } catch {
    return { method, refusal: bad('isv.invalid-timestamp', 'timestamp 不是合法的时间') };
  }
  if (Math.abs(door.now().getTime() - sent.getTime()) > WINDOW_MS) return { method, refusal: bad('isv.invalid-timestamp', 'timestamp 与平台时间相差超过 300 秒') };
  let biz: unknown;
  try {
    biz = JSON.parse(f.biz_content as string);
  } catch {
    return { method, refusal: bad('isv.invalid-parameter', 'biz_content 不是合法的 JSON') };
  }
  const bizFields = door.contract.validateSchema(METHODS[method].biz, biz);
  if (bizFields.length > 0) return { method, refusal: bad('isv.invalid-parameter', `业务参数不符合接口规范：${listed(bizFields)}`) };
  if (method === 'gov.kstb.case.submit' && !f.notify_url) return { method, refusal: bad('isv.missing-notify-url', '办件提交须提供 notify_url', '40001') };
  return { method, form: f, biz };
}

/** the reply text: `<method>_response` (or error_response) signed with the platform's key */
export function replyText(method: XmMethod | undefined, o: Outcome, platformKey: KeyObject): string {
  const { data, ...head } = o;
  return signedReply(method ? responseKey(method) : 'error_response', { ...head, msg: head.msg ?? 'Success', ...data }, platformKey);
}
