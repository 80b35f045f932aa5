import type { MigrationInterface, QueryRunner } from 'typeorm';

const DELIVERIES_READ = `SELECT id, letter_id, root_letter_id, sender_unit_id, recipient_unit_id,
    parent_delivery_id, forward_id, forwarded_by, sent_at, due_at, state, state_changed_at,
    receipt_entry_id, receipt_number, state_reason, hop, escalation_started,
    escalation_halted_at, escalation_halt_reason`;

/**
 * A halted escalation ladder resumes once someone cleared may act on the delivery again; the
 * time it resumed is the due time of the rung it halted at (routing/delivery.entity.ts), and
 * the escalation module reads it through routing's published view.
 */
export class EscalationResume1796800000000 implements MigrationInterface {
  name = 'EscalationResume1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD "escalation_resumed_at" TIMESTAMP WITH TIME ZONE`,
    );
    // Hand-written partial index: the halted deliveries of a unit, which a membership or
    // clearance change there looks for (a handful among the unit's pending deliveries).
    await queryRunner.query(
      `CREATE INDEX "deliveries_halted_idx" ON "deliveries" ("recipient_unit_id") WHERE "escalation_halt_reason" IS NOT NULL`,
    );
    // CREATE OR REPLACE may add a column at the end of a view (not drop one: see down).
    await queryRunner.query(
      `CREATE OR REPLACE VIEW "deliveries_read" AS ${DELIVERIES_READ}, escalation_resumed_at FROM deliveries`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "deliveries_read"`);
    await queryRunner.query(`CREATE VIEW "deliveries_read" AS ${DELIVERIES_READ} FROM deliveries`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_halted_idx"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "escalation_resumed_at"`);
  }
}
