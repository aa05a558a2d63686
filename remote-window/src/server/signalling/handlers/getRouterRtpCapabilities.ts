import type { HandlerSpec } from '../types.js';

export const getRouterRtpCapabilities: HandlerSpec<'getRouterRtpCapabilities'> = {
  // the device check in the waiting room loads the device before admission
  whileWaiting: true,
  handle: ({ session }) => ({ rtpCapabilities: session.router.rtpCapabilities }),
};
