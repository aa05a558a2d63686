// Pending handoff jobs of all cases, kept sorted by due time so that the worker's frequent
// `dueJobs`/`nextDueAt` read the front of an array instead of scanning every case.
import type { HandoffJob } from '../domain/case.js';
import type { DueJob } from './types.js';

interface Entry {
  due: number;
  job: DueJob;
}

function compare(a: Entry, b: Entry): number {
  if (a.due !== b.due) return a.due - b.due;
  if (a.job.caseId !== b.job.caseId) return a.job.caseId < b.job.caseId ? -1 : 1;
  return a.job.jobId < b.job.jobId ? -1 : a.job.jobId > b.job.jobId ? 1 : 0;
}

function dueTime(iso: string): number {
  const t = Date.parse(iso);
  // an unreadable time must not hide the job: treat it as due now
  return Number.isNaN(t) ? 0 : t;
}

export function pendingOf(caseId: string, handoffs: HandoffJob[]): DueJob[] {
  return handoffs
    .filter((j) => j.status === 'pending')
    .map((j) => ({ caseId, jobId: j.id, partner: j.partner, nextAttemptAt: j.nextAttemptAt }));
}

export class PendingJobs {
  #sorted: Entry[] = [];
  readonly #byCase = new Map<string, Entry[]>();
  #bulk = false;

  /** while loading, entries are appended unsorted and sorted once at the end */
  beginBulk(): void {
    this.#bulk = true;
  }

  endBulk(): void {
    this.#bulk = false;
    this.#sorted.sort(compare);
  }

  replace(caseId: string, jobs: DueJob[]): void {
    const old = this.#byCase.get(caseId) ?? [];
    if (old.length === jobs.length && old.every((e, i) => sameJob(e.job, jobs[i]))) return;
    for (const e of old) this.#sorted.splice(this.#find(e), 1);
    const fresh = jobs.map((job) => ({ due: dueTime(job.nextAttemptAt), job }));
    for (const e of fresh) {
      if (this.#bulk) this.#sorted.push(e);
      else this.#sorted.splice(this.#lowerBound(e), 0, e);
    }
    if (fresh.length > 0) this.#byCase.set(caseId, fresh);
    else this.#byCase.delete(caseId);
  }

  due(now: Date, limit: number): DueJob[] {
    const cutoff = now.getTime();
    const out: DueJob[] = [];
    for (const e of this.#sorted) {
      if (e.due > cutoff || out.length >= limit) break;
      out.push({ ...e.job });
    }
    return out;
  }

  next(): Date | undefined {
    const first = this.#sorted[0];
    return first ? new Date(first.due) : undefined;
  }

  get size(): number {
    return this.#sorted.length;
  }

  #lowerBound(e: Entry): number {
    let lo = 0;
    let hi = this.#sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.#sorted[mid] as Entry, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #find(e: Entry): number {
    // equal keys (a record with two jobs of one id) sit side by side: find this very entry among them
    for (let i = this.#lowerBound(e); i < this.#sorted.length && compare(this.#sorted[i] as Entry, e) === 0; i++) {
      if (this.#sorted[i] === e) return i;
    }
    throw new Error(`pending job ${e.job.caseId}/${e.job.jobId} missing from the due index`);
  }
}

function sameJob(a: DueJob, b: DueJob | undefined): boolean {
  return !!b && a.jobId === b.jobId && a.partner === b.partner && a.nextAttemptAt === b.nextAttemptAt;
}
