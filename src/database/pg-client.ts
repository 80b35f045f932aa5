import { createHash } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';

/**
 * A socket that hands the kernel what node-postgres wrote while corked (the messages of one
 * statement, or a transaction's BEGIN with its first statement) as one buffer, where Node
 * would pass a vector of small ones: one plain write per round trip.
 */
class OneWriteSocket extends net.Socket {
  override _writev(
    chunks: { chunk: Buffer | string; encoding: BufferEncoding }[],
    callback: (error?: Error | null) => void,
  ): void {
    const buffers = chunks.map(({ chunk, encoding }) =>
      typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk,
    );
    this._write(Buffer.concat(buffers), 'buffer' as BufferEncoding, callback);
  }
}

/**
 * The name a statement's text is prepared under on a connection: a hash of the text, so that
 * one connection never sees one name with two texts (`preparedRows` and the client below
 * share it, so a text prepared by either is parsed once per connection).
 */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `saraban_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size < MAX_PREPARED_TEXTS) names.set(text, name);
  }
  return name;
}

/** Texts already named, by text; shared by every connection of the process. */
const names = new Map<string, string>();

/**
 * How many parameterised texts a process prepares at most. The statements are fixed by the
 * code (a few hundred), their values travel apart; the bound only keeps a text built with
 * varying literals from filling every connection's memory on both sides.
 */
const MAX_PREPARED_TEXTS = 2_000;

/** Uses of a text before it is prepared: a text run once is not worth a named statement. */
const PREPARE_AFTER_USES = 2;

/** Uses per text not yet prepared; cleared when it grows past its bound. */
const uses = new Map<string, number>();

/**
 * A pattern parameter (`path LIKE $2`, `LIKE ANY($3::text[])`: a unit's subtree; `ILIKE $4`:
 * words searched for) matches one unit or the whole country depending on its value. A
 * prepared statement may be given a generic plan, made without the value, and for a subtree
 * that plan is the one for every size at once: the progress of a province's units in a
 * nation-wide circular took five times the CPU with it; a search for Latin letters, matched
 * with ILIKE, scanned the trigram indexes over every letter. Such statements are planned with
 * their values, every time.
 */
const PATTERN_PARAMETER = /(?:\b|\bI)LIKE\s+(?:ANY\s*\(\s*)?\$\d/i;

/** Texts with a pattern parameter already seen (bounded as the named ones are). */
const plannedEachTime = new Set<string>();

/**
 * The name to prepare `text` under, or undefined to send it unnamed: only statements with
 * parameters (whose texts are fixed by the code) that have been used before in this process,
 * and none whose plan depends on a pattern parameter's value.
 */
function hotStatementName(text: string): string | undefined {
  const named = names.get(text);
  if (named) return named;
  if (names.size >= MAX_PREPARED_TEXTS || plannedEachTime.has(text)) return undefined;
  if (PATTERN_PARAMETER.test(text)) {
    if (plannedEachTime.size < MAX_PREPARED_TEXTS) plannedEachTime.add(text);
    return undefined;
  }
  const seen = (uses.get(text) ?? 0) + 1;
  if (seen < PREPARE_AFTER_USES) {
    if (uses.size >= MAX_PREPARED_TEXTS * 4) uses.clear();
    uses.set(text, seen);
    return undefined;
  }
  uses.delete(text);
  return statementName(text);
}

/** What TypeORM sends to open a transaction (PostgresQueryRunner.startTransaction). */
const BEGIN = 'START TRANSACTION';

/** The answer to a BEGIN, COMMIT or ROLLBACK that had nothing to send. */
function unsentResult(command: string): pg.QueryResult {
  return { command, rowCount: null, oid: 0, fields: [], rows: [] };
}

/**
 * The pool's connection (`extra.Client` in data-source.ts). A transaction's BEGIN is held
 * back and written together with the transaction's first statement (pipeline mode: the
 * server runs them in order and answers each), so every command pays one round trip fewer
 * on both sides: BEGIN + its statements' round trips + COMMIT becomes its statements' +
 * COMMIT. A transaction that ends before any statement sends nothing.
 *
 * The statement runs in the transaction: the server reads BEGIN first. BEGIN cannot fail on
 * its own here (it fails only with the session, which ends the statement too, or in a
 * transaction that already failed, where the statement fails as well; nothing here sends
 * cancel requests); should it ever, the statement's answer is that error, so the command
 * rolls back rather than go on as if it were in a transaction.
 */
export class PipelinedBeginClient extends pg.Client {
  private beginHeld = false;

  constructor(config: pg.ClientConfig) {
    super({ ...config, pipeline: true, stream: () => new OneWriteSocket() });
  }

  // Every overload of pg.Client.query passes through here unchanged but for BEGIN and the
  // naming of hot parameterised statements.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const [config, values, callback] = args as [unknown, unknown, unknown];
    if (
      typeof config === 'string' &&
      Array.isArray(values) &&
      values.length > 0 &&
      callback === undefined
    ) {
      // PostgreSQL parses, analyses and plans an unnamed statement on every run; a named one
      // once per connection (then plans it as its plan cache decides), and the message
      // carries the name instead of the text.
      const name = hotStatementName(config);
      if (name) args = [{ name, text: config, values }];
    }
    if (typeof config === 'string' && values === undefined && callback === undefined) {
      if (config === BEGIN && !this.beginHeld) {
        this.beginHeld = true;
        return Promise.resolve(unsentResult('BEGIN'));
      }
      if (this.beginHeld && (config === 'COMMIT' || config === 'ROLLBACK')) {
        this.beginHeld = false;
        return Promise.resolve(unsentResult(config));
      }
    }
    // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to this client below
    const send = super.query as unknown as (...query: unknown[]) => unknown;
    if (!this.beginHeld) return send.apply(this, args);
    this.beginHeld = false;
    const stream = (this as unknown as { connection: { stream: net.Socket } }).connection.stream;
    stream.cork();
    let begun: Promise<pg.QueryResult>;
    let result: unknown;
    try {
      begun = super.query(BEGIN);
      result = send.apply(this, args);
    } finally {
      stream.uncork();
    }
    if (!(result instanceof Promise)) {
      begun.catch(() => undefined); // a callback or stream query: the connection's error shows
      return result;
    }
    return Promise.all([begun, result]).then(([, answer]) => answer as unknown);
  }
}
