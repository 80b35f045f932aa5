import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound messages are claimed for a lease and sent outside any transaction: a slow SMTP
 * server used to hold the row lock and a pooled connection for the whole send.
 */
export class OutboundClaim1796600000000 implements MigrationInterface {
  name = 'OutboundClaim1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "outbound_messages" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbound_messages" DROP COLUMN "claimed_until"`);
  }
}
