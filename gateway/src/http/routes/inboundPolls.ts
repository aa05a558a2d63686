// The interface a polling partner region fetches our reports from (we are 办理地 for the cases it hands
// us): POST /api/inbound/partners/:region/reports/:operation, authenticated and answered in the region's
// own style by its adapter (contracts/gateway.yaml, e.g. pollHanzhongReports). The headers are checked
// (who, the signature's form, the time) before the body is read; the body is read within the region's
// limit and the unauthenticated budget, parsed once, within bounds; then the signature, then the nonce.
// A refusal is answered in the region's error style, and changes nothing.
import { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { GatewayError, isGatewayError } from '../../errors.js';
import type { Core } from '../../deps.js';
import { assertFresh, assertFreshAndNew } from '../../inbound/authenticate.js';
import { answerPartnerPoll, toBytes } from '../../inbound/answerPartnerPoll.js';
import type { CallbackAuth, InboundHttpRequest, PartnerAdapter } from '../../ports/partner.js';
import { acceptMedia, chain, JSON_TYPES, parseJson, readJson, type BodyBudget, type RawRequest } from '../body.js';

/** a poll names a case and perhaps a document: a few hundred bytes */
const DEFAULT_POLL_MAX_BYTES = 64 * 1024;
const PARSE_FACTOR = 2;

interface PollLocals { adapter: PartnerAdapter; operationId: string; auth: CallbackAuth }

const headersOf = (req: RawRequest): InboundHttpRequest['headers'] =>
  Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

export function inboundPollsRouter(core: Core, budget: BodyBudget): Router {
  const r = Router();
  const polling = core.partners.list().filter((a) => a.capabilities.reportsBy === 'poll');
  const readers = new Map(polling.map((a) => {
    const limit = Math.min(a.pollMaxBytes ?? DEFAULT_POLL_MAX_BYTES, core.config.inbound.maxBodyBytes);
    return [a.region, chain(acceptMedia(JSON_TYPES, 'application/json'), readJson({ limit, budget, factor: PARSE_FACTOR }), parseJson())] as const;
  }));

  const pollHeaders: RequestHandler = (req: RawRequest, res, next) => {
    const region = String(req.params.region);
    const adapter = polling.find((a) => a.region === region);
    if (!adapter) throw new GatewayError('PARTNER_UNKNOWN', `合作地区 ${region.slice(0, 16)} 不以轮询方式获取办理结果`);
    res.locals.pollAdapter = adapter;
    const { operationId, auth } = adapter.checkPollHeaders!(String(req.params.operation), headersOf(req));
    assertFresh(core, auth.timestamp);
    res.locals.poll = { adapter, operationId, auth } satisfies PollLocals;
    readers.get(region)!(req, res, next);
  };

  r.post('/partners/:region/reports/:operation', pollHeaders, async (req: RawRequest, res) => {
    const { adapter, operationId, auth } = res.locals.poll as PollLocals;
    const rawBody = req.rawBody ?? Buffer.alloc(0);
    const query = adapter.verifyPoll!({ method: req.method, path: req.originalUrl, headers: headersOf(req), rawBody, body: req.body }, operationId);
    await assertFreshAndNew(core, adapter.region, auth);
    const out = await answerPartnerPoll(core, adapter, query, rawBody);
    res.status(out.status).type(out.contentType).send(out.body);
  });

  // a refusal of a region we know polls: in its own style; anything else goes on to problem+json
  const refusals: ErrorRequestHandler = (err, _req, res, next) => {
    const adapter = res.locals.pollAdapter as PartnerAdapter | undefined;
    if (!adapter?.pollReply || !isGatewayError(err) || res.headersSent) return next(err);
    core.metrics.inboundRejected.inc({ code: err.code });
    const out = toBytes(adapter.pollReply({ code: err.code, message: err.message }));
    res.status(out.status).type(out.contentType).send(out.body);
  };
  r.use('/partners/:region/reports', refusals);
  return r;
}
