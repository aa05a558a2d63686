// The quality a participant measured on its side (loss, RTT, bitrate from getStats); the others see
// its level. Only a change of level is broadcast, so a report every 2 s costs nothing.
import type { HandlerSpec } from '../types.js';

export const reportQuality: HandlerSpec<'reportQuality'> = {
  handle({ session, participant: p }, d) {
    if (p.quality !== d.level) {
      p.quality = d.level;
      session.broadcast('participantUpdated', { participant: p.view() }, { about: p, except: p });
    }
    return {};
  },
};
