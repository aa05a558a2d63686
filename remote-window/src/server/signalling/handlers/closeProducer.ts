import type { HandlerSpec } from '../types.js';
import { ownProducer } from '../../media.js';

export const closeProducer: HandlerSpec<'closeProducer'> = {
  handle({ participant }, d) {
    ownProducer(participant, d.producerId).close();
    return {};
  },
};
