import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedRows } from 'src/database/prepared-query.js';
import { col, execute, executeCount, queryFirst, queryRows } from 'src/database/rows.js';
import type { Principal, UnitGrant, UnitRef } from 'src/modules/auth/principal.js';
import {
  CLEARANCE_CODES,
  type Clearance,
  MEMBERSHIP_ROLE_CODES,
  type MembershipRole,
} from 'src/modules/users/roles.js';

export interface LoginUserRow {
  id: string;
  username: string;
  passwordHash: string;
  active: boolean;
}

export interface RefreshTokenRow {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** A live membership as json_build_object gives it: timestamps are ISO text. */
const GRANT_JSON = col.object({
  membershipId: col.uuid,
  unitId: col.uuid,
  unitPath: col.text,
  unitName: col.text,
  role: col.oneOf(...MEMBERSHIP_ROLE_CODES),
  acting: col.bool,
  startsAt: col.text,
  endsAt: col.nullable(col.text),
});

const UNIT_REF = { id: col.uuid, path: col.text };

/** All SQL of sign-in, sessions and access decisions. */
@Injectable()
export class AuthRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The user, their live memberships (with unit paths) and whether the session is still
   * open, in one round trip. Null when the user is inactive or the session was ended.
   */
  async loadPrincipal(userId: string, sessionId: string, now: Date): Promise<Principal | null> {
    // Prepared: it runs before every authenticated request, and its views and json
    // aggregate cost more to plan than to run.
    const [row] = await preparedRows(
      this.dataSource.manager,
      'AuthRepository.loadPrincipal',
      {
        id: col.uuid,
        username: col.text,
        display_name: col.text,
        position_title: col.nullable(col.text),
        clearance: col.oneOf(...CLEARANCE_CODES),
        grants: col.array(GRANT_JSON),
      },
      `SELECT u.id, u.username, u.display_name, u.position_title, u.clearance,
              COALESCE((
                SELECT json_agg(json_build_object(
                         'membershipId', m.id, 'unitId', m.unit_id, 'unitPath', un.path,
                         'unitName', un.name_th, 'role', m.role, 'acting', m.acting,
                         'startsAt', m.starts_at, 'endsAt', m.ends_at)
                       ORDER BY un.path, m.role)
                  FROM memberships_read m JOIN units_read un ON un.id = m.unit_id
                 WHERE m.user_id = u.id AND m.starts_at <= $3
                   AND (m.ends_at IS NULL OR m.ends_at > $3)
              ), '[]'::json) AS grants
         FROM users_read u
        WHERE u.id = $1 AND u.active
          AND EXISTS (SELECT 1 FROM refresh_tokens r
                       WHERE r.family_id = $2 AND r.user_id = u.id
                         AND r.revoked_at IS NULL AND r.expires_at > $3)`,
      [userId, sessionId, now],
    );
    if (!row) return null;
    return {
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      positionTitle: row.position_title,
      clearance: row.clearance,
      sessionId,
      grants: row.grants.map((g): UnitGrant => ({
        ...g,
        startsAt: new Date(g.startsAt),
        endsAt: g.endsAt ? new Date(g.endsAt) : null,
      })),
    };
  }

  async findUnitRef(unitId: string, manager?: EntityManager): Promise<UnitRef | null> {
    return queryFirst(
      manager ?? this.dataSource,
      'AuthRepository.findUnitRef',
      UNIT_REF,
      'SELECT id, path FROM units_read WHERE id = $1',
      [unitId],
    );
  }

  async findUnitRefs(unitIds: string[]): Promise<UnitRef[]> {
    if (unitIds.length === 0) return [];
    return queryRows(
      this.dataSource,
      'AuthRepository.findUnitRefs',
      UNIT_REF,
      'SELECT id, path FROM units_read WHERE id = ANY($1::uuid[])',
      [unitIds],
    );
  }

