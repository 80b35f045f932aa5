import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An in-app notification for one user, or for a unit (every member sees it; the first
 * member who reads it marks it read for the unit's shared inbox). The payload carries
 * ids and references a person can look up: never a URL (invariant 8), never the subject
 * of a secret letter.
 */
@Entity({ name: 'notifications' })
@Check('notifications_addressee_check', `"user_id" IS NOT NULL OR "unit_id" IS NOT NULL`)
@Index('notifications_user_idx', ['userId', 'createdAt'])
@Index('notifications_unit_idx', ['unitId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'jsonb', default: {} })
  payload: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
