import type { HandlerSpec } from '../types.js';
import { createTransport as create } from '../../media.js';

export const createTransport: HandlerSpec<'createTransport'> = {
  handle: ({ session, participant }, d) => create(session, participant, d.direction),
};
