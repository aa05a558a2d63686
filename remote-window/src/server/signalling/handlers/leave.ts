import type { HandlerSpec } from '../types.js';

export const leave: HandlerSpec<'leave'> = {
  whileWaiting: true,
  handle({ session, participant }) {
    setImmediate(() => session.leave(participant, 'left'));
    return {};
  },
};
