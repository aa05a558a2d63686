// Connection quality from WebRTC statistics: pure functions (no DOM), unit-tested in
// tests/unit/rw-client/quality.test.ts. quality.ts samples the stats every 2 s and feeds them here.
import type { QualityLevel, QualityReport } from '../protocol.js';

/** The fields of RTCStats we read (the browser gives much more). */
export interface StatLike {
  type: string;
  id?: string;
  kind?: string;
  bytesSent?: number;
  bytesReceived?: number;
  packetsSent?: number;
  packetsReceived?: number;
  packetsLost?: number;
  roundTripTime?: number;
  currentRoundTripTime?: number;
  state?: string;
  nominated?: boolean;
  selectedCandidatePairId?: string;
}

/** Cumulative counters of one moment, summed over the send and recv transports. */
export interface Totals {
  atMs: number;
  bytesSent: number;
  bytesReceived: number;
  packetsSent: number;
  packetsReceived: number;
  /** inbound-rtp: packets we did not get */
  packetsLost: number;
  /** remote-inbound-rtp: packets of ours the SFU did not get */
  remoteLost: number;
  rttMs: number | null;
}

export function readTotals(reports: Iterable<StatLike>[], atMs: number): Totals {
  const t: Totals = { atMs, bytesSent: 0, bytesReceived: 0, packetsSent: 0, packetsReceived: 0, packetsLost: 0, remoteLost: 0, rttMs: null };
  let pairRtt: number | null = null;
  let remoteRtt: number | null = null;
  for (const report of reports) {
    const all = [...report];
    const selected = new Set(all.filter((s) => s.type === 'transport' && s.selectedCandidatePairId).map((s) => s.selectedCandidatePairId));
    for (const s of all) {
      if (s.type === 'outbound-rtp') {
        t.bytesSent += s.bytesSent ?? 0;
        t.packetsSent += s.packetsSent ?? 0;
      } else if (s.type === 'inbound-rtp') {
        t.bytesReceived += s.bytesReceived ?? 0;
        t.packetsReceived += s.packetsReceived ?? 0;
        t.packetsLost += Math.max(0, s.packetsLost ?? 0);
      } else if (s.type === 'remote-inbound-rtp') {
        t.remoteLost += Math.max(0, s.packetsLost ?? 0);
        if (typeof s.roundTripTime === 'number') remoteRtt = Math.max(remoteRtt ?? 0, s.roundTripTime * 1000);
      } else if (s.type === 'candidate-pair' && typeof s.currentRoundTripTime === 'number'
        && (selected.has(s.id) || (selected.size === 0 && s.nominated && s.state === 'succeeded'))) {
        pairRtt = Math.max(pairRtt ?? 0, s.currentRoundTripTime * 1000);
      }
    }
  }
  t.rttMs = pairRtt ?? remoteRtt;
  return t;
}

const delta = (a: number, b: number) => Math.max(0, b - a);

/** What happened between two samples. */
export function intervalReport(prev: Totals, cur: Totals, opts: { videoExpected: boolean }): QualityReport {
  const seconds = Math.max(0.001, (cur.atMs - prev.atMs) / 1000);
  const lost = delta(prev.packetsLost, cur.packetsLost);
  const received = delta(prev.packetsReceived, cur.packetsReceived);
  const inLoss = lost + received > 0 ? lost / (lost + received) : 0;
  const sent = delta(prev.packetsSent, cur.packetsSent);
  const outLoss = sent > 0 ? Math.min(1, delta(prev.remoteLost, cur.remoteLost) / sent) : 0;
  const loss = Math.max(inLoss, outLoss);
  const sendKbps = (delta(prev.bytesSent, cur.bytesSent) * 8) / seconds / 1000;
  const recvKbps = (delta(prev.bytesReceived, cur.bytesReceived) * 8) / seconds / 1000;
  const measured = sent + received + lost > 0 || cur.rttMs !== null;
  const level = measured ? qualityLevel({ loss, rttMs: cur.rttMs, kbps: sendKbps + recvKbps, videoExpected: opts.videoExpected }) : 'unknown';
  return { level, loss: round(loss, 4), rttMs: cur.rttMs === null ? null : Math.round(cur.rttMs), sendKbps: Math.round(sendKbps), recvKbps: Math.round(recvKbps) };
}

/**
 * Thresholds (what a person notices in a video call):
 * - poor (差): ≥ 10 % packet loss, or RTT ≥ 400 ms, or video expected but < 50 kbit/s flowing (frozen);
 * - fair (一般): ≥ 3 % loss, or RTT ≥ 200 ms, or video expected but < 150 kbit/s (blurry, stuttering);
 * - good (好): otherwise.
 * `rttMs` null (not measured yet) does not count against the connection; `videoExpected` is false when
 * only audio flows or every video is paused, so a quiet link is not called bad.
 */
export function qualityLevel({ loss, rttMs, kbps, videoExpected = false }: { loss: number; rttMs: number | null; kbps: number; videoExpected?: boolean }): QualityLevel {
  if (!Number.isFinite(loss) || !Number.isFinite(kbps)) return 'unknown';
  const rtt = rttMs ?? 0;
  if (loss >= 0.1 || rtt >= 400 || (videoExpected && kbps < 50)) return 'poor';
  if (loss >= 0.03 || rtt >= 200 || (videoExpected && kbps < 150)) return 'fair';
  return 'good';
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
