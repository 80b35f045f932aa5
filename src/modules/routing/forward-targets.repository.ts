import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { col, queryFirst, queryRows } from 'src/database/rows.js';
import { escapeLike } from 'src/modules/organisations/organisations.repository.js';
import {
  LOCAL_ADMINISTRATION_KINDS,
  SENDS_IN_PARENT_NAME_KINDS,
} from 'src/modules/routing/forward-scope.js';
import {
  type DeliveryBatch,
  targetRules,
  UNIT_INFO,
  type UnitInfo,
} from 'src/modules/routing/routing.repository.js';

export interface ForwardScopeRow {
  sender: UnitInfo;
  organisation: UnitInfo;
}

export interface TargetUnitRow {
  id: string;
  parentId: string | null;
  nameTh: string;
  kind: string;
  path: string;
  /** Active units directly below it (inside the scope). */
  children: number;
  /** Of those, local administrations (อปท.): the "ทุก อปท. ในอำเภอ" quick pick. */
  localAdministrations: number;
}

const TARGET_ROW = {
  id: col.uuid,
  parentId: col.nullable(col.uuid),
  nameTh: col.text,
  kind: col.text,
  path: col.text,
  children: col.int,
  localAdministrations: col.int,
};

const TARGET_COLUMNS = `u.id, u.parent_id AS "parentId", u.name_th AS "nameTh", u.kind, u.path,
  (SELECT count(*)::int FROM units_read c WHERE c.parent_id = u.id AND c.active) AS children,
  (SELECT count(*)::int FROM units_read c WHERE c.parent_id = u.id AND c.active AND c.id <> $2
      AND c.kind = ANY($3::text[])) AS "localAdministrations"`;

