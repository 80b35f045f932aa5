import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { col, execute, queryFirst, queryRows } from 'src/database/rows.js';
import type { QueryRunner } from 'typeorm';
import {
  DRAFT_STATUSES,
  type DraftStatus,
  type SkippedAttachment,
} from 'src/modules/mailbox/mailbox-draft.entity.js';

/** Namespace of the session advisory locks that keep one poller per mailbox. */
export const MAILBOX_LOCK_NAMESPACE = 7_000_002;

const SKIPPED = col.array(
  col.object({
    name: col.nullable(col.text),
    contentType: col.text,
    size: col.int,
    reason: col.text,
  }),
);

const DRAFT_COLUMNS = `d.id, d.unit_id AS "unitId", d.message_id AS "messageId", d.sender, d.subject,
  d.sent_at AS "sentAt", d.received_at AS "receivedAt", d.body_text AS "bodyText",
  d.has_pdf AS "hasPdf", d.skipped_attachments AS "skippedAttachments", d.status,
  d.letter_id AS "letterId", d.entry_id AS "entryId", d.discard_reason AS "discardReason",
  d.decided_by AS "decidedBy", d.decided_at AS "decidedAt",
  COALESCE((SELECT json_agg(json_build_object('fileId', f.file_id, 'name', f.name,
      'position', f.position, 'duplicate', f.duplicate) ORDER BY f.position)
    FROM mailbox_draft_files f WHERE f.draft_id = d.id), '[]'::json) AS files`;

const DRAFT_ROW = {
  id: col.uuid,
  unitId: col.uuid,
  messageId: col.text,
  sender: col.nullable(col.text),
  subject: col.nullable(col.text),
  sentAt: col.nullable(col.date),
  receivedAt: col.date,
  bodyText: col.nullable(col.text),
  hasPdf: col.bool,
  skippedAttachments: SKIPPED,
  status: col.oneOf(...DRAFT_STATUSES),
  letterId: col.nullable(col.uuid),
  entryId: col.nullable(col.uuid),
  discardReason: col.nullable(col.text),
  decidedBy: col.nullable(col.uuid),
  decidedAt: col.nullable(col.date),
  files: col.array(
    col.object({
      fileId: col.uuid,
      name: col.nullable(col.text),
      position: col.int,
      duplicate: col.bool,
    }),
  ),
};

export interface NewDraft {
  unitId: string;
  messageId: string;
  sender: string | null;
  subject: string | null;
  sentAt: Date | null;
  receivedAt: Date;
  bodyText: string | null;
  hasPdf: boolean;
  skippedAttachments: SkippedAttachment[];
}

/** A draft as stored: what the poll recorded, and what the clerk decided. */
export interface DraftRow extends NewDraft {
  id: string;
  status: DraftStatus;
  letterId: string | null;
  entryId: string | null;
  discardReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  files: { fileId: string; name: string | null; position: number; duplicate: boolean }[];
}

