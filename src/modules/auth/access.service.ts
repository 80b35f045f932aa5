import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditActor } from 'src/modules/audit/audit.service.js';
import { AuthRepository } from 'src/modules/auth/auth.repository.js';
import type { Principal, UnitGrant, UnitRef } from 'src/modules/auth/principal.js';
import {
  type Clearance,
  CLEARANCES,
  clearanceRank,
  type MembershipRole,
  type SecrecyLevel,
  secrecyRank,
} from 'src/modules/users/roles.js';

/**
 * Roles that act on a delivery for its recipient unit (its registry): register it (ลงรับ)
 * and return it (ส่งคืน). Officials work on letters but do neither.
 */
export const REGISTRY_ROLES: ReadonlySet<MembershipRole> = new Set<MembershipRole>([
  'clerk',
  'head',
  'admin',
]);

/** The units a principal may see, for list queries. */
export interface VisibleScope {
  /** Units the user acts for directly (every live membership, whatever the role). */
  unitIds: string[];
  /** Path prefixes of whole subtrees (heads and admins see below their unit). */
  subtreePaths: string[];
}

/** An SQL condition with its parameters, numbered from the caller's first free `$n`. */
export interface SqlPredicate {
  sql: string;
  params: unknown[];
}

/**
 * THE place where access is decided (invariant 9; src/modules/auth/README.md#access). Every module
 * asks here; nobody re-implements the rules.
 *
 * Policy:
 * - A user acts for the units of their live memberships: `starts_at <= now < ends_at`,
 *   which includes an acting head's (รักษาราชการแทน) date range. Memberships are read
 *   from PostgreSQL on every request, so ending one takes effect on the next request.
 * - Everyone sees their own units. Heads (and acting heads) also see their unit's
 *   subtree. Admins administer (and so see) their own unit's subtree, nothing above.
 * - Secrecy: clearance none < ลับ (confidential) < ลับมาก (secret); ลับที่สุด (top
 *   secret) is never in the system, so no one may see it here.
 * - A denied object is reported as not found (404), never as forbidden.
 */
@Injectable()
export class AccessService {
  constructor(private readonly repository: AuthRepository) {}

  /** Loads the principal for a verified token, or null if the user or session is gone. */
  loadPrincipal(userId: string, sessionId: string, now: Date): Promise<Principal | null> {
    return this.repository.loadPrincipal(userId, sessionId, now);
  }

  /** Units the user acts for now (memberships and acting-head spans). */
  actingUnitIds(principal: Principal): string[] {
    return [...new Set(principal.grants.map((grant) => grant.unitId))];
  }

  visibleScope(principal: Principal): VisibleScope {
    return {
      unitIds: this.actingUnitIds(principal),
      subtreePaths: [
        ...new Set(
          principal.grants.filter((grant) => seesSubtree(grant)).map((grant) => grant.unitPath),
        ),
      ],
    };
  }

  /**
   * SQL condition "the unit in `unitIdColumn` is visible". Pass `unitPathColumn` when the
   * query already joins `units` (cheaper); otherwise the path is looked up by id.
   * Example: `visibleUnitsPredicate(p, { unitIdColumn: 'd.recipient_unit_id' }, 3)`.
   */
  visibleUnitsPredicate(
    principal: Principal,
    columns: { unitIdColumn: string; unitPathColumn?: string },
    firstParam: number,
  ): SqlPredicate {
    const { actedFor, inSubtree, params } = this.visibleUnitsTests(principal, columns, firstParam);
    return { sql: `(${actedFor} OR ${inSubtree})`, params };
  }

  /**
   * `visibleUnitsPredicate` in its two halves, with the same parameters: the units the user
   * acts for (by id, an index probe each) and the subtrees below a head's unit (by path,
   * false when there are none). A query can look in the first before the second.
   */
  visibleUnitsPredicateParts(
    principal: Principal,
    columns: { unitIdColumn: string; unitPathColumn?: string },
    firstParam: number,
  ): { sql: [string, string]; params: unknown[] } {
    const { actedFor, inSubtree, params } = this.visibleUnitsTests(principal, columns, firstParam);
    const patterns = `$${firstParam + 1}::text[]`;
    return { sql: [actedFor, `(cardinality(${patterns}) > 0 AND ${inSubtree})`], params };
  }

  /** The two tests of a visible unit and their parameters ($firstParam: ids, then paths). */
  private visibleUnitsTests(
    principal: Principal,
    columns: { unitIdColumn: string; unitPathColumn?: string },
    firstParam: number,
  ): { actedFor: string; inSubtree: string; params: unknown[] } {
    const scope = this.visibleScope(principal);
    const ids = `$${firstParam}::uuid[]`;
    const patterns = `$${firstParam + 1}::text[]`;
    return {
      actedFor: `${columns.unitIdColumn} = ANY(${ids})`,
      inSubtree:
        scope.subtreePaths.length === 0
          ? // No subtree to look in (a clerk's, an official's): no pattern in the text, so the
            // statement is prepared like any other (a pattern parameter keeps it planned on
            // every run, src/database/pg-client.ts). False whatever the array holds; the
            // parameter is still named, typed and sent, so the numbering stays the same.
            `(cardinality(${patterns}) > 0 AND false)`
          : columns.unitPathColumn
            ? `${columns.unitPathColumn} LIKE ANY(${patterns})`
            : `EXISTS (SELECT 1 FROM units_read visible_unit WHERE visible_unit.id = ${columns.unitIdColumn} AND visible_unit.path LIKE ANY(${patterns}))`,
      params: [scope.unitIds, scope.subtreePaths.map((path) => `${path}%`)],
    };
  }

