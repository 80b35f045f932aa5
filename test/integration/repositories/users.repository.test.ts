import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNIQUE_VIOLATION, UsersRepository } from 'src/modules/users/users.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { factories, type Factories } from '../../factories/index.js';

describe('UsersRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: UsersRepository;
  const now = new Date('2026-01-15T03:00:00Z');
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(UsersRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  const newPerson = (username = `u.${randomUUID().slice(0, 8)}`) => ({
    id: randomUUID(),
    username,
    displayName: 'นางสาวทดสอบ ระบบ',
    positionTitle: 'นักจัดการงานทั่วไป',
    clearance: 'confidential' as const,
    passwordHash: 'not-a-real-hash',
  });

  it('insertUser then findUser and findUserByUsername read it back; a stranger is null', async () => {
    const user = newPerson();
    await repo.insertUser(t.dataSource.manager, user, now);
    const { passwordHash: _, ...expected } = user;
    expect(await repo.findUser(user.id)).toEqual({ ...expected, active: true });
    expect(await repo.findUserByUsername(user.username)).toEqual({ ...expected, active: true });
    expect(await repo.findUser(randomUUID())).toBeNull();
    expect(await repo.findUserByUsername('nobody.here')).toBeNull();
  });

  it('insertUser refuses a taken username with a unique violation', async () => {
    const user = newPerson();
    await repo.insertUser(t.dataSource.manager, user, now);
    await expect(
      repo.insertUser(t.dataSource.manager, { ...newPerson(), username: user.username }, now),
    ).rejects.toMatchObject({ driverError: { code: UNIQUE_VIOLATION } });
  });

  it('insertMembership, findMemberships, findMembershipById and findOpenMembership', async () => {
    const unit = await f.newUnit({ nameTh: 'กองกลาง' });
    const user = newPerson();
    await repo.insertUser(t.dataSource.manager, user, now);
    expect(await repo.findMemberships(user.id)).toEqual([]);
    const clerk = {
      id: randomUUID(),
      userId: user.id,
      unitId: unit.id,
      role: 'clerk' as const,
      acting: false,
      startsAt: new Date('2026-01-01T00:00:00Z'),
      endsAt: null,
    };
    // รักษาราชการแทน: always a head's span with an end.
    const acting = {
      ...clerk,
      id: randomUUID(),
      role: 'head' as const,
      acting: true,
      endsAt: new Date('2026-12-31T00:00:00Z'),
    };
    await repo.insertMembership(t.dataSource.manager, clerk, now);
    await repo.insertMembership(t.dataSource.manager, acting, now);
    const withUnit = { unitName: 'กองกลาง', unitPath: unit.path };
    const memberships = await repo.findMemberships(user.id);
    expect(memberships).toHaveLength(2);
    expect(memberships).toContainEqual({ ...clerk, ...withUnit });
    expect(await repo.findMembershipById(acting.id, t.dataSource.manager)).toEqual({
      ...acting,
      ...withUnit,
    });
    expect(await repo.findMembershipById(randomUUID(), t.dataSource.manager)).toBeNull();
    const m = t.dataSource.manager;
    expect(await repo.findOpenMembership(m, user.id, unit.id, 'clerk')).toEqual({
      ...clerk,
      ...withUnit,
    });
    // An acting span is not an open membership of the role.
    expect(await repo.findOpenMembership(m, user.id, unit.id, 'head')).toBeNull();
  });

  it('endMembership closes it: it is no longer open', async () => {
    const unit = await f.newUnit({});
    const user = await f.newUser({ memberships: [{ unit, role: 'official' }] });
    const [membershipId] = user.membershipIds;
    const m = t.dataSource.manager;
    await repo.endMembership(m, membershipId, now);
    expect((await repo.findMembershipById(membershipId, m))?.endsAt).toEqual(now);
    expect(await repo.findOpenMembership(m, user.id, unit.id, 'official')).toBeNull();
  });

  it('findMembershipForUpdate holds the row until the transaction ends', async () => {
    const unit = await f.newUnit({});
    const user = await f.newUser({ memberships: [{ unit, role: 'clerk' }] });
    const [membershipId] = user.membershipIds;
    await t.dataSource.transaction(async (manager) => {
      const row = await repo.findMembershipForUpdate(manager, membershipId);
      expect(row?.userId).toBe(user.id);
      await expect(
        t.dataSource.query('SELECT 1 FROM memberships WHERE id = $1 FOR UPDATE NOWAIT', [
          membershipId,
        ]),
      ).rejects.toMatchObject({ driverError: { code: '55P03' } });
    });
    expect(await repo.findMembershipForUpdate(t.dataSource.manager, randomUUID())).toBeNull();
  });

  it('findUnitRef gives the unit’s id and path, or null', async () => {
    const unit = await f.newUnit({});
    expect(await repo.findUnitRef(t.dataSource.manager, unit.id)).toEqual({
      id: unit.id,
      path: unit.path,
    });
    expect(await repo.findUnitRef(t.dataSource.manager, randomUUID())).toBeNull();
  });

  it('a row that does not match its statement is an internal error naming it, answered 500', async () => {
    const unit = await f.newUnit({});
    const admin = await f.newUser({ memberships: [{ unit, role: 'admin' }] });
    const session = await f.signIn(admin.username);
    // A clearance the code does not know, as a migration that forgot the code would leave.
    await t.dataSource.query('ALTER TABLE users DROP CONSTRAINT IF EXISTS users_clearance_check');
    const odd = await f.newUser({ memberships: [{ unit, role: 'clerk' }] });
    await t.dataSource.query(`UPDATE users SET clearance = 'cosmic' WHERE id = $1`, [odd.id]);
    await expect(repo.findUser(odd.id)).rejects.toThrow(
      /^UsersRepository\.findUser: row 0 column "clearance" is not one of none\|confidential\|secret \(got string\)$/,
    );
    const res = await t.http.get(`/api/v1/users/${odd.id}`).set(session.headers);
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(JSON.stringify(res.body)).not.toContain('cosmic');
  });
});
