import type { INestApplicationContext } from '@nestjs/common';
import { type AppConfig, ConfigError, loadConfig } from 'src/config/config.js';
import { StartupError } from 'src/database/bootstrap.js';
import { logger, setLogLevel } from 'src/logging/logger.js';
import { checkEvictionPolicy, createCommandClient, RedisPolicyError } from 'src/queue/redis.js';

/** Reads the configuration or ends the process with one line per bad variable. */
export function configOrExit(options: { quiet?: boolean } = {}): AppConfig {
  try {
    const config = loadConfig();
    // Commands stay quiet unless LOG_LEVEL asks for more; servers log at the configured level.
    setLogLevel(options.quiet && !process.env.LOG_LEVEL ? 'warn' : config.logLevel);
    if (config.generatedSecretsFile && !options.quiet) {
      logger.warn(
        { file: config.generatedSecretsFile },
        'JWT_ACCESS_SECRET / JWT_REFRESH_SECRET are not set: using secrets generated into DATA_DIR; every API process must share that DATA_DIR (set them for real use)',
      );
    }
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`saraban: ${problem}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** Start-up failures we can explain in one line end the process without a stack trace. */
export function exitOnStartupError(error: unknown): never {
  if (error instanceof StartupError || error instanceof RedisPolicyError) {
    process.stderr.write(`saraban: ${error.message}\n`);
    process.exit(1);
  }
  logger.fatal({ err: error }, 'start-up failed');
  process.exit(1);
}

/**
 * Checks Redis before any queue connects (BullMQ would start working, and warning, first):
 * an evicting policy is refused in production and warned about otherwise. Redis being away
 * is not fatal: wake-ups wait for it and the sweep restores them from PostgreSQL.
 */
export async function preflightRedis(config: AppConfig): Promise<void> {
  const redis = createCommandClient(config.redisUrl);
  try {
    await redis.connect();
  } catch {
    logger.warn(`cannot reach Redis at ${new URL(config.redisUrl).host}; wake-ups wait for it`);
    redis.disconnect();
    return;
  }
  try {
    await checkEvictionPolicy(redis, config.nodeEnv === 'production');
  } finally {
    redis.disconnect();
  }
}

/**
 * SIGTERM/SIGINT: stop taking work, let in-flight requests and jobs finish (Nest closes
 * the HTTP server and the BullMQ workers), but never wait longer than the grace period.
 */
export function closeOnSignals(app: INestApplicationContext, config: AppConfig): void {
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.warn('shutdown grace period over; exiting with work released to the queue');
      process.exit(0);
    }, config.shutdownGraceMs);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(0);
      },
    );
  };
  process.on('SIGTERM', () => close('SIGTERM'));
  process.on('SIGINT', () => close('SIGINT'));
}
