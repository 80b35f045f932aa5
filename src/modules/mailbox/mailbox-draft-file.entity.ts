import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoredFile } from 'src/modules/files/stored-file.entity.js';
import { MailboxDraft } from 'src/modules/mailbox/mailbox-draft.entity.js';

/** The PDFs of a draft, in the message's order; position 0 becomes the letter itself. */
@Entity({ name: 'mailbox_draft_files' })
@Index('mailbox_draft_files_file_idx', ['fileId'])
export class MailboxDraftFile {
  @PrimaryColumn({ name: 'draft_id', type: 'uuid' })
  draftId: string;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Column({ name: 'file_id', type: 'uuid' })
  fileId: string;

  /** The attachment's name in the message. */
  @Column({ type: 'text', nullable: true })
  name: string | null;

  /** The unit had these bytes already (an earlier message or upload): no second file. */
  @Column({ type: 'boolean', default: false })
  duplicate: boolean;

  @ManyToOne(() => MailboxDraft, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'draft_id', foreignKeyConstraintName: 'mailbox_draft_files_draft_fk' })
  draft?: MailboxDraft;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'mailbox_draft_files_file_fk' })
  file?: StoredFile;
}
