import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The single-event append (most commands write one event) as one plain statement instead
 * of a call of `audit_append`: it moves the chain's row with one UPDATE, which locks the
 * row and yields the hash the event links to, where the function locked it with SELECT …
 * FOR UPDATE and moved it with an UPDATE (two tuple locks and a loop over arrays for one
 * event). An UPDATE's RETURNING sees only the new row, so the row keeps the hash it moved
 * from: `prev_hash`, the newest event's link. `audit_append` (several events, or a chain's
 * first) keeps it too. Rows of chains not appended to since stay NULL until their next one.
 */
export class AuditAppendOne1796790000000 implements MigrationInterface {
  name = 'AuditAppendOne1796790000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_chains" ADD "prev_hash" character(64)`);
    // Hand-written from here: AuditHashInDatabase's function, moving prev_hash as well.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_append(
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
           prev_hash = coalesce(v_prev[v_count], c.prev_hash),
           events = c.events + (SELECT count(*) FROM event)
     WHERE c.chain = p_chain
    RETURNING 1
  )
  SELECT array_agg(id::text ORDER BY id) INTO v_ids FROM event;
  RETURN v_ids;
END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_append(
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
    await queryRunner.query(`ALTER TABLE "audit_chains" DROP COLUMN "prev_hash"`);
  }
}
