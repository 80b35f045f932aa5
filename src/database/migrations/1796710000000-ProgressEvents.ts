import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log of changes in letters' delivery trees that the live tracking stream reads
 * (routing/progress-event.entity.ts): a reconnecting reader resumes after its last event id.
 */
export class ProgressEvents1796710000000 implements MigrationInterface {
  name = 'ProgressEvents1796710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "progress_events" ("id" BIGSERIAL NOT NULL, "kind" character varying(32) NOT NULL, "root_letter_id" uuid NOT NULL, "letter_id" uuid NOT NULL, "secrecy" character varying(16) NOT NULL, "delivery_id" uuid, "forward_id" uuid, "sender_unit_id" uuid NOT NULL, "recipient_unit_id" uuid, "level" smallint, "receipt_number" integer, "count" integer, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_561ad8503ba3440d8c7cc1fdb48" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "progress_events_root_idx" ON "progress_events"  ("root_letter_id", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."progress_events_root_idx"`);
    await queryRunner.query(`DROP TABLE "progress_events"`);
  }
}
