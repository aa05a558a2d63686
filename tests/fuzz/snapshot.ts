// The world's state as far as a refused request must leave it alone: the cases (count, each one's
// status, version and updatedAt), their events, the blob files under the data directory (or, with a
// store that keeps blobs in its database, every blob the cases name), and each simulated partner's
// /__sim/state.
//
// Left out on purpose, because they move without any request or because a refused request may move
// them by design: the audit trail files and anchors (chained and signed in the background), the WAL and
// checkpoints (the store's own housekeeping), the nonce journal (a correctly signed request spends its
// nonce even when its body is then refused, so that it cannot be replayed), workingDaysLeft (computed
// from the clock), and the remote window's in-memory sessions and rate limits.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CaseRecord } from '../../gateway/src/domain/case.js';
import type { World } from '../support/world.js';

export interface Snapshot { cases: Record<string, string>; events: Record<string, string>; blobs: Record<string, string>; sims: Record<string, string> }

const hashCache = new Map<string, { key: string; sha256: string }>();

async function blobListing(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    let entries;
    try { entries = await readdir(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { await walk(p); continue; }
      const st = await stat(p);
      // hash again only what changed on disk (size, mtime or inode)
      const key = `${st.size}:${st.mtimeMs}:${st.ino}`;
      let cached = hashCache.get(p);
      if (cached?.key !== key) {
        cached = { key, sha256: createHash('sha256').update(await readFile(p)).digest('hex') };
        hashCache.set(p, cached);
      }
      out[path.relative(dir, p)] = `${st.size} ${cached.sha256}`;
    }
  };
  await walk(dir);
  return out;
}

/** time spent taking snapshots, for the run's summary */
export const snapshotCost = { count: 0, ms: 0 };

export async function snapshot(world: World, regions: string[]): Promise<Snapshot> {
  const started = performance.now();
  try {
    return await take(world, regions);
  } finally {
    snapshotCost.count += 1;
    snapshotCost.ms += performance.now() - started;
  }
}

type Store = World['gateway']['core']['store'];
interface CaseDetail { key: string; entry: string; events: string; blobs: Record<string, string> }

/**
 * Each case read in full (record, events, and its blobs when they are not files) only when its summary
 * (status, updatedAt, handoff status, event count) differs from the last time: every change of a case
 * appends an event, so a case whose summary stands still has not changed.
 */
const details = new Map<string, CaseDetail>();

async function detail(store: Store, s: { id: string; status: string; updatedAt: string; handoffStatus?: string; eventCount?: number }, withBlobs: boolean): Promise<CaseDetail> {
  const key = `${s.status}|${s.updatedAt}|${s.handoffStatus ?? '-'}|${s.eventCount ?? '?'}|${withBlobs}`;
  const cached = details.get(s.id);
  if (cached?.key === key) return cached;
  const [record, evs] = await Promise.all([store.getCase(s.id), store.events(s.id)]);
  const last = evs[evs.length - 1];
  const d: CaseDetail = {
    key,
    entry: `${s.status} v${record?.version ?? '?'} ${s.updatedAt} ${s.handoffStatus ?? '-'} materials ${record?.materials.length ?? '?'}`,
    events: `${evs.length} ${createHash('sha256').update(JSON.stringify(evs)).digest('hex').slice(0, 16)} last: ${last ? `${last.type} by ${last.actor} at ${last.at}` : '-'}`,
    blobs: withBlobs && record ? await namedBlobs(store, record) : {},
  };
  details.set(s.id, d);
  return d;
}

async function take(world: World, regions: string[]): Promise<Snapshot> {
  const store = world.gateway.core.store;
  const sims: Record<string, string> = {};
  const [listed, count, onDisk] = await Promise.all([
    // awaited: the store may answer these synchronously or not
    store.listCases({ regions, offset: 0, limit: 1_000_000 }),
    store.count(),
    blobListing(path.join(world.dataDir, 'blobs')),
    Promise.all(Object.entries(world.sims.byRegion).map(async ([region, sim]) => {
      sims[region] = await (await fetch(`${sim.url}/__sim/state`)).text();
    })),
  ]);
  // A store that keeps blobs in its database (the SQL store) has no blob files: then the blobs each
  // case names are read back through it. That sees a blob changed in place, not one no case names.
  const blobsInStore = Object.keys(onDisk).length === 0;
  const cases: Record<string, string> = { count: String(count), listed: String(listed.total) };
  const events: Record<string, string> = {};
  const blobs: Record<string, string> = { ...onDisk };
  await Promise.all(listed.items.map(async (s) => {
    const d = await detail(store, s, blobsInStore);
    cases[s.id] = d.entry;
    events[s.id] = d.events;
    Object.assign(blobs, d.blobs);
  }));
  return { cases, events, blobs, sims };
}

async function namedBlobs(store: Store, c: CaseRecord): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const names = [...c.materials.map((m) => m.id), ...(c.result?.document ? [c.result.document.blob] : []), ...(c.documents ?? []).map((d) => d.id)];
  await Promise.all(names.map(async (name) => {
    const bytes = await store.getBlob(c.id, name).catch(() => undefined);
    out[`${c.id}/${name}`] = bytes ? `${bytes.length} ${createHash('sha256').update(bytes).digest('hex')}` : 'missing';
  }));
  return out;
}

/** what differs between two snapshots, one line per thing */
export function differences(a: Snapshot, b: Snapshot): string[] {
  const out: string[] = [];
  for (const part of ['cases', 'events', 'blobs', 'sims'] as const) {
    const keys = new Set([...Object.keys(a[part]), ...Object.keys(b[part])]);
    for (const k of keys) {
      if (a[part][k] !== b[part][k]) out.push(`${part} ${k}: ${String(a[part][k] ?? '(none)').slice(0, 200)} → ${String(b[part][k] ?? '(none)').slice(0, 200)}`);
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** wait until background work (handoffs, documents, callbacks) has stopped moving the state */
export async function settle(world: World, regions: string[], quietMs = 120, maxMs = 20_000): Promise<Snapshot> {
  const { core, worker } = world.gateway;
  // no job due or running (handoffs, and the documents they carry), no document being made
  const busy = async () => worker.inFlight > 0 || (await core.store.nextDueAt()) !== undefined;
  for (let waited = 0; waited < maxMs && (await busy()); waited += 20) await sleep(20);
  await core.documents.idle();
  let last = await snapshot(world, regions);
  for (let waited = 0; waited < maxMs; waited += quietMs) {
    await sleep(quietMs);
    await core.documents.idle();
    if (await busy()) continue;
    const next = await snapshot(world, regions);
    if (differences(last, next).length === 0) return next;
    last = next;
  }
  return last;
}
