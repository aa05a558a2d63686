// The inbound API partner regions call (contracts/gateway.yaml, tag 合作地区): receiveCase with our
// HMAC scheme, and one status callback per partner style, authenticated the partner's way.
import { Router, type Request } from 'express';
import { GatewayError, isGatewayError } from '../../errors.js';
import type { Core } from '../../deps.js';
import { authenticateGatewaySignature, assertFreshAndNew } from '../../inbound/authenticate.js';
import { receiveCase } from '../../inbound/receiveCase.js';
import { receivePartnerStatus } from '../../inbound/receivePartnerStatus.js';
import type { InboundHttpRequest } from '../../ports/partner.js';
import { validateBody } from '../validate.js';

type RawRequest = Request & { rawBody?: Buffer };

export function inboundRouter(core: Core): Router {
  const r = Router();
  r.post('/cases', async (req: RawRequest, res, next) => {
    const partner = await authenticateGatewaySignature(core, { method: req.method, url: req.originalUrl, headers: req.headers, rawBody: req.rawBody ?? Buffer.alloc(0) });
    res.locals.partner = partner;
    next();
  }, validateBody('receiveCase'), async (req: RawRequest, res) => {
    const key = req.header('Idempotency-Key');
    if (!key || !/^[\w.:-]{8,128}$/.test(key)) throw new GatewayError('VALIDATION_FAILED', '缺少或无效的 Idempotency-Key', [{ field: 'Idempotency-Key', message: 'pattern ^[\\w.:-]{8,128}$' }]);
    const { reply, replayed } = await receiveCase(core, res.locals.partner as string, key, req.rawBody ?? Buffer.alloc(0), req.body);
    res.status(201).setHeader('Idempotent-Replayed', String(replayed)).location(`/api/cases/${reply.caseId}`).json(reply);
  });

  r.post('/partners/:region/callback', async (req: RawRequest, res) => {
    const region = String(req.params.region);
    const adapter = core.partners.get(region);
    if (!adapter?.verifyCallback || !adapter.parseCallback || !adapter.callbackReply) throw new GatewayError('PARTNER_UNKNOWN', `合作地区 ${region} 不使用回调`);
    const inbound: InboundHttpRequest = {
      method: req.method, path: req.originalUrl, rawBody: req.rawBody ?? Buffer.alloc(0), body: req.body,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
    };
    try {
      await assertFreshAndNew(core, region, adapter.verifyCallback(inbound));
      for (const update of adapter.parseCallback(inbound)) await receivePartnerStatus(core, region, update);
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
