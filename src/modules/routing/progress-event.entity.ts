import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const PROGRESS_EVENT_KINDS = [
  'forward.sent',
  'delivery.received',
  'delivery.returned',
  'delivery.cancelled',
  'delivery.escalated',
  'delivery.unactionable',
  'delivery.escalation-resumed',
] as const;
export type ProgressEventKind = (typeof PROGRESS_EVENT_KINDS)[number];

/**
 * What changed in a letter's delivery tree, one row per change, written in the command's
 * own transaction (invariant 2): a forward sent, a delivery registered (ลงรับ), returned
 * or cancelled, an escalation level reached, a ladder stopped because nobody in the
 * recipient unit may act on the delivery, or resumed because someone there may again. The live tracking stream reads it: a
 * reconnecting browser resumes after its Last-Event-ID from here, whichever API process
 * it reaches, and a Redis message after commit only wakes the processes up (invariant 1: nothing
 * lives only in memory or in Redis). No subject is stored; the sender's and recipient's
 * units and the letter's secrecy class are, so each reader's access is checked per event.
 */
@Entity({ name: 'progress_events' })
@Index('progress_events_root_idx', ['rootLetterId', 'id'])
// Hand-written partial index: the escalation level each delivery reached (tracking filters).
@Index('progress_events_escalated_idx', { synchronize: false })
export class ProgressEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: ProgressEventKind;

  @Column({ name: 'root_letter_id', type: 'uuid' })
  rootLetterId: string;

  @Column({ name: 'letter_id', type: 'uuid' })
  letterId: string;

  @Column({ type: 'varchar', length: 16 })
  secrecy: string;

  @Column({ name: 'delivery_id', type: 'uuid', nullable: true })
  deliveryId: string | null;

  @Column({ name: 'forward_id', type: 'uuid', nullable: true })
  forwardId: string | null;

  @Column({ name: 'sender_unit_id', type: 'uuid' })
  senderUnitId: string;

  /** Null for a forward (its recipients are many; `count` says how many were created). */
  @Column({ name: 'recipient_unit_id', type: 'uuid', nullable: true })
  recipientUnitId: string | null;

  /** Escalation level reached (1–4). */
  @Column({ type: 'smallint', nullable: true })
  level: number | null;

  @Column({ name: 'receipt_number', type: 'int', nullable: true })
  receiptNumber: number | null;

  /** Deliveries a forward created. */
  @Column({ type: 'int', nullable: true })
  count: number | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
