import type { HandlerSpec } from '../types.js';

export const endSession: HandlerSpec<'endSession'> = {
  clerkOnly: true,
  handle({ session, participant: clerk }, d) {
    // answered first, then everyone (this clerk too) gets sessionEnded and the sockets close
    setImmediate(() => session.end(d.reason ?? '工作人员已结束会话', clerk.actor));
    return {};
  },
};
