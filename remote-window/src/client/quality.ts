/// <reference lib="dom" />
// Samples the transports' WebRTC statistics every 2 s, turns them into a QualityReport
// (quality-calc.ts), shows it to this participant and sends it to the others (reportQuality).
// The report also serves as a heartbeat: a report that gets no answer marks the socket dead.
import type { QualityReport } from '../protocol.js';
import { Emitter } from './emitter.js';
import type { Media } from './media.js';
import { intervalReport, readTotals, type StatLike, type Totals } from './quality-calc.js';
import type { Signalling } from './signalling.js';

export class QualityMonitor extends Emitter<{ report: [QualityReport] }> {
  last: QualityReport | null = null;
  #prev: Totals | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly media: Media,
    private readonly sig: Signalling,
    private readonly videoExpected: () => boolean,
    private readonly intervalMs = 2000,
  ) {
    super();
  }

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.tick(), this.intervalMs);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#prev = null;
  }

  async tick(): Promise<void> {
    const transports = [this.media.send, this.media.recv].filter((t) => t && !t.closed);
    let reports: Iterable<StatLike>[];
    try {
      reports = (await Promise.all(transports.map((t) => t!.getStats()))).map((r) => r.values() as Iterable<StatLike>);
    } catch {
      return;
    }
    const cur = readTotals(reports, performance.now());
    const prev = this.#prev;
    this.#prev = cur;
    if (!prev) return;
    const report = intervalReport(prev, cur, { videoExpected: this.videoExpected() });
    this.last = report;
    this.emit('report', report);
    if (this.sig.link === 'open') await this.sig.request('reportQuality', report, 5000).catch(() => undefined);
  }
}

export interface InboundStat {
  participantId: string;
  source: string;
  kind: string;
  framesDecoded: number;
  bytesReceived: number;
  frameWidth: number | null;
  frameHeight: number | null;
}

/** Per consumer: what really arrived and was decoded (for the page's details and the tests). */
export async function inboundStats(media: Media): Promise<InboundStat[]> {
  const out: InboundStat[] = [];
  for (const rt of media.remote.values()) {
    const stats = await rt.consumer.getStats().catch(() => null);
    const s = stats && [...stats.values()].find((x: { type: string }) => x.type === 'inbound-rtp');
    out.push({
      participantId: rt.participantId,
      source: rt.source,
      kind: rt.kind,
      framesDecoded: s?.framesDecoded ?? 0,
      bytesReceived: s?.bytesReceived ?? 0,
      frameWidth: s?.frameWidth ?? null,
      frameHeight: s?.frameHeight ?? null,
    });
  }
  return out;
}

export interface OutboundStat { source: string; kind: string; packetsSent: number; bytesSent: number; framesEncoded: number; qualityLimitationReason: string | null }

/** Per producer: what was really sent (for the page's details and the benchmark). */
export async function outboundStats(media: Media): Promise<OutboundStat[]> {
  const out: OutboundStat[] = [];
  for (const [source, p] of media.producers) {
    const stats = await p.getStats().catch(() => null);
    for (const s of stats ? [...stats.values()] : []) {
      if (s.type !== 'outbound-rtp') continue;
      out.push({ source, kind: p.kind, packetsSent: s.packetsSent ?? 0, bytesSent: s.bytesSent ?? 0, framesEncoded: s.framesEncoded ?? 0, qualityLimitationReason: s.qualityLimitationReason ?? null });
    }
  }
  return out;
}
