import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from 'src/database/bootstrap.js';
import {
  databaseUrl,
  dropDatabase,
  isProcessAlive,
  TEST_DB_PREFIX,
  withAdminClient,
} from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * Migrates one template database per run; every test file clones it
 * (`CREATE DATABASE … TEMPLATE …`), which takes a fraction of a second.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = `${TEST_DB_PREFIX}${process.pid}_template`;
  await withAdminClient(async (client) => {
    // Databases left behind by runs that were killed (their process is gone).
    const stale = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${TEST_DB_PREFIX}%`],
    );
    for (const { datname } of stale.rows) {
      const pid = Number(/^saraban_t(\d+)_/.exec(datname)?.[1]);
      if (pid && pid !== process.pid && !isProcessAlive(pid)) await dropDatabase(client, datname);
    }
    await dropDatabase(client, template);
  });
  await migrate(databaseUrl(template));
  // A template must have no open connections while it is cloned.
  await withAdminClient((client) =>
    client.query(`ALTER DATABASE ${pg.escapeIdentifier(template)} WITH ALLOW_CONNECTIONS false`),
  );
  project.provide('templateDatabase', template);
  return async () => {
    await withAdminClient((client) => dropDatabase(client, template));
  };
}
