import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';
import { pino } from 'pino';

/** The request id of the request being served, carried through async calls. */
export const requestContext = new AsyncLocalStorage<{ reqId: string }>();

/**
 * One JSON logger for the whole process. Every line written while a request is served
 * carries its request id. No secret-class subject is ever passed to it.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  base: { service: 'saraban' },
  mixin() {
    const store = requestContext.getStore();
    return store ? { reqId: store.reqId } : {};
  },
  redact: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password'],
});

export function setLogLevel(level: string): void {
  logger.level = level;
}

/** Routes Nest's own log calls into pino. */
export class PinoNestLogger implements LoggerService {
  log(message: unknown, context?: string): void {
    logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    logger.trace({ context }, String(message));
  }
}
