import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ForwardScopeRow,
  ForwardTargetsRepository,
} from 'src/modules/routing/forward-targets.repository.js';
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { factories, type Factories, type TestUnit } from '../../factories/index.js';

describe('ForwardTargetsRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: ForwardTargetsRepository;
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(ForwardTargetsRepository);
    w = await world();
  });
  afterAll(async () => {
    await t.close();
  });

  const info = (unit: TestUnit, active = true) => ({
    id: unit.id,
    path: unit.path,
    nameTh: unit.nameTh,
    kind: unit.kind,
    active,
  });

  /**
   * A province with its office (which sends in the province's name), a division, a district
   * with two อบต., a town and a closed อบต., an อบจ. and a closed district. Names sort in
   * the order written.
   */
  async function world() {
    const province = await f.newUnit({ nameTh: 'จังหวัดพะเยา', kind: 'province' });
    const child = (nameTh: string, kind: TestUnit['kind'], parent = province, active = true) =>
      f.newUnit({ nameTh, kind, parent, active });
    const office = await child('กสำนักงานจังหวัด', 'provincial_office');
    const division = await child('ขกลุ่มงานบริหาร', 'provincial_division');
    const district = await child('คอำเภอเมือง', 'district');
    const pao = await child('งองค์การบริหารส่วนจังหวัด', 'provincial_administration');
    const closedDistrict = await child('จอำเภอปิด', 'district', province, false);
    const tambons = [
      await child('อบต.สองแคว', 'subdistrict_administration', district),
      await child('อบต.หนองหล่ม', 'subdistrict_administration', district),
    ];
    const town = await child('เทศบาลเมืองพะเยา', 'town_municipality', district);
    await child('อบต.ปิดแล้ว', 'subdistrict_administration', district, false);
    const scope = (await repo.findScope(t.dataSource.manager, office.id))!;
    return { province, office, division, district, pao, closedDistrict, tambons, town, scope };
  }

  it('findScope gives the sender and the organisation it sends in; null for an unknown unit', async () => {
    expect(w.scope).toEqual({ sender: info(w.office), organisation: info(w.province) });
    // A district sends in its own name.
    expect(await repo.findScope(t.dataSource.manager, w.district.id)).toEqual({
      sender: info(w.district),
      organisation: info(w.district),
    });
    expect(await repo.findScope(t.dataSource.manager, randomUUID())).toBeNull();
  });

  it('findChildren lists active children by name with their counts, keyset-paginated', async () => {
    const row = (unit: TestUnit, children: number, localAdministrations: number) => ({
      id: unit.id,
      parentId: w.province.id,
      nameTh: unit.nameTh,
      kind: unit.kind,
      path: unit.path,
      children,
      localAdministrations,
    });
    const all = [
      row(w.office, 0, 0),
      row(w.division, 0, 0),
      // The closed อบต. is not counted.
      row(w.district, 3, 3),
      row(w.pao, 0, 0),
    ];
    expect(await repo.findChildren(w.scope, w.province.id, null, 10)).toEqual(all);
    expect(await repo.findChildren(w.scope, w.province.id, null, 2)).toEqual(all.slice(0, 3));
    const after = { name: w.division.nameTh, id: w.division.id };
    expect(await repo.findChildren(w.scope, w.province.id, after, 10)).toEqual(all.slice(2));
    expect(await repo.findChildren(w.scope, w.tambons[0].id, null, 10)).toEqual([]);
  });

  it('search finds the scope’s active units by Thai name, the sender and organisation left out', async () => {
    const found = await repo.search(w.scope, 'อบต', null, 10);
    expect(found).toEqual(
      w.tambons.map((u) => ({
        id: u.id,
        parentId: w.district.id,
        nameTh: u.nameTh,
        kind: 'subdistrict_administration',
        path: u.path,
        children: 0,
        localAdministrations: 0,
      })),
    );
    const after = { name: w.tambons[0].nameTh, id: w.tambons[0].id };
    expect((await repo.search(w.scope, 'อบต', after, 10)).map((u) => u.id)).toEqual([
      w.tambons[1].id,
    ]);
    expect(await repo.search(w.scope, 'สำนักงานจังหวัด', null, 10)).toEqual([]);
    expect(await repo.search(w.scope, 'จังหวัดพะเยา', null, 10)).toEqual([]);
    // LIKE's wildcards are text here.
    expect(await repo.search(w.scope, '%', null, 10)).toEqual([]);
    expect(await repo.search(w.scope, '_', null, 10)).toEqual([]);
  });

  it('findUnitsById reads each unit, inactive ones included', async () => {
    const found = await repo.findUnitsById([w.district.id, w.closedDistrict.id, randomUUID()]);
    expect(found.sort((a, b) => a.nameTh.localeCompare(b.nameTh))).toEqual(
      [info(w.district), info(w.closedDistrict, false)].sort((a, b) =>
        a.nameTh.localeCompare(b.nameTh),
      ),
    );
  });

  it('findNames maps ids to Thai names', async () => {
    expect(await repo.findNames([w.district.id, w.town.id, randomUUID()])).toEqual(
      new Map([
        [w.district.id, 'คอำเภอเมือง'],
        [w.town.id, 'เทศบาลเมืองพะเยา'],
      ]),
    );
    expect(await repo.findNames([])).toEqual(new Map());
  });

  it('countKinds counts the scope’s active units of each kind', async () => {
    const kinds = [
      'district',
      'subdistrict_administration',
      'provincial_office',
      'province',
      'ministry',
    ];
    expect(await repo.countKinds(w.scope, kinds)).toEqual(
      new Map([
        ['district', 1],
        ['subdistrict_administration', 2],
      ]),
    );
  });

  describe('with a letter already sent to one อบต.', () => {
    const batch = () => ({
      explicitUnitIds: [w.division.id, w.office.id],
      childKinds: ['district'],
      subtreeKinds: ['subdistrict_administration'],
    });
    let letterId: string;
    let scope: ForwardScopeRow;
    beforeAll(async () => {
      scope = w.scope;
      letterId = (await f.newLetter({ unit: w.office })).id;
      await t.get(RoutingRepository).insertForward(
        t.dataSource.manager,
        {
          id: randomUUID(),
          letterId,
          rootLetterId: letterId,
          senderUnitId: w.office.id,
          registerEntryId: null,
          parentDeliveryId: null,
          annotationId: null,
          forwardedBy: (await f.newUser()).id,
          createdAt: new Date('2026-01-15T03:00:00Z'),
          responseDueAt: null,
        },
        {
          scope: { unitId: w.province.id, path: w.province.path },
          hop: 1,
          dueAt: new Date('2026-01-16T03:00:00Z'),
          explicitUnitIds: [w.tambons[1].id],
          childKinds: [],
          subtreeKinds: [],
        },
      );
    });

    it('findNewTargets names the units a forward would create, by name', async () => {
      expect(await repo.findNewTargets(t.dataSource.manager, letterId, scope, batch())).toEqual(
        [w.division, w.district, w.tambons[0]].map((u) => ({ id: u.id, nameTh: u.nameTh })),
      );
      const none = { explicitUnitIds: [], childKinds: [], subtreeKinds: [] };
      expect(await repo.findNewTargets(t.dataSource.manager, letterId, scope, none)).toEqual([]);
    });

    it('preview counts the targets and those already sent', async () => {
      expect(await repo.preview(t.dataSource.manager, letterId, scope, batch())).toEqual({
        total: 4,
        alreadySent: 1,
      });
      const none = { explicitUnitIds: [], childKinds: [], subtreeKinds: [] };
      expect(await repo.preview(t.dataSource.manager, letterId, scope, none)).toEqual({
        total: 0,
        alreadySent: 0,
      });
    });
  });
});
