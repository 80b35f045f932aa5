import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sweep's level-1 candidates were every pending delivery past due, escalated or not:
 * a delivery nobody registers stayed in that scan forever. A flag set with the first
 * escalation, and a partial index without the flagged rows, keep the scan to new work.
 */
export class EscalationStarted1795908915835 implements MigrationInterface {
  name = 'EscalationStarted1795908915835';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD "escalation_started" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `UPDATE "deliveries" d SET "escalation_started" = true
        WHERE EXISTS (SELECT 1 FROM "escalations" e WHERE e."delivery_id" = d."id" AND e."level" = 1)`,
    );
    await queryRunner.query(
      `CREATE INDEX "deliveries_unescalated_due_idx" ON "deliveries" ("due_at") WHERE "state" = 'sent' AND NOT "escalation_started"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."deliveries_unescalated_due_idx"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "escalation_started"`);
  }
}
