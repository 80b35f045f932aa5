import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Substitution days (วันหยุดชดเชย) of the seeded years BE 2568–2570, as
 * nationalHolidaysWithSubstitutes computes them (src/modules/escalation/national-holidays.ts;
 * a test keeps the two equal): a fixed-date holiday on a Saturday or Sunday closes the next
 * working day, so deadlines across such a weekend move. A date an administrator already
 * entered is left as it is.
 */
export const SUBSTITUTION_DAYS_2568_2570: readonly (readonly [string, string, string])[] = [
  ['2025-04-07', 'วันหยุดชดเชยวันจักรี', 'Substitution day for Chakri Memorial Day'],
  ['2025-04-16', 'วันหยุดชดเชยวันสงกรานต์', 'Substitution day for Songkran Festival'],
  ['2025-05-05', 'วันหยุดชดเชยวันฉัตรมงคล', 'Substitution day for Coronation Day'],
  ['2026-12-07', 'วันหยุดชดเชยวันพ่อแห่งชาติ', "Substitution day for National Father's Day"],
  ['2027-10-25', 'วันหยุดชดเชยวันปิยมหาราช', 'Substitution day for King Chulalongkorn Memorial Day'],
  ['2027-12-06', 'วันหยุดชดเชยวันพ่อแห่งชาติ', "Substitution day for National Father's Day"],
];

export class SubstitutionHolidays1796500652705 implements MigrationInterface {
  name = 'SubstitutionHolidays1796500652705';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [date, nameTh, nameEn] of SUBSTITUTION_DAYS_2568_2570) {
      await queryRunner.query(
        `INSERT INTO "holidays" ("date", "name_th", "name_en", "source", "created_at")
         VALUES ($1, $2, $3, 'seed', now()) ON CONFLICT ("date") DO NOTHING`,
        [date, nameTh, nameEn],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "holidays" WHERE "source" = 'seed' AND "date" = ANY($1::date[])`,
      [SUBSTITUTION_DAYS_2568_2570.map(([date]) => date)],
    );
  }
}
