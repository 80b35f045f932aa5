import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Delivery } from 'src/modules/routing/delivery.entity.js';

/**
 * One step of the reminder ladder that happened (invariant 1: a committed row). Unique per
 * (delivery, level): a job run twice, or by two workers, records it once.
 * Level 1 reminds the recipient's clerks, 2 its head, 3 the head of the forwarding unit,
 * 4 the registry of the unit that issued the root letter.
 */
@Entity({ name: 'escalations' })
@Unique('escalations_delivery_level_key', ['deliveryId', 'level'])
@Check('escalations_level_check', `"level" BETWEEN 1 AND 4`)
@Index('escalations_level_idx', ['level'])
// Hand-written partial index: levels whose next level is still to come, for the sweep.
@Index('escalations_next_due_idx', { synchronize: false })
export class Escalation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @ManyToOne(() => Delivery, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'escalations_delivery_fk' })
  delivery?: Delivery;

  @Column({ type: 'smallint' })
  level: number;

  /** When this level fell due (working time from the delivery's due time). */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'escalated_at', type: 'timestamptz' })
  escalatedAt: Date;

  /** The unit whose people were told. */
  @Column({ name: 'notified_unit_id', type: 'uuid', nullable: true })
  notifiedUnitId: string | null;

  /** The people told (empty when the unit's shared inbox was told instead). */
  @Column({ name: 'notified_user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  notifiedUserIds: string[];

  /**
   * Due time of the next level; null at the ladder's top, and cleared once the next level
   * ran or found the delivery settled.
   */
  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt: Date | null;
}
