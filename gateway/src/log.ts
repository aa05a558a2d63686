// pino, one child logger per module; request/case ids come from AsyncLocalStorage; every log object
// and message passes the PIPL masking serializer, so personal data cannot reach the log by habit.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';
import { maskPersonalData } from './domain/mask.js';

export type { Logger };

export interface LogContext {
  requestId?: string;
  caseId?: string;
  partner?: string;
  actor?: string;
}

export const logContext = new AsyncLocalStorage<LogContext>();

export function withLogContext<T>(ctx: LogContext, fn: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...ctx }, fn);
}

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'gateway' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => ({ ...logContext.getStore() }),
      formatters: { log: (obj) => maskPersonalData(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskPersonalData(a) : a)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
      serializers: { err: pino.stdSerializers.err },
    },
    options.destination,
  );
}
