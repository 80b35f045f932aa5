import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Has this unit already received this chain?" is asked on every registration. With an
 * index on the letter alone the planner could walk the whole register instead (and did,
 * on fresh statistics); (letter_id, register_id) answers it in one probe per pair.
 */
export class EntryLetterRegisterIndex1795909457019 implements MigrationInterface {
  name = 'EntryLetterRegisterIndex1795909457019';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "register_entries_letter_register_idx" ON "register_entries" ("letter_id", "register_id") `,
    );
    await queryRunner.query(`DROP INDEX "public"."register_entries_letter_idx"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "register_entries_letter_idx" ON "register_entries" ("letter_id") `,
    );
    await queryRunner.query(`DROP INDEX "public"."register_entries_letter_register_idx"`);
  }
}
