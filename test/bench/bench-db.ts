import pg from 'pg';
import { DataSource } from 'typeorm';
import { migrate } from 'src/database/bootstrap.js';
import type { Clock } from 'src/common/clock.js';
import { loadConfig } from 'src/config/config.js';
import { dataSourceOptions } from 'src/database/data-source.js';
import { AuditRepository } from 'src/modules/audit/audit.repository.js';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { AuditSigningKey } from 'src/modules/audit/audit-signing-key.js';

const SERVER = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';

/**
 * `BENCH_KEEP=1` keeps every `saraban_bench_*` database a run used, and lets the scenarios
 * whose data set is only read (progress, search-1m, sweep, subtree) reuse
 * it on the next run instead of loading it again. Without it, the runner drops them at
 * the end: the 10M-row tables of progress and sweep alone are gigabytes.
 */
export const benchKeep = process.env.BENCH_KEEP === '1';

/** Every bench database this process created or opened, for the runner to drop. */
const used = new Set<string>();

export function benchDatabaseUrl(name: string): string {
  return `${SERVER}/${name}`;
}

/** Marks a database as this run's, so that `dropBenchDatabases` removes it. */
export function useBenchDatabase(name: string): string {
  used.add(name);
  return benchDatabaseUrl(name);
}

async function withAdmin<T>(body: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: benchDatabaseUrl('postgres') });
  await admin.connect();
  try {
    return await body(admin);
  } finally {
    await admin.end();
  }
}

/** A freshly migrated database for one scenario (dropped first if a previous run left it). */
export async function freshBenchDatabase(name: string): Promise<string> {
  const url = useBenchDatabase(name);
  await withAdmin((admin) =>
    admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  );
  await migrate(url);
  return url;
}

/**
 * A database holding a data set that the measurement only reads. With BENCH_KEEP=1 an
 * existing one whose `bench_dataset` marker names the same `key` (the data set's sizes)
 * is reused as it is; otherwise it is created fresh, `build` loads it, and the marker is
 * written last, so a load interrupted half-way is never mistaken for a whole one.
 */
export async function benchDataset(
  name: string,
  key: string,
  build: (url: string) => Promise<void>,
  log: (line: string) => void,
): Promise<string> {
  const url = useBenchDatabase(name);
  if (benchKeep && (await datasetKey(name)) === key) {
    log(`  reusing ${name} (${key}; BENCH_KEEP=1)`);
    await migrate(url); // migrations added since it was built apply to the kept data
    return url;
  }
  await freshBenchDatabase(name);
  await build(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_dataset (key text NOT NULL)');
    await client.query('INSERT INTO bench_dataset (key) VALUES ($1)', [key]);
  } finally {
    await client.end();
  }
  return url;
}

async function datasetKey(name: string): Promise<string | undefined> {
  const exists = await withAdmin(async (admin) => {
    const rows = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (rows.rowCount ?? 0) > 0;
  });
  if (!exists) return undefined;
  const client = new pg.Client({ connectionString: benchDatabaseUrl(name) });
  await client.connect();
  try {
    const rows = await client.query<{ key: string }>('SELECT key FROM bench_dataset');
    return rows.rows[0]?.key;
  } catch {
    return undefined; // no marker: not a whole data set
  } finally {
    await client.end();
  }
}

/**
 * Drops every bench database this run used, unless BENCH_KEEP=1. Called by the runner at
 * the end, after a failure too. Returns the names dropped.
 */
export async function dropBenchDatabases(): Promise<string[]> {
  if (benchKeep || used.size === 0) return [];
  const names = [...used];
  await withAdmin(async (admin) => {
    for (const name of names) {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    }
  });
  used.clear();
  return names;
}

/**
 * A plain `pg` pool on a bench database. Its `end()` resolves once its clients are told to
 * close, before their sockets are: the runner's `DROP DATABASE … WITH (FORCE)` right after
 * can terminate a connection still closing, whose idle client then reports the error on the
 * pool. That is expected once the pool is ending and must not end the run (without a
 * listener it is an uncaught 'error' event); before, it is printed.
 */
export function openBenchPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', (error) => {
    if (!pool.ending) console.error(`  bench pool: an idle connection failed: ${error.message}`);
  });
  return pool;
}

export async function openBenchDataSource(url: string, poolSize = 40): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, poolSize)).initialize();
}

/** Runs `total` tasks with `concurrency` workers; returns elapsed milliseconds. */
export async function runConcurrently(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) await task(i);
    }),
  );
  return performance.now() - started;
}

/** The audit service as the app wires it (checkpoints signed with the development key). */
export function benchAuditService(dataSource: DataSource, clock: Clock): AuditService {
  return new AuditService(
    dataSource,
    new AuditRepository(dataSource),
    new AuditSigningKey(loadConfig()),
    clock,
  );
}
