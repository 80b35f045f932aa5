import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain's end as a row of its own: an append locks it and reads the hash to
 * link to in one statement, where the advisory lock and the read of the newest event were
 * two (appends are serialised, so every round trip inside the lock counts). Seeded from
 * the newest event, or the genesis hash for an empty chain.
 */
export class AuditChainHead1795923506512 implements MigrationInterface {
  name = 'AuditChainHead1795923506512';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_chain_head" ("id" smallint NOT NULL, "last_event_id" bigint, "hash" character(64) NOT NULL, CONSTRAINT "audit_chain_head_one_row" CHECK ("id" = 1), CONSTRAINT "PK_9211408bf584034de409b1bbec5" PRIMARY KEY ("id"))`,
    );
    // Hand-written: the one row, where the chain ends now.
    await queryRunner.query(
      `INSERT INTO "audit_chain_head" ("id", "last_event_id", "hash")
       SELECT 1, e.id, COALESCE(e.hash, repeat('0', 64)) FROM (SELECT NULL) AS one
         LEFT JOIN LATERAL (SELECT id, hash FROM "audit_events" ORDER BY id DESC LIMIT 1) e ON true`,
    );
    // Without its row no append could lock the chain: the row cannot be deleted.
    await queryRunner.query(`CREATE FUNCTION audit_chain_head_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_chain_head keeps its row (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON "audit_chain_head" FOR EACH ROW EXECUTE FUNCTION audit_chain_head_kept()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON "audit_chain_head" FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_kept()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
    await queryRunner.query(`DROP FUNCTION audit_chain_head_kept()`);
  }
}
