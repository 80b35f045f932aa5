import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor } from 'src/common/cursor.js';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import type { Queryable } from 'src/database/read-replica.js';
import { DomainError } from 'src/common/domain-error.js';
import { type AuditActor, AuditService } from 'src/modules/audit/audit.service.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import {
  type CreateUnitDto,
  toView,
  type UnitView,
  type UpdateUnitDto,
} from 'src/modules/organisations/organisations.dto.js';
import { OrganisationsErrors } from 'src/modules/organisations/organisations.errors.js';
import {
  type EditableUnitFields,
  OrganisationsRepository,
  type UnitCursor,
  type UnitRow,
} from 'src/modules/organisations/organisations.repository.js';
import type { SeedUnit } from 'src/modules/organisations/national-tree.js';
import type { ReferenceDigits } from 'src/modules/organisations/unit-kind.js';

export interface UnitPage {
  items: UnitView[];
  nextCursor: string | null;
}

export interface PageRequest {
  cursor?: string;
  limit?: number;
}

export const SEARCH_MIN_CHARACTERS = 3;
const DEFAULT_PAGE = 100;
const SEED_BATCH = 1000;

function unitCursor(row: UnitRow): string {
  return encodeCursor({ n: row.nameTh, i: row.id });
}

function readUnitCursor(cursor: string | undefined): UnitCursor | null {
  if (!cursor) return null;
  return decodeCursor(cursor, OrganisationsErrors.INVALID_CURSOR, (value) => {
    const parsed = (value ?? {}) as { n?: unknown; i?: unknown };
    return typeof parsed.n === 'string' &&
      typeof parsed.i === 'string' &&
      /^[0-9a-f-]{36}$/i.test(parsed.i)
      ? { name: parsed.n, id: parsed.i }
      : null;
  });
}

function page(rows: UnitRow[], limit: number): UnitPage {
  const items = rows.slice(0, limit);
  return {
    items: items.map(toView),
    nextCursor: rows.length > limit ? unitCursor(items[items.length - 1]) : null,
  };
}

/** Normalises text the way Thai names are stored (NFC, no zero-width characters). */
function normaliseSearch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .trim();
}

