import type { HandlerSpec } from '../types.js';
import { produce as create } from '../../media.js';

export const produce: HandlerSpec<'produce'> = {
  handle: ({ session, participant }, d) => create(session, participant, d),
};
