/// <reference lib="dom" />
// Chinese messages for every error an applicant or clerk can meet: HTTP problem codes of the session
// operations (contracts/gateway.yaml), signalling error codes (protocol.ts) and the ways a session ends.
import type { SignalErrorCode } from '../../protocol.js';
import type { EndKind } from '../room.js';

const HTTP: Record<string, string> = {
  JOIN_CODE_INVALID: '帮办码或链接无效，请核对工作人员告知的 6 位数字后重新输入（会话也可能已结束）。',
  JOIN_EXPIRED: '帮办码或入会链接已过期，请联系工作人员重新发起远程帮办。',
  RATE_LIMITED: '尝试次数过多，请稍后再试。',
  SESSION_NOT_FOUND: '远程帮办会话不存在或已结束。',
  SESSION_ENDED: '本次远程帮办已结束。',
  INVITATION_REQUIRED: '您所在地区尚未受邀参加此会话，请联系发起窗口。',
  CASE_NOT_FOUND: '办件不存在。',
  CASE_OUT_OF_REGION: '不能为其他地区的办件发起远程帮办。',
  VALIDATION_FAILED: '填写的内容不符合要求，请检查后重试。',
  AUTH_REQUIRED: '请先登录。',
  TOKEN_INVALID: '登录已失效，请重新登录。',
  INVALID_CREDENTIALS: '用户名或密码错误。',
  FORBIDDEN: '无权执行此操作。',
  REMOTE_WINDOW_DISABLED: '远程帮办服务未启用。',
  SESSION_WITHOUT_CASE: '该会话未关联办件，无法邀请办理地或拍摄材料。',
  NOT_READY: '服务正在启动，请稍后重试。',
  NETWORK: '无法连接服务器，请检查网络后重试。',
  INTERNAL: '服务内部错误，请稍后重试或联系工作人员。',
};

const SIGNAL: Record<SignalErrorCode | 'TIMEOUT' | 'DISCONNECTED', string> = {
  BAD_MESSAGE: '请求格式有误（已忽略），会话不受影响。',
  UNKNOWN_METHOD: '不支持的操作。',
  FORBIDDEN: '您的身份不能执行此操作。',
  NOT_ADMITTED: '工作人员尚未准许您进入。',
  NOT_FOUND: '对象不存在（可能对方已离开）。',
  CONFLICT: '操作冲突（可能已被处理）。',
  SESSION_ENDED: '会话已结束。',
  RATE_LIMITED: '操作过于频繁，请稍后再试。',
  MEDIA_ERROR: '音视频服务处理失败，请重试。',
  INTERNAL: '服务内部错误，请重试。',
  TIMEOUT: '服务器响应超时，正在重新连接…',
  DISCONNECTED: '连接已中断，正在重新连接…',
};

export function httpMessage(err: unknown): string {
  const e = err as { code?: string; message?: string; status?: number };
  if (e?.code && HTTP[e.code]) return HTTP[e.code] as string;
  if (e?.status === 429) return HTTP.RATE_LIMITED as string;
  if (e?.status === 410) return HTTP.JOIN_EXPIRED as string;
  return e?.message || '操作失败，请重试。';
}

export function signalMessage(err: unknown): string {
  const e = err as { code?: string; message?: string };
  // the server's own message when it is written for people (Chinese) says more than the code
  if (e?.message && /[\u4e00-\u9fff]/.test(e.message) && e.code !== 'TIMEOUT' && e.code !== 'DISCONNECTED') return e.message;
  return (e?.code && SIGNAL[e.code as SignalErrorCode]) || httpMessage(err);
}

export const END_TEXT: Record<EndKind, { title: string; hint: string }> = {
  declined: { title: '工作人员暂时无法为您办理', hint: '原因见下方。您可以稍后重新进入，或前往窗口现场办理。' },
  expired: { title: '等待时间过长，本次排队已失效', hint: '工作人员较忙，请稍后重新排队。' },
  removed: { title: '您已被工作人员移出本次会话', hint: '如有疑问，请联系窗口工作人员。' },
  ended: { title: '本次远程帮办已结束', hint: '感谢您的使用。办理进度可向窗口工作人员查询。' },
  left: { title: '您已离开远程帮办', hint: '如需继续办理，请重新进入。' },
  replaced: { title: '您已在其他页面或设备上进入', hint: '本页面已断开，请在新页面继续。' },
  lost: { title: '网络连接已断开', hint: '长时间无法恢复连接。请检查网络后重新进入。' },
};

export const ROLE_TEXT: Record<string, string> = { clerk: '工作人员', applicant: '申请人', partner_clerk: '办理地工作人员' };
export const SOURCE_TEXT: Record<string, string> = { camera: '摄像头', mic: '麦克风', screen: '屏幕共享', document: '文档模式' };
export const QUALITY_TEXT: Record<string, string> = { good: '好', fair: '一般', poor: '差', unknown: '检测中' };
export const STATE_TEXT: Record<string, string> = { waiting: '等候中', admitted: '在线', reconnecting: '重新连接中', left: '已离开' };
