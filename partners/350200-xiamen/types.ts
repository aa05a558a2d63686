// The 厦门 open platform's constants and message shapes. Business parameter and response types come from
// the types generated from contracts/partners/350200-xiamen.yaml (npm run contracts:gen), so a contract
// change that the mapping does not follow fails to compile.
import type { components } from '../../contracts/generated/350200-xiamen.js';

type Schemas = components['schemas'];

export const REGION = '350200';
export const NAME = '福建省厦门市';
export const CONTRACT_FILE = 'partners/350200-xiamen.yaml';
/** the one address of the platform */
export const GATEWAY_PATH = '/gateway.do';
/** the form's media type, requests and notifications alike */
export const FORM_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

/** method → the schema its biz_content is held to, and the one its reply is */
export const METHODS = {
  'gov.kstb.case.submit': { biz: 'CaseSubmitBiz', reply: 'CaseSubmitReply' },
  'gov.kstb.case.cancel': { biz: 'CaseCancelBiz', reply: 'CaseCancelReply' },
  'gov.kstb.case.query': { biz: 'CaseQueryBiz', reply: 'CaseQueryReply' },
  'gov.kstb.case.feedback': { biz: 'CaseFeedbackBiz', reply: 'CaseFeedbackReply' },
} as const;
export type XmMethod = keyof typeof METHODS;

/** 'gov.kstb.case.submit' → 'gov_kstb_case_submit_response': where the reply carries its answer */
export const responseKey = (method: string): string => `${method.replaceAll('.', '_')}_response`;

export type XmGatewayRequest = Schemas['GatewayRequest'];
export type XmCaseStatus = Schemas['CaseStatus'];
export type XmCertType = Schemas['CertType'];
export type XmApplicant = Schemas['Applicant'];
export type XmMaterial = Schemas['Material'];
export type XmDelivery = Schemas['Delivery'];
export type XmSubCode = Schemas['SubCode'];
export type XmResponseHead = Schemas['ResponseHead'];
/** gov.kstb.case.submit biz_content */
export type XmSubmitBiz = Schemas['CaseSubmitBiz'];
/** gov.kstb.case.cancel biz_content (撤件) */
export type XmCancelBiz = Schemas['CaseCancelBiz'];
/** gov.kstb.case.query biz_content */
export type XmQueryBiz = Schemas['CaseQueryBiz'];
/** gov.kstb.case.feedback biz_content: our decision on a case the platform handed us (we are 办理地) */
export type XmFeedbackBiz = Schemas['CaseFeedbackBiz'];
export type XmFeedbackDocument = Schemas['FeedbackDocument'];
export type XmSubmitResponse = Schemas['CaseSubmitResponse'];
export type XmCancelResponse = Schemas['CaseCancelResponse'];
export type XmQueryResponse = Schemas['CaseQueryResponse'];
export type XmFeedbackResponse = Schemas['CaseFeedbackResponse'];
/** the form the platform posts to our notify_url */
export type XmNotification = Schemas['StatusNotification'];
