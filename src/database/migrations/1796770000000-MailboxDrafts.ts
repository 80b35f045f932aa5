import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Drafts of the units' central mailboxes (e-mail intake) and their PDFs. */
export class MailboxDrafts1796770000000 implements MigrationInterface {
  name = 'MailboxDrafts1796770000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mailbox_drafts" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "unit_id" uuid NOT NULL, "message_id" text NOT NULL, "sender" text, "subject" text, "sent_at" TIMESTAMP WITH TIME ZONE, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "body_text" text, "has_pdf" boolean NOT NULL, "skipped_attachments" jsonb NOT NULL DEFAULT '[]', "status" text NOT NULL DEFAULT 'pending', "letter_id" uuid, "entry_id" uuid, "discard_reason" text, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "mailbox_drafts_status_check" CHECK ("status" IN ('pending', 'confirmed', 'discarded')), CONSTRAINT "PK_f8eb5228f34ca5f9569d2424d67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "mailbox_drafts_unit_list_idx" ON "mailbox_drafts" ("unit_id", "received_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "mailbox_drafts_message_key" ON "mailbox_drafts" ("unit_id", "message_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mailbox_draft_files" ("draft_id" uuid NOT NULL, "position" integer NOT NULL, "file_id" uuid NOT NULL, "name" text, "duplicate" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_2b62d79180f6bface33211531d4" PRIMARY KEY ("draft_id", "position"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "mailbox_draft_files_file_idx" ON "mailbox_draft_files" ("file_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "mailbox_drafts" ADD CONSTRAINT "mailbox_drafts_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mailbox_draft_files" ADD CONSTRAINT "mailbox_draft_files_draft_fk" FOREIGN KEY ("draft_id") REFERENCES "mailbox_drafts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mailbox_draft_files" ADD CONSTRAINT "mailbox_draft_files_file_fk" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mailbox_draft_files"`);
    await queryRunner.query(`DROP TABLE "mailbox_drafts"`);
  }
}
