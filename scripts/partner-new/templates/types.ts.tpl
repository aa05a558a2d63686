// The bodies of {{NAME}}'s API, taken from the types generated from its contract
// (contracts/partners/{{FOLDER}}.yaml → contracts/generated/{{FOLDER}}.ts, `npm run contracts:gen`).
import type { components } from '../../contracts/generated/{{FOLDER}}.js';

export const CONTRACT_FILE = 'partners/{{FOLDER}}.yaml';
export const REGION = '{{REGION}}';
export const NAME = '{{NAME}}';

type Schemas = components['schemas'];
export type SubmitCaseRequest = Schemas['SubmitCaseRequest'];
export type CaseReceipt = Schemas['CaseReceipt'];
export type CaseStatus = Schemas['CaseStatus'];
export type PartnerIdType = Schemas['IdType'];
export type StatusEvent = Schemas['StatusEvent'];
export type PartnerError = Schemas['Error'];
