import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEvent } from 'src/modules/audit/audit-event.entity.js';

/** Key of the transaction-level advisory lock that serialises appends to the chain. */
const AUDIT_APPEND_LOCK_KEY = 4_242_002;

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Held until the caller's transaction ends, so the next writer sees this link. */
  async lockChain(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK_KEY]);
  }

  async findChainTip(manager: EntityManager): Promise<string | null> {
    const rows: { hash: string }[] = await manager.query(
      'SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1',
    );
    return rows[0]?.hash ?? null;
  }

  async insert(manager: EntityManager, event: Omit<AuditEvent, 'id'>): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO audit_events
         (occurred_at, actor_user_id, actor_name, unit_id, action, subject_type, subject_id, data, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       RETURNING id`,
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
