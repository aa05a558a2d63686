// Personal data at rest (issue 10): what the gateway writes under DATA_DIR holds no ID number, phone
// number, name or address in plain text and no material as it was scanned, while clerks and partners
// get what they need as before; and a clerk finds an applicant's cases by the full ID number.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../gateway/src/domain/idNumber.js';
import { maskIdNumber, maskPhone } from '../../gateway/src/domain/mask.js';
import { call, login, materialForm } from '../support/client.js';
import { TINY_PDF, sha256 } from '../support/fixtures.js';
import { decide, firstItem, getCase, simState, waitFor } from '../support/flows.js';
import { filesUnder } from '../support/sealed.js';
import { startWorld, type World } from '../support/world.js';

/** A TCP relay in front of a simulated partner that keeps every byte the gateway sent it. */
async function recordingRelay(): Promise<{ url: string; target: { port: number }; sent(): Buffer; close(): Promise<void> }> {
  const target = { port: 0 };
  const chunks: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.on('data', (b: Buffer) => chunks.push(b));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    target,
    sent: () => Buffer.concat(chunks),
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

const PARTNER = '310104';
// someone whose data appears nowhere else in the tests
const person = {
  kind: 'person', name: '林晓雯', idType: '111', idNumber: makeIdNumber('330681', '19850612', '046'), phone: '13957571234',
  address: '浙江省诸暨市暨阳街道望云路77号',
};
const postTo = '浙江省诸暨市浣东街道西施大街12号';
/** a scan no other file could contain by chance */
const scan = Buffer.concat([TINY_PDF, Buffer.from(`% scan ${randomBytes(16).toString('hex')}\n`)]);

let world: World;
let relay: Awaited<ReturnType<typeof recordingRelay>>;
let token: string;

beforeAll(async () => {
  relay = await recordingRelay();
  world = await startWorld({ env: { [`PARTNER_${PARTNER}_URL`]: relay.url } });
  relay.target.port = Number(new URL(world.sims.byRegion[PARTNER]!.url).port);
  token = await login(world.url);
});
afterAll(async () => {
  await world?.close();
  await relay?.close();
});

async function openCase(applicant: Record<string, string>, opts: { as?: string; materials?: boolean } = {}): Promise<string> {
  const as = opts.as ?? token;
  const item = await firstItem(world.url, as, PARTNER);
  const created = await call(world.url, 'POST', '/api/cases', { token: as, json: { itemCode: item.itemCode, applicant, delivery: { byPost: true, address: postTo } } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (opts.materials !== false) {
    for (const m of item.materials.filter((x: { required: boolean }) => x.required)) {
      const up = await call(world.url, 'POST', `/api/cases/${created.body.id}/materials`, { token: as, form: materialForm(m.code, scan, `${m.code}.pdf`) });
      expect(up.status, JSON.stringify(up.body)).toBe(201);
    }
  }
  return created.body.id as string;
}

/** the plain forms of this person's data, as bytes and as JSON would escape them */
function needles(): Array<[string, Buffer]> {
  const escaped = (s: string) => JSON.stringify(s).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const words: Array<[string, string]> = [['ID number', person.idNumber], ['phone', person.phone], ['name', person.name], ['address', '望云路77号'], ['posting address', '西施大街12号']];
  return [
    ...words.map(([what, w]): [string, Buffer] => [what, Buffer.from(w)]),
    ...words.map(([what, w]): [string, Buffer] => [`${what} (\\u escaped)`, Buffer.from(escaped(w))]),
    ['the scan', scan],
    ['the scan’s marker', scan.subarray(TINY_PDF.length)],
  ];
}

/** every file under DATA_DIR, with the plain personal data each one holds (none, we hope) */
async function plainOnDisk(): Promise<{ files: string[]; found: string[] }> {
  const files = await filesUnder(world.dataDir);
  const found: string[] = [];
  for (const file of files) {
    const bytes = await readFile(file);
    for (const [what, needle] of needles()) if (bytes.includes(needle)) found.push(`${path.relative(world.dataDir, file)}: ${what}`);
  }
  return { files: files.map((f) => path.relative(world.dataDir, f)), found };
}

describe('personal data at rest', () => {
  test('after a case is received, handed off and completed, no file under DATA_DIR holds the ID number, phone, name, address or the scan in plain; the clerk and the partner still get them', async () => {
    const caseId = await openCase(person);
    expect((await call(world.url, 'POST', `/api/cases/${caseId}/submit`, { token })).status).toBe(202);
    const forwarded = await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    await decide(world.sims.byRegion[PARTNER]!.url, forwarded.partnerRef, { to: 'completed', result: { documentName: '准予注销登记通知书', byPost: true, trackingNo: 'SF5566778899' } });
    await waitFor('办结', () => getCase(world.url, token, caseId), (c) => c.status === 'completed' && c.result?.document !== null);
    // the audit trail is chained; the SQLite write-ahead log still holds the recent writes
    expect((await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token })).body).toMatchObject({ ok: true });

    const running = await plainOnDisk();
    for (const file of ['gateway.sqlite', 'gateway.sqlite-wal']) expect(running.files, file).toContain(file);
    // the case, its events and its blobs are in the database the scan looked at
    const blobs = await world.gateway.database.db.selectFrom('blobs').select('name').where('case_id', '=', caseId).execute();
    expect(blobs.length).toBeGreaterThan(0);
    expect(running.found).toEqual([]);
    // after a graceful stop (the WAL checkpointed into the database file) and a start
    await world.restart();
    expect((await plainOnDisk()).found).toEqual([]);

    // the clerk sees the case as before: the full values, masked by the view as always
    const seen = await getCase(world.url, token, caseId);
    expect(seen.applicant).toEqual({ kind: 'person', name: person.name, idType: '111', idTypeLabel: '居民身份证', idNumberMasked: maskIdNumber(person.idNumber), phoneMasked: maskPhone(person.phone) });
    const file = await fetch(`${world.url}/api/cases/${caseId}/materials/${seen.materials[0].id}/file`, { headers: { authorization: `Bearer ${token}` } });
    expect(Buffer.from(await file.arrayBuffer())).toEqual(scan);
    const receipt = await fetch(`${world.url}/api/cases/${caseId}/documents/acceptance_receipt`, { headers: { authorization: `Bearer ${token}` } });
    expect([receipt.status, Buffer.from(await receipt.arrayBuffer()).subarray(0, 5).toString()]).toEqual([200, '%PDF-']);

    // the partner got what its contract asks for, in plain: name, ID number, mobile, the posting address and the scan
    const sent = relay.sent();
    for (const field of [`"name":"${person.name}"`, `"idNumber":"${person.idNumber}"`, `"mobile":"${person.phone}"`, `"address":"${postTo}"`]) expect(sent.includes(Buffer.from(field)), field).toBe(true);
    expect(sent.includes(scan)).toBe(true);
    // and not the applicant's own address, which its contract does not need
    expect(sent.includes(Buffer.from(person.address))).toBe(false);
    const atPartner = (await simState(world.sims.byRegion[PARTNER]!.url)).cases.find((c) => c.caseNo === seen.caseNo);
    expect(atPartner?.materials.map((m) => m.sha256)).toContain(sha256(scan));
  });
});

describe('GET /api/cases?idNumber= (listCases by the applicant’s ID number)', () => {
  test('finds the applicant’s cases and only those, whatever the case of the check character, and only for clerks of the region', async () => {
    const withX = (() => {
      for (let seq = 100; ; seq++) {
        const id = makeIdNumber('330681', '19920318', String(seq));
        if (id.endsWith('X')) return id;
      }
    })();
    const someone = { ...person, name: '周文', idNumber: withX, phone: '13700001111' };
    const first = await openCase(someone, { materials: false });
    const second = await openCase(someone);
    await openCase({ ...person, name: '吴桐', idNumber: makeIdNumber('330681', '19790101', '011') }, { materials: false });

    const list = (idNumber: string, as = token) => call(world.url, 'GET', `/api/cases?idNumber=${encodeURIComponent(idNumber)}`, { token: as });
    const found = await list(withX);
    expect(found.status).toBe(200);
    expect(found.body.items.map((s: { id: string }) => s.id)).toEqual([second, first]);
    expect(found.body.total).toBe(2);
    expect((await list(withX.toLowerCase())).body.items.map((s: { id: string }) => s.id)).toEqual([second, first]);
    // the summaries say nothing of the applicant
    expect(JSON.stringify(found.body)).not.toMatch(new RegExp(`${withX}|周文|idNumber`));
    // other filters still apply on top
    expect((await call(world.url, 'GET', `/api/cases?idNumber=${withX}&status=received`, { token })).body.total).toBe(0);
    // a number no case has, and a clerk of another region, find nothing
    expect((await list(makeIdNumber('330681', '19920318', '001'))).body).toMatchObject({ total: 0, items: [] });
    const shangyu = await login(world.url, 'shangyu01', 'Shangyu@2026');
    expect((await list(withX, shangyu)).body).toMatchObject({ total: 0, items: [] });
    // a value that cannot be an ID number is refused without being echoed
    const bad = await list('9'.repeat(51));
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(bad.body)).not.toContain('9'.repeat(51));
  });
});