/** Reads of the recipient picker: the scope of a sender and the units in it. */
@Injectable()
export class ForwardTargetsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The sender and the organisation it forwards in (forward-scope.ts). */
  async findScope(manager: EntityManager, senderUnitId: string): Promise<ForwardScopeRow | null> {
    const row = await queryFirst(
      manager,
      'ForwardTargetsRepository.findScope',
      { sender: col.object(UNIT_INFO), organisation: col.nullable(col.object(UNIT_INFO)) },
      `SELECT json_build_object('id', s.id, 'path', s.path, 'nameTh', s.name_th, 'kind', s.kind,
                                'active', s.active) AS sender,
              (SELECT json_build_object('id', o.id, 'path', o.path, 'nameTh', o.name_th, 'kind', o.kind,
                                        'active', o.active)
                 FROM units_read o
                WHERE o.id = ANY(string_to_array(trim(both '/' from s.path), '/')::uuid[])
                  AND o.kind <> ALL($2::text[])
                ORDER BY length(o.path) DESC LIMIT 1) AS organisation
         FROM units_read s WHERE s.id = $1`,
      [senderUnitId, SENDS_IN_PARENT_NAME_KINDS],
    );
    if (!row) return null;
    return { sender: row.sender, organisation: row.organisation ?? row.sender };
  }

  /** Active units directly below `parentId`, by name, keyset-paginated. */
  async findChildren(
    scope: ForwardScopeRow,
    parentId: string,
    after: { name: string; id: string } | null,
    limit: number,
  ): Promise<TargetUnitRow[]> {
    const params: unknown[] = [parentId, scope.sender.id, LOCAL_ADMINISTRATION_KINDS, limit + 1];
    let cursor = '';
    if (after) {
      params.push(after.name, after.id);
      cursor = 'AND (u.name_th, u.id) > ($5, $6::uuid)';
    }
    return queryRows(
      this.dataSource,
      'ForwardTargetsRepository.findChildren',
      TARGET_ROW,
      `SELECT ${TARGET_COLUMNS} FROM units_read u
        WHERE u.parent_id = $1 AND u.active ${cursor}
        ORDER BY u.name_th, u.id LIMIT $4`,
      params,
    );
  }

  /** Active units of the scope whose Thai name contains `text` (trigram index), by name. */
  async search(
    scope: ForwardScopeRow,
    text: string,
    after: { name: string; id: string } | null,
    limit: number,
  ): Promise<TargetUnitRow[]> {
    const params: unknown[] = [
      `${escapeLike(scope.organisation.path)}%`,
      scope.sender.id,
      LOCAL_ADMINISTRATION_KINDS,
      limit + 1,
      `%${escapeLike(text)}%`,
      scope.organisation.id,
    ];
    let cursor = '';
    if (after) {
      params.push(after.name, after.id);
      cursor = 'AND (u.name_th, u.id) > ($7, $8::uuid)';
    }
    return queryRows(
      this.dataSource,
      'ForwardTargetsRepository.search',
      TARGET_ROW,
      `SELECT ${TARGET_COLUMNS} FROM units_read u
        WHERE u.path LIKE $1 AND u.name_th ILIKE $5 AND u.active AND u.id <> $2 AND u.id <> $6 ${cursor}
        ORDER BY u.name_th, u.id LIMIT $4`,
      params,
    );
  }

  async findUnitsById(ids: string[]): Promise<UnitInfo[]> {
    return queryRows(
      this.dataSource,
      'ForwardTargetsRepository.findUnitsById',
      UNIT_INFO,
      `SELECT id, path, name_th AS "nameTh", kind, active FROM units_read WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** Names of the units on the way from the organisation down to each unit (for search hits). */
  async findNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await queryRows(
      this.dataSource,
      'ForwardTargetsRepository.findNames',
      { id: col.uuid, nameTh: col.text },
      `SELECT id, name_th AS "nameTh" FROM units_read WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.nameTh]));
  }

  /** Active units of each kind in the scope (the organisation and the sender left out). */
  async countKinds(scope: ForwardScopeRow, kinds: string[]): Promise<Map<string, number>> {
    const rows = await queryRows(
      this.dataSource,
      'ForwardTargetsRepository.countKinds',
      { kind: col.text, n: col.int },
      `SELECT u.kind, count(*)::int AS n FROM units_read u
        WHERE u.path LIKE $1 AND u.kind = ANY($2::text[]) AND u.active AND u.id <> $3 AND u.id <> $4
        GROUP BY u.kind`,
      [`${escapeLike(scope.organisation.path)}%`, kinds, scope.sender.id, scope.organisation.id],
    );
    return new Map(rows.map((r) => [r.kind, r.n]));
  }

  /**
   * The units a forward would create a delivery for: the distinct recipients its rules
   * pick, less those that already have this letter live from this sender (they are
   * skipped). Ids with their Thai names, by name.
   */
  async findNewTargets(
    manager: EntityManager,
    letterId: string,
    scope: ForwardScopeRow,
    batch: Pick<DeliveryBatch, 'explicitUnitIds' | 'childKinds' | 'subtreeKinds'>,
  ): Promise<{ id: string; nameTh: string }[]> {
    const params: unknown[] = [letterId, scope.sender.id, scope.organisation.id];
    const rules = targetRules(params, {
      ...batch,
      scope: { unitId: scope.organisation.id, path: scope.organisation.path },
    });
    if (rules.length === 0) return [];
    return queryRows(
      manager,
      'ForwardTargetsRepository.findNewTargets',
      { id: col.uuid, nameTh: col.text },
      `WITH targets AS (SELECT id FROM (${rules.join(' UNION ')}) r WHERE id <> $2 AND id <> $3)
       SELECT u.id, u.name_th AS "nameTh"
         FROM targets t JOIN units_read u ON u.id = t.id
        WHERE NOT EXISTS (
                SELECT 1 FROM deliveries d
                 WHERE d.letter_id = $1 AND d.sender_unit_id = $2 AND d.recipient_unit_id = t.id
                   AND d.state IN ('sent', 'received'))
        ORDER BY u.name_th, u.id`,
      params,
    );
  }

  /**
   * What a forward would do, without writing: the distinct recipients its rules pick, and
   * how many of them already have this letter live from this sender (they would be skipped).
   */
  async preview(
    manager: EntityManager,
    letterId: string,
    scope: ForwardScopeRow,
    batch: Pick<DeliveryBatch, 'explicitUnitIds' | 'childKinds' | 'subtreeKinds'>,
  ): Promise<{ total: number; alreadySent: number }> {
    const params: unknown[] = [letterId, scope.sender.id, scope.organisation.id];
    const rules = targetRules(params, {
      ...batch,
      scope: { unitId: scope.organisation.id, path: scope.organisation.path },
    });
    if (rules.length === 0) return { total: 0, alreadySent: 0 };
    const rows = await queryRows(
      manager,
      'ForwardTargetsRepository.preview',
      { total: col.int, alreadySent: col.int },
      `WITH targets AS (SELECT id FROM (${rules.join(' UNION ')}) r WHERE id <> $2 AND id <> $3)
       SELECT count(*)::int AS total,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM deliveries d
                 WHERE d.letter_id = $1 AND d.sender_unit_id = $2 AND d.recipient_unit_id = t.id
                   AND d.state IN ('sent', 'received')))::int AS "alreadySent"
         FROM targets t`,
      params,
    );
    return rows[0];
  }
}
