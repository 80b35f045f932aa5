import type { Socket } from 'node:net';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from 'src/database/data-source.js';
import { PipelinedBeginClient } from 'src/database/pg-client.js';
import { preparedRows } from 'src/database/prepared-query.js';
import { col } from 'src/database/rows.js';

/** The pool's connection: BEGIN goes out with a transaction's first statement. */
describe('PipelinedBeginClient', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, 1)).initialize();
    await dataSource.query('CREATE TABLE pg_client_probe (n integer NOT NULL)');
  });
  afterAll(async () => {
    await dataSource.query('DROP TABLE pg_client_probe');
    await dataSource.destroy();
  });

  /** The one pooled connection, and how many writes its socket makes while `body` runs. */
  const writesDuring = async (body: () => Promise<unknown>): Promise<number> => {
    const runner = dataSource.createQueryRunner();
    const client = (await runner.connect()) as pg.ClientBase;
    await runner.release();
    expect(client).toBeInstanceOf(PipelinedBeginClient);
    const socket = (client as unknown as { connection: { stream: Socket } }).connection.stream;
    const write = socket._write.bind(socket);
    let writes = 0;
    socket._write = (...args: Parameters<Socket['_write']>) => {
      writes += 1;
      write(...args);
    };
    try {
      await body();
    } finally {
      socket._write = write;
    }
    return writes;
  };
  const xact = (manager: EntityManager): Promise<{ id: string }[]> =>
    manager.query('SELECT txid_current()::text AS id');

  it('runs a transaction’s statements in one transaction, BEGIN written with the first', async () => {
    let ids: string[] = [];
    const writes = await writesDuring(() =>
      dataSource.transaction(async (manager) => {
        ids = [(await xact(manager))[0].id];
        await manager.query('INSERT INTO pg_client_probe (n) VALUES (1)');
        ids.push((await xact(manager))[0].id);
      }),
    );
    // BEGIN with the first statement, the two others, COMMIT: four writes for five messages.
    expect(writes).toBe(4);
    expect(ids[0]).toBe(ids[1]);
    expect(await dataSource.query('SELECT n FROM pg_client_probe')).toEqual([{ n: 1 }]);
    // Outside a transaction every statement is its own.
    const [a, b] = [await xact(dataSource.manager), await xact(dataSource.manager)];
    expect(a[0].id).not.toBe(b[0].id);
  });

  it('rolls back everything when a later statement or the callback fails', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO pg_client_probe (n) VALUES (2)');
        await manager.query('INSERT INTO pg_client_probe (n) VALUES (NULL)');
      }),
    ).rejects.toThrow(/null value/);
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO pg_client_probe (n) VALUES (3)');
        throw new Error('the command changed its mind');
      }),
    ).rejects.toThrow('the command changed its mind');
    // A first statement that fails leaves the connection usable.
    await expect(
      dataSource.transaction((manager) =>
        manager.query('SELECT no_such_column FROM pg_client_probe'),
      ),
    ).rejects.toThrow(/no_such_column/);
    expect(await dataSource.query('SELECT n FROM pg_client_probe WHERE n > 1')).toEqual([]);
  });

  it('sends nothing for a transaction without statements, and leaves none open', async () => {
    const writes = await writesDuring(async () => {
      await dataSource.transaction(async () => undefined);
      await expect(
        dataSource.transaction(async () => {
          throw new Error('nothing to do');
        }),
      ).rejects.toThrow('nothing to do');
    });
    expect(writes).toBe(0);
    const [a, b] = [await xact(dataSource.manager), await xact(dataSource.manager)];
    expect(a[0].id).not.toBe(b[0].id);
  });

  it('keeps the isolation level asked for, nested savepoints, and statements of many parameters', async () => {
    await dataSource.transaction('REPEATABLE READ', async (manager) => {
      expect(await manager.query('SHOW transaction_isolation')).toEqual([
        { transaction_isolation: 'repeatable read' },
      ]);
    });
    await dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO pg_client_probe (n) VALUES (10)');
      await expect(
        manager.transaction(async (inner) => {
          await inner.query('INSERT INTO pg_client_probe (n) VALUES (11)');
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
      const values = Array.from({ length: 200 }, (_, i) => i);
      const placeholders = values.map((_, i) => `($${i + 1}::integer + 1000)`).join(', ');
      await manager.query(`INSERT INTO pg_client_probe (n) VALUES ${placeholders}`, values);
    });
    expect(
      await dataSource.query(
        'SELECT count(*)::int AS n, min(n) AS low, max(n) AS high FROM pg_client_probe WHERE n >= 10',
      ),
    ).toEqual([{ n: 201, low: 10, high: 1199 }]);
  });

  /** The texts prepared on the one pooled connection (it is always the same with a pool of 1). */
  const preparedTexts = async (): Promise<string[]> =>
    (
      await dataSource.query<{ statement: string }[]>(
        'SELECT statement FROM pg_prepared_statements',
      )
    ).map((row) => row.statement);

  it('prepares a parameterised statement from its second use on, with the same answers', async () => {
    const text = 'SELECT $1::integer * 2 AS doubled -- prepared from its second use';
    expect(await dataSource.query(text, [1])).toEqual([{ doubled: 2 }]);
    expect(await preparedTexts()).not.toContain(text);
    for (const n of [2, 3, 4, 5, 6, 7, -8]) {
      expect(await dataSource.query(text, [n])).toEqual([{ doubled: n * 2 }]);
    }
    expect((await preparedTexts()).filter((t) => t === text)).toHaveLength(1);
    // Nor one whose plan depends on a pattern parameter's value (a subtree's path prefix).
    const subtree =
      "SELECT count(*)::int AS n FROM (VALUES ('/a/b/'), ('/a/c/')) v(path) WHERE path LIKE $1";
    for (const pattern of ['/a/%', '/a/b/%', '/a/%', '/a/c/%', '/%', '/a/%', '/a/b/%']) {
      expect(await dataSource.query(subtree, [pattern])).toEqual([
        { n: pattern === '/a/%' || pattern === '/%' ? 2 : 1 },
      ]);
    }
    expect(await preparedTexts()).not.toContain(subtree);
    // Words searched for in Latin letters are matched with ILIKE: a pattern as well.
    const words =
      "SELECT count(*)::int AS n FROM (VALUES ('SMS'), ('sms link')) v(t) WHERE t ILIKE $1";
    for (const pattern of ['%sms%', '%link%', '%sms%', '%x%', '%', '%sms%', '%LINK%']) {
      await dataSource.query(words, [pattern]);
    }
    expect(await preparedTexts()).not.toContain(words);
    // A statement without parameters is never named: its text may carry its values.
    const literal = "SELECT 'no parameters here' AS said";
    for (let i = 0; i < 3; i++) await dataSource.query(literal);
    expect(await preparedTexts()).not.toContain(literal);
  });

  it('keeps a prepared statement usable after it failed, inside and outside transactions', async () => {
    const text = 'INSERT INTO pg_client_probe (n) VALUES ($1::integer) RETURNING n';
    expect(await dataSource.query(text, [100])).toEqual([{ n: 100 }]);
    expect(await dataSource.query(text, [101])).toEqual([{ n: 101 }]);
    await expect(dataSource.query(text, [null])).rejects.toThrow(/null value/);
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(text, [102]);
        await manager.query(text, [null]);
      }),
    ).rejects.toThrow(/null value/);
    // Failing as the first statement of a transaction (sent with BEGIN) too.
    await expect(dataSource.transaction((manager) => manager.query(text, [null]))).rejects.toThrow(
      /null value/,
    );
    await dataSource.transaction(async (manager) => {
      expect(await manager.query(text, [103])).toEqual([{ n: 103 }]);
    });
    // Prepared inside a transaction that rolls back: the statement outlives it.
    const counted = 'SELECT count(*)::int AS n FROM pg_client_probe WHERE n BETWEEN $1 AND 199';
    await expect(
      dataSource.transaction(async (manager) => {
        expect(await manager.query(counted, [100])).toEqual([{ n: 3 }]);
        expect(await manager.query(counted, [101])).toEqual([{ n: 2 }]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await preparedTexts()).toContain(counted);
    expect(await dataSource.query(counted, [103])).toEqual([{ n: 1 }]);
    expect(
      await dataSource.query(
        'SELECT n FROM pg_client_probe WHERE n BETWEEN $1 AND $2 ORDER BY n',
        [100, 199],
      ),
    ).toEqual([{ n: 100 }, { n: 101 }, { n: 103 }]);
  });

  it('plans a statement asked to be generic once, and leaves the setting as it was', async () => {
    await dataSource.query('INSERT INTO pg_client_probe (n) SELECT generate_series(300, 309)');
    const text = 'SELECT n FROM pg_client_probe WHERE n = ANY($1::integer[]) ORDER BY n';
    const shape = { n: col.int };
    const run = (manager: EntityManager, ns: number[]) =>
      preparedRows(manager, 'probe', shape, text, [ns], 'generic');
    const plans = async () =>
      (
        await dataSource.query<{ generic: number; custom: number }[]>(
          `SELECT generic_plans::int AS generic, custom_plans::int AS custom
             FROM pg_prepared_statements WHERE statement = $1`,
          [text],
        )
      )[0];
    const mode = async (manager: EntityManager = dataSource.manager) =>
      (await manager.query<{ plan_cache_mode: string }[]>('SHOW plan_cache_mode'))[0]
        .plan_cache_mode;

    for (const ns of [[300], [301, 302], [309], [303], [304, 305, 306], [307], [308]]) {
      expect(await run(dataSource.manager, ns)).toEqual(ns.map((n) => ({ n })));
    }
    expect(await plans()).toEqual({ generic: 7, custom: 0 });
    expect(await mode()).toBe('auto');

    // Inside a transaction: the setting is back for the transaction's next statement.
    await dataSource.transaction(async (manager) => {
      expect(await run(manager, [300])).toEqual([{ n: 300 }]);
      expect(await mode(manager)).toBe('auto');
    });
    // A statement that fails, outside and inside a transaction: its own error, and the
    // setting as it was afterwards.
    await expect(run(dataSource.manager, 'x' as unknown as number[])).rejects.toThrow(
      /malformed array literal/,
    );
    expect(await mode()).toBe('auto');
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO pg_client_probe (n) VALUES (310)');
        await run(manager, 'x' as unknown as number[]);
      }),
    ).rejects.toThrow(/malformed array literal/);
    expect(await mode()).toBe('auto');
    expect(await dataSource.query('SELECT n FROM pg_client_probe WHERE n = 310')).toEqual([]);
    // A setting of the session's own is what RESET goes back to only if the connection
    // started with it; a statement asked to be planned as PostgreSQL decides changes nothing.
    await dataSource.query('SET plan_cache_mode = force_custom_plan');
    try {
      const decided = 'SELECT n FROM pg_client_probe WHERE n = ANY($1::integer[]) AND n > 0';
      await preparedRows(dataSource.manager, 'probe', shape, decided, [[300]]);
      expect(await mode()).toBe('force_custom_plan');
    } finally {
      await dataSource.query('RESET plan_cache_mode');
    }
  });
});
