/** Delay before the next attempt after `failures` failed attempts: the schedule's step (the last one
 *  repeats), spread by ± jitter so that many cases failing together do not retry in lockstep. */
export function backoffDelay(failures: number, scheduleMs: number[], jitter: number, random: () => number = Math.random): number {
  const base = scheduleMs[Math.min(failures - 1, scheduleMs.length - 1)] ?? 0;
  return Math.max(0, Math.round(base * (1 + jitter * (2 * random() - 1))));
}
