import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  Module,
  type NestInterceptor,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Request } from 'express';
import type { Redis } from 'ioredis';
import { mergeMap, type Observable } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import { REDIS } from 'src/common/core.module.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { dataSourceOptions } from 'src/database/data-source.js';
import { col, queryFirst } from 'src/database/rows.js';
import { logger } from 'src/logging/logger.js';

/** What a read needs of a connection: statements whose rows are checked (src/database/rows.ts). */
export type { Queryable } from 'src/database/rows.js';

/** How long a missing or failing replica is left alone before it is tried again. */
const REPLICA_RETRY_MS = 5_000;
/** A Redis or replica answer slower than this sends the read to the primary instead. */
const LOOKUP_TIMEOUT_MS = 500;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error('timed out')), LOOKUP_TIMEOUT_MS).unref(),
    ),
  ]);
}

/**
 * True for failures of the replica rather than of the statement: no connection, the server
 * shutting down or starting, or a query cancelled because replay needed its rows.
 */
function replicaUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return code.startsWith('08') || code.startsWith('57P') || code === '40001';
}

const PRIMARY_INSTEAD = Symbol('the primary, instead of an unavailable replica');

/**
 * Where a statement that failed on `manager` runs instead: the primary's manager when
 * `manager` is a replica's and the replica could not run it; else null (the failure is the
 * statement's own). For statements that take the manager's connection themselves (prepared
 * statements), which the replica manager's `query` does not see.
 */
export function primaryInstead(manager: EntityManager, error: unknown): EntityManager | null {
  const instead = (manager as { [PRIMARY_INSTEAD]?: (error: unknown) => EntityManager | null })[
    PRIMARY_INSTEAD
  ];
  return instead ? instead(error) : null;
}

/**
 * Where reads that tolerate a little lag go: the streaming replica of DATABASE_READ_URL
 * when it is set, else the primary. A user reads their own writes: after each successful
 * write the primary's WAL position is kept for that user in Redis, and until the replica
 * has replayed past it that user's reads go to the primary. Whenever the replica, or
 * Redis, cannot say, the primary answers: a read is never refused for want of a replica.
 */
@Injectable()
export class ReadReplica implements OnApplicationShutdown {
  private replica: DataSource | null = null;
  private opening: Promise<DataSource | null> | null = null;
  private unusableUntil = 0;

  constructor(
    private readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  get configured(): boolean {
    return this.config.databaseReadUrl !== null;
  }

  /** The connection for a lag-tolerant read by this user (null: anonymous or system). */
  async for(userId: string | null): Promise<EntityManager> {
    const primary = this.primary.manager;
    if (!this.configured || Date.now() < this.unusableUntil) return primary;
    try {
      const replica = await this.open();
      if (!replica) return primary;
      if (userId !== null) {
        const written = await withTimeout(this.redis.get(this.key(userId)));
        if (written !== null) {
          // Null on a server that never replayed WAL (a primary given as the replica).
          const row = await withTimeout(
            queryFirst(
              replica,
              'ReadReplica.caughtUp',
              { caught_up: col.nullable(col.bool) },
              'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up',
              [written],
            ),
          );
          if (row?.caught_up !== true) return primary;
        }
      }
      return this.guarded(replica);
    } catch (error) {
      this.setAside(error);
      return primary;
    }
  }

  /** Called after a user's write committed: their next reads wait for the replica to pass it. */
  async noteWrite(userId: string): Promise<void> {
    if (!this.configured) return;
    try {
      const row = await queryFirst(
        this.primary,
        'ReadReplica.noteWrite',
        { lsn: col.text },
        // The insert position, not the write position: committed asynchronously
        // (synchronous_commit = off), a commit answers while its record is still in the
        // WAL buffers, and a replica that has replayed all the WAL written so far may not
        // yet have this user's write.
        'SELECT pg_current_wal_insert_lsn()::text AS lsn',
      );
      const lsn = row?.lsn;
      if (lsn) {
        await withTimeout(
          this.redis.set(this.key(userId), lsn, 'EX', this.config.databaseReadStickySeconds),
        );
      }
    } catch (error) {
      // Without the mark this user may read a moment stale; the write itself stands.
      logger.warn({ err: error }, 'could not note a write for read-your-writes');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const replica = this.replica;
    this.replica = null;
    if (replica?.isInitialized) await replica.destroy();
  }

  /**
   * The replica's manager, except that a statement the replica cannot run for want of a
   * connection (or cancelled by a recovery conflict) runs on the primary instead.
   */
  private guarded(replica: DataSource): EntityManager {
    const primary = this.primary.manager;
    const query = async (sql: string, parameters?: unknown[]): Promise<unknown> => {
      try {
        return await replica.manager.query(sql, parameters);
      } catch (error) {
        if (!replicaUnavailable(error)) throw error;
        this.setAside(error);
        return primary.query(sql, parameters);
      }
    };
    const instead = (error: unknown): EntityManager | null => {
      if (!replicaUnavailable(error)) return null;
      this.setAside(error);
      return primary;
    };
    return new Proxy(replica.manager, {
      get: (target, property, receiver) =>
        property === 'query'
          ? query
          : property === PRIMARY_INSTEAD
            ? instead
            : (Reflect.get(target, property, receiver) as unknown),
    });
  }

  private key(userId: string): string {
    return `${this.config.queuePrefix}:read-after-write:${userId}`;
  }

  private open(): Promise<DataSource | null> {
    if (this.replica) return Promise.resolve(this.replica);
    this.opening ??= (async () => {
      const url = this.config.databaseReadUrl;
      if (!url) return null;
      const dataSource = new DataSource(
        dataSourceOptions(url, this.config.databasePoolSize, this.config.databasePoolWaitMs),
      );
      try {
        await dataSource.initialize();
        this.replica = dataSource;
        return dataSource;
      } catch (error) {
        this.setAside(error);
        return null;
      } finally {
        this.opening = null;
      }
    })();
    return this.opening;
  }

  private setAside(error: unknown): void {
    if (Date.now() >= this.unusableUntil) {
      logger.warn({ err: error }, 'read replica unavailable; reading from the primary');
    }
    this.unusableUntil = Date.now() + REPLICA_RETRY_MS;
  }
}

/** Marks every successful write of a signed-in user for read-your-writes. */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(private readonly reads: ReadReplica) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reads.configured || context.getType() !== 'http') return next.handle();
    const request = context
      .switchToHttp()
      .getRequest<Request & { principal?: { userId: string } }>();
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return next.handle();
    // Awaited before the answer goes out: the client's next read must already see the mark.
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        const userId = request.principal?.userId;
        if (userId) await this.reads.noteWrite(userId);
        return value;
      }),
    );
  }
}

/**
 * The interceptor, as a global provider for the app's root module, only with a replica
 * configured: any global interceptor puts every request of the process through Nest's
 * observable pipeline, about 2–3% of an API's CPU per request, for a mark no read needs
 * when every read goes to the primary.
 */
export function readYourWritesProviders(config: Pick<AppConfig, 'databaseReadUrl'>): Provider[] {
  return config.databaseReadUrl === null
    ? []
    : [{ provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor }];
}

/** The read replica, for the modules whose lists and reports tolerate a little lag. */
@Module({
  providers: [ReadReplica],
  exports: [ReadReplica],
})
export class ReadReplicaModule {}
