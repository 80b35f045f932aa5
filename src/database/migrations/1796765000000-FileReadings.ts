import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reading a stored PDF's text: one reading per file (state, progress, generation of the
 * latest re-read) and its pages, stored as each finishes so a crash never loses them.
 */
export class FileReadings1796765000000 implements MigrationInterface {
  name = 'FileReadings1796765000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "file_readings" ("file_id" uuid NOT NULL, "state" text NOT NULL, "generation" integer NOT NULL DEFAULT '1', "page_count" integer, "pages_done" integer NOT NULL DEFAULT '0', "failure_code" text, "failure_detail" text, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "file_readings_state_check" CHECK (state IN ('queued', 'running', 'done', 'failed')), CONSTRAINT "PK_8dd4df2b27820406a4a5d891189" PRIMARY KEY ("file_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "file_readings_unfinished_idx" ON "file_readings"  ("requested_at") WHERE state IN ('queued', 'running')`,
    );
    await queryRunner.query(
      `CREATE TABLE "file_reading_pages" ("file_id" uuid NOT NULL, "page_number" integer NOT NULL, "generation" integer NOT NULL, "method" text NOT NULL, "text" text NOT NULL, "lines" jsonb NOT NULL, "confidence" real NOT NULL, "warnings" jsonb NOT NULL, "width" real NOT NULL, "height" real NOT NULL, CONSTRAINT "PK_d605b822388d8b8bb6978c2aff2" PRIMARY KEY ("file_id", "page_number"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "file_readings" ADD CONSTRAINT "file_readings_file_fk" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "file_reading_pages" ADD CONSTRAINT "file_reading_pages_reading_fk" FOREIGN KEY ("file_id") REFERENCES "file_readings"("file_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "file_reading_pages" DROP CONSTRAINT "file_reading_pages_reading_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "file_readings" DROP CONSTRAINT "file_readings_file_fk"`);
    await queryRunner.query(`DROP TABLE "file_reading_pages"`);
    await queryRunner.query(`DROP INDEX "public"."file_readings_unfinished_idx"`);
    await queryRunner.query(`DROP TABLE "file_readings"`);
  }
}