  /** Same decision as `canSeeUnit`, for a unit whose path the caller already has. */
  canSeeUnitRef(principal: Principal, unit: UnitRef): boolean {
    return principal.grants.some(
      (grant) =>
        grant.unitId === unit.id || (seesSubtree(grant) && unit.path.startsWith(grant.unitPath)),
    );
  }

  /**
   * Inside a transaction pass its manager: a second pooled connection can starve the pool.
   * A unit the user acts for is decided without a query: its grant came with the principal,
   * read on this request, and `canSeeUnitRef` needs no more than its id for it.
   */
  async canSeeUnit(
    principal: Principal,
    unitId: string,
    manager?: EntityManager,
  ): Promise<boolean> {
    if (principal.grants.some((grant) => grant.unitId === unitId)) return true;
    const unit = await this.repository.findUnitRef(unitId, manager);
    return unit !== null && this.canSeeUnitRef(principal, unit);
  }

  /** Admins administer their own unit's subtree (create, rename, move, users). */
  canAdministerUnitRef(principal: Principal, unit: UnitRef): boolean {
    return principal.grants.some(
      (grant) => grant.role === 'admin' && unit.path.startsWith(grant.unitPath),
    );
  }

  async canAdministerUnit(
    principal: Principal,
    unitId: string,
    manager?: EntityManager,
  ): Promise<boolean> {
    const unit = await this.repository.findUnitRef(unitId, manager);
    return unit !== null && this.canAdministerUnitRef(principal, unit);
  }

  /** Path prefixes the principal administers (for "users I administer" queries). */
  administeredPaths(principal: Principal): string[] {
    return principal.grants.filter((grant) => grant.role === 'admin').map((g) => g.unitPath);
  }

  canSeeSecrecy(principal: Principal, level: SecrecyLevel): boolean {
    if (level === 'top_secret') return false;
    return secrecyRank(level) <= clearanceRank(principal.clearance);
  }

  /** Secrecy classes the principal may see, for list queries (`secrecy = ANY($n)`). */
  visibleSecrecyLevels(principal: Principal): SecrecyLevel[] {
    const levels: SecrecyLevel[] = ['none', 'confidential', 'secret'];
    return levels.filter((level) => this.canSeeSecrecy(principal, level));
  }

  /**
   * For the letters module: may the principal see a letter delivered to, or registered
   * by, any of these units, with this secrecy class? False means answer 404.
   */
  canSeeLetterAt(principal: Principal, units: UnitRef[], secrecy: SecrecyLevel): boolean {
    return (
      this.canSeeSecrecy(principal, secrecy) &&
      units.some((unit) => this.canSeeUnitRef(principal, unit))
    );
  }

  /** `canSeeLetterAt` for callers that hold unit ids only. */
  async canSeeLetter(
    principal: Principal,
    letter: { unitIds: string[]; secrecy: SecrecyLevel },
  ): Promise<boolean> {
    if (!this.canSeeSecrecy(principal, letter.secrecy)) return false;
    const units = await this.repository.findUnitRefs(letter.unitIds);
    return this.canSeeLetterAt(principal, units, letter.secrecy);
  }

  /**
   * Of these units, those where nobody may act on a delivery of a letter of this secrecy
   * class: no active user with a live registry membership (clerk, head, admin) whose
   * clearance reaches the class (ระเบียบว่าด้วยการรักษาความลับของทางราชการ: secret material goes
   * to cleared people only). Pass `lock` inside a command that relies on the answer: the
   * qualifying memberships and users are read FOR SHARE until it commits.
   */
  unitsNobodyCanActFor(
    manager: EntityManager,
    unitIds: string[],
    secrecy: SecrecyLevel,
    options: { now: Date; lock?: boolean },
  ): Promise<string[]> {
    return this.repository.findUnitsWithoutMember(manager, [...new Set(unitIds)], {
      roles: [...REGISTRY_ROLES],
      clearances: this.clearancesFor(secrecy),
      now: options.now,
      lock: options.lock ?? false,
    });
  }

  /**
   * The clearances that reach a secrecy class (none reaches ลับที่สุด, which stays out of the
   * system): who may see a classified letter, even its reference in a reminder.
   */
  clearancesFor(secrecy: SecrecyLevel): Clearance[] {
    return CLEARANCES.filter((c) => secrecy !== 'top_secret' && c.rank >= secrecyRank(secrecy)).map(
      (c) => c.code,
    );
  }

  /**
   * System-wide settings (holidays, deadline policy, the queue dashboard) belong to the
   * administrators of a root unit of the tree: they administer everything below it.
   */
  canAdministerSystem(principal: Principal): boolean {
    return principal.grants.some(
      (grant) => grant.role === 'admin' && grant.unitPath.split('/').filter(Boolean).length === 1,
    );
  }

  /** The audit actor for a principal's command. */
  actor(principal: Principal): AuditActor {
    return { userId: principal.userId, name: principal.username };
  }
}

function seesSubtree(grant: UnitGrant): boolean {
  return grant.role === 'head' || grant.role === 'admin';
}
