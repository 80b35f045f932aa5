import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedRows } from 'src/database/prepared-query.js';
import { col, queryFirst, queryRows } from 'src/database/rows.js';
import type { AuditCheckpoint } from 'src/modules/audit/audit-checkpoint.entity.js';
import { AuditEvent } from 'src/modules/audit/audit-event.entity.js';

/** A chain's end as the verifier and the checkpoint read it. */
export interface ChainHead {
  chain: string;
  lastEventId: string | null;
  hash: string;
  events: number;
}

/**
 * An event as it is appended: its content, and the digest of it (`auditContentDigest`)
 * that the database links to the previous hash.
 */
export type NewAuditEvent = Omit<AuditEvent, 'id' | 'prevHash' | 'hash' | 'hashVersion'> & {
  digest: string;
};

/**
 * An event whose append runs inside the caller's own statement (`AuditRepository.inlineAppend`):
 * its content, with the values only that statement knows (a number it takes under a lock) left as
 * slots in the encodings it is digested and stored from.
 */
export interface InlineAuditEvent extends Omit<NewAuditEvent, 'digest' | 'data'> {
  /** `auditContentDigest`'s canonical encoding of the event, each slot's value a token. */
  digestTemplate: string;
  /** The event's data as JSON, each slot's value the same token. */
  dataTemplate: string;
  /** Per slot: the token as it stands in both encodings (a quoted JSON string), and an SQL
   * expression over the caller's row whose JSON encoding (`to_json`) replaces it. */
  slots: { token: string; sql: string }[];
}

/**
 * The SQL of an inline append, placed by the caller: `ctes` go in its statement's WITH (after the
 * relation they read), `params` are its parameters from the number it was given, `eventId` is a
 * scalar expression of the appended event's id.
 */
