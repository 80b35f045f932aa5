import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { col, execute, queryFirst, queryRows } from 'src/database/rows.js';
import { escapeLike } from 'src/modules/organisations/organisations.repository.js';
import {
  CLEARANCE_CODES,
  type Clearance,
  MEMBERSHIP_ROLE_CODES,
  type MembershipRole,
} from 'src/modules/users/roles.js';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  positionTitle: string | null;
  clearance: Clearance;
  active: boolean;
}

export interface MembershipRow {
  id: string;
  userId: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  role: MembershipRole;
  acting: boolean;
  startsAt: Date;
  endsAt: Date | null;
}

const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName",
  u.position_title AS "positionTitle", u.clearance, u.active`;
const USER_ROW = {
  id: col.uuid,
  username: col.text,
  displayName: col.text,
  positionTitle: col.nullable(col.text),
  clearance: col.oneOf(...CLEARANCE_CODES),
  active: col.bool,
};
const MEMBERSHIP_ROW = {
  id: col.uuid,
  userId: col.uuid,
  unitId: col.uuid,
  unitName: col.text,
  unitPath: col.text,
  role: col.oneOf(...MEMBERSHIP_ROLE_CODES),
  acting: col.bool,
  startsAt: col.date,
  endsAt: col.nullable(col.date),
};
const MEMBERSHIP_COLUMNS = `m.id, m.user_id AS "userId", m.unit_id AS "unitId",
  un.name_th AS "unitName", un.path AS "unitPath", m.role, m.acting,
  m.starts_at AS "startsAt", m.ends_at AS "endsAt"`;

/** Which memberships put a user in an administrator's list: one unit, or subtrees by path. */
export type MemberScope = { unitId: string } | { pathPrefixes: string[] };

export interface UserCursor {
  name: string;
  id: string;
}

/** PostgreSQL unique_violation. */
export const UNIQUE_VIOLATION = '23505';

/** All SQL over `users` and `memberships`. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertUser(
    manager: EntityManager,
    user: Omit<UserRow, 'active'> & { passwordHash: string },
    now: Date,
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO users (id, username, display_name, position_title, password_hash, clearance,
                          active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, true, $7, $7)`,
      [
        user.id,
        user.username,
        user.displayName,
        user.positionTitle,
        user.passwordHash,
        user.clearance,
        now,
      ],
    );
  }

  async insertMembership(
    manager: EntityManager,
    membership: {
      id: string;
      userId: string;
      unitId: string;
      role: MembershipRole;
      acting: boolean;
      startsAt: Date;
      endsAt: Date | null;
    },
    now: Date,
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO memberships (id, user_id, unit_id, role, acting, starts_at, ends_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        membership.id,
        membership.userId,
        membership.unitId,
        membership.role,
        membership.acting,
        membership.startsAt,
        membership.endsAt,
        now,
      ],
    );
  }

  async findUser(id: string, manager?: EntityManager): Promise<UserRow | null> {
    return queryFirst(
      manager ?? this.dataSource,
      'UsersRepository.findUser',
      USER_ROW,
      `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`,
      [id],
    );
  }

  async findUserByUsername(username: string, manager?: EntityManager): Promise<UserRow | null> {
    return queryFirst(
      manager ?? this.dataSource,
      'UsersRepository.findUserByUsername',
      USER_ROW,
      `SELECT ${USER_COLUMNS} FROM users u WHERE u.username = $1`,
      [username],
    );
  }

  /** Every membership of a user, live or ended, with the unit's path. */
  async findMemberships(userId: string, manager?: EntityManager): Promise<MembershipRow[]> {
    return queryRows(
      manager ?? this.dataSource,
      'UsersRepository.findMemberships',
      MEMBERSHIP_ROW,
      `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships m JOIN units_read un ON un.id = m.unit_id
        WHERE m.user_id = $1 ORDER BY m.starts_at, m.id`,
      [userId],
    );
  }

  async findMembershipForUpdate(
    manager: EntityManager,
    membershipId: string,
  ): Promise<MembershipRow | null> {
    return queryFirst(
      manager,
      'UsersRepository.findMembershipForUpdate',
      MEMBERSHIP_ROW,
      `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships m JOIN units_read un ON un.id = m.unit_id
        WHERE m.id = $1 FOR UPDATE OF m`,
      [membershipId],
    );
  }

  async findOpenMembership(
    manager: EntityManager,
    userId: string,
    unitId: string,
    role: MembershipRole,
  ): Promise<MembershipRow | null> {
    return queryFirst(
      manager,
      'UsersRepository.findOpenMembership',
      MEMBERSHIP_ROW,
      `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships m JOIN units_read un ON un.id = m.unit_id
        WHERE m.user_id = $1 AND m.unit_id = $2 AND m.role = $3 AND m.ends_at IS NULL
          AND NOT m.acting`,
      [userId, unitId, role],
    );
  }

  async findMembershipById(id: string, manager: EntityManager): Promise<MembershipRow | null> {
    return queryFirst(
      manager,
      'UsersRepository.findMembershipById',
      MEMBERSHIP_ROW,
      `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships m JOIN units_read un ON un.id = m.unit_id
        WHERE m.id = $1`,
      [id],
    );
  }

  async endMembership(manager: EntityManager, membershipId: string, now: Date): Promise<void> {
    await execute(manager, 'UPDATE memberships SET ends_at = $2 WHERE id = $1', [
      membershipId,
      now,
    ]);
  }

  async findUnitRef(
    manager: EntityManager,
    unitId: string,
  ): Promise<{ id: string; path: string } | null> {
    return queryFirst(
      manager,
      'UsersRepository.findUnitRef',
      { id: col.uuid, path: col.text },
      'SELECT id, path FROM units_read WHERE id = $1',
      [unitId],
    );
  }

  /**
   * Users with a membership not yet ended in the scope, optionally whose name or username
   * contains `text`, by display name (keyset-paged).
   */
  async findMembers(
    scope: MemberScope,
    text: string | null,
    now: Date,
    after: UserCursor | null,
    limit: number,
  ): Promise<UserRow[]> {
    const params: unknown[] = [now, limit];
    let where: string;
    if ('unitId' in scope) {
      params.push(scope.unitId);
      where = `m.unit_id = $${params.length}`;
    } else {
      params.push(scope.pathPrefixes.map((path) => `${escapeLike(path)}%`));
      where = `un.path LIKE ANY($${params.length}::text[])`;
    }
    let filter = '';
    if (text) {
      params.push(`%${escapeLike(text)}%`);
      filter = `AND (u.display_name ILIKE $${params.length} OR u.username ILIKE $${params.length})`;
    }
    let cursor = '';
    if (after) {
      params.push(after.name, after.id);
      cursor = `AND (u.display_name, u.id) > ($${params.length - 1}, $${params.length}::uuid)`;
    }
    return queryRows(
      this.dataSource,
      'UsersRepository.findMembers',
      USER_ROW,
      `SELECT ${USER_COLUMNS} FROM users u
        WHERE EXISTS (SELECT 1 FROM memberships m JOIN units_read un ON un.id = m.unit_id
                       WHERE m.user_id = u.id AND (m.ends_at IS NULL OR m.ends_at > $1)
                         AND ${where})
          ${filter} ${cursor}
        ORDER BY u.display_name, u.id LIMIT $2`,
      params,
    );
  }

  /** Memberships not yet ended of several users (a list page's), by start. */
  async findCurrentMemberships(userIds: string[], now: Date): Promise<MembershipRow[]> {
    return queryRows(
      this.dataSource,
      'UsersRepository.findCurrentMemberships',
      MEMBERSHIP_ROW,
      `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships m JOIN units_read un ON un.id = m.unit_id
        WHERE m.user_id = ANY($1::uuid[]) AND (m.ends_at IS NULL OR m.ends_at > $2)
        ORDER BY m.starts_at, m.id`,
      [userIds, now],
    );
  }

  async updateUser(
    manager: EntityManager,
    id: string,
    fields: Partial<Pick<UserRow, 'displayName' | 'positionTitle' | 'clearance' | 'active'>>,
    now: Date,
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE users SET display_name = COALESCE($2, display_name),
              position_title = CASE WHEN $3::boolean THEN $4 ELSE position_title END,
              clearance = COALESCE($5, clearance), active = COALESCE($7, active), updated_at = $6
        WHERE id = $1`,
      [
        id,
        fields.displayName ?? null,
        fields.positionTitle !== undefined,
        fields.positionTitle ?? null,
        fields.clearance ?? null,
        now,
        fields.active ?? null,
      ],
    );
  }

  async lockUser(manager: EntityManager, id: string): Promise<UserRow | null> {
    return queryFirst(
      manager,
      'UsersRepository.lockUser',
      USER_ROW,
      `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1 FOR UPDATE`,
      [id],
    );
  }
}
