import { SignalError, type HandlerSpec } from '../types.js';

export const chat: HandlerSpec<'chat'> = {
  handle({ session, participant: p }, d) {
    const now = session.deps.now().getTime();
    if (session.chatLimit.blockedForMs(p.id, now) > 0) throw new SignalError('RATE_LIMITED', 'too many chat messages; wait a moment');
    session.chatLimit.hit(p.id, now);
    const text = d.text.trim();
    if (!text) throw new SignalError('BAD_MESSAGE', 'empty message');
    return session.addChat(p, text);
  },
};
