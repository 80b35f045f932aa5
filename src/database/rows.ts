/**
 * Checked rows. Every raw statement names the columns it reads and their kinds; the rows
 * PostgreSQL returns are checked against them before a repository hands them on, so a
 * migration or a statement that drifts from the code fails loudly at the boundary (an
 * internal error naming the statement and the column) instead of deep inside a rule.
 *
 * The kinds are node-postgres's answers: int2/int4 and float8 come as numbers, int8 and
 * numeric as text, timestamptz and date as Date, json and jsonb already parsed.
 * Rows are checked in place, not copied: a statement's extra columns pass through.
 */

/** A column's kind: a check and the TypeScript type it proves. */
export interface Column<T> {
  readonly kind: string;
  readonly check: (value: unknown) => boolean;
  /** Never set: carries T for `RowOf`. */
  readonly _type?: T;
}

export type Shape = Readonly<Record<string, Column<unknown>>>;

export type RowOf<S extends Shape> = { [K in keyof S]: S[K] extends Column<infer T> ? T : never };

function column<T>(kind: string, check: (value: unknown) => boolean): Column<T> {
  return { kind, check };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER_TEXT = /^-?\d+$/;

const text = column<string>('text', (v) => typeof v === 'string');
const uuid = column<string>('uuid', (v) => typeof v === 'string' && UUID.test(v));
const int = column<number>('int', (v) => Number.isSafeInteger(v));
const number = column<number>('number', (v) => typeof v === 'number' && !Number.isNaN(v));
/** int8 and counts: text of digits, since they may pass 2^53. */
const bigint = column<string>('bigint', (v) => typeof v === 'string' && INTEGER_TEXT.test(v));
const date = column<Date>('date', (v) => v instanceof Date && !Number.isNaN(v.getTime()));
const bool = column<boolean>('bool', (v) => typeof v === 'boolean');
/** Any json value the code passes on without reading (warnings, parsed stamps). */
const json = column<unknown>('json', (v) => v !== undefined);
/** A json object whose keys the code does not rely on (audit data, settings). */
const record = column<Record<string, unknown>>(
  'json object',
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
);

function checkShape(shape: Shape, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  for (const key in shape) {
    if (!shape[key].check((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

export const col = {
  text,
  uuid,
  int,
  number,
  bigint,
  date,
  bool,
  json,
  record,
  nullable<T>(inner: Column<T>): Column<T | null> {
    return column(`${inner.kind} or null`, (v) => v === null || inner.check(v));
  },
  /** Text that is one of a closed set (an enum column or a CHECK-constrained one). */
  oneOf<const V extends string>(...values: V[]): Column<V> {
    const allowed = new Set<unknown>(values);
    return column(`one of ${values.join('|')}`, (v) => allowed.has(v));
  },
  /** A json array, each element of the given kind. */
  array<T>(element: Column<T>): Column<T[]> {
    return column(`array of ${element.kind}`, (v) => Array.isArray(v) && v.every(element.check));
  },
  /** A json object (or a composite built by json_build_object) with these keys. */
  object<S extends Shape>(shape: S): Column<RowOf<S>> {
    return column(`{${Object.keys(shape).join(', ')}}`, (v) => checkShape(shape, v));
  },
};

/** A row that does not match its statement's shape: a defect, answered as a 500. */
export class RowShapeError extends Error {
  constructor(statement: string, index: number, key: string, expected: string, value: unknown) {
    const got = value === null ? 'null' : value instanceof Date ? 'Date' : typeof value;
    super(`${statement}: row ${index} column "${key}" is not ${expected} (got ${got})`);
    this.name = 'RowShapeError';
  }
}

/** Checks `result` as the rows of `statement`; returns them, now typed. */
export function checkRows<S extends Shape>(
  statement: string,
  shape: S,
  result: unknown,
): RowOf<S>[] {
  if (!Array.isArray(result)) {
    throw new Error(`${statement}: expected rows, got ${typeof result}`);
  }
  const keys = Object.keys(shape);
  for (let i = 0; i < result.length; i++) {
    const row = result[i] as Record<string, unknown>;
    for (const key of keys) {
      if (!shape[key].check(row[key])) {
        throw new RowShapeError(statement, i, key, shape[key].kind, row[key]);
      }
    }
  }
  return result as RowOf<S>[];
}

/** What runs a statement: an EntityManager (inside or outside a transaction), a DataSource. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** TypeORM answers a bare UPDATE or DELETE with `[rows, count]`; rows are never arrays. */
function isChangeAnswer(result: unknown): result is [unknown[], number] {
  return (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  );
}

/** The rows of a SELECT, or of a write's RETURNING, checked. */
export async function queryRows<S extends Shape>(
  db: Queryable,
  statement: string,
  shape: S,
  sql: string,
  parameters: unknown[] = [],
): Promise<RowOf<S>[]> {
  const result = await db.query(sql, parameters);
  return checkRows(statement, shape, isChangeAnswer(result) ? result[0] : result);
}

/** The first row, checked, or null when there is none. */
export async function queryFirst<S extends Shape>(
  db: Queryable,
  statement: string,
  shape: S,
  sql: string,
  parameters: unknown[] = [],
): Promise<RowOf<S> | null> {
  const rows = await queryRows(db, statement, shape, sql, parameters);
  return rows[0] ?? null;
}

/** A statement whose answer the caller does not read. */
export async function execute(
  db: Queryable,
  sql: string,
  parameters: unknown[] = [],
): Promise<void> {
  await db.query(sql, parameters);
}

/**
 * The number of rows an UPDATE or DELETE touched. TypeORM answers those with
 * `[rows, count]`; anything else is a defect of the statement.
 */
export async function executeCount(
  db: Queryable,
  statement: string,
  sql: string,
  parameters: unknown[] = [],
): Promise<number> {
  const result = await db.query(sql, parameters);
  if (!isChangeAnswer(result)) {
    throw new Error(`${statement}: expected an UPDATE or DELETE's row count`);
  }
  return result[1];
}
