import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedUnit } from 'src/modules/organisations/national-tree.js';
import {
  OrganisationsRepository,
  type UnitRow,
} from 'src/modules/organisations/organisations.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { factories, type Factories } from '../../factories/index.js';

describe('OrganisationsRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: OrganisationsRepository;
  const now = new Date('2026-01-15T03:00:00Z');
  const everyone = { sql: 'true', params: [] };
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(OrganisationsRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A unit written through the repository, as the service creates one. */
  async function insertUnit(nameTh: string, parent: UnitRow | null = null): Promise<UnitRow> {
    const id = randomUUID();
    await repo.insert(
      t.dataSource.manager,
      {
        id,
        kind: parent ? 'provincial_office' : 'ministry',
        nameTh,
        shortName: null,
        letterCode: 'มท',
        ownerNumber: null,
        headPosition: null,
        referenceDigits: 'thai',
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
      },
      now,
    );
    return (await repo.findById(id))!;
  }

  it('insert then findById reads every column back; an unknown id is null', async () => {
    const root = await insertUnit('กระทรวงทดสอบ');
    expect(root).toMatchObject({
      nameTh: 'กระทรวงทดสอบ',
      kind: 'ministry',
      parentId: null,
      depth: 0,
      active: true,
      referenceDigits: 'thai',
      letterCode: 'มท',
      geocode: null,
    });
    expect(await repo.findById(randomUUID())).toBeNull();
  });

  it('findByIdForUpdate locks the row until the transaction ends', async () => {
    const unit = await insertUnit('สำนักงานล็อก');
    await t.dataSource.transaction(async (manager) => {
      expect((await repo.findByIdForUpdate(manager, unit.id))?.id).toBe(unit.id);
      await expect(
        t.dataSource.query('SELECT 1 FROM units WHERE id = $1 FOR UPDATE NOWAIT', [unit.id]),
      ).rejects.toMatchObject({ driverError: { code: '55P03' } });
    });
    expect(await repo.findByIdForUpdate(t.dataSource.manager, randomUUID())).toBeNull();
  });

  it('updateFields changes only the fields given; setActive and hasActiveChildren', async () => {
    const root = await insertUnit('กระทรวงเดิม');
    const child = await insertUnit('กองลูก', root);
    await repo.updateFields(
      t.dataSource.manager,
      root.id,
      { nameTh: 'กระทรวงใหม่', shortName: 'กม.' },
      now,
    );
    expect(await repo.findById(root.id)).toEqual({
      ...root,
      nameTh: 'กระทรวงใหม่',
      shortName: 'กม.',
    });
    expect(await repo.hasActiveChildren(t.dataSource.manager, root.id)).toBe(true);
    await repo.setActive(t.dataSource.manager, child.id, false, now);
    expect((await repo.findById(child.id))?.active).toBe(false);
    expect(await repo.hasActiveChildren(t.dataSource.manager, root.id)).toBe(false);
  });

  it('lockTreeShape serialises re-parenting: a second holder waits for the commit', async () => {
    await t.dataSource.transaction(async (manager) => {
      await repo.lockTreeShape(manager);
      const [{ free }] = await t.dataSource.query<{ free: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock(4242010) AS free',
      );
      expect(free).toBe(false);
    });
  });

  it('moveSubtree re-parents a subtree, paths and depths, and counts the units moved', async () => {
    const a = await insertUnit('ก');
    const b = await insertUnit('ข');
    const moved = await insertUnit('ค', a);
    const below = await insertUnit('ง', moved);
    const newPath = `${b.path}${moved.id}/`;
    const count = await repo.moveSubtree(
      t.dataSource.manager,
      moved.id,
      b.id,
      moved.path,
      newPath,
      0,
      now,
    );
    expect(count).toBe(2);
    expect(await repo.findById(moved.id)).toMatchObject({
      parentId: b.id,
      path: newPath,
      depth: 1,
    });
    expect(await repo.findById(below.id)).toMatchObject({
      parentId: moved.id,
      path: `${newPath}${below.id}/`,
    });
    expect(
      await repo.moveSubtree(t.dataSource.manager, randomUUID(), b.id, '/none/', '/x/', 0, now),
    ).toBe(0);
  });

  it('findChildren pages by name then id, through the visibility predicate', async () => {
    const root = await insertUnit('กรมหน้า');
    const names = ['ค', 'ก', 'ข'];
    for (const name of names) await insertUnit(name, root);
    const first = await repo.findChildren(root.id, everyone, null, 2);
    expect(first.map((u) => u.nameTh)).toEqual(['ก', 'ข']);
    const rest = await repo.findChildren(root.id, everyone, { name: 'ข', id: first[1].id }, 2);
    expect(rest.map((u) => u.nameTh)).toEqual(['ค']);
    const onlyK = { sql: 'u.name_th = $1', params: ['ข'] };
    expect((await repo.findChildren(root.id, onlyK, null, 10)).map((u) => u.nameTh)).toEqual(['ข']);
    expect(await repo.findChildren(randomUUID(), everyone, null, 10)).toEqual([]);
  });

  it('findInSubtree finds by Thai substring with wildcards taken literally', async () => {
    const root = await insertUnit('จังหวัดค้นหา');
    await insertUnit('กองคลัง 50%', root);
    await insertUnit('กองคลัง 500', root);
    const hits = await repo.findInSubtree(root.path, '50%', everyone, null, 10);
    expect(hits.map((u) => u.nameTh)).toEqual(['กองคลัง 50%']);
    const all = await repo.findInSubtree(root.path, null, everyone, null, 10);
    expect(all).toHaveLength(3);
    expect(await repo.findInSubtree(root.path, 'ไม่มีชื่อนี้', everyone, null, 10)).toEqual([]);
  });

  it('insertMissingSeedUnits inserts once; findIdsBySeedKeys, findByReference, countSeededByKind', async () => {
    const key = `test-${randomUUID().slice(0, 8)}`;
    const seed = (seedKey: string, parentSeedKey: string | null, kind: SeedUnit['kind']) => ({
      id: randomUUID(),
      seedKey,
      parentSeedKey,
      kind,
      nameTh: `หน่วย ${seedKey}`,
      shortName: null,
      letterCode: null,
      ownerNumber: null,
      headPosition: null,
      geocode: '10',
    });
    const units = [seed(key, null, 'ministry'), seed(`${key}/a`, key, 'department')];
    // A child whose parent is not there yet waits for a later batch.
    expect(await repo.insertMissingSeedUnits(t.dataSource.manager, units.slice(1), now)).toBe(0);
    expect(await repo.insertMissingSeedUnits(t.dataSource.manager, units.slice(0, 1), now)).toBe(1);
    expect(await repo.insertMissingSeedUnits(t.dataSource.manager, units, now)).toBe(1);
    expect(await repo.insertMissingSeedUnits(t.dataSource.manager, units, now)).toBe(0);
    expect(await repo.insertMissingSeedUnits(t.dataSource.manager, [], now)).toBe(0);
    const ids = await repo.findIdsBySeedKeys(t.dataSource.manager, [key, `${key}/a`, 'nope']);
    expect(ids).toEqual(
      new Map([
        [key, units[0].id],
        [`${key}/a`, units[1].id],
      ]),
    );
    const [child] = await repo.findByReference(`${key}/a`);
    expect(child).toMatchObject({ parentId: units[0].id, depth: 1, geocode: '10' });
    expect(await repo.findByReference('ไม่มีหน่วยนี้')).toEqual([]);
    expect(await repo.countSeededByKind([key])).toEqual({ department: 1, ministry: 1 });
    expect(await repo.countSeededByKind(['no-such-prefix'])).toEqual({});
  });

  it('findReferenceDigits gives the unit’s digits, or null', async () => {
    const unit = await f.newUnit({ referenceDigits: 'arabic' });
    expect(await repo.findReferenceDigits(unit.id)).toBe('arabic');
    expect(await repo.findReferenceDigits(randomUUID())).toBeNull();
  });
});
