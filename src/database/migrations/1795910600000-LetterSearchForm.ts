import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The marks and their stand-in letters, as `searchForm` (src/thai/normalize.ts) has them;
 * a test keeps the two equal.
 */
const MARKS = `U&'\\0E31\\0E34\\0E35\\0E36\\0E37\\0E38\\0E39\\0E3A\\0E47\\0E48\\0E49\\0E4A\\0E4B\\0E4C\\0E4D\\0E4E'`;
const LETTERS = `U&'\\0250\\0251\\0252\\0253\\0254\\0255\\0256\\0257\\0258\\0259\\025A\\025B\\025C\\025D\\025E\\025F'`;
const FIELDS = [
  ['subject', 'letters_subject'],
  ['sender_text', 'letters_sender'],
  ['reference_raw', 'letters_reference'],
] as const;

/**
 * pg_trgm takes Thai vowel and tone marks for word breaks, so `ครั้งที่` was indexed as the
 * fragments `คร`, `ง`, `ท` and a search for a phrase with a mark in it matched almost
 * every letter in the index, then filtered them one by one. The search indexes now hold
 * the search form of the text (`saraban_search_form`: each mark replaced by a stand-in
 * letter, one to one); the query still checks the text itself. Statistics on the search
 * form are finer (1,000 buckets) so that the planner can tell a word in every tenth
 * letter from a fragment in one letter of a thousand.
 */
export class LetterSearchForm1795910600000 implements MigrationInterface {
  name = 'LetterSearchForm1795910600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION saraban_search_form(text) RETURNS text
         LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
         AS $$ SELECT translate($1, ${MARKS}, ${LETTERS}) $$`,
    );
    for (const [column, prefix] of FIELDS) {
      await queryRunner.query(`DROP INDEX "public"."${prefix}_trgm_idx"`);
      await queryRunner.query(
        `CREATE INDEX "${prefix}_form_trgm_idx" ON "letters" USING gin (saraban_search_form("${column}") gin_trgm_ops)`,
      );
      await queryRunner.query(
        `ALTER INDEX "${prefix}_form_trgm_idx" ALTER COLUMN 1 SET STATISTICS 1000`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [column, prefix] of FIELDS) {
      await queryRunner.query(`DROP INDEX "public"."${prefix}_form_trgm_idx"`);
      await queryRunner.query(
        `CREATE INDEX "${prefix}_trgm_idx" ON "letters" USING gin ("${column}" gin_trgm_ops)`,
      );
    }
    await queryRunner.query(`DROP FUNCTION saraban_search_form(text)`);
  }
}
