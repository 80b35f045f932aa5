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

  // Every overload of pg.Client.query passes through here unchanged but for BEGIN.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const [config, values, callback] = args as [unknown, unknown, unknown];
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
