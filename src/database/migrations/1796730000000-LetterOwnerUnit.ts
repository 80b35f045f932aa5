import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ส่วนราชการเจ้าของเรื่อง as printed on a received letter, kept for checking and search. */
export class LetterOwnerUnit1796730000000 implements MigrationInterface {
  name = 'LetterOwnerUnit1796730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "letters" ADD "owner_unit" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "letters" DROP COLUMN "owner_unit"`);
  }
}
