import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { decodeCursor, encodeCursor, readCreatedAtCursor } from 'src/common/cursor.js';
import { DomainError } from 'src/common/domain-error.js';
import {
  type IdempotentAnswer,
  IdempotencyService,
} from 'src/common/idempotency/idempotency.service.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { type AuditActor, AuditService } from 'src/modules/audit/audit.service.js';
import { type CheckedPdf, FilesService } from 'src/modules/files/files.service.js';
import { LettersService } from 'src/modules/letters/letters.service.js';
import {
  type ConfirmDraftDto,
  type ConfirmedDraftResponse,
  type DiscardDraftDto,
  type DraftPageResponse,
  type DraftResponse,
  draftView,
  type ListDraftsQuery,
} from 'src/modules/mailbox/mailbox.dto.js';
import type { SkippedAttachment } from 'src/modules/mailbox/mailbox-draft.entity.js';
import { MailboxErrors } from 'src/modules/mailbox/mailbox.errors.js';
import { type DraftRow, MailboxRepository } from 'src/modules/mailbox/mailbox.repository.js';
import { RegistersService } from 'src/modules/registers/registers.service.js';

/** A message as the poller read it: headers, text, attachments. Nothing in it is fetched. */
export interface IncomingMessage {
  messageId: string;
  sender: string | null;
  subject: string | null;
  sentAt: Date | null;
  bodyText: string | null;
  attachments: { name: string | null; contentType: string; content: Buffer }[];
  /** Parts not taken before the service saw them (a message too large to download). */
  skipped?: SkippedAttachment[];
}

export type IntakeOutcome = { draftId: string; created: true } | { created: false };

/** The body kept on a draft: enough to read a covering note, bounded whatever was sent. */
export const BODY_TEXT_LIMIT = 10_000;

/** Who records mail intake in the audit trail: the worker, for the unit's mailbox. */
const MAILBOX_ACTOR = (unitId: string): AuditActor => ({ userId: null, name: 'mailbox', unitId });

