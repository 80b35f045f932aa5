import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A letter's progress in a subtree (and its acknowledgments over time) reads, for each unit of
 * the subtree, that unit's deliveries of the root letter. Keyed by (root letter, recipient),
 * a province's view of a nation-wide circular probes its own units' entries instead of reading
 * every delivery of the root; the states, times and hop it aggregates come from the index.
 * It replaces the (root letter, state) index, whose readers all take the root's whole range.
 */
export class DeliveryProgressByRecipient1796810000000 implements MigrationInterface {
  name = 'DeliveryProgressByRecipient1796810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."deliveries_root_state_idx"`);
    await queryRunner.query(
      `CREATE INDEX "deliveries_root_recipient_idx" ON "deliveries" ("root_letter_id", "recipient_unit_id") INCLUDE ("state", "sent_at", "due_at", "hop")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."deliveries_root_recipient_idx"`);
    await queryRunner.query(
      `CREATE INDEX "deliveries_root_state_idx" ON "deliveries" ("root_letter_id", "state") INCLUDE ("recipient_unit_id", "sent_at")`,
    );
  }
}
