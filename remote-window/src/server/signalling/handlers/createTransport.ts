import type { HandlerSpec } from '../types.js';
import { createTransport as create } from '../../media.js';

export const createTransport: HandlerSpec<'createTransport'> = {
  // a waiting person may prepare its receiving transport (media.ts keeps it to that one)
  whileWaiting: true,
  handle: ({ session, participant }, d) => create(session, participant, d.direction),
};
