import type { HandlerSpec } from '../types.js';
import { resumeConsumer as resume } from '../../media.js';

export const resumeConsumer: HandlerSpec<'resumeConsumer'> = {
  async handle({ participant }, d) {
    await resume(participant, d.consumerId);
    return {};
  },
};
