// The remote-window sessions of cases that are open, one row each in open_sessions, tagged with the
// gateway instance whose media router hosts them. It is there so that the trail of a case whose session
// the gateway did not live to end (a crash, SIGKILL, power loss) still gets its session.ended: at the
// instance's next start, which reads back its own rows only; with several instances each one ends the
// sessions it hosted and no other's. A gateway that stops normally ends every session itself and leaves
// none of its rows behind. An instance id must therefore be the same across restarts of one instance.
import type { SqlDatabase } from './database.js';

export interface OpenSession { sessionId: string; caseId: string; openedAt: string }

/** what the journal reads of a remote-window evidence event */
export interface SessionEvidence { type: string; sessionId: string; caseId?: string; at: string }

export interface OpenSessionJournal {
  /** follows the evidence: session.created opens, session.ended closes (cases only; walk-ins are not noted) */
  observe(e: SessionEvidence): void;
  /** the sessions of this instance noted open (read at start, before any new session); held until ended */
  load(): Promise<OpenSession[]>;
  /** resolves when the table says what observe() has seen (a write that failed was passed to onError) */
  settled(): Promise<void>;
}

export interface OpenSessionJournalOptions {
  /** the gateway instance hosting the sessions this journal notes */
  instanceId: string;
  /** a write that failed: the session may then be ended twice, or not at all, after a crash */
  onError?(err: unknown, e: SessionEvidence): void;
}

export function createOpenSessionJournal({ db }: SqlDatabase, opts: OpenSessionJournalOptions): OpenSessionJournal {
  const { instanceId } = opts;
  // one write at a time, in the order observed, so a session's end never overtakes its start
  let chain: Promise<void> = Promise.resolve();

  function opened(e: SessionEvidence & { caseId: string }): Promise<unknown> {
    return db.insertInto('open_sessions')
      .values({ session_id: e.sessionId, case_id: e.caseId, opened_at: e.at, instance_id: instanceId })
      .onConflict((oc) => oc.column('session_id').doNothing())
      .execute();
  }

  function ended(e: SessionEvidence): Promise<unknown> {
    return db.deleteFrom('open_sessions').where('session_id', '=', e.sessionId).where('instance_id', '=', instanceId).execute();
  }

  return {
    observe(e) {
      const { caseId } = e;
      if (!caseId) return;
      const write = e.type === 'session.created' ? () => opened({ ...e, caseId }) : e.type === 'session.ended' ? () => ended(e) : undefined;
      if (!write) return;
      chain = chain.then(write).then(() => undefined, (err: unknown) => opts.onError?.(err, e));
    },
    async load() {
      const rows = await db.selectFrom('open_sessions').select(['session_id', 'case_id', 'opened_at'])
        .where('instance_id', '=', instanceId).where('case_id', 'is not', null)
        .orderBy('opened_at').orderBy('session_id')
        .execute();
      return rows.map((r) => ({ sessionId: r.session_id, caseId: r.case_id!, openedAt: r.opened_at }));
    },
    async settled() {
      let seen: Promise<void>;
      do { seen = chain; await seen; } while (seen !== chain);
    },
  };
}
