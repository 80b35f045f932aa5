import pg from 'pg';
import { DataSource } from 'typeorm';
import { redact } from 'src/config/config.js';
import { dataSourceOptions } from 'src/database/data-source.js';

/** Raised when PostgreSQL cannot be reached; entry points print its message as one line. */
export class StartupError extends Error {}

/** Key of the session-level advisory lock that serialises migrations across replicas. */
const MIGRATION_LOCK_KEY = 4_242_001;

function target(databaseUrl: string): { host: string; database: string } {
  const url = new URL(databaseUrl);
  return {
    host: `${url.hostname}:${url.port || '5432'}`,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
  };
}

function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'ETIMEDOUT' ||
    code === 'EHOSTUNREACH' ||
    code === '57P03' // the database system is starting up
  );
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const { host, database } = target(databaseUrl);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: adminUrl.toString(),
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
  } catch (error) {
    if (isConnectionFailure(error)) {
      throw new StartupError(`cannot reach PostgreSQL at ${host} (${redact(databaseUrl)})`);
    }
    throw error;
  }
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
      } catch (error) {
        // Another replica created it between our check and our CREATE.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so replicas that start
 * together migrate once and the others wait, then find nothing to do.
 */
export async function migrate(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl, 2) });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

/** Opens the shared DataSource, turning an unreachable server into one clear line. */
export async function openDataSource(
  databaseUrl: string,
  poolSize: number,
  poolWaitMs: number,
): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, poolSize, poolWaitMs));
  try {
    return await dataSource.initialize();
  } catch (error) {
    if (isConnectionFailure(error)) {
      throw new StartupError(
        `cannot reach PostgreSQL at ${target(databaseUrl).host} (${redact(databaseUrl)})`,
      );
    }
    throw error;
  }
}
