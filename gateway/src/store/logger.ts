// The store and the audit chainer take any pino-compatible logger; this is the part of it they use,
// so tests and callers without a logger need no pino instance.
export interface StoreLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child?(bindings: Record<string, unknown>): StoreLogger;
}

const noop = (): void => {};
export const silentLogger: StoreLogger = { debug: noop, info: noop, warn: noop, error: noop };

export function moduleLogger(logger: StoreLogger | undefined, module: string): StoreLogger {
  if (!logger) return silentLogger;
  return logger.child ? logger.child({ module }) : logger;
}
