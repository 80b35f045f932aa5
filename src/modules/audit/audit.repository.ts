import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from 'src/database/prepared-query.js';
import { AuditEvent } from 'src/modules/audit/audit-event.entity.js';

/**
 * Locks the chain's head row until the transaction ends and yields the hash to link to
 * (`hash`). A writer that waited for the lock reads the head as the previous writer left
 * it (READ COMMITTED re-reads a row it waited for), so the chain never forks. A command
 * may run it as a CTE of its own last write (see `AuditService.recordAfterLock`).
 */
export const AUDIT_HEAD_LOCK_SQL = 'SELECT hash FROM audit_chain_head WHERE id = 1 FOR UPDATE';

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `AUDIT_HEAD_LOCK_SQL`: the lock, and the hash to link to. */
  async lockHead(manager: EntityManager): Promise<string> {
    const rows: { hash: string }[] = await preparedQuery(manager, AUDIT_HEAD_LOCK_SQL, []);
    if (!rows[0]) throw new Error('audit_chain_head has no row: run the migrations');
    return rows[0].hash;
  }

  /** The head as committed now, for the verifier. */
  async findHead(): Promise<{ lastEventId: string | null; hash: string }> {
    const rows: { lastEventId: string | null; hash: string }[] = await this.dataSource.query(
      'SELECT last_event_id AS "lastEventId", hash FROM audit_chain_head WHERE id = 1',
    );
    return rows[0];
  }

  /**
   * Appends the event and moves the head to it, in one statement, under the head lock. Only
   * if the head is still the event's prev_hash: an append that did not hold the lock finds
   * it moved, writes nothing, and throws, rather than fork the chain.
   */
  async insert(manager: EntityManager, event: Omit<AuditEvent, 'id'>): Promise<string> {
    const rows: { id: string }[] = await preparedQuery(
      manager,
      `WITH event AS (
         INSERT INTO audit_events
           (occurred_at, actor_user_id, actor_name, unit_id, action, subject_type, subject_id, data, prev_hash, hash)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10
          WHERE EXISTS (SELECT 1 FROM audit_chain_head WHERE id = 1 AND hash = $9)
         RETURNING id, hash
       )
       UPDATE audit_chain_head h SET last_event_id = event.id, hash = event.hash
         FROM event WHERE h.id = 1
       RETURNING event.id`,
      [
        event.occurredAt,
        event.actorUserId,
        event.actorName,
        event.unitId,
        event.action,
        event.subjectType,
        event.subjectId,
        JSON.stringify(event.data),
        event.prevHash,
        event.hash,
      ],
    );
    if (!rows[0]) throw new Error('audit chain head moved: an append must hold the head lock');
    return rows[0].id;
  }

  /** A page of the chain in order, for the verifier. */
  async findPageAfter(afterId: string, limit: number): Promise<AuditEvent[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, occurred_at, actor_user_id, actor_name, unit_id, action, subject_type,
              subject_id, data, prev_hash, hash
         FROM audit_events WHERE id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((row) => ({
      id: String(row.id),
      occurredAt: row.occurred_at as Date,
      actorUserId: row.actor_user_id as string | null,
      actorName: row.actor_name as string,
      unitId: row.unit_id as string | null,
      action: row.action as string,
      subjectType: row.subject_type as string,
      subjectId: row.subject_id as string,
      data: row.data as Record<string, unknown>,
      prevHash: row.prev_hash as string,
      hash: row.hash as string,
    }));
  }

  async findBySubject(subjectType: string, subjectId: string): Promise<AuditEvent[]> {
    return this.dataSource.getRepository(AuditEvent).find({
      where: { subjectType, subjectId },
      order: { id: 'ASC' },
    });
  }
}
