import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { decodeCursor, encodeCursor, isUuid } from 'src/common/cursor.js';
import { DomainError } from 'src/common/domain-error.js';
import { type AuditActor, AuditService } from 'src/modules/audit/audit.service.js';
import { AccessService, REGISTRY_ROLES } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { AuthService } from 'src/modules/auth/auth.service.js';
import { type AccessGained, AccessGainedSlot } from 'src/modules/users/access-gained.js';
import { checkPassword, hashPassword, type PasswordProblem } from 'src/modules/users/password.js';
import { type Clearance, clearanceRank, type MembershipRole } from 'src/modules/users/roles.js';
import type {
  AddMembershipDto,
  UpdateUserDto,
  UserListQuery,
} from 'src/modules/users/users.dto.js';
import { UsersErrors } from 'src/modules/users/users.errors.js';
import {
  type MemberScope,
  type MembershipRow,
  UNIQUE_VIOLATION,
  type UserCursor,
  type UserRow,
  UsersRepository,
} from 'src/modules/users/users.repository.js';
import { JobQueue } from 'src/queue/job-queue.js';
import type { JobRequest } from 'src/queue/jobs.js';

export interface MembershipView {
  id: string;
  userId: string;
  unitId: string;
  unitName: string;
  role: MembershipRole;
  acting: boolean;
  startsAt: Date;
  endsAt: Date | null;
  /** True when the membership grants access now. */
  live: boolean;
}

export interface UserView extends UserRow {
  memberships: MembershipView[];
}

export interface UserPage {
  items: UserView[];
  nextCursor: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  positionTitle?: string | null;
  password: string;
  clearance?: Clearance;
  unitId: string;
  role: MembershipRole;
}

const BANGKOK_OFFSET = '+07:00';
const DEFAULT_PAGE = 50;
const DAY_MS = 86_400_000;