/** All SQL on the mailbox module's tables (`mailbox_drafts`, `mailbox_draft_files`). */
@Injectable()
export class MailboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes the mailbox's session advisory lock on the runner's own connection; false when
   * another poller holds it. Released by `unlockMailbox`, or by PostgreSQL when the
   * connection of a crashed worker closes.
   */
  async tryLockMailbox(runner: QueryRunner, unitId: string): Promise<boolean> {
    const rows = await queryRows(
      runner.manager,
      'MailboxRepository.tryLockMailbox',
      { locked: col.bool },
      'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
      [MAILBOX_LOCK_NAMESPACE, unitId],
    );
    return rows[0].locked;
  }

  async unlockMailbox(runner: QueryRunner, unitId: string): Promise<void> {
    await queryRows(
      runner.manager,
      'MailboxRepository.unlockMailbox',
      { unlocked: col.bool },
      'SELECT pg_advisory_unlock($1, hashtext($2)) AS unlocked',
      [MAILBOX_LOCK_NAMESPACE, unitId],
    );
  }

  async draftExists(unitId: string, messageId: string): Promise<boolean> {
    const row = await queryFirst(
      this.dataSource,
      'MailboxRepository.draftExists',
      { id: col.uuid },
      'SELECT id FROM mailbox_drafts WHERE unit_id = $1 AND message_id = $2',
      [unitId, messageId],
    );
    return row !== null;
  }

  /** The new draft's id; null when the unit has a draft of this Message-ID already. */
  async insertDraft(manager: EntityManager, draft: NewDraft): Promise<string | null> {
    const rows = await queryRows(
      manager,
      'MailboxRepository.insertDraft',
      { id: col.uuid },
      `INSERT INTO mailbox_drafts (unit_id, message_id, sender, subject, sent_at, received_at,
         body_text, has_pdf, skipped_attachments)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
       ON CONFLICT (unit_id, message_id) DO NOTHING RETURNING id`,
      [
        draft.unitId,
        draft.messageId,
        draft.sender,
        draft.subject,
        draft.sentAt,
        draft.receivedAt,
        draft.bodyText,
        draft.hasPdf,
        JSON.stringify(draft.skippedAttachments),
      ],
    );
    return rows[0]?.id ?? null;
  }

  async insertDraftFile(
    manager: EntityManager,
    file: {
      draftId: string;
      position: number;
      fileId: string;
      name: string | null;
      duplicate: boolean;
    },
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO mailbox_draft_files (draft_id, position, file_id, name, duplicate)
       VALUES ($1, $2, $3, $4, $5)`,
      [file.draftId, file.position, file.fileId, file.name, file.duplicate],
    );
  }

  /** The draft of this unit, locked for a decision; null when the unit has no such draft. */
  async lockDraft(manager: EntityManager, unitId: string, id: string): Promise<DraftRow | null> {
    await execute(
      manager,
      'SELECT 1 FROM mailbox_drafts WHERE id = $1 AND unit_id = $2 FOR UPDATE',
      [id, unitId],
    );
    return this.findDraft(manager, unitId, id);
  }

  async findDraft(manager: EntityManager, unitId: string, id: string): Promise<DraftRow | null> {
    return queryFirst(
      manager,
      'MailboxRepository.findDraft',
      DRAFT_ROW,
      `SELECT ${DRAFT_COLUMNS} FROM mailbox_drafts d WHERE d.id = $1 AND d.unit_id = $2`,
      [id, unitId],
    );
  }

  /** A page of the unit's drafts, newest first, after the cursor's (receivedAt, id). */
  async listDrafts(
    unitId: string,
    filters: {
      status: DraftStatus | null;
      cursor: { createdAt: string; id: string } | null;
      limit: number;
    },
  ): Promise<DraftRow[]> {
    const params: unknown[] = [unitId];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['d.unit_id = $1'];
    if (filters.status) where.push(`d.status = ${add(filters.status)}`);
    if (filters.cursor) {
      where.push(
        `(d.received_at, d.id) < (${add(filters.cursor.createdAt)}::timestamptz, ${add(filters.cursor.id)}::uuid)`,
      );
    }
    return queryRows(
      this.dataSource,
      'MailboxRepository.listDrafts',
      DRAFT_ROW,
      `SELECT ${DRAFT_COLUMNS} FROM mailbox_drafts d WHERE ${where.join(' AND ')}
       ORDER BY d.received_at DESC, d.id DESC LIMIT ${add(filters.limit)}`,
      params,
    );
  }

  async markConfirmed(
    manager: EntityManager,
    id: string,
    decision: { letterId: string; entryId: string; by: string; at: Date },
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE mailbox_drafts SET status = 'confirmed', letter_id = $2, entry_id = $3,
         decided_by = $4, decided_at = $5 WHERE id = $1 AND status = 'pending'`,
      [id, decision.letterId, decision.entryId, decision.by, decision.at],
    );
  }

  async markDiscarded(
    manager: EntityManager,
    id: string,
    decision: { reason: string; by: string; at: Date },
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE mailbox_drafts SET status = 'discarded', discard_reason = $2,
         decided_by = $3, decided_at = $4 WHERE id = $1 AND status = 'pending'`,
      [id, decision.reason, decision.by, decision.at],
    );
  }
}