@Injectable()
export class MailboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MailboxRepository,
    private readonly files: FilesService,
    private readonly letters: LettersService,
    private readonly registers: RegistersService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records one message of the unit's mailbox as a draft, with its PDFs stored through the
   * files module's checks, in one transaction. Idempotent by Message-ID (a second arrival
   * records nothing) and by content (a PDF the unit already has is linked, not stored again).
   */
  async receiveMessage(unitId: string, message: IncomingMessage): Promise<IntakeOutcome> {
    if (await this.repository.draftExists(unitId, message.messageId)) return { created: false };
    const skipped: SkippedAttachment[] = [...(message.skipped ?? [])];
    const pdfs: { name: string | null; checked: CheckedPdf }[] = [];
    // The checks parse each PDF in a PDF thread: done before the transaction opens.
    for (const attachment of message.attachments) {
      const described = {
        name: attachment.name,
        contentType: attachment.contentType,
        size: attachment.content.byteLength,
      };
      if (!this.files.looksLikePdf(attachment.content)) {
        skipped.push({ ...described, reason: 'not_pdf' });
        continue;
      }
      try {
        pdfs.push({
          name: attachment.name,
          checked: await this.files.checkAndStore(attachment.content),
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        skipped.push({ ...described, reason: error.code });
      }
    }
    const readingJobs: Parameters<FilesService['enqueueAfterCommit']>[0] = [];
    const outcome = await this.dataSource.transaction(async (manager): Promise<IntakeOutcome> => {
      const draftId = await this.repository.insertDraft(manager, {
        unitId,
        messageId: message.messageId,
        sender: message.sender,
        subject: message.subject,
        sentAt: message.sentAt,
        receivedAt: this.clock.now(),
        bodyText: message.bodyText === null ? null : message.bodyText.slice(0, BODY_TEXT_LIMIT),
        hasPdf: pdfs.length > 0,
        skippedAttachments: skipped,
      });
      if (draftId === null) return { created: false };
      const fileIds: string[] = [];
      for (const [position, pdf] of pdfs.entries()) {
        const existing = await this.files.findUnitFileBySha256(manager, unitId, pdf.checked.sha256);
        const fileId =
          existing?.id ??
          (
            await this.files.recordStored(
              manager,
              pdf.checked,
              {
                actor: MAILBOX_ACTOR(unitId),
                uploadedBy: null,
                unitId,
                originalName: pdf.name,
              },
              readingJobs,
            )
          ).id;
        await this.repository.insertDraftFile(manager, {
          draftId,
          position,
          fileId,
          name: pdf.name,
          duplicate: existing !== undefined,
        });
        fileIds.push(fileId);
      }
      await this.audit.record(manager, {
        actor: MAILBOX_ACTOR(unitId),
        unitId,
        action: 'mailbox.draft-received',
        subjectType: 'mailbox-draft',
        subjectId: draftId,
        // No subject: an e-mail's subject may be a secret letter's.
        data: { messageId: message.messageId, files: fileIds, skipped: skipped.length },
      });
      return { draftId, created: true };
    });
    // Read after upload, as every stored PDF is: enqueued once the draft is committed.
    await this.files.enqueueAfterCommit(readingJobs);
    return outcome;
  }

  /** The unit's drafts, newest first; its clerks only (anyone else: 404). */
  async list(
    principal: Principal,
    unitId: string,
    query: ListDraftsQuery,
  ): Promise<DraftPageResponse> {
    this.checkClerk(principal, unitId);
    const cursor = query.cursor
      ? decodeCursor(query.cursor, MailboxErrors.MAILBOX_CURSOR_INVALID, readCreatedAtCursor)
      : null;
    const limit = query.limit ?? 20;
    const rows = await this.repository.listDrafts(unitId, {
      status: query.status ?? null,
      cursor,
      limit,
    });
    const last = rows.at(-1);
    return {
      items: rows.map(draftView),
      nextCursor:
        rows.length === limit && last
          ? encodeCursor([last.receivedAt.toISOString(), last.id])
          : null,
    };
  }

  /** One draft of the unit; 404 when it is not the unit's or the caller is not its clerk. */
  async get(principal: Principal, unitId: string, draftId: string): Promise<DraftResponse> {
    this.checkClerk(principal, unitId);
    const draft = await this.repository.findDraft(this.dataSource.manager, unitId, draftId);
    if (!draft) throw new DomainError(MailboxErrors.MAILBOX_DRAFT_NOT_FOUND);
    return draftView(draft);
  }

  /**
   * Makes the letter from the draft's PDFs and the fields the clerk read, and registers it
   * (เลขรับ) in the unit's incoming register: one transaction. A retry with the same
   * Idempotency-Key returns the first answer; otherwise a decided draft answers 409.
   */
  async confirm(
    principal: Principal,
    unitId: string,
    draftId: string,
    dto: ConfirmDraftDto,
    idempotencyKey?: string,
  ): Promise<IdempotentAnswer<ConfirmedDraftResponse>> {
    this.checkClerk(principal, unitId);
    return this.dataSource.transaction((manager) =>
      this.idempotency.run(
        manager,
        {
          key: idempotencyKey,
          owner: principal.userId,
          scope: `mailbox-draft-confirm:${draftId}`,
          request: dto,
        },
        async () => {
          const draft = await this.openDraft(manager, unitId, draftId);
          const { registerId, action, remarks, ...fields } = dto;
          const letter = await this.letters.createFromFieldsIn(manager, principal, {
            ...fields,
            unitId,
            fileIds: draft.files.map((f) => f.fileId),
          });
          const entry = await this.registers.receiveIn(
            manager,
            principal,
            registerId ?? (await this.registers.defaultIncomingRegisterId(manager, unitId)),
            { letterId: letter.id, action, remarks },
            unitId,
          );
          const at = this.clock.now();
          await this.repository.markConfirmed(manager, draftId, {
            letterId: letter.id,
            entryId: entry.id,
            by: principal.userId,
            at,
          });
          await this.audit.record(manager, {
            actor: this.access.actor(principal),
            unitId,
            action: 'mailbox.draft-confirmed',
            subjectType: 'mailbox-draft',
            subjectId: draftId,
            data: { letterId: letter.id, entryId: entry.id },
          });
          const confirmed = await this.repository.findDraft(manager, unitId, draftId);
          return { status: 201, body: { draft: draftView(confirmed!), entry } };
        },
      ),
    );
  }

  /** Closes the draft without a letter, keeping the clerk's reason. Idempotent as `confirm`. */
  async discard(
    principal: Principal,
    unitId: string,
    draftId: string,
    dto: DiscardDraftDto,
    idempotencyKey?: string,
  ): Promise<IdempotentAnswer<DraftResponse>> {
    this.checkClerk(principal, unitId);
    const reason = dto.reason.trim();
    return this.dataSource.transaction((manager) =>
      this.idempotency.run(
        manager,
        {
          key: idempotencyKey,
          owner: principal.userId,
          scope: `mailbox-draft-discard:${draftId}`,
          request: dto,
        },
        async () => {
          await this.openDraft(manager, unitId, draftId);
          await this.repository.markDiscarded(manager, draftId, {
            reason,
            by: principal.userId,
            at: this.clock.now(),
          });
          await this.audit.record(manager, {
            actor: this.access.actor(principal),
            unitId,
            action: 'mailbox.draft-discarded',
            subjectType: 'mailbox-draft',
            subjectId: draftId,
            data: { reason },
          });
          const discarded = await this.repository.findDraft(manager, unitId, draftId);
          return { status: 201, body: draftView(discarded!) };
        },
      ),
    );
  }

  /** The pending draft, locked for the decision; 404 when not the unit's, 409 when decided. */
  private async openDraft(
    manager: Parameters<MailboxRepository['lockDraft']>[0],
    unitId: string,
    draftId: string,
  ): Promise<DraftRow> {
    const draft = await this.repository.lockDraft(manager, unitId, draftId);
    if (!draft) throw new DomainError(MailboxErrors.MAILBOX_DRAFT_NOT_FOUND);
    if (draft.status !== 'pending') {
      throw new DomainError(MailboxErrors.MAILBOX_DRAFT_CLOSED, {
        data: { draftStatus: draft.status },
      });
    }
    return draft;
  }

  /** The unit's mailbox is its registry's work: its clerks only; anyone else gets 404. */
  private checkClerk(principal: Principal, unitId: string): void {
    if (!principal.grants.some((g) => g.unitId === unitId && g.role === 'clerk')) {
      throw new DomainError(MailboxErrors.MAILBOX_UNIT_NOT_FOUND);
    }
  }
}
