import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from 'src/database/entities.js';
import { MIGRATIONS } from 'src/database/migrations/index.js';
import { PipelinedBeginClient } from 'src/database/pg-client.js';

/**
 * The one DataSource definition shared by the API, the worker, the CLI and the tests.
 * `synchronize` is never on: the schema changes only through committed migrations.
 */
export function dataSourceOptions(
  databaseUrl: string,
  poolSize = 20,
  poolWaitMs = 10_000,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // JIT compiles for a second on big estimated costs; every query here is short (OLTP).
    // A request that cannot get a connection within poolWaitMs fails (503) instead of
    // waiting forever behind a pool that is exhausted.
    extra: {
      max: poolSize,
      connectionTimeoutMillis: poolWaitMs,
      application_name: 'saraban',
      options: '-c jit=off',
      Client: PipelinedBeginClient,
    },
  };
}
