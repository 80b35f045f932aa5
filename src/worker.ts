import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from 'src/app.module.js';
import { processClock } from 'src/common/clock.js';
import { migrate } from 'src/database/bootstrap.js';
import { logger, PinoNestLogger } from 'src/logging/logger.js';
import {
  closeOnSignals,
  configOrExit,
  exitOnStartupError,
  preflightRedis,
} from 'src/process/bootstrap.js';

/** The worker: BullMQ processors and the scheduled sweeps, no HTTP. */
async function main(): Promise<void> {
  const config = configOrExit();
  await migrate(config.databaseUrl);
  await preflightRedis(config);
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ config, worker: true, clock: processClock(config.testClockFile) }),
    { logger: new PinoNestLogger(), abortOnError: false },
  );
  app.enableShutdownHooks();
  closeOnSignals(app, config);
  await app.init();
  logger.info('Saraban worker started');
  // A liveness signal for container health checks: the worker has no HTTP port.
  const heartbeat = join(tmpdir(), 'saraban-worker.heartbeat');
  const beat = () => writeFileSync(heartbeat, new Date().toISOString());
  beat();
  setInterval(beat, 10_000).unref();
}

main().catch(exitOnStartupError);
