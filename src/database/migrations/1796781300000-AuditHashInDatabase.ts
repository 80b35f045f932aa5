import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An audit append in one statement: the database function `audit_append` locks the chain's
 * row, links each event to the one before (hash version 2: sha256 over the previous hash
 * and a content digest the process computed), inserts the events and moves the row, so a
 * command no longer pays a round trip to read the chain's end before it can hash. Every
 * existing event keeps its hash and is version 1 (the column's default, added without
 * rewriting the table or firing the append-only trigger); verify knows both versions.
 */
export class AuditHashInDatabase1796781300000 implements MigrationInterface {
  name = 'AuditHashInDatabase1796781300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD "hash_version" smallint NOT NULL DEFAULT '1'`,
    );
    // Hand-written from here. The formula must match auditLinkHash() in audit-hash.ts.
    // p_link: the hash the caller already read under the lock in this transaction
    // (registration's own statement), or NULL; if the chain no longer ends there the
    // function writes nothing and yields NULL. Ids are given in the order of the arrays.
    await queryRunner.query(`CREATE FUNCTION audit_append(
  p_chain text, p_link text, p_occurred_at timestamptz[], p_actor_user_id uuid[],
  p_actor_name text[], p_unit_id uuid[], p_action text[], p_subject_type text[],
  p_subject_id text[], p_data text[], p_digest text[])
RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
  v_hash text;
  v_prev text[] := '{}';
  v_hashes text[] := '{}';
  v_ids text[];
  v_count integer := cardinality(p_digest);
BEGIN
  SELECT c.hash INTO v_hash FROM audit_chains c WHERE c.chain = p_chain FOR UPDATE;
  IF NOT FOUND THEN
    SELECT l.hash INTO v_hash FROM audit_chain_lock(p_chain) l;
  END IF;
  IF p_link IS NOT NULL AND v_hash <> p_link THEN
    RETURN NULL;
  END IF;
  FOR i IN 1..v_count LOOP
    v_prev[i] := v_hash;
    v_hash := encode(sha256(convert_to(v_hash || p_digest[i], 'UTF8')), 'hex');
    v_hashes[i] := v_hash;
  END LOOP;
  WITH event AS (
    INSERT INTO audit_events
      (chain, occurred_at, actor_user_id, actor_name, unit_id, action, subject_type, subject_id,
       data, prev_hash, hash, hash_version)
    SELECT p_chain, e.occurred_at, e.actor_user_id, e.actor_name, e.unit_id, e.action,
           e.subject_type, e.subject_id, e.data::jsonb, e.prev_hash, e.hash, 2
      FROM unnest(p_occurred_at, p_actor_user_id, p_actor_name, p_unit_id, p_action,
                  p_subject_type, p_subject_id, p_data, v_prev, v_hashes)
           WITH ORDINALITY AS e(occurred_at, actor_user_id, actor_name, unit_id, action,
                                subject_type, subject_id, data, prev_hash, hash, n)
     ORDER BY e.n
    RETURNING id
  ), moved AS (
    UPDATE audit_chains c
       SET last_event_id = (SELECT max(id) FROM event), hash = v_hash,
           events = c.events + (SELECT count(*) FROM event)
     WHERE c.chain = p_chain
    RETURNING 1
  )
  SELECT array_agg(id::text ORDER BY id) INTO v_ids FROM event;
  RETURN v_ids;
END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION audit_append(text, text, timestamptz[], uuid[], text[], uuid[], text[], text[], text[], text[], text[])`,
    );
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "hash_version"`);
  }
}
