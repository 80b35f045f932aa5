import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface NotificationRow {
  id: string;
  userId: string | null;
  unitId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

const COLUMNS = `n.id, n.user_id AS "userId", n.unit_id AS "unitId", n.kind, n.payload,
  n.created_at AS "createdAt", n.read_at AS "readAt"`;

/** The addressee condition "for this user or one of these units", from $1 and $2. */
const MINE = `(n.user_id = $1 OR n.unit_id = ANY($2::uuid[]))`;

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per unit, one statement whatever the number of units. */
  async insertForUnits(
    manager: EntityManager,
    unitIds: string[],
    kind: string,
    payload: Record<string, unknown>,
    now: Date,
  ): Promise<number> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO notifications (unit_id, kind, payload, created_at)
       SELECT unit_id, $2, $3::jsonb, $4 FROM unnest($1::uuid[]) AS t(unit_id)
       RETURNING id`,
      [unitIds, kind, JSON.stringify(payload), now],
    );
    return rows.length;
  }

  async insertForUser(
    manager: EntityManager,
    userId: string,
    kind: string,
    payload: Record<string, unknown>,
    now: Date,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO notifications (user_id, kind, payload, created_at) VALUES ($1, $2, $3::jsonb, $4) RETURNING id`,
      [userId, kind, JSON.stringify(payload), now],
    );
    return rows[0].id;
  }

  async findPage(
    userId: string,
    unitIds: string[],
    options: {
      unreadOnly: boolean;
      cursor: { createdAt: string; id: string } | null;
      limit: number;
    },
  ): Promise<NotificationRow[]> {
    const params: unknown[] = [userId, unitIds];
    const where = [MINE];
    if (options.unreadOnly) where.push('n.read_at IS NULL');
    if (options.cursor) {
      params.push(options.cursor.createdAt, options.cursor.id);
      where.push(`(n.created_at, n.id) < ($3::timestamptz, $4::uuid)`);
    }
    params.push(options.limit + 1);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications n WHERE ${where.join(' AND ')}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async countUnread(userId: string, unitIds: string[]): Promise<number> {
    const rows: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications n WHERE ${MINE} AND n.read_at IS NULL`,
      [userId, unitIds],
    );
    return rows[0].count;
  }

  /** Marks read those of `ids` (or all, when null) addressed to the user or their units. */
  async markRead(
    manager: EntityManager,
    userId: string,
    unitIds: string[],
    ids: string[] | null,
    now: Date,
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      // Wrapped in a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      `WITH marked AS (
         UPDATE notifications n SET read_at = $3
          WHERE ${MINE} AND n.read_at IS NULL AND ($4::uuid[] IS NULL OR n.id = ANY($4::uuid[]))
          RETURNING n.id)
       SELECT id FROM marked`,
      [userId, unitIds, now, ids],
    );
    return rows.map((row) => row.id);
  }

  async exists(userId: string, unitIds: string[], id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM notifications n WHERE ${MINE} AND n.id = $3`,
      [userId, unitIds, id],
    );
    return rows.length > 0;
  }
}
