import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessService } from 'src/modules/auth/access.service.js';
import { AuthService } from 'src/modules/auth/auth.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';

describe('AccessService.canSeeUnit', () => {
  let t: TestApp;
  let f: Factories;
  let access: AccessService;
  let province: TestUnit;
  let district: TestUnit;
  let sibling: TestUnit;
  let otherProvince: TestUnit;

  /** The principal of a fresh user, as a request loads it from its access token. */
  async function principalOf(memberships: Parameters<Factories['newUser']>[0]): Promise<Principal> {
    const user = await f.newUser(memberships);
    const session = await f.signIn(user);
    return t.get(AuthService).authenticate(session.accessToken);
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    access = t.get(AccessService);
    province = await f.newUnit({ nameTh: 'จังหวัดสตูล', kind: 'province' });
    district = await f.newUnit({ nameTh: 'อำเภอเมืองสตูล', kind: 'district', parent: province });
    sibling = await f.newUnit({ nameTh: 'อำเภอละงู', kind: 'district', parent: province });
    otherProvince = await f.newUnit({ nameTh: 'จังหวัดตรัง', kind: 'province' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a clerk sees the unit they act for, and none beside, above or unknown', async () => {
    const clerk = await principalOf({ memberships: [{ unit: district, role: 'clerk' }] });
    expect(await access.canSeeUnit(clerk, district.id)).toBe(true);
    expect(await access.canSeeUnit(clerk, sibling.id)).toBe(false);
    expect(await access.canSeeUnit(clerk, province.id)).toBe(false);
    expect(await access.canSeeUnit(clerk, randomUUID())).toBe(false);
  });

  it('a head sees their unit and its subtree, not another province', async () => {
    const head = await principalOf({ memberships: [{ unit: province, role: 'head' }] });
    expect(await access.canSeeUnit(head, province.id)).toBe(true);
    expect(await access.canSeeUnit(head, district.id)).toBe(true);
    expect(await access.canSeeUnit(head, sibling.id)).toBe(true);
    expect(await access.canSeeUnit(head, otherProvince.id)).toBe(false);
  });

  it('an ended or future membership gives no sight of its unit', async () => {
    const now = t.clock.now().getTime();
    const former = await principalOf({
      memberships: [
        { unit: otherProvince, role: 'clerk' },
        { unit: district, role: 'clerk', endsAt: new Date(now - 60_000) },
        { unit: sibling, role: 'head', startsAt: new Date(now + 86_400_000) },
      ],
    });
    expect(former.grants.map((grant) => grant.unitId)).toEqual([otherProvince.id]);
    expect(await access.canSeeUnit(former, otherProvince.id)).toBe(true);
    expect(await access.canSeeUnit(former, district.id)).toBe(false);
    expect(await access.canSeeUnit(former, sibling.id)).toBe(false);
  });
  it('the SQL predicate decides as canSeeUnit does; without a subtree it carries no pattern', async () => {
    const now = t.clock.now().getTime();
    const principals = {
      clerk: await principalOf({ memberships: [{ unit: district, role: 'clerk' }] }),
      official: await principalOf({ memberships: [{ unit: sibling, role: 'official' }] }),
      twoUnits: await principalOf({
        memberships: [
          { unit: district, role: 'clerk' },
          { unit: otherProvince, role: 'clerk' },
        ],
      }),
      head: await principalOf({ memberships: [{ unit: province, role: 'head' }] }),
      headAndClerk: await principalOf({
        memberships: [
          { unit: district, role: 'head' },
          { unit: otherProvince, role: 'clerk' },
        ],
      }),
      former: await principalOf({
        memberships: [
          { unit: otherProvince, role: 'clerk' },
          { unit: province, role: 'head', endsAt: new Date(now - 60_000) },
        ],
      }),
    };
    const units = [province, district, sibling, otherProvince];
    for (const [name, principal] of Object.entries(principals)) {
      const expected: string[] = [];
      for (const unit of units)
        if (await access.canSeeUnit(principal, unit.id)) expected.push(unit.id);
      const subtrees = access.visibleScope(principal).subtreePaths.length > 0;
      // By the unit's id (the path looked up) and with the path at hand, whole and in parts;
      // a parameter after the predicate's keeps its number.
      const byId = access.visibleUnitsPredicate(principal, { unitIdColumn: 'u.id' }, 2);
      const withPath = access.visibleUnitsPredicate(
        principal,
        { unitIdColumn: 'u.id', unitPathColumn: 'u.path' },
        2,
      );
      const parts = access.visibleUnitsPredicateParts(
        principal,
        { unitIdColumn: 'u.id', unitPathColumn: 'u.path' },
        2,
      );
      for (const sql of [byId.sql, withPath.sql, `(${parts.sql[0]} OR ${parts.sql[1]})`]) {
        const rows = await t.dataSource.query<{ id: string }[]>(
          `SELECT u.id FROM units_read u WHERE u.id = ANY($1::uuid[]) AND ${sql} AND $4::int = 4`,
          [units.map((u) => u.id), ...byId.params, 4],
        );
        expect(rows.map((r) => r.id).sort(), name).toEqual([...expected].sort());
        // A pattern parameter keeps a statement from being prepared: only a principal with a
        // subtree to look in needs one.
        expect(/LIKE/.test(sql), name).toBe(subtrees);
      }
    }
    expect(access.visibleScope(principals.clerk).subtreePaths).toEqual([]);
    expect(access.visibleScope(principals.head).subtreePaths).toEqual([province.path]);
  });
});
