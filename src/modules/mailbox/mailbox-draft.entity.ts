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

export const DRAFT_STATUSES = ['pending', 'confirmed', 'discarded'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** An attachment that was not stored, with why (not a PDF, or refused by the upload checks). */
export interface SkippedAttachment {
  name: string | null;
  contentType: string;
  size: number;
  /** `not_pdf`, or the files module's refusal code (`FILE_PDF_ENCRYPTED`, …). */
  reason: string;
}

/**
 * A message of a unit's central mailbox, waiting for its clerk: confirmed into a letter and
 * a register entry, or discarded with a reason. One per Message-ID and unit.
 */
@Entity({ name: 'mailbox_drafts' })
@Index('mailbox_drafts_message_key', ['unitId', 'messageId'], { unique: true })
@Index('mailbox_drafts_unit_list_idx', ['unitId', 'receivedAt', 'id'])
@Check('mailbox_drafts_status_check', `"status" IN ('pending', 'confirmed', 'discarded')`)
export class MailboxDraft {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'mailbox_drafts_unit_fk' })
  unit?: Unit;

  /** The Message-ID header, or `sha256:<hex>` of the message when it has none. */
  @Column({ name: 'message_id', type: 'text' })
  messageId: string;

  /** From, as the message states it (not verified: e-mail senders can be forged). */
  @Column({ type: 'text', nullable: true })
  sender: string | null;

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  /** The Date header. */
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** The plain-text body as sent, cut to a length; its links are never followed. */
  @Column({ name: 'body_text', type: 'text', nullable: true })
  bodyText: string | null;

  @Column({ name: 'has_pdf', type: 'boolean' })
  hasPdf: boolean;

  @Column({ name: 'skipped_attachments', type: 'jsonb', default: () => "'[]'" })
  skippedAttachments: SkippedAttachment[];

  @Column({ type: 'text', default: 'pending' })
  status: DraftStatus;

  @Column({ name: 'letter_id', type: 'uuid', nullable: true })
  letterId: string | null;

  @Column({ name: 'entry_id', type: 'uuid', nullable: true })
  entryId: string | null;

  @Column({ name: 'discard_reason', type: 'text', nullable: true })
  discardReason: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
