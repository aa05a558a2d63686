// The platform's notifications, through its real simulator and our real adapter: delivered only when
// answered `success`, resent otherwise with the same event; a result document fetched by its URL.
import axios from 'axios';
import { afterEach, describe, expect, test } from 'vitest';
import type { SimulatedPartner } from '../../gateway/src/ports/partner.js';
import { sha256 } from '../../tests/support/fixtures.js';
import { DEV_PLATFORM_PRIVATE_KEY } from './dev-keys.js';
import { partner } from './index.js';
import { privateKeyOf } from './settings.js';
import { signForm } from './sign.js';
import { DEV, context, handoffOf, startReceiver, startSim, until } from './testing.js';

const control = axios.create({ proxy: false, validateStatus: () => true });
let closers: Array<() => Promise<void>> = [];
afterEach(async () => { for (const c of closers.reverse()) await c(); closers = []; });

async function world(answer?: (n: number) => string | undefined) {
  // the adapter needs the simulator's URL, the simulator the receiver's
  const started: { sim?: SimulatedPartner } = {};
  const adapter = () => partner.createAdapter({ ...DEV, URL: started.sim!.url }, { callbackUrl: `${receiver.url}/api/inbound/partners/350200/callback` });
  const receiver = await startReceiver(adapter, answer);
  const sim = started.sim = await startSim({ gatewayBaseUrl: receiver.url, settings: { NOTIFY_RETRY_SCHEDULE: '50,50,50' } });
  closers.push(() => receiver.close(), () => sim.close());
  const ack = await adapter().deliver(handoffOf(), context().ctx);
  return { sim, receiver, ack, adapter };
}

describe('the platform’s notifications', () => {
  test('go to the notify_url the case was submitted with, and are resent with the same event until answered `success`', async () => {
    const { sim, receiver, ack } = await world((n) => (n < 3 ? 'ok' : undefined));
    expect((await control.post(`${sim.url}/__sim/cases/${ack.partnerRef}/decision`, { to: 'accepted' })).status).toBe(200);
    await until(() => (receiver.received.length >= 3 ? true : undefined), 'three sends');
    const sent = receiver.received.map((r) => r.form);
    expect(new Set(sent.map((f) => f.event_id)).size).toBe(1);
    expect(new Set(sent.map((f) => f.notify_id)).size).toBe(3);
    expect(receiver.received.map((r) => r.updates[0]?.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const state = (await control.get(`${sim.url}/__sim/state`)).data;
    expect(state).toMatchObject({ callbacksDelivered: 1, lastCallbackError: 'HTTP 200: ok' });
  });

  test('办结: the result is fetched from result_url, its SHA-256 checked, the fetch recorded with its hash', async () => {
    const { sim, receiver, ack } = await world();
    await control.post(`${sim.url}/__sim/cases/${ack.partnerRef}/decision`, { to: 'completed', result: { documentName: '营业执照', certificateNo: 'ZZ-9', byPost: true, trackingNo: 'SF9' } });
    const got = await until(() => receiver.received[0], 'the notification');
    const doc = got.updates[0]?.result?.document;
    expect(got.form.result_url).toMatch(new RegExp(`^${sim.url}/files/[0-9a-f]{32}$`));
    expect(doc).toMatchObject({ fileName: '营业执照.pdf', mediaType: 'application/pdf', sha256: got.form.result_sha256 });
    expect(sha256(Buffer.from(doc!.contentBase64, 'base64'))).toBe(got.form.result_sha256);
    expect(got.exchanges).toEqual([expect.objectContaining({ operationId: 'resultDownload', method: 'GET', status: 200, responseSha256: got.form.result_sha256 })]);
  });

  test.each<[string, { given: (f: Record<string, string>, sim: string) => Record<string, string>; want: RegExp }]>([
    ['a result whose bytes do not match result_sha256', { given: (f) => ({ ...f, result_sha256: '0'.repeat(64) }), want: /result_sha256/ }],
    ['a result_url off the platform', { given: (f) => ({ ...f, result_url: 'http://127.0.0.2:9/files/x' }), want: /result_url/ }],
  ])('a genuinely signed notification with %s is refused', async (_name, { given, want }) => {
    const { sim, receiver, ack, adapter } = await world();
    await control.post(`${sim.url}/__sim/cases/${ack.partnerRef}/decision`, { to: 'completed', result: { documentName: '营业执照' } });
    const { form } = await until(() => receiver.received[0], 'the notification');
    const tampered = signForm(given(form, sim.url), privateKeyOf(DEV_PLATFORM_PRIVATE_KEY, 'PLATFORM_PRIVATE_KEY'));
    const inbound = { method: 'POST', path: '/', headers: {}, rawBody: Buffer.alloc(0), body: tampered };
    expect(adapter().verifyCallback!(inbound)).toMatchObject({ nonce: form.notify_id });
    await expect(adapter().parseCallback!(inbound, context().ctx)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(want) });
  });
});