/** Start of a Bangkok calendar day as an instant. */
function bangkokMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00${BANGKOK_OFFSET}`);
}

function readUserCursor(cursor: string | undefined): UserCursor | null {
  if (!cursor) return null;
  return decodeCursor(cursor, UsersErrors.INVALID_CURSOR, (value) => {
    const parsed = (value ?? {}) as { n?: unknown; i?: unknown };
    return typeof parsed.n === 'string' && isUuid(parsed.i)
      ? { name: parsed.n, id: parsed.i }
      : null;
  });
}

/** The membership grants access at `now`. */
function isLive(membership: { startsAt: Date; endsAt: Date | null }, now: Date): boolean {
  return membership.startsAt <= now && (membership.endsAt === null || membership.endsAt > now);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === UNIQUE_VIOLATION;
}

/**
 * Users and their memberships. Admins act within the subtree they administer; a user
 * they cannot see answers USER_NOT_FOUND. Each command is one transaction ending with
 * its audit event.
 */
/** What the person should change, said for the one rule the password broke. */
const PASSWORD_PROBLEM_TH: Record<PasswordProblem, string> = {
  too_short: 'รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร',
  too_long: 'รหัสผ่านยาวได้ไม่เกิน 256 ตัวอักษร',
  one_class: 'รหัสผ่านต้องมีอักขระอย่างน้อยสองประเภท (ตัวพิมพ์เล็ก ตัวพิมพ์ใหญ่ ตัวเลข อักขระอื่น)',
  contains_username: 'รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในรหัสผ่าน',
  invisible_character: 'รหัสผ่านต้องไม่มีอักขระที่มองไม่เห็น เช่น อักขระควบคุมหรืออักขระความกว้างศูนย์',
};

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: UsersRepository,
    private readonly access: AccessService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly accessGained: AccessGainedSlot,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  /** Over HTTP: an admin creates a user with a first membership in a unit they administer. */
  async create(principal: Principal, input: NewUser): Promise<UserView> {
    // Checked before hashing so that a denied caller cannot make the server burn argon2.
    if (!(await this.access.canAdministerUnit(principal, input.unitId))) {
      throw new DomainError(UsersErrors.UNIT_NOT_FOUND);
    }
    if (clearanceRank(input.clearance ?? 'none') > clearanceRank(principal.clearance)) {
      throw new DomainError(UsersErrors.CLEARANCE_ABOVE_OWN);
    }
    const passwordHash = await this.hashChecked(input.password, input.username);
    return this.insertUser(input, passwordHash, this.access.actor(principal), async (manager) => {
      if (!(await this.access.canAdministerUnit(principal, input.unitId, manager))) {
        throw new DomainError(UsersErrors.UNIT_NOT_FOUND);
      }
    });
  }

  /** For the CLI and the seeds: no principal, the actor is the operator's command. */
  async createBySystem(input: NewUser, actor: AuditActor): Promise<UserView> {
    const passwordHash = await this.hashChecked(input.password, input.username);
    return this.insertUser(input, passwordHash, actor, async (manager) => {
      if (!(await this.repository.findUnitRef(manager, input.unitId))) {
        throw new DomainError(UsersErrors.UNIT_NOT_FOUND);
      }
    });
  }

  /**
   * For the demo seed: creates the user if the username is free, and the membership if
   * the user does not hold it yet. Returns true when anything was created.
   */
  async ensureUser(input: NewUser, actor: AuditActor): Promise<boolean> {
    const existing = await this.repository.findUserByUsername(input.username.toLowerCase());
    if (!existing) {
      await this.createBySystem(input, actor);
      return true;
    }
    const jobs = await this.dataSource.transaction(async (manager) => {
      if (
        await this.repository.findOpenMembership(manager, existing.id, input.unitId, input.role)
      ) {
        return null;
      }
      const membership = {
        unitId: input.unitId,
        role: input.role,
        acting: false,
        startsAt: this.clock.now(),
        endsAt: null,
      };
      await this.insertMembership(manager, existing.id, membership, actor);
      return this.membershipGained(manager, existing.id, membership, 'membership.added', actor);
    });
    if (jobs === null) return false;
    await this.jobs.addAfterCommit(jobs);
    return true;
  }

  async get(principal: Principal, userId: string): Promise<UserView> {
    const user = await this.repository.findUser(userId);
    const memberships = user ? await this.repository.findMemberships(userId) : [];
    if (!user || !this.canSeeUser(principal, user.id, memberships)) {
      throw new DomainError(UsersErrors.USER_NOT_FOUND);
    }
    const self = principal.userId === user.id;
    return {
      ...user,
      memberships: memberships
        .filter(
          (m) => self || this.access.canSeeUnitRef(principal, { id: m.unitId, path: m.unitPath }),
        )
        .map((m) => this.membershipView(m)),
    };
  }

  /**
   * The people an admin administers: users with a membership not yet ended in one unit, in
   * its subtree, or (no unit given) anywhere the caller administers. Each user comes with
   * those of their current memberships the caller administers.
   */
  async list(principal: Principal, query: UserListQuery): Promise<UserPage> {
    const administered = this.access.administeredPaths(principal);
    if (administered.length === 0) throw new DomainError(UsersErrors.UNIT_NOT_FOUND);
    let scope: MemberScope = { pathPrefixes: administered };
    if (query.unitId !== undefined) {
      const unit = await this.repository.findUnitRef(this.dataSource.manager, query.unitId);
      if (!unit || !this.access.canAdministerUnitRef(principal, unit)) {
        throw new DomainError(UsersErrors.UNIT_NOT_FOUND);
      }
      scope = query.within === 'subtree' ? { pathPrefixes: [unit.path] } : { unitId: unit.id };
    }
    const limit = query.limit ?? DEFAULT_PAGE;
    const now = this.clock.now();
    const text = query.q?.normalize('NFC').replace(/[\u200B-\u200D\uFEFF]/g, '') || null;
    const rows = await this.repository.findMembers(
      scope,
      text,
      now,
      readUserCursor(query.cursor),
      limit + 1,
    );
    const users = rows.slice(0, limit);
    const memberships = users.length
      ? await this.repository.findCurrentMemberships(
          users.map((u) => u.id),
          now,
        )
      : [];
    const last = users[users.length - 1];
    return {
      items: users.map((user) => ({
        ...user,
        memberships: memberships
          .filter(
            (m) =>
              m.userId === user.id &&
              this.access.canAdministerUnitRef(principal, { id: m.unitId, path: m.unitPath }),
          )
          .map((m) => this.membershipView(m)),
      })),
      nextCursor: rows.length > limit ? encodeCursor({ n: last.displayName, i: last.id }) : null,
    };
  }

  /**
   * An admin over the user edits their name, position or clearance (never above their own),
   * or closes or opens their account. Closing ends every session of theirs in the same
   * transaction; nobody closes their own (an office must not lock its last admin out).
   */
  async update(principal: Principal, userId: string, dto: UpdateUserDto): Promise<UserView> {
    if (dto.clearance && clearanceRank(dto.clearance) > clearanceRank(principal.clearance)) {
      throw new DomainError(UsersErrors.CLEARANCE_ABOVE_OWN);
    }
    const jobs = await this.dataSource.transaction(async (manager) => {
      await this.visibleUserForAdmin(manager, principal, userId);
      if (dto.active === false && userId === principal.userId) {
        throw new DomainError(UsersErrors.CANNOT_DEACTIVATE_SELF);
      }
      const before = await this.repository.lockUser(manager, userId);
      if (!before) throw new DomainError(UsersErrors.USER_NOT_FOUND);
      const changes = {
        displayName: dto.displayName,
        positionTitle: dto.positionTitle === undefined ? undefined : dto.positionTitle || null,
        clearance: dto.clearance,
        active: dto.active,
      };
      await this.repository.updateUser(manager, userId, changes, this.clock.now());
      const closed = before.active && dto.active === false;
      const sessionsEnded = closed ? await this.auth.endSessionsOf(manager, userId) : undefined;
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        action: 'user.updated',
        subjectType: 'user',
        subjectId: userId,
        data: {
          before: {
            displayName: before.displayName,
            positionTitle: before.positionTitle,
            clearance: before.clearance,
            active: before.active,
          },
          changes,
          ...(sessionsEnded === undefined ? {} : { sessionsEnded }),
        },
      });
      const activeNow = dto.active ?? before.active;
      const reopened = !before.active && activeNow;
      const raised =
        dto.clearance !== undefined &&
        clearanceRank(dto.clearance) > clearanceRank(before.clearance);
      if (!activeNow || !(reopened || raised)) return [];
      // A reopened account or a raised clearance may let the user act, where they hold a
      // registry role, on classified deliveries nobody there could act on.
      const now = this.clock.now();
      const units = (await this.repository.findMemberships(userId, manager))
        .filter((m) => REGISTRY_ROLES.has(m.role) && isLive(m, now))
        .map((m) => m.unitId);
      return this.accessGained.notify(manager, {
        userId,
        unitIds: [...new Set(units)],
        cause: 'user.updated',
        actor: this.access.actor(principal),
      });
    });
    await this.jobs.addAfterCommit(jobs);
    return this.get(principal, userId);
  }

  /**
   * Adds a membership (or an acting-head span). Moving a user to another unit is: add
   * the new membership, end the old one. Adding an open membership the user already
   * holds returns it unchanged.
   */
  async addMembership(
    principal: Principal,
    userId: string,
    dto: AddMembershipDto,
  ): Promise<MembershipView> {
    const span = this.span(dto);
    const { view, jobs } = await this.dataSource.transaction(async (manager) => {
      await this.visibleUserForAdmin(manager, principal, userId);
      if (!(await this.access.canAdministerUnit(principal, dto.unitId, manager))) {
        throw new DomainError(UsersErrors.UNIT_NOT_FOUND);
      }
      if (!span.acting) {
        const open = await this.repository.findOpenMembership(
          manager,
          userId,
          dto.unitId,
          dto.role,
        );
        if (open) return { view: this.membershipView(open), jobs: [] };
      }
      const membership = { unitId: dto.unitId, role: dto.role, ...span };
      const actor = this.access.actor(principal);
      const id = await this.insertMembership(manager, userId, membership, actor);
      return {
        view: this.membershipView((await this.repository.findMembershipById(id, manager))!),
        jobs: await this.membershipGained(manager, userId, membership, 'membership.added', actor),
      };
    });
    await this.jobs.addAfterCommit(jobs);
    return view;
  }

  /** Ends a membership now; the user loses that access on their next request. */
  async endMembership(
    principal: Principal,
    userId: string,
    membershipId: string,
  ): Promise<MembershipView> {
    return this.dataSource.transaction(async (manager) => {
      await this.visibleUserForAdmin(manager, principal, userId);
      const membership = await this.repository.findMembershipForUpdate(manager, membershipId);
      if (
        !membership ||
        membership.userId !== userId ||
        !this.access.canAdministerUnitRef(principal, {
          id: membership.unitId,
          path: membership.unitPath,
        })
      ) {
        throw new DomainError(UsersErrors.MEMBERSHIP_NOT_FOUND);
      }
      const now = this.clock.now();
      if (membership.endsAt !== null && membership.endsAt <= now) {
        throw new DomainError(UsersErrors.MEMBERSHIP_ALREADY_ENDED);
      }
      // A span that has not started yet is cancelled: it ends where it starts.
      const endsAt = membership.startsAt > now ? membership.startsAt : now;
      await this.repository.endMembership(manager, membershipId, endsAt);
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        action: 'membership.ended',
        subjectType: 'user',
        subjectId: userId,
        unitId: membership.unitId,
        data: { membershipId, unitId: membership.unitId, role: membership.role },
      });
      return this.membershipView(
        (await this.repository.findMembershipById(membershipId, manager))!,
      );
    });
  }

  private async insertUser(
    input: NewUser,
    passwordHash: string,
    actor: AuditActor,
    checkUnit: (manager: EntityManager) => Promise<void>,
  ): Promise<UserView> {
    const id = randomUUID();
    const username = input.username.trim().toLowerCase();
    const now = this.clock.now();
    let created: { view: UserView; jobs: JobRequest[] };
    try {
      created = await this.dataSource.transaction(async (manager) => {
        await checkUnit(manager);
        const user = {
          id,
          username,
          displayName: input.displayName,
          positionTitle: input.positionTitle ?? null,
          clearance: input.clearance ?? 'none',
        };
        await this.repository.insertUser(manager, { ...user, passwordHash }, now);
        const membershipId = randomUUID();
        const membership = {
          unitId: input.unitId,
          role: input.role,
          acting: false,
          startsAt: now,
          endsAt: null,
        };
        await this.repository.insertMembership(
          manager,
          { id: membershipId, userId: id, ...membership },
          now,
        );
        await this.audit.record(manager, {
          actor,
          action: 'user.created',
          subjectType: 'user',
          subjectId: id,
          unitId: input.unitId,
          data: { ...user, membershipId, unitId: input.unitId, role: input.role },
        });
        const jobs =
          user.clearance === 'none'
            ? []
            : await this.membershipGained(manager, id, membership, 'user.created', actor);
        return {
          view: {
            ...user,
            active: true,
            memberships: (await this.repository.findMemberships(id, manager)).map((m) =>
              this.membershipView(m),
            ),
          },
          jobs,
        };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(UsersErrors.USERNAME_TAKEN);
      throw error;
    }
    await this.jobs.addAfterCommit(created.jobs);
    return created.view;
  }

  /**
   * In the transaction that added `membership`: when it lets the user act for the unit now
   * (a registry role, live now), the listener hears of it (escalation resumes the ladders it
   * halted there because nobody was cleared). Returns the jobs to enqueue after the commit.
   * An acting span that starts later is not announced when it starts (README.md).
   */
  private membershipGained(
    manager: EntityManager,
    userId: string,
    membership: { unitId: string; role: MembershipRole; startsAt: Date; endsAt: Date | null },
    cause: AccessGained['cause'],
    actor: AuditActor,
  ): Promise<JobRequest[]> {
    if (!REGISTRY_ROLES.has(membership.role) || !isLive(membership, this.clock.now())) {
      return Promise.resolve([]);
    }
    return this.accessGained.notify(manager, {
      userId,
      unitIds: [membership.unitId],
      cause,
      actor,
    });
  }

  private async insertMembership(
    manager: EntityManager,
    userId: string,
    membership: {
      unitId: string;
      role: MembershipRole;
      acting: boolean;
      startsAt: Date;
      endsAt: Date | null;
    },
    actor: AuditActor,
  ): Promise<string> {
    const id = randomUUID();
    await this.repository.insertMembership(
      manager,
      { id, userId, ...membership },
      this.clock.now(),
    );
    await this.audit.record(manager, {
      actor,
      action: 'membership.added',
      subjectType: 'user',
      subjectId: userId,
      unitId: membership.unitId,
      data: { membershipId: id, ...membership },
    });
    return id;
  }

  private async hashChecked(password: string, username: string): Promise<string> {
    const problem = checkPassword(password, username);
    if (problem !== null) {
      throw new DomainError(UsersErrors.WEAK_PASSWORD, {
        errors: [{ field: 'password', code: problem, message: PASSWORD_PROBLEM_TH[problem] }],
      });
    }
    return hashPassword(password);
  }

  private span(dto: AddMembershipDto): { acting: boolean; startsAt: Date; endsAt: Date | null } {
    if (!dto.acting) {
      if (dto.startsOn || dto.endsOn) throw new DomainError(UsersErrors.ACTING_SPAN_INVALID);
      return { acting: false, startsAt: this.clock.now(), endsAt: null };
    }
    if (dto.role !== 'head' || !dto.startsOn || !dto.endsOn || dto.endsOn < dto.startsOn) {
      throw new DomainError(UsersErrors.ACTING_SPAN_INVALID);
    }
    // Inclusive Bangkok dates: acting from the start of startsOn to the end of endsOn.
    return {
      acting: true,
      startsAt: bangkokMidnight(dto.startsOn),
      endsAt: new Date(bangkokMidnight(dto.endsOn).getTime() + DAY_MS),
    };
  }

  /** Self, or an admin of a unit where the user has (or had) a membership. */
  private canSeeUser(principal: Principal, userId: string, memberships: MembershipRow[]): boolean {
    return (
      principal.userId === userId ||
      memberships.some((m) =>
        this.access.canAdministerUnitRef(principal, { id: m.unitId, path: m.unitPath }),
      )
    );
  }

  /** Membership changes need an admin over the user (not merely the user themself). */
  private async visibleUserForAdmin(
    manager: EntityManager,
    principal: Principal,
    userId: string,
  ): Promise<void> {
    const memberships = await this.repository.findMemberships(userId, manager);
    const administers = memberships.some((m) =>
      this.access.canAdministerUnitRef(principal, { id: m.unitId, path: m.unitPath }),
    );
    if (!administers) throw new DomainError(UsersErrors.USER_NOT_FOUND);
  }

  private membershipView(m: MembershipRow): MembershipView {
    const now = this.clock.now();
    return {
      id: m.id,
      userId: m.userId,
      unitId: m.unitId,
      unitName: m.unitName,
      role: m.role,
      acting: m.acting,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      live: isLive(m, now),
    };
  }
}
