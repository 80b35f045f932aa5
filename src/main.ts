import 'reflect-metadata';
import type { Server } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from 'src/app.module.js';
import { processClock } from 'src/common/clock.js';
import { migrate } from 'src/database/bootstrap.js';
import { configureHttpApp } from 'src/http/configure-app.js';
import { logger } from 'src/logging/logger.js';
import {
  closeOnSignals,
  configOrExit,
  exitOnStartupError,
  preflightRedis,
} from 'src/process/bootstrap.js';

/**
 * The HTTP API. `--with-worker` (or RUN_WORKER=1) also runs the queue processors and
 * sweeps in this process: the single-machine mode that `npm start` uses.
 */
async function main(): Promise<void> {
  const config = configOrExit();
  const withWorker = process.argv.includes('--with-worker') || process.env.RUN_WORKER === '1';
  const applied = await migrate(config.databaseUrl);
  await preflightRedis(config);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ config, worker: withWorker, clock: processClock(config.testClockFile) }),
    { bodyParser: false, abortOnError: false, bufferLogs: true },
  );
  configureHttpApp(app, config);
  closeOnSignals(app, config);
  await app.listen(config.port);
  // PORT=0 asks the system for a free port: name the one actually bound.
  const address = (app.getHttpServer() as Server).address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { port, worker: withWorker },
    `Saraban API on http://localhost:${port} (docs at /api/docs)`,
  );
}

main().catch(exitOnStartupError);
