import type { ClientBase } from 'pg';
import type { EntityManager } from 'typeorm';
import { statementName } from 'src/database/pg-client.js';
import { checkRows, type RowOf, type Shape } from 'src/database/rows.js';

/**
 * Runs `text` as a named prepared statement on the manager's connection (its transaction's
 * connection inside a transaction), so PostgreSQL parses it once per connection and can
 * keep its plan. For statements on hot paths that run many times a second; the name is a
 * hash of the text, so one connection never sees one name with two texts. Its rows are
 * checked against `shape` like any other statement's (src/database/rows.ts).
 */
export async function preparedRows<S extends Shape>(
  manager: EntityManager,
  statement: string,
  shape: S,
  text: string,
  values: unknown[],
): Promise<RowOf<S>[]> {
  return checkRows(statement, shape, await runPrepared(manager, text, values));
}

/** The statement's rows as PostgreSQL sent them: unchecked, so only `preparedRows` hands them on. */
async function runPrepared(
  manager: EntityManager,
  text: string,
  values: unknown[],
): Promise<unknown> {
  const name = statementName(text);
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as ClientBase;
    const result = await client.query({ name, text, values });
    return result.rows;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
