// The sessions of cases that are open, kept in DATA_DIR/rw-open-sessions.json, so that the trail of a
// case whose session the gateway did not live to end (a crash, SIGKILL, power loss) still gets its
// session.ended: at the next start, with the reason 网关异常中断 and the time of that start. A gateway
// that stops normally ends every session itself (reason 服务停止) and leaves the file empty.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvidenceEvent } from '../../../remote-window/src/server/index.js';
import { isNotFound, writeFileDurable } from '../store/durableFile.js';

export const OPEN_SESSIONS_FILE = 'rw-open-sessions.json';

export interface OpenSession { sessionId: string; caseId: string; openedAt: string }

export interface OpenSessionJournal {
  /** follows the evidence: session.created opens, session.ended closes (cases only) */
  observe(e: EvidenceEvent): void;
  /** sessions the file says are open (read at start, before any new session), held until ended */
  load(): Promise<OpenSession[]>;
  /** resolves when the file says what observe() has seen */
  settled(): Promise<void>;
}

export function openSessionJournal(dataDir: string, fsync: boolean): OpenSessionJournal {
  const file = path.join(dataDir, OPEN_SESSIONS_FILE);
  const open = new Map<string, OpenSession>();
  let chain: Promise<void> = Promise.resolve();
  let dirty = false;

  /** one write at a time, each of the latest state; writes asked for meanwhile fold into the next */
  function persist(): void {
    if (dirty) return;
    dirty = true;
    chain = chain.then(async () => {
      dirty = false;
      await writeFileDurable(file, `${JSON.stringify([...open.values()])}\n`, fsync);
    }).catch(() => { /* the next change writes again; a stale file only ends a session twice */ });
  }

  return {
    observe(e) {
      if (!e.caseId) return;
      if (e.type === 'session.created') open.set(e.sessionId, { sessionId: e.sessionId, caseId: e.caseId, openedAt: e.at });
      else if (e.type === 'session.ended') { if (!open.delete(e.sessionId)) return; }
      else return;
      persist();
    },
    async load() {
      try {
        const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
        const list = (Array.isArray(parsed) ? parsed : []) as OpenSession[];
        const found = list.filter((s) => typeof s?.sessionId === 'string' && typeof s.caseId === 'string');
        // held as open until their session.ended passes observe(), which then writes the file again
        for (const s of found) open.set(s.sessionId, s);
        return found;
      } catch (err) {
        if (isNotFound(err) || err instanceof SyntaxError) return [];
        throw err;
      }
    },
    async settled() {
      let seen: Promise<void>;
      do { seen = chain; await seen; } while (seen !== chain);
    },
  };
}
