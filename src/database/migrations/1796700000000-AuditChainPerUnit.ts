import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One audit chain per acting unit instead of one for the whole deployment, so commands of
 * different units never wait on each other's audit head; signed checkpoints over all the
 * heads. Every existing event stays where it is, in the `system` chain: its hash and its
 * links do not change (an event's hash does not cover its chain), and the single head row
 * becomes that chain's row, with its event count.
 */
export class AuditChainPerUnit1796700000000 implements MigrationInterface {
  name = 'AuditChainPerUnit1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_chains" ("chain" text NOT NULL, "last_event_id" bigint, "hash" character(64) NOT NULL, "events" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_1211fa8935eef9b61dbe73832a7" PRIMARY KEY ("chain"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_checkpoints" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "payload" text NOT NULL, "signature" text NOT NULL, "public_key" text NOT NULL, CONSTRAINT "PK_ec62ec0b7b181580b1fa64e1167" PRIMARY KEY ("id"))`,
    );
    // Hand-written from here. The existing events are the system chain: a column with a
    // constant default is added without rewriting the table (and without the append-only
    // trigger firing), then the default goes so every append names its chain.
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD "chain" text NOT NULL DEFAULT 'system'`,
    );
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "chain" DROP DEFAULT`);
    await queryRunner.query(
      `INSERT INTO "audit_chains" ("chain", "last_event_id", "hash", "events")
       SELECT 'system', h.last_event_id, h.hash, (SELECT count(*) FROM "audit_events")
         FROM "audit_chain_head" h WHERE h.id = 1`,
    );
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
    await queryRunner.query(`DROP FUNCTION audit_chain_head_kept()`);

    // A chain's row is never deleted (an append could not link to a chain that lost it).
    await queryRunner.query(`CREATE FUNCTION audit_chains_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_chains keeps its rows (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_chains_no_delete BEFORE DELETE ON "audit_chains" FOR EACH ROW EXECUTE FUNCTION audit_chains_kept()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_chains_no_truncate BEFORE TRUNCATE ON "audit_chains" FOR EACH STATEMENT EXECUTE FUNCTION audit_chains_kept()`,
    );
    // Checkpoints are append-only, like the events.
    await queryRunner.query(
      `CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON "audit_checkpoints" FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON "audit_checkpoints" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,
    );

    // The audit module's lock, as a function other statements may call (a command that wants
    // it inside its own last statement calls this, never the audit tables). Locks the
    // chain's row until the transaction ends, creating it at its genesis the first time,
    // and yields the hash to link to and the count. A writer that waited reads the row as
    // the previous writer left it (READ COMMITTED re-reads a row it waited for): no fork.
    // The genesis must match auditChainGenesis() in audit-hash.ts.
    await queryRunner.query(`CREATE FUNCTION audit_chain_lock(p_chain text)
RETURNS TABLE (hash character(64), events bigint) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT c.hash, c.events FROM audit_chains c WHERE c.chain = p_chain FOR UPDATE;
  IF FOUND THEN RETURN; END IF;
  INSERT INTO audit_chains (chain, last_event_id, hash, events)
  VALUES (p_chain, NULL,
          CASE WHEN p_chain = 'system' THEN repeat('0', 64)
               ELSE encode(sha256(convert_to('saraban audit chain ' || p_chain, 'UTF8')), 'hex') END,
          0)
  ON CONFLICT (chain) DO NOTHING;
  RETURN QUERY SELECT c.hash, c.events FROM audit_chains c WHERE c.chain = p_chain FOR UPDATE;
END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_chain_lock(text)`);
    await queryRunner.query(`DROP TABLE "audit_checkpoints"`);
    await queryRunner.query(`DROP TABLE "audit_chains"`);
    await queryRunner.query(`DROP FUNCTION audit_chains_kept()`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "chain"`);
  }
}
