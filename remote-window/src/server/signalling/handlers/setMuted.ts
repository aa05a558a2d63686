import type { HandlerSpec } from '../types.js';

export const setMuted: HandlerSpec<'setMuted'> = {
  handle({ session, participant: p }, d) {
    p.muted[d.source] = d.muted;
    session.broadcast('participantUpdated', { participant: p.view() }, { about: p, except: p });
    return {};
  },
};
