import type { HandlerSpec } from '../types.js';
import { setProducerPaused } from '../../media.js';

export const resumeProducer: HandlerSpec<'resumeProducer'> = {
  async handle({ session, participant }, d) {
    await setProducerPaused(session, participant, d.producerId, false);
    return {};
  },
};
