// Evidence of remote sessions into the case's audit trail, off the hot path: recording only queues;
// a later turn appends each case's queued events in one store write (the store then chains them into
// the hash chain as it does for every case event). Walk-in sessions have no case: they are logged.
import type { EvidenceEvent } from '../../../remote-window/src/server/index.js';
import type { Core } from '../deps.js';
import type { NewEvent } from '../store/types.js';

export interface EvidenceRecorder {
  record(e: EvidenceEvent): void;
  /** resolves when everything recorded so far is written (or failed and logged) */
  flush(): Promise<void>;
}

export function createEvidenceRecorder(core: Core): EvidenceRecorder {
  const log = core.logger.child({ module: 'remote.evidence' });
  const queue = new Map<string, NewEvent[]>();
  const inFlight = new Set<Promise<void>>();
  let scheduled = false;

  function drain(): void {
    scheduled = false;
    for (const [caseId, events] of queue) {
      queue.delete(caseId);
      const write = core.store.updateCase(caseId, () => events).then(
        () => undefined,
        (err: unknown) => log.error({ err, caseId, events: events.map((e) => e.type) }, 'recording session evidence failed'),
      );
      inFlight.add(write);
      void write.finally(() => inFlight.delete(write));
    }
  }

  return {
    record(e) {
      if (!e.caseId) {
        log.info({ sessionId: e.sessionId, type: e.type, actor: e.actor, data: e.data }, 'walk-in session event');
        return;
      }
      const list = queue.get(e.caseId) ?? [];
      list.push({ at: e.at, actor: e.actor, type: e.type, data: e.data });
      queue.set(e.caseId, list);
      if (!scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
    },
    async flush() {
      while (scheduled || inFlight.size > 0) {
        if (scheduled) await new Promise((r) => setImmediate(r));
        await Promise.all([...inFlight]);
      }
    },
  };
}
