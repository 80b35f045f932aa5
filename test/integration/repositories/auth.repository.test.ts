import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthRepository } from 'src/modules/auth/auth.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { factories, type Factories } from '../../factories/index.js';

describe('AuthRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: AuthRepository;
  const now = new Date('2026-01-15T03:00:00Z');
  const later = new Date('2026-02-15T03:00:00Z');
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(AuthRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  const token = (userId: string, familyId = randomUUID()) => ({
    id: randomUUID(),
    userId,
    familyId,
    rotatedFrom: null,
    tokenHash: randomUUID(),
    issuedAt: now,
    expiresAt: later,
  });

  it('insertRefreshToken then findRefreshToken by its hash; an unknown hash is null', async () => {
    const user = await f.newUser();
    const issued = token(user.id);
    await repo.insertRefreshToken(t.dataSource.manager, issued);
    expect(await repo.findRefreshToken(t.dataSource.manager, issued.tokenHash)).toEqual({
      id: issued.id,
      userId: user.id,
      familyId: issued.familyId,
      expiresAt: later,
      revokedAt: null,
    });
    expect(await repo.findRefreshToken(t.dataSource.manager, 'unknown')).toBeNull();
  });

  it('revokeForRotation claims a token once: the second claim finds it used', async () => {
    const user = await f.newUser();
    const issued = token(user.id);
    await repo.insertRefreshToken(t.dataSource.manager, issued);
    expect(await repo.revokeForRotation(t.dataSource.manager, issued.id, now)).toBe(true);
    expect(await repo.revokeForRotation(t.dataSource.manager, issued.id, now)).toBe(false);
    expect(
      (await repo.findRefreshToken(t.dataSource.manager, issued.tokenHash))?.revokedAt,
    ).toEqual(now);
  });

  it('revokeFamily ends every open token of the family and counts them; again, none', async () => {
    const user = await f.newUser();
    const first = token(user.id);
    const second = token(user.id, first.familyId);
    const other = token(user.id);
    for (const issued of [first, second, other]) {
      await repo.insertRefreshToken(t.dataSource.manager, issued);
    }
    expect(await repo.revokeFamily(t.dataSource.manager, first.familyId, now, 'logout')).toBe(2);
    expect(await repo.revokeFamily(t.dataSource.manager, first.familyId, now, 'logout')).toBe(0);
    expect(
      (await repo.findRefreshToken(t.dataSource.manager, other.tokenHash))?.revokedAt,
    ).toBeNull();
  });

  it('loadPrincipal: the user with their live grants while the session is open', async () => {
    const unit = await f.newUnit({ nameTh: 'สำนักงานจังหวัดทดสอบ' });
    const user = await f.newUser({
      clearance: 'secret',
      memberships: [
        { unit, role: 'clerk' },
        // Ended and not yet started memberships grant nothing.
        { unit, role: 'head', endsAt: new Date('2026-01-01T00:00:00Z') },
        { unit, role: 'admin', startsAt: new Date('2026-02-01T00:00:00Z') },
      ],
    });
    const issued = token(user.id);
    await repo.insertRefreshToken(t.dataSource.manager, issued);
    const principal = await repo.loadPrincipal(user.id, issued.familyId, now);
    expect(principal).toMatchObject({
      userId: user.id,
      username: user.username,
      clearance: 'secret',
      positionTitle: null,
      sessionId: issued.familyId,
    });
    expect(principal?.grants).toEqual([
      {
        membershipId: user.membershipIds[0],
        unitId: unit.id,
        unitPath: unit.path,
        unitName: 'สำนักงานจังหวัดทดสอบ',
        role: 'clerk',
        acting: false,
        startsAt: new Date('2000-01-01T00:00:00Z'),
        endsAt: null,
      },
    ]);
  });

  it('loadPrincipal is null for an ended session, an expired one, an inactive user', async () => {
    const user = await f.newUser();
    const issued = token(user.id);
    await repo.insertRefreshToken(t.dataSource.manager, issued);
    expect(await repo.loadPrincipal(user.id, issued.familyId, later)).toBeNull();
    expect(await repo.loadPrincipal(user.id, randomUUID(), now)).toBeNull();
    const inactive = await f.newUser({ active: false });
    const theirs = token(inactive.id);
    await repo.insertRefreshToken(t.dataSource.manager, theirs);
    expect(await repo.loadPrincipal(inactive.id, theirs.familyId, now)).toBeNull();
    await repo.revokeFamily(t.dataSource.manager, issued.familyId, now, 'logout');
    expect(await repo.loadPrincipal(user.id, issued.familyId, now)).toBeNull();
  });

  it('findUnitRef and findUnitRefs give id and path of the units that exist', async () => {
    const a = await f.newUnit({});
    const b = await f.newUnit({ parent: a });
    expect(await repo.findUnitRef(b.id)).toEqual({ id: b.id, path: b.path });
    expect(await repo.findUnitRef(randomUUID())).toBeNull();
    const refs = await repo.findUnitRefs([a.id, b.id, randomUUID()]);
    expect(refs.sort((x, y) => x.path.length - y.path.length)).toEqual([
      { id: a.id, path: a.path },
      { id: b.id, path: b.path },
    ]);
    expect(await repo.findUnitRefs([])).toEqual([]);
  });

  it('findUnitsWithoutMember names the units where nobody qualifies', async () => {
    const staffed = await f.newUnit({});
    const uncleared = await f.newUnit({});
    const empty = await f.newUnit({});
    await f.newUser({
      clearance: 'secret',
      memberships: [{ unit: staffed, role: 'clerk' }],
    });
    await f.newUser({
      clearance: 'none',
      memberships: [{ unit: uncleared, role: 'clerk' }],
    });
    const criteria = {
      roles: ['clerk' as const, 'head' as const],
      clearances: ['secret' as const],
      now,
      lock: false,
    };
    const ids = [staffed.id, uncleared.id, empty.id];
    const without = await repo.findUnitsWithoutMember(t.dataSource.manager, ids, criteria);
    expect(without.sort()).toEqual([uncleared.id, empty.id].sort());
    expect(await repo.findUnitsWithoutMember(t.dataSource.manager, [], criteria)).toEqual([]);
  });

  it('findUnitsWithoutMember with lock holds the qualifying membership until commit', async () => {
    const unit = await f.newUnit({});
    const user = await f.newUser({ memberships: [{ unit, role: 'head' }] });
    await t.dataSource.transaction(async (manager) => {
      const without = await repo.findUnitsWithoutMember(manager, [unit.id], {
        roles: ['head'],
        clearances: ['none'],
        now,
        lock: true,
      });
      expect(without).toEqual([]);
      // A concurrent end of the membership would wait for this commit.
      await expect(
        t.dataSource.query('SELECT 1 FROM memberships WHERE id = $1 FOR UPDATE NOWAIT', [
          user.membershipIds[0],
        ]),
      ).rejects.toMatchObject({ driverError: { code: '55P03' } });
    });
  });

  it('findLoginUser and isUserActive', async () => {
    const user = await f.newUser();
    const inactive = await f.newUser({ active: false });
    expect(await repo.findLoginUser(user.username)).toMatchObject({
      id: user.id,
      username: user.username,
      active: true,
    });
    expect((await repo.findLoginUser(user.username))?.passwordHash).toMatch(/^\$argon2/);
    expect(await repo.findLoginUser('nobody.here')).toBeNull();
    expect(await repo.isUserActive(t.dataSource.manager, user.id)).toBe(true);
    expect(await repo.isUserActive(t.dataSource.manager, inactive.id)).toBe(false);
  });
});
