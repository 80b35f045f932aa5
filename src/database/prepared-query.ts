import type { ClientBase } from 'pg';
import type { EntityManager } from 'typeorm';
import { statementName } from 'src/database/pg-client.js';
import { primaryInstead } from 'src/database/read-replica.js';
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
  plan: PlanChoice = 'as-planner-decides',
): Promise<RowOf<S>[]> {
  let rows: unknown;
  try {
    rows = await runPrepared(manager, text, values, plan);
  } catch (error) {
    // A replica's manager whose replica is gone: the primary answers (src/database/read-replica.ts).
    const primary = primaryInstead(manager, error);
    if (!primary) throw error;
    rows = await runPrepared(primary, text, values, plan);
  }
  return checkRows(statement, shape, rows);
}

/**
 * How a prepared statement is planned. PostgreSQL plans its first five runs with their values,
 * then keeps a generic plan only if its estimated cost is no higher than theirs. A statement
 * that takes an array of ids (`= ANY($1::uuid[])`) is estimated for ten of them without its
 * values and for the one or two it is given with them, so PostgreSQL plans it on every run,
 * however little the values change the plan: a letter's lookup spent twelve times as long
 * being planned as being run.
 *
 * `generic` plans it once per connection. Only for statements whose best plan does not depend
 * on their values (no pattern, no estimate that a value turns from a few rows into the whole
 * country), each saying why where it asks.
 */
export type PlanChoice = 'as-planner-decides' | 'generic';

/** The statement's rows as PostgreSQL sent them: unchecked, so only `preparedRows` hands them on. */
async function runPrepared(
  manager: EntityManager,
  text: string,
  values: unknown[],
  plan: PlanChoice,
): Promise<unknown> {
  const name = statementName(text);
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as ClientBase;
    if (plan === 'as-planner-decides') return (await client.query({ name, text, values })).rows;
    // The setting goes out with the statement and is put back after it, on a pipelined
    // connection in the same write: no round trip more. Outside a transaction each is its own;
    // inside one, a statement that fails aborts the transaction and its rollback puts the
    // setting back (the RESET then fails with the transaction, and that failure is not the
    // statement's).
    const generic = client.query(GENERIC_PLANS);
    const answer = client.query({ name, text, values });
    const reset = client.query(PLANS_AS_DECIDED);
    const [set, result, after] = await Promise.allSettled([generic, answer, reset]);
    if (result.status === 'rejected') throw result.reason;
    if (set.status === 'rejected') throw set.reason;
    if (after.status === 'rejected') throw after.reason;
    return result.value.rows;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

const GENERIC_PLANS = 'SET plan_cache_mode = force_generic_plan';
const PLANS_AS_DECIDED = 'RESET plan_cache_mode';
