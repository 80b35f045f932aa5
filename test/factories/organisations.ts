import { randomUUID } from 'node:crypto';
import type supertest from 'supertest';
import type { DataSource } from 'typeorm';
import type { UnitKind } from 'src/modules/organisations/unit-kind.js';
import { hashPassword } from 'src/modules/users/password.js';
import type { Clearance, MembershipRole } from 'src/modules/users/roles.js';

/**
 * Factories for units, users and signed-in sessions. They write rows directly (fast,
 * no audit events) so a test builds exactly the world it needs; the behaviour under
 * test then goes through HTTP or the services.
 */

export const TEST_PASSWORD = 'test-password-2569';

export interface UnitFixture {
  id: string;
  path: string;
  depth: number;
  parentId: string | null;
  nameTh: string;
  kind: UnitKind;
}

let unitCounter = 0;

export async function newUnit(
  ds: DataSource,
  options: {
    parent?: UnitFixture | null;
    kind?: UnitKind;
    nameTh?: string;
    shortName?: string | null;
    letterCode?: string | null;
    ownerNumber?: string | null;
    active?: boolean;
    referenceDigits?: 'thai' | 'arabic';
  } = {},
): Promise<UnitFixture> {
  unitCounter += 1;
  const id = randomUUID();
  const parent = options.parent ?? null;
  const unit: UnitFixture = {
    id,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    parentId: parent?.id ?? null,
    nameTh: options.nameTh ?? `หน่วยงานทดสอบ ${unitCounter}`,
    kind: options.kind ?? (parent ? 'other' : 'ministry'),
  };
  await ds.query(
    `INSERT INTO units (id, kind, name_th, short_name, letter_code, owner_number, parent_id, path,
                        depth, active, reference_digits, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), now())`,
    [
      unit.id,
      unit.kind,
      unit.nameTh,
      options.shortName ?? null,
      options.letterCode ?? null,
      options.ownerNumber ?? null,
      unit.parentId,
      unit.path,
      unit.depth,
      options.active ?? true,
      options.referenceDigits ?? 'thai',
    ],
  );
  return unit;
}

export interface MembershipSpec {
  unit: UnitFixture | { id: string };
  role: MembershipRole;
  acting?: boolean;
  startsAt?: Date;
  endsAt?: Date | null;
}

export interface UserFixture {
  id: string;
  username: string;
  password: string;
  membershipIds: string[];
}

let userCounter = 0;
let testPasswordHash: Promise<string> | undefined;

/** A user with memberships; all share TEST_PASSWORD unless told (hashed once per file). */
export async function newUser(
  ds: DataSource,
  options: {
    username?: string;
    password?: string;
    displayName?: string;
    clearance?: Clearance;
    active?: boolean;
    memberships?: MembershipSpec[];
  } = {},
): Promise<UserFixture> {
  userCounter += 1;
  const id = randomUUID();
  const username = options.username ?? `user${userCounter}.${id.slice(0, 6)}`;
  const password = options.password ?? TEST_PASSWORD;
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash =
    password === TEST_PASSWORD ? await testPasswordHash : await hashPassword(password);
  await ds.query(
    `INSERT INTO users (id, username, display_name, position_title, password_hash, clearance,
                        active, created_at, updated_at)
     VALUES ($1, $2, $3, NULL, $4, $5, $6, now(), now())`,
    [
      id,
      username,
      options.displayName ?? `ผู้ใช้ทดสอบ ${userCounter}`,
      passwordHash,
      options.clearance ?? 'none',
      options.active ?? true,
    ],
  );
  const membershipIds: string[] = [];
  for (const membership of options.memberships ?? []) {
    membershipIds.push(await addMembership(ds, id, membership));
  }
  return { id, username, password, membershipIds };
}

/** Starts at 2000-01-01 unless told: the tests' ManualClock runs in 2026. */
export async function addMembership(
  ds: DataSource,
  userId: string,
  membership: MembershipSpec,
): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO memberships (id, user_id, unit_id, role, acting, starts_at, ends_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
    [
      id,
      userId,
      membership.unit.id,
      membership.role,
      membership.acting ?? false,
      membership.startsAt ?? new Date('2000-01-01T00:00:00Z'),
      membership.endsAt ?? null,
    ],
  );
  return id;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** `{ Authorization: 'Bearer …' }` for supertest's `.set()`. */
  headers: { Authorization: string };
}

export async function signIn(
  http: ReturnType<typeof supertest>,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await http.post('/api/v1/auth/login').send({ username, password });
  if (res.status !== 200) {
    throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const { accessToken, refreshToken } = res.body as { accessToken: string; refreshToken: string };
  return { accessToken, refreshToken, headers: { Authorization: `Bearer ${accessToken}` } };
}
