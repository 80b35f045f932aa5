import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervisors filter and count overdue deliveries by the escalation level they reached; the
 * level is in routing's own log (`delivery.escalated` events), read per delivery.
 */
export class ProgressEscalationLevel1796740000000 implements MigrationInterface {
  name = 'ProgressEscalationLevel1796740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "progress_events_escalated_idx" ON "progress_events" ("delivery_id", "level") WHERE "kind" = 'delivery.escalated'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."progress_events_escalated_idx"`);
  }
}
