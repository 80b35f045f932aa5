import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery of a classified letter whose recipient unit has nobody cleared left to act on
 * it stops its escalation ladder, with the time and the reason, instead of climbing to
 * people who cannot do anything about it (routing/delivery.entity.ts).
 */
export class EscalationHalt1796720000000 implements MigrationInterface {
  name = 'EscalationHalt1796720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD "escalation_halted_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "deliveries" ADD "escalation_halt_reason" text`);
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_escalation_halt_check" CHECK (("escalation_halted_at" IS NULL) = ("escalation_halt_reason" IS NULL) AND ("escalation_halt_reason" IS NULL OR "escalation_halt_reason" IN ('no_cleared_member')))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_escalation_halt_check"`,
    );
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "escalation_halt_reason"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "escalation_halted_at"`);
  }
}
