import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One link of the tamper-evident audit chain. Append-only: the database refuses UPDATE,
 * DELETE and TRUNCATE on this table (trigger in the migration).
 */
@Entity({ name: 'audit_events' })
@Index('audit_events_subject_idx', ['subjectType', 'subjectId'])
export class AuditEvent {
  /** Within a chain, appends are serialised on its head, so ids rise in chain order. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** The chain it links into: `system` or the acting unit's id (see AuditChain). */
  @Column({ type: 'text' })
  chain: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** Username, or `system` / `cli` for work nobody signed in for. */
  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Index('audit_events_hash_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  hash: string;

  /**
   * How `hash` was computed (audit-hash.ts): 1 in the process over the event and
   * prev_hash (every event written before the migration AuditHashInDatabase), 2 by the
   * database function `audit_append` over prev_hash and the event's content digest.
   */
  @Column({ name: 'hash_version', type: 'smallint', default: 1 })
  hashVersion: number;
}
