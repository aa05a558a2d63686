// After a network change or a resume the client restarts ICE on each of its transports.
import { media, type HandlerSpec } from '../types.js';
import { transportOf } from '../../media.js';

export const restartIce: HandlerSpec<'restartIce'> = {
  async handle({ participant }, d) {
    return { iceParameters: await media(transportOf(participant, d.transportId).restartIce()) };
  },
};
