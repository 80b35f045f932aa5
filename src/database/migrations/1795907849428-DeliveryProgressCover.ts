import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress of one letter reads every delivery of its root: carry the recipient and the
 * sending time in the index so that read never visits the table's pages.
 */
export class DeliveryProgressCover1795907849428 implements MigrationInterface {
  name = 'DeliveryProgressCover1795907849428';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."deliveries_root_state_idx"`);
    await queryRunner.query(
      `CREATE INDEX "deliveries_root_state_idx" ON "deliveries" ("root_letter_id", "state") INCLUDE ("recipient_unit_id", "sent_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."deliveries_root_state_idx"`);
    await queryRunner.query(
      `CREATE INDEX "deliveries_root_state_idx" ON "deliveries" ("root_letter_id", "state")`,
    );
  }
}
