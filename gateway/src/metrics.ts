// Prometheus metrics on a registry of the app's own (never the global one: tests build many apps).
import { Counter, Histogram, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics(collectDefaults = true) {
  const registry = new Registry();
  if (collectDefaults) collectDefaultMetrics({ register: registry, prefix: 'kytb_' });
  return {
    registry,
    httpRequests: new Histogram({
      name: 'kytb_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry],
    }),
    handoffAttempts: new Counter({
      name: 'kytb_handoff_attempts_total', help: 'Handoff attempts by partner and outcome', labelNames: ['partner', 'outcome'] as const, registers: [registry],
    }),
    handoffLatency: new Histogram({
      name: 'kytb_handoff_latency_seconds', help: 'From submit to partner acknowledgement', labelNames: ['partner'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300, 3600], registers: [registry],
    }),
    handoffsInFlight: new Gauge({ name: 'kytb_handoffs_in_flight', help: 'Outbox jobs (renders and deliveries) being run now', registers: [registry] }),
    leasesLost: new Counter({
      name: 'kytb_outbox_leases_lost_total', help: 'Outbox attempts that outlived their lease (another instance took the job): their outcome was not recorded',
      labelNames: ['kind'] as const, registers: [registry],
    }),
    renderFailures: new Counter({ name: 'kytb_document_render_failures_total', help: 'Render steps of handoffs that failed (retried, then dead-lettered)', registers: [registry] }),
    partnerCallbacks: new Counter({
      name: 'kytb_partner_status_total', help: 'Partner status updates by partner and outcome', labelNames: ['partner', 'outcome'] as const, registers: [registry],
    }),
    inboundRejected: new Counter({
      name: 'kytb_inbound_rejected_total', help: 'Inbound partner requests refused, by code', labelNames: ['code'] as const, registers: [registry],
    }),
    inboundOverdue: new Gauge({ name: 'kytb_inbound_overdue_cases', help: 'Cases partner regions handed us, accepted and past their 承诺办结时间 (not yet 办结)', registers: [registry] }),
    storedCases: new Gauge({ name: 'kytb_stored_cases', help: 'Cases in the store', registers: [registry] }),
    anchorBroken: new Gauge({ name: 'kytb_audit_anchor_log_broken', help: '1 when the audit anchor log failed its check at start (nothing more is anchored)', registers: [registry] }),
    anchorLatest: new Gauge({ name: 'kytb_audit_anchor_latest_number', help: 'Number of the latest audit anchor record (0: none yet)', registers: [registry] }),
    anchorAge: new Gauge({ name: 'kytb_audit_anchor_age_seconds', help: 'Seconds since the latest audit anchor record was written (-1: none yet)', registers: [registry] }),
    anchorPending: new Gauge({ name: 'kytb_audit_anchor_pending_heads', help: 'Chain heads noted since the latest anchor, written with the next one', registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
