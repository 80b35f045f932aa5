import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { col, execute, queryFirst, queryRows } from 'src/database/rows.js';

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

const NOTIFICATION_ROW = {
  id: col.uuid,
  userId: col.nullable(col.uuid),
  unitId: col.nullable(col.uuid),
  kind: col.text,
  payload: col.record,
  createdAt: col.date,
  readAt: col.nullable(col.date),
};

/** The addressee condition "for this user or one of these units", from $1 and $2. */
const MINE = `(n.user_id = $1 OR n.unit_id = ANY($2::uuid[]))`;

/** An outbox row as the sender reads it. */
interface OutboxRow {
  id: string;
  channel: 'email' | 'webhook';
  address: string;
  kind: string;
  subject: string;
  body: string;
  state: string;
  attempts: number;
  /** The lease of the claim (claimOutbound), to record the outcome under. */
  claimedUntil: Date;
}

const PREFERENCES_ROW = { email: col.nullable(col.text), digest: col.bool };

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The same notification for each of these units or users, one statement whatever their
   * number (a forward to 8,000 units notifies 8,000 inboxes); returns the new ids.
   */
  async insertFor(
    manager: EntityManager,
    addressee: 'unit_id' | 'user_id',
    ids: string[],
    kind: string,
    payload: Record<string, unknown>,
    now: Date,
  ): Promise<string[]> {
    const rows = await queryRows(
      manager,
      'NotificationsRepository.insertFor',
      { id: col.uuid },
      `INSERT INTO notifications (${addressee}, kind, payload, created_at)
       SELECT addressee, $2, $3::jsonb, $4 FROM unnest($1::uuid[]) AS t(addressee)
       RETURNING id`,
      [ids, kind, JSON.stringify(payload), now],
    );
    return rows.map((row) => row.id);
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
    return queryRows(
      this.dataSource,
      'NotificationsRepository.findPage',
      NOTIFICATION_ROW,
      `SELECT ${COLUMNS} FROM notifications n WHERE ${where.join(' AND ')}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async countUnread(userId: string, unitIds: string[]): Promise<number> {
    const rows = await queryRows(
      this.dataSource,
      'NotificationsRepository.countUnread',
      { count: col.int },
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
    const rows = await queryRows(
      manager,
      'NotificationsRepository.markRead',
      { id: col.uuid },
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
    const rows = await queryRows(
      this.dataSource,
      'NotificationsRepository.exists',
      {},
      `SELECT 1 FROM notifications n WHERE ${MINE} AND n.id = $3`,
      [userId, unitIds, id],
    );
    return rows.length > 0;
  }

  async findEmails(
    manager: EntityManager,
    userIds: string[],
  ): Promise<{ userId: string; email: string }[]> {
    return queryRows(
      manager,
      'NotificationsRepository.findEmails',
      { userId: col.uuid, email: col.text },
      `SELECT p.user_id AS "userId", p.email FROM notification_preferences p
        JOIN users_read u ON u.id = p.user_id AND u.active
        WHERE p.user_id = ANY($1::uuid[]) AND p.email IS NOT NULL`,
      [userIds],
    );
  }

  async insertOutbound(
    manager: EntityManager,
    rows: {
      channel: 'email' | 'webhook';
      address: string;
      userId: string | null;
      kind: string;
      subject: string;
      body: string;
      state: 'pending' | 'refused';
      lastError: string | null;
    }[],
    now: Date,
  ): Promise<{ id: string; state: string }[]> {
    if (rows.length === 0) return [];
    return queryRows(
      manager,
      'NotificationsRepository.insertOutbound',
      { id: col.uuid, state: col.text },
      `INSERT INTO outbound_messages (channel, address, user_id, kind, subject, body, state, last_error, created_at)
       SELECT r.channel, r.address, r."userId", r.kind, r.subject, r.body, r.state, r."lastError", $2
         FROM jsonb_to_recordset($1::jsonb) AS r(channel text, address text, "userId" uuid, kind text,
              subject text, body text, state text, "lastError" text)
       RETURNING id, state`,
      [JSON.stringify(rows), now],
    );
  }

  /**
   * Claims one pending outbox row for sending until `until`, in one statement that commits
   * on its own: the send then runs with no lock and no connection held. A row another
   * sender holds (its lease not yet run out) is not claimed; nor is one sent, refused or
   * failed. Returns the row with the lease, or undefined.
   */
  async claimOutbound(id: string, now: Date, until: Date): Promise<OutboxRow | undefined> {
    const row = await queryFirst(
      this.dataSource,
      'NotificationsRepository.claimOutbound',
      {
        id: col.uuid,
        channel: col.oneOf('email', 'webhook'),
        address: col.text,
        kind: col.text,
        subject: col.text,
        body: col.text,
        state: col.text,
        attempts: col.int,
        claimedUntil: col.date,
      },
      `WITH claimed AS (
         UPDATE outbound_messages SET claimed_until = $3
          WHERE id = $1 AND state = 'pending' AND (claimed_until IS NULL OR claimed_until <= $2)
          RETURNING id, channel, address, kind, subject, body, state, attempts, claimed_until)
       SELECT id, channel, address, kind, subject, body, state, attempts,
              claimed_until AS "claimedUntil" FROM claimed`,
      [id, now, until],
    );
    return row ?? undefined;
  }

  /**
   * Records the outcome of a claimed send and lets the claim go, only while the claim is
   * still ours (same lease): a sender whose lease ran out and was taken over records
   * nothing. Returns whether it was recorded.
   */
  async finishOutbound(
    id: string,
    claimedUntil: Date,
    result: { state: 'sent' | 'pending' | 'failed' | 'refused'; error: string | null; at: Date },
  ): Promise<boolean> {
    const rows = await queryRows(
      this.dataSource,
      'NotificationsRepository.finishOutbound',
      {},
      `WITH finished AS (
         UPDATE outbound_messages
            SET state = $3, last_error = $4, attempts = attempts + 1, claimed_until = NULL,
                sent_at = CASE WHEN $3 = 'sent' THEN $5::timestamptz ELSE sent_at END
          WHERE id = $1 AND claimed_until = $2
          RETURNING id)
       SELECT id FROM finished`,
      [id, claimedUntil, result.state, result.error, result.at],
    );
    return rows.length > 0;
  }

  /** Pending outbox rows older than `before` (their job may be lost), oldest first. */
  async findPendingOutbound(
    manager: EntityManager,
    before: Date | null,
    olderThanSeconds: number,
    limit: number,
  ): Promise<string[]> {
    const rows = await queryRows(
      manager,
      'NotificationsRepository.findPendingOutbound',
      { id: col.uuid },
      `SELECT id FROM outbound_messages
        WHERE state = 'pending' AND (claimed_until IS NULL OR claimed_until <= COALESCE($1::timestamptz, now()))
          AND created_at <= COALESCE($1::timestamptz, now()) - make_interval(secs => $2)
        ORDER BY created_at LIMIT $3`,
      [before, olderThanSeconds, limit],
    );
    return rows.map((row) => row.id);
  }

  async upsertPreferences(
    manager: EntityManager,
    userId: string,
    prefs: { email: string | null | undefined; digest: boolean | undefined },
    now: Date,
  ): Promise<{ email: string | null; digest: boolean }> {
    const rows = await queryRows(
      manager,
      'NotificationsRepository.upsertPreferences',
      PREFERENCES_ROW,
      `INSERT INTO notification_preferences (user_id, email, digest, updated_at)
       VALUES ($1, $2, COALESCE($3, true), $4)
       ON CONFLICT (user_id) DO UPDATE SET
         email = CASE WHEN $5 THEN EXCLUDED.email ELSE notification_preferences.email END,
         digest = COALESCE($3, notification_preferences.digest),
         updated_at = EXCLUDED.updated_at
       RETURNING email, digest`,
      [userId, prefs.email ?? null, prefs.digest ?? null, now, prefs.email !== undefined],
    );
    return rows[0];
  }

  async findPreferences(userId: string): Promise<{ email: string | null; digest: boolean }> {
    const row = await queryFirst(
      this.dataSource,
      'NotificationsRepository.findPreferences',
      PREFERENCES_ROW,
      `SELECT email, digest FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    return row ?? { email: null, digest: true };
  }

  /**
   * Serialises the digests of one day until the transaction ends: a second run of the same
   * day (a job that stalled and was taken by another worker) waits, then finds them written.
   */
  async lockDigestDay(manager: EntityManager, date: string): Promise<void> {
    await execute(
      manager,
      `SELECT pg_advisory_xact_lock(hashtext('notifications.digest'), hashtext($1))`,
      [date],
    );
  }

  /**
   * The digest of `date` for every active user who wants one and has something waiting:
   * unread notifications, and letters waiting for registration (ลงรับ) in units where they
   * are clerk or head. Users who already have that day's digest are skipped (the job may
   * run twice). One statement; returns the users and their counts.
   */
  async insertDigests(
    manager: EntityManager,
    date: string,
    now: Date,
  ): Promise<{ userId: string; unread: number; pending: number; overdue: number }[]> {
    return queryRows(
      manager,
      'NotificationsRepository.insertDigests',
      { userId: col.uuid, unread: col.int, pending: col.int, overdue: col.int },
      `WITH counts AS (
         SELECT u.id AS user_id,
                (SELECT count(*)::int FROM notifications n
                  WHERE n.read_at IS NULL AND n.kind <> 'digest'
                    AND (n.user_id = u.id OR n.unit_id IN (
                      SELECT m.unit_id FROM memberships_read m WHERE m.user_id = u.id
                         AND m.starts_at <= $2 AND (m.ends_at IS NULL OR m.ends_at > $2)))) AS unread,
                (SELECT count(*)::int FROM deliveries_read d
                  WHERE d.state = 'sent' AND d.recipient_unit_id IN (
                      SELECT m.unit_id FROM memberships_read m WHERE m.user_id = u.id
                         AND m.role IN ('clerk', 'head')
                         AND m.starts_at <= $2 AND (m.ends_at IS NULL OR m.ends_at > $2))) AS pending,
                (SELECT count(*)::int FROM deliveries_read d
                  WHERE d.state = 'sent' AND d.due_at <= $2 AND d.recipient_unit_id IN (
                      SELECT m.unit_id FROM memberships_read m WHERE m.user_id = u.id
                         AND m.role IN ('clerk', 'head')
                         AND m.starts_at <= $2 AND (m.ends_at IS NULL OR m.ends_at > $2))) AS overdue
           FROM users_read u
           LEFT JOIN notification_preferences p ON p.user_id = u.id
          WHERE u.active AND COALESCE(p.digest, true)
            AND NOT EXISTS (SELECT 1 FROM notifications n
                             WHERE n.user_id = u.id AND n.kind = 'digest' AND n.payload->>'date' = $1)
       ),
       inserted AS (
         INSERT INTO notifications (user_id, kind, payload, created_at)
         SELECT user_id, 'digest',
                jsonb_build_object('date', $1::text, 'unread', unread, 'pending', pending, 'overdue', overdue), $2
           FROM counts WHERE unread + pending > 0
         RETURNING user_id, payload
       )
       SELECT user_id AS "userId", (payload->>'unread')::int AS unread,
              (payload->>'pending')::int AS pending, (payload->>'overdue')::int AS overdue
         FROM inserted`,
      [date, now],
    );
  }
}
