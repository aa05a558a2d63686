import type { HandlerSpec } from '../types.js';
import { setProducerPaused } from '../../media.js';

export const pauseProducer: HandlerSpec<'pauseProducer'> = {
  async handle({ session, participant }, d) {
    await setProducerPaused(session, participant, d.producerId, true);
    return {};
  },
};
