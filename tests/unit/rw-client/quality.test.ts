// The connection-quality indicator of the remote window: thresholds and the arithmetic over WebRTC
// statistics (remote-window/src/client/quality-calc.ts), as tables.
import { describe, expect, test } from 'vitest';
import { intervalReport, qualityLevel, readTotals, type StatLike } from '../../../remote-window/src/client/quality-calc.js';

describe('qualityLevel', () => {
  const cases: Array<[string, { given: Parameters<typeof qualityLevel>[0]; want: string }]> = [
    ['a clean link with video flowing is good', { given: { loss: 0, rttMs: 20, kbps: 900, videoExpected: true }, want: 'good' }],
    ['just under every threshold is still good', { given: { loss: 0.0299, rttMs: 199, kbps: 150, videoExpected: true }, want: 'good' }],
    ['3 % loss is fair', { given: { loss: 0.03, rttMs: 20, kbps: 900, videoExpected: true }, want: 'fair' }],
    ['200 ms round trip is fair', { given: { loss: 0, rttMs: 200, kbps: 900, videoExpected: true }, want: 'fair' }],
    ['video at 120 kbit/s is fair (blurry)', { given: { loss: 0, rttMs: 20, kbps: 120, videoExpected: true }, want: 'fair' }],
    ['10 % loss is poor', { given: { loss: 0.1, rttMs: 20, kbps: 900, videoExpected: true }, want: 'poor' }],
    ['400 ms round trip is poor', { given: { loss: 0, rttMs: 400, kbps: 900, videoExpected: true }, want: 'poor' }],
    ['video expected but almost nothing flows is poor (frozen)', { given: { loss: 0, rttMs: 20, kbps: 10, videoExpected: true }, want: 'poor' }],
    ['audio only at 30 kbit/s is good (a quiet link is not a bad one)', { given: { loss: 0, rttMs: 20, kbps: 30, videoExpected: false }, want: 'good' }],
    ['round trip not measured yet does not count against it', { given: { loss: 0, rttMs: null, kbps: 800, videoExpected: true }, want: 'good' }],
    ['nonsense numbers are unknown', { given: { loss: Number.NaN, rttMs: 20, kbps: 800 }, want: 'unknown' }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    expect(qualityLevel(given)).toBe(want);
  });
});

describe('readTotals and intervalReport', () => {
  const send = (bytesSent: number, packetsSent: number, remoteLost: number, rtt: number): StatLike[] => [
    { type: 'outbound-rtp', kind: 'video', bytesSent, packetsSent },
    { type: 'remote-inbound-rtp', kind: 'video', packetsLost: remoteLost, roundTripTime: rtt },
    { type: 'transport', selectedCandidatePairId: 'p1' },
    { type: 'candidate-pair', id: 'p1', currentRoundTripTime: rtt / 2, state: 'succeeded', nominated: true },
    { type: 'candidate-pair', id: 'p2', currentRoundTripTime: 9, state: 'failed' },
  ];
  const recv = (bytesReceived: number, packetsReceived: number, packetsLost: number): StatLike[] => [
    { type: 'inbound-rtp', kind: 'video', bytesReceived, packetsReceived, packetsLost },
    { type: 'inbound-rtp', kind: 'audio', bytesReceived: 0, packetsReceived: 0, packetsLost: 0 },
  ];

  test('two seconds of clean video: bitrates from byte deltas, RTT of the selected candidate pair', () => {
    const a = readTotals([send(0, 0, 0, 0.04), recv(0, 0, 0)], 0);
    const b = readTotals([send(250_000, 200, 0, 0.04), recv(200_000, 180, 0)], 2000);
    expect(b.rttMs).toBe(20); // the selected pair's currentRoundTripTime (0.02 s), not the failed one
    expect(intervalReport(a, b, { videoExpected: true })).toEqual({ level: 'good', loss: 0, rttMs: 20, sendKbps: 1000, recvKbps: 800 });
  });

  test('inbound loss is lost / (lost + received) over the interval, outbound loss comes from remote-inbound-rtp', () => {
    const a = readTotals([send(0, 1000, 10, 0.05), recv(0, 1000, 5)], 0);
    const inbound = readTotals([send(100_000, 1100, 10, 0.05), recv(100_000, 1090, 15)], 2000);
    expect(intervalReport(a, inbound, { videoExpected: true }).loss).toBe(0.1); // 10 lost of 100
    const outbound = readTotals([send(100_000, 1100, 14, 0.05), recv(100_000, 1100, 5)], 2000);
    expect(intervalReport(a, outbound, { videoExpected: true })).toMatchObject({ loss: 0.04, level: 'fair' }); // 4 of 100 sent
  });

  test('without a selected pair the round trip comes from remote-inbound-rtp', () => {
    const t = readTotals([[{ type: 'remote-inbound-rtp', packetsLost: 0, roundTripTime: 0.3 }]], 0);
    expect(t.rttMs).toBe(300);
  });

  test('nothing sent or received and no RTT yet: unknown, not bad', () => {
    const a = readTotals([[]], 0);
    const b = readTotals([[]], 2000);
    expect(intervalReport(a, b, { videoExpected: false }).level).toBe('unknown');
  });

  test('counters that go backwards (a transport was recreated) never give negative rates', () => {
    const a = readTotals([send(900_000, 900, 9, 0.02), recv(900_000, 900, 9)], 0);
    const b = readTotals([send(1000, 10, 0, 0.02), recv(1000, 10, 0)], 2000);
    const r = intervalReport(a, b, { videoExpected: false });
    expect(r.sendKbps).toBe(0);
    expect(r.recvKbps).toBe(0);
    expect(r.loss).toBe(0);
  });
});
