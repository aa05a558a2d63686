import type { HandlerSpec } from '../types.js';
import { consume as create } from '../../media.js';

export const consume: HandlerSpec<'consume'> = {
  handle: ({ session, participant }, d) => create(session, participant, d),
};