/**
 * The unit tree: reads scoped by AccessService, administrative commands (each one
 * transaction ending with its audit event). Denied units answer UNIT_NOT_FOUND.
 */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: OrganisationsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(principal: Principal, unitId: string): Promise<UnitView> {
    return toView(await this.visibleUnit(principal, unitId));
  }

  async children(principal: Principal, unitId: string, request: PageRequest): Promise<UnitPage> {
    await this.visibleUnit(principal, unitId);
    const limit = request.limit ?? DEFAULT_PAGE;
    const visible = this.access.visibleUnitsPredicate(
      principal,
      { unitIdColumn: 'u.id', unitPathColumn: 'u.path' },
      1,
    );
    const rows = await this.repository.findChildren(
      unitId,
      visible,
      readUnitCursor(request.cursor),
      limit + 1,
    );
    return page(rows, limit);
  }

  /** The subtree of a unit (itself included), optionally searched by Thai name. */
  async subtree(
    principal: Principal,
    unitId: string,
    request: PageRequest & { q?: string },
  ): Promise<UnitPage> {
    const root = await this.visibleUnit(principal, unitId);
    let text: string | null = null;
    if (request.q !== undefined) {
      text = normaliseSearch(request.q);
      if ([...text].length < SEARCH_MIN_CHARACTERS) {
        throw new DomainError(OrganisationsErrors.SEARCH_TOO_SHORT);
      }
    }
    const limit = request.limit ?? DEFAULT_PAGE;
    const visible = this.access.visibleUnitsPredicate(
      principal,
      { unitIdColumn: 'u.id', unitPathColumn: 'u.path' },
      1,
    );
    const rows = await this.repository.findInSubtree(
      root.path,
      text,
      visible,
      readUnitCursor(request.cursor),
      limit + 1,
    );
    return page(rows, limit);
  }

  async create(principal: Principal, dto: CreateUnitDto): Promise<UnitView> {
    return this.dataSource.transaction(async (manager) => {
      const parent = await this.repository.findByIdForUpdate(manager, dto.parentId);
      if (!parent || !this.access.canAdministerUnitRef(principal, parent)) {
        throw new DomainError(OrganisationsErrors.PARENT_NOT_FOUND);
      }
      if (!parent.active) throw new DomainError(OrganisationsErrors.PARENT_INACTIVE);
      const id = randomUUID();
      const fields = {
        kind: dto.kind,
        nameTh: dto.nameTh,
        shortName: dto.shortName ?? null,
        letterCode: dto.letterCode ?? parent.letterCode,
        ownerNumber: dto.ownerNumber ?? null,
        headPosition: dto.headPosition ?? null,
        referenceDigits: dto.referenceDigits ?? 'thai',
      };
      await this.repository.insert(
        manager,
        {
          ...fields,
          id,
          parentId: parent.id,
          path: `${parent.path}${id}/`,
          depth: parent.depth + 1,
        },
        this.clock.now(),
      );
      const created = await this.repository.findById(id, manager);
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        action: 'unit.created',
        subjectType: 'unit',
        subjectId: id,
        unitId: parent.id,
        data: { parentId: parent.id, ...fields },
      });
      return toView(created!);
    });
  }

  /** Rename and edit descriptive fields, including the reference-digit setting. */
  async update(principal: Principal, unitId: string, dto: UpdateUnitDto): Promise<UnitView> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.administeredUnitForUpdate(manager, principal, unitId);
      const changes: EditableUnitFields = {};
      const before: Record<string, unknown> = {};
      for (const key of [
        'nameTh',
        'shortName',
        'letterCode',
        'ownerNumber',
        'headPosition',
        'referenceDigits',
      ] as const) {
        const value = dto[key];
        if (value !== undefined && value !== unit[key]) {
          (changes as Record<string, unknown>)[key] = value;
          before[key] = unit[key];
        }
      }
      if (Object.keys(changes).length > 0) {
        await this.repository.updateFields(manager, unitId, changes, this.clock.now());
        await this.audit.record(manager, {
          actor: this.access.actor(principal),
          action: 'unit.updated',
          subjectType: 'unit',
          subjectId: unitId,
          unitId,
          data: { before, after: changes },
        });
      }
      return toView((await this.repository.findById(unitId, manager))!);
    });
  }

  /**
   * Moves a unit, with its whole subtree, under a new parent in one transaction. The
   * caller must administer both the unit and the new parent; a unit cannot go under
   * itself or its descendants.
   */
  async move(principal: Principal, unitId: string, newParentId: string): Promise<UnitView> {
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockTreeShape(manager);
      const unit = await this.administeredUnitForUpdate(manager, principal, unitId);
      const parent = await this.repository.findByIdForUpdate(manager, newParentId);
      if (!parent || !this.access.canAdministerUnitRef(principal, parent)) {
        throw new DomainError(OrganisationsErrors.PARENT_NOT_FOUND);
      }
      if (parent.path.startsWith(unit.path)) throw new DomainError(OrganisationsErrors.UNIT_CYCLE);
      if (!parent.active) throw new DomainError(OrganisationsErrors.PARENT_INACTIVE);
      if (unit.parentId === parent.id) return toView(unit);
      const newPath = `${parent.path}${unit.id}/`;
      const moved = await this.repository.moveSubtree(
        manager,
        unit.id,
        parent.id,
        unit.path,
        newPath,
        parent.depth + 1 - unit.depth,
        this.clock.now(),
      );
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        action: 'unit.moved',
        subjectType: 'unit',
        subjectId: unit.id,
        unitId: unit.id,
        data: { fromParentId: unit.parentId, toParentId: parent.id, unitsMoved: moved },
      });
      return toView((await this.repository.findById(unit.id, manager))!);
    });
  }

  /** Deactivates a unit whose children are all inactive; idempotent. */
  async deactivate(principal: Principal, unitId: string): Promise<UnitView> {
    return this.setActive(principal, unitId, false);
  }

  async activate(principal: Principal, unitId: string): Promise<UnitView> {
    return this.setActive(principal, unitId, true);
  }

  /**
   * A unit as other modules read it (name, letter code, owner number, digits), on their
   * transaction or read connection; null when there is none.
   */
  async findUnit(unitId: string, db?: Queryable): Promise<UnitRow | null> {
    return this.repository.findById(unitId, db);
  }

  /** For the registers module: how this unit prints reference-number digits. */
  async referenceDigits(unitId: string): Promise<ReferenceDigits> {
    const digits = await this.repository.findReferenceDigits(unitId);
    if (!digits) throw new DomainError(OrganisationsErrors.UNIT_NOT_FOUND);
    return digits;
  }

  /**
   * For the CLI: a unit by id, seed key, exact short name or exact full name. Ambiguous
   * names are refused with the candidates' ids.
   */
  async resolveReference(reference: string): Promise<UnitView> {
    const rows = await this.repository.findByReference(reference.trim());
    if (rows.length === 0) throw new DomainError(OrganisationsErrors.UNIT_NOT_FOUND);
    const exactId = rows.find((row) => row.id === reference.trim());
    if (exactId) return toView(exactId);
    if (rows.length > 1) {
      throw new DomainError(OrganisationsErrors.UNIT_REFERENCE_AMBIGUOUS, {
        data: { candidates: rows.map((row) => ({ id: row.id, nameTh: row.nameTh })) },
      });
    }
    return toView(rows[0]);
  }

  /**
   * Seeds units by natural key, parents first, in batches inside the caller's
   * transaction. Existing keys are left alone. Returns how many were inserted.
   */
  async insertSeedUnits(
    manager: EntityManager,
    units: SeedUnit[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<number> {
    const depthOf = new Map<string, number>();
    for (const unit of units) {
      depthOf.set(unit.seedKey, unit.parentSeedKey ? depthOf.get(unit.parentSeedKey)! + 1 : 0);
    }
    const levels = new Map<number, SeedUnit[]>();
    for (const unit of units) {
      const depth = depthOf.get(unit.seedKey)!;
      levels.set(depth, [...(levels.get(depth) ?? []), unit]);
    }
    const now = this.clock.now();
    let inserted = 0;
    let done = 0;
    for (const depth of [...levels.keys()].sort((a, b) => a - b)) {
      const level = levels.get(depth)!;
      for (let start = 0; start < level.length; start += SEED_BATCH) {
        const batch = level
          .slice(start, start + SEED_BATCH)
          .map((unit) => ({ ...unit, id: randomUUID() }));
        inserted += await this.repository.insertMissingSeedUnits(manager, batch, now);
        done += batch.length;
        onProgress?.(done, units.length);
      }
    }
    return inserted;
  }

  seedUnitIds(manager: EntityManager, seedKeys: string[]): Promise<Map<string, string>> {
    return this.repository.findIdsBySeedKeys(manager, seedKeys);
  }

  countSeededByKind(prefixes: string[]): Promise<Record<string, number>> {
    return this.repository.countSeededByKind(prefixes);
  }

  async recordSeed(
    manager: EntityManager,
    actor: AuditActor,
    seed: string,
    data: Record<string, unknown>,
  ) {
    await this.audit.record(manager, {
      actor,
      action: 'units.seeded',
      subjectType: 'unit_tree',
      subjectId: seed,
      data: { seed, ...data },
    });
  }

  private async visibleUnit(principal: Principal, unitId: string): Promise<UnitRow> {
    const unit = await this.repository.findById(unitId);
    if (!unit || !this.access.canSeeUnitRef(principal, unit)) {
      throw new DomainError(OrganisationsErrors.UNIT_NOT_FOUND);
    }
    return unit;
  }

  private async administeredUnitForUpdate(
    manager: EntityManager,
    principal: Principal,
    unitId: string,
  ): Promise<UnitRow> {
    const unit = await this.repository.findByIdForUpdate(manager, unitId);
    if (!unit || !this.access.canAdministerUnitRef(principal, unit)) {
      throw new DomainError(OrganisationsErrors.UNIT_NOT_FOUND);
    }
    return unit;
  }

  private async setActive(principal: Principal, unitId: string, active: boolean) {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.administeredUnitForUpdate(manager, principal, unitId);
      if (unit.active === active) return toView(unit);
      if (!active && (await this.repository.hasActiveChildren(manager, unitId))) {
        throw new DomainError(OrganisationsErrors.UNIT_HAS_ACTIVE_CHILDREN);
      }
      if (active && unit.parentId) {
        const parent = await this.repository.findById(unit.parentId, manager);
        if (parent && !parent.active) throw new DomainError(OrganisationsErrors.PARENT_INACTIVE);
      }
      await this.repository.setActive(manager, unitId, active, this.clock.now());
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        action: active ? 'unit.activated' : 'unit.deactivated',
        subjectType: 'unit',
        subjectId: unitId,
        unitId,
      });
      return toView((await this.repository.findById(unitId, manager))!);
    });
  }
}
