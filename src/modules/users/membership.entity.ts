import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Unit } from 'src/modules/organisations/unit.entity.js';
import { User } from 'src/modules/users/user.entity.js';
import type { MembershipRole } from 'src/modules/users/roles.js';

/**
 * A user's place in a unit with a role, for a span of time. Ending a membership sets
 * `ends_at`; the row stays as history. An acting head (รักษาราชการแทน) is a `head`
 * membership with `acting` set and both ends given.
 */
@Entity({ name: 'memberships' })
@Check('memberships_role_check', `"role" IN ('clerk', 'official', 'head', 'admin')`)
@Check('memberships_span_check', `"ends_at" IS NULL OR "ends_at" >= "starts_at"`)
@Check('memberships_acting_check', `NOT "acting" OR ("role" = 'head' AND "ends_at" IS NOT NULL)`)
@Index('memberships_user_idx', ['userId'])
@Index('memberships_unit_idx', ['unitId'])
// Hand-written partial unique index (user, unit, role) while open; see the migration.
@Index('memberships_open_key', { synchronize: false })
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'memberships_user_fk' })
  user?: User;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'memberships_unit_fk' })
  unit?: Unit;

  @Column({ type: 'text' })
  role: MembershipRole;

  /** รักษาราชการแทน: acting head for [starts_at, ends_at). */
  @Column({ type: 'boolean', default: false })
  acting: boolean;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