export interface InlineAuditSql {
  ctes: string;
  params: unknown[];
  eventId: string;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends events of one chain, in order, in one statement: the database function
   * `audit_append` locks the chain's row until the transaction ends (creating it the first
   * time), links each event to the one before (hash version 2), inserts them and moves the
   * row to the last. With `link` (the hash a statement of this transaction already locked
   * the chain at), only if the chain still ends there: otherwise it writes nothing and
   * throws, rather than append where the caller did not expect. Ids are given in the order
   * of the list (within a chain ids rise in chain order).
   */
  async append(
    manager: EntityManager,
    chain: string,
    link: string | null,
    events: NewAuditEvent[],
  ): Promise<string[]> {
    const column = <K extends keyof NewAuditEvent>(key: K) => events.map((e) => e[key]);
    const rows = await preparedRows(
      manager,
      'AuditRepository.append',
      { ids: col.nullable(col.array(col.bigint)) },
      `SELECT audit_append($1, $2, $3::timestamptz[], $4::uuid[], $5::text[], $6::uuid[], $7::text[],
                           $8::text[], $9::text[], $10::text[], $11::text[]) AS ids`,
      [
        chain,
        link,
        column('occurredAt'),
        column('actorUserId'),
        column('actorName'),
        column('unitId'),
        column('action'),
        column('subjectType'),
        column('subjectId'),
        events.map((e) => JSON.stringify(e.data)),
        column('digest'),
      ],
    );
    if (!rows[0]?.ids) {
      throw new Error(`audit chain ${chain} moved: an append must hold the chain's lock`);
    }
    return rows[0].ids;
  }

  /**
   * As `append`, for one event, in one plain statement: a single UPDATE locks the chain's
   * row and moves it past the event, and the event is inserted from what it returns (the
   * hash the row moved from is its link; the id is drawn from the events' identity under
   * the lock, so ids still rise in chain order). Same hash (version 2) as `audit_append`.
   * A chain with no row yet, or a `link` the chain no longer ends at, is left to `append`,
   * which creates the row or writes nothing and throws.
   */
  async appendOne(
    manager: EntityManager,
    chain: string,
    link: string | null,
    event: NewAuditEvent,
  ): Promise<string> {
    const rows = await preparedRows(
      manager,
      'AuditRepository.appendOne',
      { id: col.bigint },
      `WITH link AS (
         UPDATE audit_chains c
            SET prev_hash = c.hash,
                hash = encode(sha256(convert_to(c.hash || $11::text, 'UTF8')), 'hex'),
                last_event_id = nextval('audit_events_id_seq'),
                events = c.events + 1
          WHERE c.chain = $1 AND ($2::text IS NULL OR c.hash = $2::text)
         RETURNING c.last_event_id, c.prev_hash, c.hash
       )
       INSERT INTO audit_events
         (id, chain, occurred_at, actor_user_id, actor_name, unit_id, action, subject_type,
          subject_id, data, prev_hash, hash, hash_version)
       OVERRIDING SYSTEM VALUE
       SELECT l.last_event_id, $1, $3::timestamptz, $4::uuid, $5, $6::uuid, $7, $8, $9,
              $10::jsonb, l.prev_hash, l.hash, 2
         FROM link l
       RETURNING id::text AS id`,
      [
        chain,
        link,
        event.occurredAt,
        event.actorUserId,
        event.actorName,
        event.unitId,
        event.action,
        event.subjectType,
        event.subjectId,
        JSON.stringify(event.data),
        event.digest,
      ],
    );
    if (rows.length === 1) return rows[0].id;
    const [id] = await this.append(manager, chain, link, [event]);
    return id;
  }

  /**
   * `appendOne` as data-modifying CTEs of the caller's statement, so a command whose last
   * statement takes a lock (a register's counter row) appends its event in that same statement
   * and holds both locks for the commit's round trip only. The chain's row is moved by an
   * UPDATE joined to `source` (the caller's relation of one row, e.g. \`written e\`), so it is
   * locked after everything that relation needs, the chain last as in every command. The slots'
   * values are written into the digest's encoding and the data under the lock, from `source`;
   * the content digest, the link hash and the stored event are then exactly `appendOne`'s for
   * the same event (hash version 2), so the verifier checks them as any other. When the chain
   * has no row in the statement's snapshot (its first event), the same statement calls
   * `audit_append` instead, which creates or locks the row and appends the same event.
   */
  inlineAppend(
    chain: string,
    event: InlineAuditEvent,
    source: string,
    firstParam: number,
  ): InlineAuditSql {
    const p = (i: number) => `$${firstParam + i}`;
    const fill = (template: string) =>
      event.slots.reduce(
        (sql, slot, i) => `replace(${sql}, ${p(10 + i)}::text, to_json(${slot.sql})::text)`,
        `${template}::text`,
      );
    return {
      ctes: `audit_link AS (
         UPDATE audit_chains c
            SET prev_hash = c.hash,
                hash = encode(sha256(convert_to(c.hash || encode(sha256(convert_to(${fill(p(9))}, 'UTF8')), 'hex'), 'UTF8')), 'hex'),
                last_event_id = nextval('audit_events_id_seq'),
                events = c.events + 1
           FROM ${source}
          WHERE c.chain = ${p(0)}::text
         RETURNING c.last_event_id, c.prev_hash, c.hash, ${fill(p(8))}::jsonb AS data
       ), audit_written AS (
         INSERT INTO audit_events
           (id, chain, occurred_at, actor_user_id, actor_name, unit_id, action, subject_type,
            subject_id, data, prev_hash, hash, hash_version)
         OVERRIDING SYSTEM VALUE
         SELECT l.last_event_id, ${p(0)}::text, ${p(1)}::timestamptz, ${p(2)}::uuid, ${p(3)}::text,
                ${p(4)}::uuid, ${p(5)}::text, ${p(6)}::text, ${p(7)}::text, l.data, l.prev_hash, l.hash, 2
           FROM audit_link l
         RETURNING id
       ), audit_first AS (
         -- The chain has no row in this statement's snapshot (its first event, or a row made
         -- since): audit_append creates or locks it and appends the same event.
         SELECT (audit_append(${p(0)}::text, NULL::text, ARRAY[${p(1)}::timestamptz],
                              ARRAY[${p(2)}::uuid], ARRAY[${p(3)}::text], ARRAY[${p(4)}::uuid],
                              ARRAY[${p(5)}::text], ARRAY[${p(6)}::text], ARRAY[${p(7)}::text],
                              ARRAY[${fill(p(8))}],
                              ARRAY[encode(sha256(convert_to(${fill(p(9))}, 'UTF8')), 'hex')]))[1] AS id
           FROM ${source}
          WHERE NOT EXISTS (SELECT 1 FROM audit_link)
       )`,
      params: [
        chain,
        event.occurredAt,
        event.actorUserId,
        event.actorName,
        event.unitId,
        event.action,
        event.subjectType,
        event.subjectId,
        event.dataTemplate,
        event.digestTemplate,
        ...event.slots.map((slot) => slot.token),
      ],
      eventId: `coalesce((SELECT id::text FROM audit_written), (SELECT id FROM audit_first))`,
    };
  }

  /** Every chain's end, in chain order (one statement: one consistent moment). */
  async findChains(manager: EntityManager = this.dataSource.manager): Promise<ChainHead[]> {
    const rows = await queryRows(
      manager,
      'AuditRepository.findChains',
      {
        chain: col.text,
        lastEventId: col.nullable(col.bigint),
        hash: col.text,
        events: col.bigint,
      },
      `SELECT chain, last_event_id::text AS "lastEventId", hash, events::text AS events
         FROM audit_chains ORDER BY chain COLLATE "C"`,
    );
    return rows.map((row) => ({ ...row, events: Number(row.events) }));
  }

  /** A page of all chains' events in id order, for the verifier. */
  async findPageAfter(
    manager: EntityManager,
    afterId: string,
    limit: number,
  ): Promise<AuditEvent[]> {
    return queryRows(
      manager,
      'AuditRepository.findPageAfter',
      {
        id: col.bigint,
        chain: col.text,
        occurredAt: col.date,
        actorUserId: col.nullable(col.uuid),
        actorName: col.text,
        unitId: col.nullable(col.uuid),
        action: col.text,
        subjectType: col.text,
        subjectId: col.text,
        data: col.record,
        prevHash: col.text,
        hash: col.text,
        hashVersion: col.int,
      },
      `SELECT e.id::text AS id, e.chain, e.occurred_at AS "occurredAt",
              e.actor_user_id AS "actorUserId", e.actor_name AS "actorName", e.unit_id AS "unitId",
              e.action, e.subject_type AS "subjectType", e.subject_id AS "subjectId", e.data,
              e.prev_hash AS "prevHash", e.hash, e.hash_version AS "hashVersion"
         FROM audit_events e WHERE e.id > $1 ORDER BY e.id LIMIT $2`,
      [afterId, limit],
    );
  }

  async insertCheckpoint(
    manager: EntityManager,
    checkpoint: Omit<AuditCheckpoint, 'id'>,
  ): Promise<AuditCheckpoint> {
    const rows = await queryRows(
      manager,
      'AuditRepository.insertCheckpoint',
      { id: col.bigint },
      `INSERT INTO audit_checkpoints (created_at, payload, signature, public_key)
       VALUES ($1, $2, $3, $4) RETURNING id::text AS id`,
      [checkpoint.createdAt, checkpoint.payload, checkpoint.signature, checkpoint.publicKey],
    );
    return { id: rows[0].id, ...checkpoint };
  }

  async findNewestCheckpoint(
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AuditCheckpoint | undefined> {
    const row = await queryFirst(
      manager,
      'AuditRepository.findNewestCheckpoint',
      {
        id: col.bigint,
        createdAt: col.date,
        payload: col.text,
        signature: col.text,
        publicKey: col.text,
      },
      `SELECT id::text AS id, created_at AS "createdAt", payload, signature, public_key AS "publicKey"
         FROM audit_checkpoints ORDER BY id DESC LIMIT 1`,
    );
    return row ?? undefined;
  }

  /** Serialises checkpoint runs of several workers (transaction-level advisory lock). */
  async tryLockCheckpoint(manager: EntityManager): Promise<boolean> {
    const rows = await queryRows(
      manager,
      'AuditRepository.tryLockCheckpoint',
      { locked: col.bool },
      `SELECT pg_try_advisory_xact_lock(hashtext('saraban.audit.checkpoint')) AS locked`,
    );
    return rows[0].locked;
  }

  async findBySubject(subjectType: string, subjectId: string): Promise<AuditEvent[]> {
    return this.dataSource.getRepository(AuditEvent).find({
      where: { subjectType, subjectId },
      order: { id: 'ASC' },
    });
  }
}
