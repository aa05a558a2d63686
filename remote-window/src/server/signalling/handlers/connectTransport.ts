import type { types } from 'mediasoup';
import { media, type HandlerSpec } from '../types.js';
import { transportOf } from '../../media.js';

export const connectTransport: HandlerSpec<'connectTransport'> = {
  async handle({ participant }, d) {
    await media(transportOf(participant, d.transportId).connect({ dtlsParameters: d.dtlsParameters as types.DtlsParameters }));
    return {};
  },
};
