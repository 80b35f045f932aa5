import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Search pages come newest first; common words walk this index instead of sorting every match. */
export class LetterSearchOrder1795905800384 implements MigrationInterface {
  name = 'LetterSearchOrder1795905800384';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "letters_created_idx" ON "letters" ("created_at", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."letters_created_idx"`);
  }
}
