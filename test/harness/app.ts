import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from 'src/app.module.js';
import { ManualClock } from 'src/common/clock.js';
import { type AppConfig, loadConfig } from 'src/config/config.js';
import { configureHttpApp } from 'src/http/configure-app.js';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof supertest>;
  dataSource: DataSource;
  clock: ManualClock;
  config: AppConfig;
  get<T>(token: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/**
 * The real application on this file's database and queue prefix, served in-process for
 * supertest. Time is a ManualClock the test moves.
 *
 * `oneConnection` gives the application a pool of a single connection. A command that
 * reaches for a second connection while its transaction holds the first then waits for
 * itself and fails with 503 DATABASE_BUSY, every time; under load in production the same
 * mistake starves the pool. Suites that walk many endpoints one request at a time use it.
 */
export async function createTestApp(
  options: {
    worker?: boolean;
    env?: Record<string, string>;
    clock?: ManualClock;
    oneConnection?: boolean;
  } = {},
): Promise<TestApp> {
  const pool = options.oneConnection
    ? { DATABASE_POOL_SIZE: '1', DATABASE_POOL_WAIT_MS: '10000' }
    : {};
  const config = loadConfig({ ...process.env, ...pool, ...options.env });
  const clock = options.clock ?? new ManualClock();
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ config, clock, worker: options.worker ?? false }),
    { bodyParser: false, logger: false, abortOnError: false },
  );
  configureHttpApp(app, config);
  await app.init();
  return {
    app,
    http: supertest(app.getHttpServer()),
    dataSource: app.get(DataSource),
    clock,
    config,
    get: (token) => app.get(token),
    close: () => app.close(),
  };
}
