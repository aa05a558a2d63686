// The approvers' API on the cases partner regions hand us (contracts/gateway.yaml, tag 审批): 受理, 补正,
// 不予受理, 办结, 送达. Thin: who may decide is checked before a body is read, then parse, call one use
// case, answer with the case.
import { Router, type RequestHandler } from 'express';
import type { Core } from '../../deps.js';
import type { TokenService } from '../../auth/tokens.js';
import { assertMay } from '../../auth/permissions.js';
import { loadCaseFor } from '../../cases/load.js';
import { toCaseView } from '../../cases/views.js';
import { acceptInboundCase } from '../../inbound/decisions/acceptInboundCase.js';
import { requestInboundSupplement } from '../../inbound/decisions/requestInboundSupplement.js';
import { rejectInboundCase } from '../../inbound/decisions/rejectInboundCase.js';
import { completeInboundCase } from '../../inbound/decisions/completeInboundCase.js';
import { recordInboundDelivery } from '../../inbound/decisions/recordInboundDelivery.js';
import { clerkOf, requireClerk } from '../clerkAuth.js';
import { fileNameOf, jsonBody, multipartFile } from '../body.js';
import { validateBody } from '../validate.js';
import type { components, operations } from '../../../../contracts/generated/gateway.js';

const DECISION_JSON_MAX_BYTES = 64 * 1024;

type Schemas = components['schemas'];
type CompletionForm = NonNullable<operations['completeInboundCase']['requestBody']>['content']['multipart/form-data'];

export function decisionsRouter(core: Core, tokens: TokenService): Router {
  const r = Router();
  const clerk = requireClerk(tokens, core.now);
  const may: RequestHandler = (_req, res, next) => { assertMay(clerkOf(res), 'inbound.decide'); next(); };
  const json = jsonBody({ limit: DECISION_JSON_MAX_BYTES });
  const caseId = (req: { params: Record<string, unknown> }): string => String(req.params.caseId);
  const base = '/cases/:caseId/decisions';

  r.post(`${base}/accept`, clerk, may, async (req, res) => {
    res.json(toCaseView(await acceptInboundCase(core, clerkOf(res), caseId(req)), core));
  });

  r.post(`${base}/supplement`, clerk, may, json, validateBody('requestInboundSupplement'), async (req, res) => {
    res.json(toCaseView(await requestInboundSupplement(core, clerkOf(res), caseId(req), req.body as Schemas['InboundSupplementRequest']), core));
  });

  r.post(`${base}/reject`, clerk, may, json, validateBody('rejectInboundCase'), async (req, res) => {
    res.json(toCaseView(await rejectInboundCase(core, clerkOf(res), caseId(req), req.body as Schemas['InboundRejection']), core));
  });

  // the case is checked before the upload is read: an approver who may not decide it sends nothing in vain
  const mayDecide: RequestHandler = async (req, res, next) => { await loadCaseFor(core, clerkOf(res), 'inbound.decide', caseId(req)); next(); };
  r.post(`${base}/complete`, clerk, mayDecide, multipartFile({ limit: core.config.maxUploadBytes, fields: 6 }), validateBody('completeInboundCase', 'multipart/form-data'), async (req, res) => {
    const f = req.body as Omit<CompletionForm, 'file'>;
    const record = await completeInboundCase(core, clerkOf(res), caseId(req), {
      documentName: f.documentName, ...(f.certificateNo ? { certificateNo: f.certificateNo } : {}),
      delivery: { method: f.deliveryMethod, ...(f.trackingNo ? { trackingNo: f.trackingNo } : {}) },
      ...(req.file ? { file: { fileName: fileNameOf(req.file.originalname), bytes: req.file.buffer } } : {}),
    });
    res.json(toCaseView(record, core));
  });

  r.post(`${base}/delivery`, clerk, may, json, validateBody('recordInboundDelivery'), async (req, res) => {
    res.json(toCaseView(await recordInboundDelivery(core, clerkOf(res), caseId(req), req.body as Schemas['InboundDeliveryRecord']), core));
  });

  return r;
}
