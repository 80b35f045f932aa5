import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Letter } from 'src/modules/letters/letter.entity.js';
import { Unit } from 'src/modules/organisations/unit.entity.js';
import { Forward } from 'src/modules/routing/forward.entity.js';

export const DELIVERY_STATES = ['sent', 'received', 'returned', 'cancelled'] as const;
/**
 * Per (letter, recipient unit): sent → received (the recipient registered it: ลงรับ);
 * side branches returned (ส่งคืน) and cancelled by the sender (see
 * src/modules/routing/README.md#delivery-states).
 */
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** Why a delivery's escalation ladder stopped: nobody cleared left in the registry. */
export type EscalationHaltReason = 'no_cleared_member';

/** One letter travelling to one recipient unit; the tree of deliveries is the chain. */
@Entity({ name: 'deliveries' })
@Check('deliveries_state_check', `"state" IN ('sent', 'received', 'returned', 'cancelled')`)
@Check(
  'deliveries_escalation_halt_check',
  `("escalation_halted_at" IS NULL) = ("escalation_halt_reason" IS NULL) AND ("escalation_halt_reason" IS NULL OR "escalation_halt_reason" IN ('no_cleared_member'))`,
)
@Index('deliveries_letter_recipient_idx', ['letterId', 'recipientUnitId'])
// Hand-written: (root_letter_id, recipient_unit_id) INCLUDE (state, sent_at, due_at, hop), so
// one letter's progress is an index-only scan however many other letters the table holds, and
// a subtree's view probes its own units' deliveries of the letter only.
@Index('deliveries_root_recipient_idx', { synchronize: false })
@Index('deliveries_recipient_state_idx', ['recipientUnitId', 'state', 'sentAt'])
@Index('deliveries_parent_idx', ['parentDeliveryId'])
@Index('deliveries_forward_idx', ['forwardId'])
// The delivery tree, level by level (GET /letters/:id/tree).
@Index('deliveries_root_hop_idx', ['rootLetterId', 'hop', 'id'])
// Hand-written partial unique index: one live (sent or received) delivery per letter,
// sender and recipient, so a repeated forward skips instead of duplicating.
@Index('deliveries_live_key', { synchronize: false })
// Hand-written partial indexes: pending deliveries by due time (overdue views), and those
// whose ladder has not started yet (the sweep's level-1 candidates).
@Index('deliveries_pending_due_idx', { synchronize: false })
@Index('deliveries_unescalated_due_idx', { synchronize: false })
// Hand-written partial index: each unit's halted ladders, resumed when someone cleared joins.
@Index('deliveries_halted_idx', { synchronize: false })
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'letter_id', type: 'uuid' })
  letterId: string;

  @ManyToOne(() => Letter, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'deliveries_letter_fk' })
  letter?: Letter;

  /** The root letter of the chain: progress of a ministry circular is one query on this. */
  @Column({ name: 'root_letter_id', type: 'uuid' })
  rootLetterId: string;

  @Column({ name: 'sender_unit_id', type: 'uuid' })
  senderUnitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sender_unit_id', foreignKeyConstraintName: 'deliveries_sender_unit_fk' })
  senderUnit?: Unit;

  @Column({ name: 'recipient_unit_id', type: 'uuid' })
  recipientUnitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recipient_unit_id',
    foreignKeyConstraintName: 'deliveries_recipient_unit_fk',
  })
  recipientUnit?: Unit;

  /** The delivery by which the sending unit received the letter (null at the origin). */
  @Column({ name: 'parent_delivery_id', type: 'uuid', nullable: true })
  parentDeliveryId: string | null;

  @ManyToOne(() => Delivery, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_delivery_id', foreignKeyConstraintName: 'deliveries_parent_fk' })
  parentDelivery?: Delivery | null;

  /** The forwarding act (one request) that created it. */
  @Column({ name: 'forward_id', type: 'uuid' })
  forwardId: string;

  @ManyToOne(() => Forward, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'forward_id', foreignKeyConstraintName: 'deliveries_forward_fk' })
  forward?: Forward;

  /**
   * Set with the first escalation (in its transaction): a delivery that stays unregistered
   * leaves the sweep's level-1 index instead of being rescanned on every run.
   */
  @Column({ name: 'escalation_started', type: 'boolean', default: false })
  escalationStarted: boolean;

  /**
   * Set when the escalation ladder stopped for good because nobody in the recipient unit
   * may act on the delivery (a classified letter, and no live registry member cleared for
   * it any more): reminding or escalating would chase what no one can do. The sender was
   * told in the same transaction; the delivery stays pending and can still be registered,
   * and the ladder resumes when someone cleared may act on it again.
   */
  @Column({ name: 'escalation_halted_at', type: 'timestamptz', nullable: true })
  escalationHaltedAt: Date | null;

  @Column({ name: 'escalation_halt_reason', type: 'text', nullable: true })
  escalationHaltReason: EscalationHaltReason | null;

  /**
   * When a halted ladder last resumed because someone cleared may act on the delivery again
   * (the halt's columns are cleared in the same transaction): the rung it had halted at falls
   * due then, not at the long-past time it first fell due.
   */
  @Column({ name: 'escalation_resumed_at', type: 'timestamptz', nullable: true })
  escalationResumedAt: Date | null;

  /** Level in the delivery tree: 1 for the origin's recipients, parent's hop + 1 below. */
  @Column({ type: 'smallint', default: 1 })
  hop: number;

  @Column({ name: 'forwarded_by', type: 'uuid', nullable: true })
  forwardedBy: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  /** Fixed when the delivery is created, from the escalation policy of the letter's speed. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'text', default: 'sent' })
  state: DeliveryState;

  @Column({ name: 'state_changed_at', type: 'timestamptz' })
  stateChangedAt: Date;

  @Column({ name: 'receipt_entry_id', type: 'uuid', nullable: true })
  receiptEntryId: string | null;

  /** เลขรับ of the recipient: the acknowledgment travels back to the sender. */
  @Column({ name: 'receipt_number', type: 'integer', nullable: true })
  receiptNumber: number | null;

  @Column({ name: 'state_reason', type: 'text', nullable: true })
  stateReason: string | null;

  /** Message id of an inter-agency exchange (e-CMS), when the letter came that way. */
  @Column({ name: 'external_message_id', type: 'text', nullable: true })
  externalMessageId: string | null;
}
