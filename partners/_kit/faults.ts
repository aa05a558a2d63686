// Fault injection for the simulated partner servers: tests (and the demo) tell a partner to misbehave
// through POST /__sim/faults, and the partner's real request handling runs behind this middleware.
import type { RequestHandler } from 'express';

export interface FaultPlan {
  /** what happens to the next matching requests */
  mode: 'none' | 'slow' | 'error' | 'drop';
  /** how many requests are affected; -1 = until cleared */
  count: number;
  /** for 'slow': delay before the real handler runs */
  delayMs: number;
  /** for 'error': the HTTP status answered (5xx) */
  status: number;
  /** only requests whose path starts with this are affected (default: all but /__sim) */
  pathPrefix?: string;
  /** callbacks: send each one twice */
  duplicateCallbacks: boolean;
  /** callbacks: hold them back and send them newest first */
  reorderCallbacks: boolean;
  /** callbacks: do not send them at all (they are kept and sent once cleared) */
  holdCallbacks: boolean;
}

export const NO_FAULTS: FaultPlan = {
  mode: 'none', count: 0, delayMs: 0, status: 503, duplicateCallbacks: false, reorderCallbacks: false, holdCallbacks: false,
};

export class Faults {
  plan: FaultPlan = { ...NO_FAULTS };
  /** how many requests each fault affected, for tests to see a fault really happened */
  injected = 0;

  set(partial: Partial<FaultPlan>): FaultPlan {
    this.plan = { ...NO_FAULTS, ...partial };
    if (this.plan.mode !== 'none' && partial.count === undefined) this.plan.count = -1;
    return this.plan;
  }

  clear(): void {
    this.plan = { ...NO_FAULTS };
  }

  /** consume one unit of the plan for a request on `path`; returns the fault to apply */
  take(path: string): FaultPlan['mode'] {
    const p = this.plan;
    if (p.mode === 'none' || path.startsWith('/__sim')) return 'none';
    if (p.pathPrefix && !path.startsWith(p.pathPrefix)) return 'none';
    if (p.count === 0) return 'none';
    if (p.count > 0) p.count -= 1;
    this.injected += 1;
    return p.mode;
  }

  middleware(renderError: (status: number) => unknown): RequestHandler {
    return (req, res, next) => {
      const mode = this.take(req.path);
      if (mode === 'drop') {
        req.socket.destroy();
        return;
      }
      if (mode === 'error') {
        res.status(this.plan.status).json(renderError(this.plan.status));
        return;
      }
      if (mode === 'slow') {
        setTimeout(next, this.plan.delayMs).unref();
        return;
      }
      next();
    };
  }
}
