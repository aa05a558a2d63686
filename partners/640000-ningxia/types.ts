// The 宁夏 exchange platform's constants and message shapes. Body types come from the types generated
// from contracts/partners/640000-ningxia.yaml (npm run contracts:gen), so a contract change that the
// mapping does not follow fails to compile; the head is one loose shape shared by requests, replies and
// callbacks, because envelope.ts signs all three alike.
import type { components } from '../../contracts/generated/640000-ningxia.js';

type Schemas = components['schemas'];

export const REGION = '640000';
export const NAME = '宁夏回族自治区';
export const CONTRACT_FILE = 'partners/640000-ningxia.yaml';
export const ENVELOPE_VERSION = '1.0';

/** bizCode per operation: fixed by the platform, one per path */
export const BIZ_CODES = {
  caseSubmit: 'KYTB1001',
  caseSupplement: 'KYTB1002',
  caseQuery: 'KYTB1003',
  caseResultFeedback: 'KYTB1004',
  caseWithdraw: 'KYTB1005',
  caseStatusNotify: 'KYTB2001',
} as const;

export const PATHS = {
  caseSubmit: '/exchange/case/submit',
  caseSupplement: '/exchange/case/supplement',
  caseQuery: '/exchange/case/query',
  caseResultFeedback: '/exchange/case/result',
  caseWithdraw: '/exchange/case/withdraw',
} as const;

export type NxOperation = keyof typeof PATHS;
export type NxIdType = Schemas['IdTypeCode'];
export type NxStatus = Schemas['StatusCode'];
export type NxFileType = Schemas['ResultFile']['wjlx'];
/** 送达方式: 1 邮寄, 2 电子送达, 3 窗口领取 */
export type NxDeliveryMode = Schemas['ResultDelivery']['sdfs'];

export interface NxHead {
  version: string;
  appId?: string;
  sender: string;
  receiver?: string;
  bizCode?: string;
  serial: string;
  time: string;
  rtnCode?: string;
  rtnMsg?: string;
  sign: string;
}

export type NxUnsignedHead = Omit<NxHead, 'sign'>;

export interface NxEnvelope<B = Record<string, unknown>> {
  head: NxHead;
  body: B;
}

export type NxMaterial = Schemas['Material'];
export type NxApplicant = Schemas['Applicant'];
export type NxResultDelivery = Schemas['ResultDelivery'];
/** caseSubmit body */
export type NxSubmitBody = Schemas['CaseSubmitBody'];
/** caseSupplement body */
export type NxSupplementBody = Schemas['CaseSupplementRequest']['body'];
/** caseWithdraw body (撤件) */
export type NxWithdrawBody = Schemas['CaseWithdrawRequest']['body'];
/** caseQuery body */
export type NxQueryBody = Schemas['CaseQueryRequest']['body'];
/** the body of a successful caseSubmit / caseSupplement reply */
export type NxCaseAck = Schemas['CaseAck'];
export type NxErrorBody = Schemas['ErrorBody'];
export type NxResultFile = Schemas['ResultFile'];
export type NxCaseResult = Schemas['CaseResult'];
/** caseResultFeedback body: our decision on a case the platform handed us (we are 办理地) */
export type NxFeedbackBody = Schemas['CaseResultFeedbackBody'];
export type NxFeedbackStatus = Schemas['FeedbackStatusCode'];
export type NxFeedbackDocument = Schemas['FeedbackDocument'];
/** caseStatusNotify body (webhook) */
export type NxNotifyBody = Schemas['NotifyBody'];
