// Labels and formats of the console: every code the API sends is shown in Chinese here.

const TIME_FMT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** ISO date-time → 'YYYY-MM-DD HH:mm' in Asia/Shanghai; '—' when absent. */
export function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = Object.fromEntries(TIME_FMT.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A Date → 'HH:mm:ss' in Asia/Shanghai (for "updated at" lines). */
export function fmtClock(date) {
  if (!date) return '—';
  return date.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hourCycle: 'h23' });
}

/** 'YYYY-MM-DD' (a date picked by the clerk) → the end of that day in Asia/Shanghai, as ISO. */
export function endOfShanghaiDay(ymd) {
  return new Date(`${ymd}T23:59:59.999+08:00`).toISOString();
}

export const HOME_REGION = '330681';

const HOME_NAMES = { '330681': '浙江省诸暨市' };

/** The partner regions our windows hand cases to (办理地), as the gateway lists them (listPartners):
 *  set after login, so that the console names no partner itself. */
let partners = [];

/** [{ region, name }] from GET /api/partners */
export function setPartners(list) {
  partners = Array.isArray(list) ? list.filter((p) => p && typeof p.region === 'string') : [];
}

/** The partner regions' codes, in the gateway's order. */
export function partnerCodes() {
  return partners.map((p) => p.region);
}

/** The full name we know for a region code, else the name the API gave, else the code. */
export function regionName(code, given) {
  return HOME_NAMES[code] || partners.find((p) => p.region === code)?.name || given || (code ? `地区 ${code}` : '—');
}

/** CaseStatus → label and tag colour. */
export const STATUSES = {
  draft: { label: '草稿', tone: 'grey' },
  received: { label: '已收件', tone: 'blue' },
  forwarded: { label: '已转递', tone: 'cyan' },
  accepted: { label: '已受理', tone: 'blue' },
  needs_supplement: { label: '需补正', tone: 'orange' },
  completed: { label: '办结', tone: 'green' },
  rejected: { label: '不予受理', tone: 'red' },
  withdrawn: { label: '已撤回', tone: 'grey' },
  delivered: { label: '已送达', tone: 'green' },
};

/** Statuses in which the case moves without the clerk (the detail page refreshes itself). */
export const MOVING = ['received', 'forwarded', 'accepted'];

/** HandoffStatus → label and tag colour. */
export const HANDOFF = {
  pending: { label: '转递中', tone: 'blue' },
  delivered: { label: '已送达办理地', tone: 'green' },
  dead: { label: '转递失败（死信）', tone: 'red' },
  cancelled: { label: '已取消', tone: 'grey' },
};

export const KINDS = { 1: '即办件', 2: '承诺件', 9: '其他' };
export const HANDLING_FORMS = { 1: '窗口办理', 2: '网上办理（PC）', 3: '移动端', 4: '快递', 9: '其他' };
export const APPLICANT_KINDS = { person: '个人', organization: '单位' };

/** GA/T 2000.156 证件类型 offered to clerks. */
export const ID_TYPES = {
  111: '居民身份证',
  112: '临时居民身份证',
  113: '户口簿',
  414: '普通护照',
  511: '台湾居民来往大陆通行证',
  516: '港澳居民来往内地通行证',
  553: '外国人永久居留身份证',
  990: '其他',
};

/** Error codes a handoff can end with (HandoffJob.lastError.code), and a few more. */
export const ERROR_CODES = {
  PARTNER_UNAVAILABLE: '办理地系统不可用',
  PARTNER_REJECTED: '办理地拒收',
  PARTNER_CONTRACT_VIOLATION: '报文不符合办理地接口规范',
  INTERNAL: '网关内部错误',
  NOT_READY: '网关未就绪',
};

export function errorCodeLabel(code) {
  return ERROR_CODES[code] || '转递错误';
}

/** 'submit' → 首次转递, 'supplement-2' → 第2次补正转递. */
export function stepLabel(step) {
  if (step === 'submit') return '收件转递';
  const m = /^supplement-(\d+)$/.exec(step ?? '');
  if (m) return `第${m[1]}次补正转递`;
  return step || '—';
}

/** 'clerk:zhuji01' → 窗口人员 zhuji01; 'partner:310104' → 办理地 上海市徐汇区; 'system' → 系统. */
export function actorLabel(actor) {
  if (!actor) return '—';
  if (actor === 'system') return '系统';
  const [kind, who] = actor.split(':', 2);
  if (kind === 'clerk') return `窗口人员 ${who}`;
  if (kind === 'partner') return `合作地区 ${regionName(who)}`;
  return actor;
}

export function fmtSize(bytes) {
  if (typeof bytes !== 'number') return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function shortHash(sha) {
  return sha && sha.length > 16 ? `${sha.slice(0, 8)}…${sha.slice(-8)}` : sha || '—';
}

export const MEDIA_TYPES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };
