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
});
