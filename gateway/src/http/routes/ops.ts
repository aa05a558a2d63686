// Operations: health, readiness, Prometheus metrics, the published contract.
import { Router } from 'express';
import type { Core } from '../../deps.js';
import { gatewayContract } from '../validate.js';

export function opsRouter(core: Core, isReady: () => boolean): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  // ready: started, not stopping, and the database answers (a load balancer stops sending traffic otherwise)
  r.get('/readyz', async (_req, res) => {
    if (!isReady()) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    try {
      res.json({ status: 'ready', cases: await core.store.count() });
    } catch (err) {
      core.logger.warn({ err }, 'readiness: the database does not answer');
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  r.get('/metrics', async (_req, res) => {
    core.metrics.storedCases.set(await core.store.count());
    const overdue = await core.store.listCases({ regions: [core.config.homeRegion], direction: 'inbound', status: ['accepted'], deadlineBefore: core.now().toISOString(), offset: 0, limit: 0 });
    core.metrics.inboundOverdue.set(overdue.total);
    const anchors = core.anchors.status();
    core.metrics.anchorBroken.set(anchors.broken ? 1 : 0);
    core.metrics.anchorLatest.set(anchors.latest?.n ?? 0);
    core.metrics.anchorAge.set(anchors.latest ? Math.max(0, (core.now().getTime() - Date.parse(anchors.latest.at)) / 1000) : -1);
    core.metrics.anchorPending.set(anchors.pending);
    res.type(core.metrics.registry.contentType).send(await core.metrics.registry.metrics());
  });
  r.get('/openapi.yaml', (_req, res) => { res.type('application/yaml').send(gatewayContract().text); });
  return r;
}