  /**
   * Of `unitIds`, those with no active user holding a live membership in one of `roles`
   * whose clearance is one of `clearances`. With `lock`, the memberships and users that
   * qualify are read FOR SHARE: a concurrent end of membership, deactivation or lowered
   * clearance waits for the caller's commit instead of slipping past its check.
   */
  async findUnitsWithoutMember(
    manager: EntityManager,
    unitIds: string[],
    criteria: { roles: MembershipRole[]; clearances: Clearance[]; now: Date; lock: boolean },
  ): Promise<string[]> {
    if (unitIds.length === 0) return [];
    const rows = await queryRows(
      manager,
      'AuthRepository.findUnitsWithoutMember',
      { id: col.uuid },
      `WITH able AS (
         SELECT m.unit_id
           FROM memberships_read m JOIN users_read u ON u.id = m.user_id
          WHERE m.unit_id = ANY($1::uuid[]) AND m.role = ANY($2::text[]) AND u.active
            AND u.clearance = ANY($3::text[])
            AND m.starts_at <= $4 AND (m.ends_at IS NULL OR m.ends_at > $4)
          ${criteria.lock ? 'FOR SHARE OF m, u' : ''}
       )
       SELECT t.id FROM unnest($1::uuid[]) AS t(id)
        WHERE NOT EXISTS (SELECT 1 FROM able a WHERE a.unit_id = t.id)
        ORDER BY t.id`,
      [unitIds, criteria.roles, criteria.clearances, criteria.now],
    );
    return rows.map((row) => row.id);
  }

  async findLoginUser(username: string): Promise<LoginUserRow | null> {
    return queryFirst(
      this.dataSource,
      'AuthRepository.findLoginUser',
      { id: col.uuid, username: col.text, passwordHash: col.text, active: col.bool },
      `SELECT id, username, password_hash AS "passwordHash", active FROM user_credentials WHERE username = $1`,
      [username],
    );
  }

  async insertRefreshToken(
    manager: EntityManager,
    token: {
      id: string;
      userId: string;
      familyId: string;
      rotatedFrom: string | null;
      tokenHash: string;
      issuedAt: Date;
      expiresAt: Date;
    },
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO refresh_tokens (id, user_id, family_id, rotated_from, token_hash, issued_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        token.id,
        token.userId,
        token.familyId,
        token.rotatedFrom,
        token.tokenHash,
        token.issuedAt,
        token.expiresAt,
      ],
    );
  }

  async findRefreshToken(
    manager: EntityManager,
    tokenHash: string,
  ): Promise<RefreshTokenRow | null> {
    return queryFirst(
      manager,
      'AuthRepository.findRefreshToken',
      {
        id: col.uuid,
        userId: col.uuid,
        familyId: col.uuid,
        expiresAt: col.date,
        revokedAt: col.nullable(col.date),
      },
      `SELECT id, user_id AS "userId", family_id AS "familyId", expires_at AS "expiresAt",
              revoked_at AS "revokedAt"
         FROM refresh_tokens WHERE token_hash = $1`,
      [tokenHash],
    );
  }

  /** Claims the token for one rotation; false when someone else already used it. */
  async revokeForRotation(manager: EntityManager, id: string, now: Date): Promise<boolean> {
    const updated = await executeCount(
      manager,
      'AuthRepository.revokeForRotation',
      `UPDATE refresh_tokens SET revoked_at = $2, revoked_reason = 'rotated'
        WHERE id = $1 AND revoked_at IS NULL`,
      [id, now],
    );
    return updated === 1;
  }

  /** Ends a session: every token of the family that is still open. */
  async revokeFamily(
    manager: EntityManager,
    familyId: string,
    now: Date,
    reason: 'logout' | 'reuse_detected',
  ): Promise<number> {
    return executeCount(
      manager,
      'AuthRepository.revokeFamily',
      `UPDATE refresh_tokens SET revoked_at = $2, revoked_reason = $3
        WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId, now, reason],
    );
  }

  /** Ends every session of a user: each of their tokens that is still open. */
  async revokeUser(
    manager: EntityManager,
    userId: string,
    now: Date,
    reason: 'user_deactivated',
  ): Promise<number> {
    return executeCount(
      manager,
      'AuthRepository.revokeUser',
      `UPDATE refresh_tokens SET revoked_at = $2, revoked_reason = $3
        WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, now, reason],
    );
  }

  async isUserActive(manager: EntityManager, userId: string): Promise<boolean> {
    const rows = await queryRows(
      manager,
      'AuthRepository.isUserActive',
      {},
      'SELECT 1 FROM users_read WHERE id = $1 AND active',
      [userId],
    );
    return rows.length === 1;
  }
}
