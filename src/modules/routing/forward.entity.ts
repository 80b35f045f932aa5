import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Letter } from 'src/modules/letters/letter.entity.js';
import { Unit } from 'src/modules/organisations/unit.entity.js';

/**
 * One forwarding act (one request): a unit sends a letter it registered on to many
 * recipients. Its deliveries carry its id, so a whole forward can be cancelled at once.
 */
@Entity({ name: 'forwards' })
@Index('forwards_letter_idx', ['letterId', 'createdAt'])
@Index('forwards_sender_idx', ['senderUnitId', 'createdAt'])
export class Forward {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'letter_id', type: 'uuid' })
  letterId: string;

  @ManyToOne(() => Letter, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'forwards_letter_fk' })
  letter?: Letter;

  @Column({ name: 'root_letter_id', type: 'uuid' })
  rootLetterId: string;

  @Column({ name: 'sender_unit_id', type: 'uuid' })
  senderUnitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sender_unit_id', foreignKeyConstraintName: 'forwards_sender_unit_fk' })
  senderUnit?: Unit;

  /** The sender's register entry the forward was made from. */
  @Column({ name: 'register_entry_id', type: 'uuid', nullable: true })
  registerEntryId: string | null;

  /** The delivery by which the sender received the letter (null at the origin). */
  @Column({ name: 'parent_delivery_id', type: 'uuid', nullable: true })
  parentDeliveryId: string | null;

  /** The เกษียน written with the forward ("เห็นควรแจ้ง อำเภอ และ อปท. ทราบ"). */
  @Column({ name: 'annotation_id', type: 'uuid', nullable: true })
  annotationId: string | null;

  @Column({ name: 'forwarded_by', type: 'uuid', nullable: true })
  forwardedBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When the letter asks the recipients for a report or reply by a date. */
  @Column({ name: 'response_due_at', type: 'timestamptz', nullable: true })
  responseDueAt: Date | null;

  @Column({ name: 'recipients_created', type: 'integer' })
  recipientsCreated: number;

  @Column({ name: 'recipients_skipped', type: 'integer' })
  recipientsSkipped: number;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
