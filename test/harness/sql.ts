import type { DataSource, EntityManager } from 'typeorm';

/**
 * Raw SQL in tests, typed at one place: the caller names the row it selects, and the
 * answer is checked to be a list of rows (or exactly one, or a count) before it is used.
 */
type Db = DataSource | EntityManager;

export async function rowsOf<Row extends object>(
  db: Db,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const result: unknown = await db.query(sql, params);
  if (!Array.isArray(result)) throw new Error(`not a row list: ${sql}`);
  for (const row of result as unknown[]) {
    if (typeof row !== 'object' || row === null) throw new Error(`not a row: ${sql}`);
  }
  return result as Row[];
}

/** The single row of a statement that must return one. */
export async function oneRow<Row extends object>(
  db: Db,
  sql: string,
  params: unknown[] = [],
): Promise<Row> {
  const rows = await rowsOf<Row>(db, sql, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${sql}`);
  return rows[0];
}

/** `count(*)` (or any single `count` column) of a query, as a number. */
export async function countOf(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const row = await oneRow<{ count: string | number }>(db, sql, params);
  if (!('count' in row)) throw new Error(`no count column: ${sql}`);
  return Number(row.count);
}

/** Runs a statement whose rows (if any) the test does not read. */
export async function execute(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  await db.query(sql, params);
}
