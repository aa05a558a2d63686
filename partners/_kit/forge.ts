// POST /__sim/callbacks/forge: a simulator sends our gateway a callback that must be refused, so the
// conformance kit can check that it is (401/409 problem+json, nothing changed) without knowing how the
// region signs. 'replayed' resends, byte for byte, a callback our gateway already took; 'bad-signature'
// and 'stale' are built by the region's own hook (SimPartnerSpec.forgeCallback), which announces a
// decision its department never made and leaves the simulator's state as it was.
import axios from 'axios';
import type { Router } from 'express';
import type { OutgoingCallback } from './callbacks.js';

export type Forgery = 'bad-signature' | 'stale' | 'replayed';
export const FORGERIES: readonly Forgery[] = ['bad-signature', 'stale', 'replayed'];

export interface ForgeSource {
  /** the callbacks our gateway acknowledged, oldest first */
  delivered: readonly OutgoingCallback[];
  /** the region's hook: a callback about case `ref` signed with a wrong secret, or a stale time */
  forge?: ((ref: string, forgery: Exclude<Forgery, 'replayed'>) => OutgoingCallback | undefined) | undefined;
}

const http = axios.create({ timeout: 5000, validateStatus: () => true, proxy: false });

export function mountForge(control: Router, source: ForgeSource): void {
  control.post('/callbacks/forge', async (req, res) => {
    const { kind, ref } = (req.body ?? {}) as { kind?: Forgery; ref?: string };
    if (!kind || !FORGERIES.includes(kind) || typeof ref !== 'string') {
      res.status(400).json({ error: `kind (${FORGERIES.join(' | ')}) and ref are required` });
      return;
    }
    const cb = kind === 'replayed'
      ? source.delivered.findLast((c) => c.body.includes(ref))
      : source.forge?.(ref, kind);
    if (!cb) {
      res.status(404).json({ error: kind === 'replayed' ? `no delivered callback about ${ref}` : `this simulator cannot forge ${kind} callbacks for ${ref}` });
      return;
    }
    const answer = await http.post(cb.url, cb.body, { headers: cb.headers, transformRequest: [(d: unknown) => d], responseType: 'text' });
    res.json({ status: answer.status, contentType: String(answer.headers['content-type'] ?? ''), body: answer.data as string });
  });
}
