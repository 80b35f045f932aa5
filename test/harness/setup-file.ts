import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { databaseUrl, dropDatabase, TEST_DB_PREFIX, withAdminClient } from './databases.js';

/**
 * Runs before every integration and end-to-end test file: a fresh database cloned from
 * the migrated template, and a queue prefix of its own, so files never see each other.
 */
const suffix = randomBytes(4).toString('hex');
const name = `${TEST_DB_PREFIX}${process.ppid}_${suffix}`;
await withAdminClient((client) =>
  client.query(
    `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(inject('templateDatabase'))}`,
  ),
);
process.env.DATABASE_URL = databaseUrl(name);
process.env.QUEUE_PREFIX = `test_${suffix}`;
process.env.NODE_ENV = 'test';
// Files, generated secrets and keys of the processes a test starts stay out of the checkout.
process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), 'saraban-test-data-'));
process.env.LOG_LEVEL ??= 'silent';

afterAll(async () => {
  await withAdminClient((client) => dropDatabase(client, name));
});
