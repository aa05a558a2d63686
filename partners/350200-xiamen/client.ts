// One call of the 厦门 open platform's gateway: the business parameters held to the method's schema
// before anything is sent, the common parameters added and signed (RSA2), one form POST to /gateway.do,
// and the reply read: its signature over the exact `<method>_response` text verified, its code the verdict.
import { createHash } from 'node:crypto';
import axios from 'axios';
import type { Contract } from '../../gateway/src/contracts/contract.js';
import type { FieldError } from '../../gateway/src/errors.js';
import { PartnerFailure, type PartnerContext, type PartnerExchange } from '../../gateway/src/ports/partner.js';
import { formatXmTime } from './mapping.js';
import type { XmSettings } from './settings.js';
import { encodeForm, memberText, rsa2Verify, signForm } from './sign.js';
import { FORM_TYPE, GATEWAY_PATH, METHODS, responseKey, type XmMethod, type XmResponseHead, type XmSubCode } from './types.js';

export interface ClientDeps {
  settings: XmSettings;
  contract: Contract;
  /** our callback URL, sent as notify_url with every submit */
  notifyUrl?: string | undefined;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
export const violation = (msg: string): PartnerFailure => new PartnerFailure('PARTNER_CONTRACT_VIOLATION', msg, false);
const unavailable = (msg: string): PartnerFailure => new PartnerFailure('PARTNER_UNAVAILABLE', msg, true);
// Field paths and Ajv's messages only: never the values, which may be personal data.
const describe = (fields: FieldError[]): string => fields.slice(0, 10).map((f) => `${f.field} ${f.message}`).join('; ');

/**
 * Calls `method` with `biz`; resolves with its verified `<method>_response` when the code is 10000 or the
 * sub_code is one of `answers` (a refusal the caller acts on, e.g. a cancel of a decided case).
 */
export async function callPlatform<R extends XmResponseHead>(
  method: XmMethod, biz: unknown, ctx: PartnerContext, deps: ClientDeps, answers: readonly XmSubCode[] = [],
): Promise<R> {
  const bizFields = deps.contract.validateSchema(METHODS[method].biz, biz);
  if (bizFields.length > 0) throw violation(`厦门 ${method} biz_content breaks the contract: ${describe(bizFields)}`);
  const { settings } = deps;
  if (method === 'gov.kstb.case.submit' && !deps.notifyUrl) throw violation(`厦门 ${method} needs our notify_url (AdapterEnvironment.callbackUrl)`);
  const params = signForm({
    app_id: settings.appId, method, format: 'JSON', charset: 'utf-8', sign_type: 'RSA2', timestamp: formatXmTime(ctx.now()), version: '1.0',
    ...(method === 'gov.kstb.case.submit' && deps.notifyUrl ? { notify_url: deps.notifyUrl } : {}),
    ...(settings.appAuthToken ? { app_auth_token: settings.appAuthToken } : {}),
    biz_content: JSON.stringify(biz),
  }, settings.appPrivateKey);
  const formFields = deps.contract.validateRequest('gateway', params, 'application/x-www-form-urlencoded');
  if (formFields.length > 0) throw violation(`厦门 ${method} request breaks the contract: ${describe(formFields)}`);

  const url = `${settings.url}${GATEWAY_PATH}`;
  const payload = encodeForm(params);
  const started = ctx.now().getTime();
  const report = (x: Partial<PartnerExchange>): void => ctx.record({
    operationId: method, method: 'POST', url, requestSha256: sha256(payload), durationMs: ctx.now().getTime() - started, ...x,
  });
  let res: { status: number; data: unknown };
  try {
    res = await ctx.http.post(url, payload, {
      headers: { 'content-type': FORM_TYPE },
      responseType: 'text',
      transformRequest: [(d: unknown) => d],
      transformResponse: [(d: unknown) => d],
      validateStatus: () => true,
    });
  } catch (e) {
    if (!axios.isAxiosError(e)) throw e;
    const reason = [e.code, e.message].filter(Boolean).join(' ');
    report({ error: reason });
    throw unavailable(`厦门 ${method} got no answer: ${reason}`);
  }
  const text = typeof res.data === 'string' ? res.data : JSON.stringify(res.data ?? '');
  try {
    const answer = interpret<R>(method, res.status, text, deps, answers);
    report({ status: res.status, responseSha256: sha256(text) });
    return answer;
  } catch (e) {
    report({ status: res.status, responseSha256: sha256(text), error: (e as Error).message });
    throw e;
  }
}

function interpret<R extends XmResponseHead>(method: XmMethod, status: number, text: string, deps: ClientDeps, answers: readonly XmSubCode[]): R {
  if (status === 429 || status >= 500) throw unavailable(`厦门 ${method} HTTP ${status}`);
  let reply: unknown;
  try {
    reply = JSON.parse(text);
  } catch {
    throw violation(`厦门 ${method} HTTP ${status}: the reply is not JSON`);
  }
  if (status !== 200) throw violation(`厦门 ${method} answered HTTP ${status} outside its contract`);
  const key = responseKey(method);
  const isError = typeof reply === 'object' && reply !== null && 'error_response' in reply;
  const fields = deps.contract.validateSchema(isError ? 'ErrorReply' : METHODS[method].reply, reply);
  if (fields.length > 0) throw violation(`厦门 ${method} reply breaks the contract: ${describe(fields)}`);
  const member = isError ? 'error_response' : key;
  const body = (reply as Record<string, R>)[member] as R;
  const sign = (reply as { sign?: string }).sign;
  // a reply we act on must be signed; an unsigned refusal is only ever a refusal
  const acted = body.code === '10000' || answers.includes(body.sub_code as XmSubCode);
  if (sign !== undefined || acted) {
    const inner = memberText(text, member);
    if (sign === undefined || inner === undefined || !rsa2Verify(inner, sign, deps.settings.platformPublicKey)) {
      throw violation(`厦门 ${method} reply sign does not verify`);
    }
  }
  const why = `[${body.code}${body.sub_code ? ` ${body.sub_code}` : ''}] ${body.sub_msg ?? body.msg}`;
  if (body.code === '20000') throw unavailable(`厦门 ${method} busy ${why}`);
  if (!acted) throw new PartnerFailure('PARTNER_REJECTED', `厦门 ${method} refused ${why}`, false);
  return body;
}
