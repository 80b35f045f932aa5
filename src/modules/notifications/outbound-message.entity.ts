import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Outbox of outbound notifications (e-mail, webhooks): written in the transaction of the
 * change that caused it and sent by a job after commit (invariant 2). A message that fails
 * the no-links check is kept as `refused` and never sent (invariant 8).
 */
@Entity({ name: 'outbound_messages' })
@Check('outbound_messages_channel_check', `"channel" IN ('email', 'webhook')`)
@Check('outbound_messages_state_check', `"state" IN ('pending', 'sent', 'refused', 'failed')`)
// Hand-written partial index: messages still to send, for the sweep.
@Index('outbound_messages_pending_idx', { synchronize: false })
export class OutboundMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  channel: 'email' | 'webhook';

  /** E-mail address, or the webhook endpoint. */
  @Column({ type: 'text' })
  address: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', default: 'pending' })
  state: 'pending' | 'sent' | 'refused' | 'failed';

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /**
   * While a sender holds the message: it is sent with no transaction, row lock or database
   * connection held, so the claim is this lease. Another sender takes the message only
   * once the lease has run out (the first sender died mid-send).
   */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;
}
