// Fault injection for the simulated partner servers: tests (and the demo) tell a partner to misbehave
// through POST /__sim/faults, and the partner's real request handling runs behind this middleware.
import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';

export interface FaultPlan {
  /** what happens to the next matching requests; 'lose-reply': the request is handled, then the
   *  connection is dropped instead of answering (the caller cannot know it went through) */
  mode: 'none' | 'slow' | 'error' | 'drop' | 'lose-reply';
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
  /** materials: the bytes of the material with this SHA-256 arrive damaged (one byte more), so the
   *  partner's own hash check refuses it; each simulator passes what arrives through `arrived` */
  corruptSha256?: string;
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

  /** the bytes of a material as the partner stores them: damaged when the plan says so */
  arrived(bytes: Buffer): Buffer {
    const target = this.plan.corruptSha256;
    if (!target || createHash('sha256').update(bytes).digest('hex') !== target) return bytes;
    this.injected += 1;
    return Buffer.concat([bytes, Buffer.from('\n')]);
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
      if (mode === 'lose-reply') {
        // the handler runs to the end (state changed, idempotency key remembered); its answer never leaves
        res.end = (() => { req.socket.destroy(); return res; }) as typeof res.end;
        next();
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
