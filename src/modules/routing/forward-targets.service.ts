import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { unitKindLabel, type UnitKind } from 'src/modules/organisations/unit-kind.js';
import { LettersService } from 'src/modules/letters/letters.service.js';
import { RegistersService } from 'src/modules/registers/registers.service.js';
import { FORWARDING_ROLES, QUICK_PICKS } from 'src/modules/routing/forward-scope.js';
import {
  type ForwardScopeRow,
  ForwardTargetsRepository,
  type TargetUnitRow,
} from 'src/modules/routing/forward-targets.repository.js';
import type { ForwardDto, ForwardTargetsQuery } from 'src/modules/routing/routing.dto.js';
import { RoutingErrors } from 'src/modules/routing/routing.errors.js';
import { decodeCursor, encodeCursor, isUuid } from 'src/common/cursor.js';

/** Largest list of units an answer names (the count is always exact). */
const UNITS_LISTED = 200;

/** Fewest characters of a name search (the trigram index needs three). */
const SEARCH_MIN_CHARACTERS = 2;

/**
 * The recipient picker's data: the units a sender may forward to, whatever the reader
 * could otherwise see. A clerk sees only their own unit in the unit tree, yet must pick
 * the districts the province sends to; the scope of a forward is a forwarding rule, not a
 * visibility rule, so it is answered here to those who may forward from the unit.
 */
@Injectable()
export class ForwardTargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ForwardTargetsRepository,
    private readonly registers: RegistersService,
    private readonly letters: LettersService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** May this principal send letters on from this unit? */
  mayForwardFrom(principal: Principal, unitId: string): boolean {
    return principal.grants.some((g) => g.unitId === unitId && FORWARDING_ROLES.has(g.role));
  }

  private async scopeFor(principal: Principal, unitId: string): Promise<ForwardScopeRow> {
    const scope = await this.repository.findScope(this.dataSource.manager, unitId);
    if (!scope || !this.access.canSeeUnitRef(principal, scope.sender))
      throw new DomainError(RoutingErrors.FORWARD_UNIT_NOT_FOUND);
    if (!this.mayForwardFrom(principal, unitId)) throw new DomainError(CommonErrors.FORBIDDEN);
    return scope;
  }

  async targets(principal: Principal, unitId: string, query: ForwardTargetsQuery) {
    const scope = await this.scopeFor(principal, unitId);
    const limit = query.limit ?? 100;
    const after = query.cursor
      ? decodeCursor(query.cursor, RoutingErrors.ROUTING_CURSOR_INVALID, (v) =>
          Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && isUuid(v[1])
            ? { name: v[0], id: v[1] }
            : null,
        )
      : null;
    const org = scope.organisation;
    let rows: TargetUnitRow[];
    let parent: { id: string; nameTh: string; kind: string } | null = null;
    const text = query.q
      ?.normalize('NFC')
      .replace(/[\u200B-\u200D\uFEFF]/g, '')
      .trim();
    if (text !== undefined) {
      if ([...text].length < SEARCH_MIN_CHARACTERS)
        throw new DomainError(RoutingErrors.FORWARD_SEARCH_TOO_SHORT);
      rows = await this.repository.search(scope, text, after, limit);
    } else {
      const parentId = query.parentId ?? org.id;
      const [node] = await this.repository.findUnitsById([parentId]);
      // Outside the scope nothing is listed, as if the unit did not exist.
      if (!node || !node.path.startsWith(org.path))
        throw new DomainError(RoutingErrors.FORWARD_UNIT_NOT_FOUND);
      parent = { id: node.id, nameTh: node.nameTh, kind: node.kind };
      rows = await this.repository.findChildren(scope, parentId, after, limit);
    }
    const items = rows.slice(0, limit);
    const parentNames = await this.repository.findNames([
      ...new Set(items.map((r) => r.parentId).filter((id): id is string => id !== null)),
    ]);
    const kinds = [...new Set(QUICK_PICKS.flatMap((pick) => [...pick.subtreeKinds]))];
    const counts = await this.repository.countKinds(scope, kinds);
    const last = items[items.length - 1];
    const refused = query.entryId
      ? await this.refusedFor(
          principal,
          query.entryId,
          items.map((row) => row.id),
        )
      : null;
    return {
      unit: pick(scope.sender),
      organisation: pick(org),
      parent,
      items: items.map((row) => ({
        id: row.id,
        nameTh: row.nameTh,
        kind: row.kind,
        kindLabel: unitKindLabel(row.kind as UnitKind),
        parentId: row.parentId,
        parentName: row.parentId ? (parentNames.get(row.parentId) ?? null) : null,
        children: row.children,
        localAdministrations: row.localAdministrations,
        selectable: row.id !== scope.sender.id && row.id !== org.id,
        ...(refused ? { noClearedMember: refused.has(row.id) } : {}),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.nameTh, last.id]) : null,
      quickPicks: QUICK_PICKS.map((p) => ({
        key: p.key,
        labelTh: p.labelTh,
        subtreeKinds: [...p.subtreeKinds],
        count: p.subtreeKinds.reduce((n, kind) => n + (counts.get(kind) ?? 0), 0),
      })).filter((p) => p.count > 0),
    };
  }

  /** Of these units, those a forward of the entry's letter would be refused for. */
  private async refusedFor(
    principal: Principal,
    entryId: string,
    unitIds: string[],
  ): Promise<Set<string>> {
    const { entry } = await this.registers.getEntry(principal, entryId);
    const manager = this.dataSource.manager;
    const letter = await this.letters.findVisible(manager, principal, entry.letterId);
    if (letter.secrecy === 'none') return new Set();
    return new Set(
      await this.access.unitsNobodyCanActFor(manager, unitIds, letter.secrecy, {
        now: this.clock.now(),
      }),
    );
  }

  /**
   * How many units a forward would reach, how many already have the letter from this
   * unit, and, for a classified letter, the units the forward would be refused for
   * (nobody there cleared to register or return it: FORWARD_NO_CLEARED_MEMBER).
   */
  async preview(principal: Principal, entryId: string, dto: ForwardDto) {
    const { entry, register } = await this.registers.getEntry(principal, entryId);
    if (!this.mayForwardFrom(principal, register.unitId))
      throw new DomainError(CommonErrors.FORBIDDEN);
    const scope = await this.scopeFor(principal, register.unitId);
    const batch = {
      explicitUnitIds: [...new Set(dto.unitIds ?? [])],
      childKinds: [...new Set(dto.childKinds ?? [])],
      subtreeKinds: [...new Set(dto.subtreeKinds ?? [])],
    };
    const manager = this.dataSource.manager;
    const { total, alreadySent } = await this.repository.preview(
      manager,
      entry.letterId,
      scope,
      batch,
    );
    const letter = await this.letters.findVisible(manager, principal, entry.letterId);
    let refused: { id: string; nameTh: string }[] = [];
    if (letter.secrecy !== 'none') {
      const targets = await this.repository.findNewTargets(manager, letter.id, scope, batch);
      const nobody = new Set(
        await this.access.unitsNobodyCanActFor(
          manager,
          targets.map((unit) => unit.id),
          letter.secrecy,
          { now: this.clock.now() },
        ),
      );
      refused = targets.filter((unit) => nobody.has(unit.id));
    }
    return {
      recipients: total,
      alreadySent,
      willCreate: total - alreadySent,
      noClearedMember: { count: refused.length, units: refused.slice(0, UNITS_LISTED) },
    };
  }
}

function pick(unit: { id: string; nameTh: string; kind: string }) {
  return { id: unit.id, nameTh: unit.nameTh, kind: unit.kind };
}
