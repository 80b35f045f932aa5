import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The marks `foldThaiMarks` (src/thai/normalize.ts) removes; a test keeps the two equal. */
const MARKS = `U&'\\0E31\\0E34\\0E35\\0E36\\0E37\\0E38\\0E39\\0E3A\\0E47\\0E48\\0E49\\0E4A\\0E4B\\0E4C\\0E4D\\0E4E'`;
const FIELDS = [
  ['subject', 'letters_subject'],
  ['sender_text', 'letters_sender'],
  ['reference_raw', 'letters_reference'],
] as const;

/**
 * pg_trgm takes Thai vowel and tone marks for word breaks, so `ครั้งที่` was indexed as the
 * fragments `คร`, `ง`, `ท` and a search for a phrase with a mark in it matched almost
 * every letter in the index, then filtered them one by one. The search indexes now hold
 * the text without those marks (`saraban_search_fold`); the query still checks the text
 * itself. Statistics on the folded text are finer (1,000 buckets) so that the planner can
 * tell a word in every tenth letter from a fragment in one letter of a thousand.
 */
export class LetterSearchFold1795910600000 implements MigrationInterface {
  name = 'LetterSearchFold1795910600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION saraban_search_fold(text) RETURNS text
         LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
         AS $$ SELECT translate($1, ${MARKS}, '') $$`,
    );
    for (const [column, prefix] of FIELDS) {
      await queryRunner.query(`DROP INDEX "public"."${prefix}_trgm_idx"`);
      await queryRunner.query(
        `CREATE INDEX "${prefix}_fold_trgm_idx" ON "letters" USING gin (saraban_search_fold("${column}") gin_trgm_ops)`,
      );
      await queryRunner.query(
        `ALTER INDEX "${prefix}_fold_trgm_idx" ALTER COLUMN 1 SET STATISTICS 1000`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [column, prefix] of FIELDS) {
      await queryRunner.query(`DROP INDEX "public"."${prefix}_fold_trgm_idx"`);
      await queryRunner.query(
        `CREATE INDEX "${prefix}_trgm_idx" ON "letters" USING gin ("${column}" gin_trgm_ops)`,
      );
    }
    await queryRunner.query(`DROP FUNCTION saraban_search_fold(text)`);
  }
}
