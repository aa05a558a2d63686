// method → handler: one small handler per method (no switch).
import type { HandlerTable } from '../types.js';
import { hello } from './hello.js';
import { getRouterRtpCapabilities } from './getRouterRtpCapabilities.js';
import { createTransport } from './createTransport.js';
import { connectTransport } from './connectTransport.js';
import { restartIce } from './restartIce.js';
import { produce } from './produce.js';
import { closeProducer } from './closeProducer.js';
import { pauseProducer } from './pauseProducer.js';
import { resumeProducer } from './resumeProducer.js';
import { consume } from './consume.js';
import { resumeConsumer } from './resumeConsumer.js';
import { admit } from './admit.js';
import { decline } from './decline.js';
import { remove } from './remove.js';
import { muteParticipant } from './muteParticipant.js';
import { setMuted } from './setMuted.js';
import { chat } from './chat.js';
import { reportQuality } from './reportQuality.js';
import { captureStill } from './captureStill.js';
import { captureConsent } from './captureConsent.js';
import { endSession } from './endSession.js';
import { leave } from './leave.js';

export const HANDLERS: HandlerTable = {
  hello, getRouterRtpCapabilities, createTransport, connectTransport, restartIce, produce, closeProducer, pauseProducer,
  resumeProducer, consume, resumeConsumer, admit, decline, remove, muteParticipant, setMuted, chat, reportQuality,
  captureStill, captureConsent, endSession, leave,
};
