// The inbound API partner regions call (contracts/gateway.yaml, tag 合作地区): receiveCase and the
// answer to our 补正 (supplyInboundMaterials) with our HMAC scheme, and one status callback per partner style, authenticated the partner's way. Headers are
// checked before the body is read; the body is read within the unauthenticated budget and parsed once,
// within bounds, before any partner code sees it.
import { createHash } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { GatewayError, isGatewayError } from '../../errors.js';
import type { Core } from '../../deps.js';
import { checkSignedHeaders, verifyGatewaySignature, assertFreshAndNew, type SignedHeaders } from '../../inbound/authenticate.js';
import { receiveCase } from '../../inbound/receiveCase.js';
import { receivePartnerStatus } from '../../inbound/receivePartnerStatus.js';
import { supplyInboundMaterials } from '../../inbound/supplyInboundMaterials.js';
import type { InboundHttpRequest, PartnerExchange } from '../../ports/partner.js';
import { acceptMedia, chain, FORM_TYPES, JSON_TYPES, parseForm, parseJson, readJson, readRaw, type BodyBudget, type RawRequest } from '../body.js';
import { validateBody } from '../validate.js';

/** a callback whose adapter names no limit: status reports without documents */
const DEFAULT_CALLBACK_MAX_BYTES = 1024 * 1024;
/** a callback is parsed before its signature can be checked: its bytes and the parsed value both count */
const CALLBACK_PARSE_FACTOR = 2;
const IDEMPOTENCY_KEY = /^[\w.:-]{8,128}$/;

export function inboundRouter(core: Core, budget: BodyBudget): Router {
  const r = Router();
  const json = acceptMedia(JSON_TYPES, 'application/json');

  const signedHeaders: RequestHandler = (req, res, next) => {
    res.locals.signed = checkSignedHeaders(core, req.headers);
    const key = req.header('Idempotency-Key');
    if (!key || !IDEMPOTENCY_KEY.test(key)) throw new GatewayError('VALIDATION_FAILED', '缺少或无效的 Idempotency-Key', [{ field: 'Idempotency-Key', message: 'pattern ^[\\w.:-]{8,128}$' }]);
    next();
  };
  const signedBody: RequestHandler = async (req: RawRequest, res, next) => {
    res.locals.partner = await verifyGatewaySignature(core, res.locals.signed as SignedHeaders, req.method, req.originalUrl, req.rawBody ?? Buffer.alloc(0));
    next();
  };
  r.post('/cases', json, signedHeaders, readJson({ limit: core.config.inbound.maxBodyBytes, budget }), signedBody, parseJson(), validateBody('receiveCase'), async (req: RawRequest, res) => {
    const key = req.header('Idempotency-Key')!;
    const { reply, replayed } = await receiveCase(core, res.locals.partner as string, key, req.rawBody ?? Buffer.alloc(0), req.body);
    res.status(201).setHeader('Idempotent-Replayed', String(replayed)).location(`/api/cases/${reply.caseId}`).json(reply);
  });

  // the sending region's answer to our 补正, addressed by its own 办件编号
  r.post('/cases/:partnerCaseNo/supplements', json, signedHeaders, readJson({ limit: core.config.inbound.maxBodyBytes, budget }), signedBody, parseJson(), validateBody('supplyInboundMaterials'), async (req: RawRequest, res) => {
    const key = req.header('Idempotency-Key')!;
    const { reply, replayed } = await supplyInboundMaterials(core, res.locals.partner as string, String(req.params.partnerCaseNo), key, req.rawBody ?? Buffer.alloc(0), req.body);
    res.status(201).setHeader('Idempotent-Replayed', String(replayed)).json(reply);
  });

  const callbackReaders = new Map(core.partners.list().filter((a) => a.verifyCallback).map((a) => {
    // what the partner's contract allows, and never more than the operator allows any partner body
    const limit = Math.min(a.callbackMaxBytes ?? DEFAULT_CALLBACK_MAX_BYTES, core.config.inbound.maxBodyBytes);
    if (limit * CALLBACK_PARSE_FACTOR > budget.total) {
      throw new Error(`UNAUTH_BODY_BUDGET_BYTES (${budget.total}) is below what one callback of ${a.region} may hold (${limit * CALLBACK_PARSE_FACTOR})`);
    }
    const read = a.callbackMediaType === 'form'
      ? chain(acceptMedia(FORM_TYPES, 'application/x-www-form-urlencoded'), readRaw({ limit, budget, factor: CALLBACK_PARSE_FACTOR }), parseForm())
      : chain(json, readJson({ limit, budget, factor: CALLBACK_PARSE_FACTOR }), parseJson());
    return [a.region, read] as const;
  }));
  const callbackBody: RequestHandler = (req, res, next) => {
    const region = String(req.params.region);
    const read = callbackReaders.get(region);
    if (!read) throw new GatewayError('PARTNER_UNKNOWN', `合作地区 ${region.slice(0, 16)} 不使用回调`);
    read(req, res, next);
  };

  r.post('/partners/:region/callback', callbackBody, async (req: RawRequest, res) => {
    const region = String(req.params.region);
    const adapter = core.partners.get(region)!;
    if (!adapter.verifyCallback || !adapter.parseCallback || !adapter.callbackReply) throw new GatewayError('PARTNER_UNKNOWN', `合作地区 ${region} 不使用回调`);
    const inbound: InboundHttpRequest = {
      method: req.method, path: req.originalUrl, rawBody: req.rawBody ?? Buffer.alloc(0), body: req.body,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
    };
    try {
      await assertFreshAndNew(core, region, adapter.verifyCallback(inbound));
      // what the callback took to read (a result fetched by URL) is kept with what it reported
      const exchanges: PartnerExchange[] = [];
      const updates = await adapter.parseCallback(inbound, { http: core.http, now: core.now, record: (e) => exchanges.push(e) });
      const callbackSha256 = createHash('sha256').update(inbound.rawBody).digest('hex');
      for (const update of updates) await receivePartnerStatus(core, region, update, { via: 'callback', callbackSha256, ...(exchanges.length > 0 ? { exchanges } : {}) });
    } catch (e) {
      // Errors are our problem+json (documented codes); success is answered in the partner's style.
      if (isGatewayError(e)) core.metrics.inboundRejected.inc({ code: e.code });
      throw e;
    }
    const out = adapter.callbackReply({ ok: true });
    res.status(out.status).type(out.contentType).send(typeof out.body === 'string' ? out.body : JSON.stringify(out.body));
  });

  return r;
}
