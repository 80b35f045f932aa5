import pg from 'pg';
import { DataSource } from 'typeorm';
import { migrate } from 'src/database/bootstrap.js';
import { dataSourceOptions } from 'src/database/data-source.js';

const SERVER = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';

export function benchDatabaseUrl(name: string): string {
  return `${SERVER}/${name}`;
}

/** A freshly migrated database for one scenario (dropped first if a previous run left it). */
export async function freshBenchDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: benchDatabaseUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const url = benchDatabaseUrl(name);
  await migrate(url);
  return url;
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
