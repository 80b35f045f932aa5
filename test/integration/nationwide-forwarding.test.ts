import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories } from '../factories/index.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { LettersService } from 'src/modules/letters/letters.service.js';
import { RegistersRepository } from 'src/modules/registers/registers.repository.js';
import { RegistersService } from 'src/modules/registers/registers.service.js';
import { RoutingProgressService } from 'src/modules/routing/routing-progress.service.js';
import { RoutingService } from 'src/modules/routing/routing.service.js';
import { SeedService } from 'src/modules/seed/seed.service.js';
import type { MembershipRole } from 'src/modules/users/roles.js';
import { idOf } from '../harness/api-body.js';
import { rowsOf } from '../harness/sql.js';

interface UnitRow {
  id: string;
  path: string;
  kind: string;
  parent_id: string | null;
  name_th: string;
}

/** What the province sends directly (domain.md §6); districts tell the rest. */
const PROVINCE_SENDS = [
  'provincial_division',
  'district',
  'provincial_administration',
  'city_municipality',
  'town_municipality',
];
const DISTRICT_SENDS = ['subdistrict_municipality', 'subdistrict_administration'];

/** A small deterministic PRNG (mulberry32): the same "random" registrations every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function inParallel<T>(items: T[], workers: number, task: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = next++; i < items.length; i = next++) await task(items[i]);
    }),
  );
}

/**
 * The Ministry's circular reaches every unit of the national seed: ministry → 77
 * provinces → their divisions, districts, อบจ. and city/town municipalities → each
 * district's remaining local administrations. Most steps go through the services (the
 * same code the HTTP layer calls) for speed; the HTTP path is in test/e2e/forwarding.
 */
describe('a circular to the whole country', () => {
  let t: TestApp;
  let f: Factories;
  let units: UnitRow[];
  const byId = new Map<string, UnitRow>();
  let userId: string;
  let letterId: string;
  const registerOf = new Map<string, string>();
  const received = new Set<string>();
  const expected = new Map<string, { sender: string; hop: number }>();

  const principal = (unit: UnitRow, role: MembershipRole = 'clerk'): Principal => ({
    userId,
    username: `${role}.${unit.id.slice(0, 8)}`,
    displayName: `เจ้าหน้าที่ ${unit.name_th}`,
    positionTitle: null,
    clearance: 'none',
    sessionId: randomUUID(),
    grants: [
      {
        membershipId: randomUUID(),
        unitId: unit.id,
        unitPath: unit.path,
        unitName: unit.name_th,
        role,
        acting: false,
        startsAt: new Date('2000-01-01T00:00:00Z'),
        endsAt: null,
      },
    ],
  });

  async function pendingDelivery(unitId: string): Promise<string> {
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM deliveries WHERE recipient_unit_id = $1 AND state = 'sent'`,
      [unitId],
    );
    expect(rows).toHaveLength(1);
    return rows[0].id;
  }

  async function receive(unit: UnitRow): Promise<string> {
    const deliveryId = await pendingDelivery(unit.id);
    const answer = await t
      .get(RegistersService)
      .receive(principal(unit), registerOf.get(unit.id)!, { deliveryId });
    received.add(unit.id);
    return idOf(answer);
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    t.clock.set('2026-01-15T03:55:00Z');
    await t.get(SeedService).seedNational();
    units = await t.dataSource.query('SELECT id, path, kind, parent_id, name_th FROM units');
    for (const unit of units) byId.set(unit.id, unit);
    userId = (await f.newUser({ username: 'clerk.nation', memberships: [] })).id;
    // The ministry's own owner number, so that its circular register can number the letter.
    await t.dataSource.query(`UPDATE units SET owner_number = '0210.5' WHERE kind = 'ministry'`);
    await t.dataSource.transaction((manager) =>
      t.get(RegistersRepository).ensureDefaultRegisters(
        manager,
        units.map((u) => u.id),
        t.clock.now(),
      ),
    );
    const registers: { id: string; unit_id: string; kind: string }[] = await t.dataSource.query(
      `SELECT id, unit_id, kind FROM registers WHERE kind IN ('incoming', 'circular')`,
    );
    for (const r of registers) {
      if (r.kind === 'incoming') registerOf.set(r.unit_id, r.id);
      else registerOf.set(`circular:${r.unit_id}`, r.id);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('materialises exactly one delivery per unit of the tree, level by level', async () => {
    const ministry = units.find((u) => u.kind === 'ministry')!;
    const routing = t.get(RoutingService);
    const moi = principal(ministry);
    const { body: letter } = await t.get(LettersService).createFromFields(moi, {
      kind: 'external',
      speed: 'very_urgent',
      subject: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี กรณีการส่ง SMS ที่มีการแนบลิงก์',
    });
    letterId = letter.id;
    const number = await t
      .get(RegistersService)
      .allocateOutgoingNumber(moi, registerOf.get(`circular:${ministry.id}`)!, { letterId });
    const toProvinces = await routing.forward(moi, idOf(number), { childKinds: ['province'] });
    const provinces = units.filter((u) => u.kind === 'province');
    expect(provinces).toHaveLength(77);
    expect(toProvinces.body.created).toBe(77);
    for (const p of provinces) expected.set(p.id, { sender: ministry.id, hop: 1 });

    await inParallel(provinces, 4, async (province) => {
      const entryId = await receive(province);
      const answer = await routing.forward(principal(province), entryId, {
        subtreeKinds: PROVINCE_SENDS as never,
        annotation: { text: 'เห็นควรแจ้งส่วนราชการ อำเภอ และ อปท. ทราบ', decision: 'proceed' },
      });
      const targets = units.filter(
        (u) => u.path.startsWith(province.path) && PROVINCE_SENDS.includes(u.kind),
      );
      expect(answer.body.created).toBe(targets.length);
      for (const u of targets) expected.set(u.id, { sender: province.id, hop: 2 });
    });

    const districts = units.filter((u) => u.kind === 'district');
    await inParallel(districts, 4, async (district) => {
      const entryId = await receive(district);
      const targets = units.filter(
        (u) => u.parent_id === district.id && DISTRICT_SENDS.includes(u.kind),
      );
      if (targets.length === 0) return; // Bangkok's districts have no local administrations
      const answer = await routing.forward(principal(district), entryId, {
        childKinds: DISTRICT_SENDS as never,
      });
      expect(answer.body.created).toBe(targets.length);
      for (const u of targets) expected.set(u.id, { sender: district.id, hop: 3 });
    });

    // Every unit but the ministry and the offices between levels got exactly one delivery.
    const rows: { recipient: string; sender: string; hop: number }[] = await t.dataSource.query(
      `SELECT recipient_unit_id AS recipient, sender_unit_id AS sender, hop
         FROM deliveries WHERE root_letter_id = $1`,
      [letterId],
    );
    expect(rows.length).toBe(expected.size);
    expect(rows.length).toBeGreaterThan(8000);
    for (const row of rows)
      expect(expected.get(row.recipient)).toEqual({ sender: row.sender, hop: row.hop });
    const [{ notes }] = await rowsOf<{ notes: number }>(
      t.dataSource,
      `SELECT count(*)::int AS notes FROM notifications WHERE kind = 'delivery.new'`,
    );
    expect(notes).toBe(expected.size);
  });

  it('after random partial registrations, progress is right at every level and subtree', async () => {
    const next = random(2569);
    const pending = [...expected.keys()].filter((id) => !received.has(id));
    const chosen = pending.filter(() => next() < 0.06);
    await inParallel(chosen, 4, (id) => receive(byId.get(id)!));

    const progress = t.get(RoutingProgressService);
    const ministry = units.find((u) => u.kind === 'ministry')!;
    const supervisor = principal(ministry, 'head');
    const provinces = units.filter((u) => u.kind === 'province');
    const districts = units.filter((u) => u.kind === 'district');
    const sample = [ministry, ...provinces, ...districts.filter(() => next() < 0.05)];

    for (const unit of sample) {
      // Independent count: the tree and the set of units registered in this test.
      const inside = [...expected.keys()]
        .map((id) => byId.get(id)!)
        .filter((u) => u.path.startsWith(unit.path));
      const got = await progress.progress(supervisor, letterId, { unitId: unit.id, limit: 5 });
      const receivedInside = inside.filter((u) => received.has(u.id)).length;
      expect(got.units, unit.name_th).toEqual({
        total: inside.length,
        received: receivedInside,
        pending: inside.length - receivedInside,
        returned: 0,
        cancelled: 0,
      });
      expect(got.deliveries).toEqual({
        total: inside.length,
        received: receivedInside,
        sent: inside.length - receivedInside,
        returned: 0,
        cancelled: 0,
      });
      const perChild = new Map<string, Map<string, { total: number; received: number }>>();
      for (const u of inside) {
        if (u.id === unit.id) continue;
        const childId = u.path.slice(unit.path.length).split('/')[0];
        const kinds =
          perChild.get(childId) ?? new Map<string, { total: number; received: number }>();
        const cell = kinds.get(u.kind) ?? { total: 0, received: 0 };
        cell.total += 1;
        if (received.has(u.id)) cell.received += 1;
        kinds.set(u.kind, cell);
        perChild.set(childId, kinds);
      }
      expect(got.children.length).toBe(perChild.size);
      for (const child of got.children) {
        const kinds = perChild.get(child.unitId)!;
        expect(child.byKind.length).toBe(kinds.size);
        for (const cell of child.byKind) {
          expect(cell, `${unit.name_th} / ${child.nameTh} / ${cell.kind}`).toEqual({
            kind: cell.kind,
            total: kinds.get(cell.kind)!.total,
            received: kinds.get(cell.kind)!.received,
            pending: kinds.get(cell.kind)!.total - kinds.get(cell.kind)!.received,
          });
        }
      }
      const notReceived = inside.filter((u) => !received.has(u.id)).map((u) => u.id);
      expect(got.notReceived.items.length).toBe(Math.min(5, notReceived.length));
      for (const item of got.notReceived.items) expect(notReceived).toContain(item.unitId);
      expect(got.oldestPending === null).toBe(notReceived.length === 0);
    }

    // Paging through a province's units that have not registered: every one exactly once.
    const province = provinces[0];
    const pendingInProvince = [...expected.keys()]
      .map((id) => byId.get(id)!)
      .filter((u) => u.path.startsWith(province.path) && !received.has(u.id))
      .map((u) => u.id);
    const paged: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const got = await progress.progress(supervisor, letterId, {
        unitId: province.id,
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      paged.push(...got.notReceived.items.map((item) => item.unitId));
      if (!got.notReceived.nextCursor) break;
      cursor = got.notReceived.nextCursor;
    }
    expect(pendingInProvince.length).toBeGreaterThan(7); // more than one page
    expect(paged.length).toBe(pendingInProvince.length);
    expect(new Set(paged)).toEqual(new Set(pendingInProvince));

    // The nation, per province: e.g. "18/20 districts received" for every province.
    const nation = await progress.progress(supervisor, letterId, { unitId: ministry.id, limit: 1 });
    expect(nation.children).toHaveLength(77);
    const districtsReceived = nation.children.reduce(
      (n, c) => n + (c.byKind.find((k) => k.kind === 'district')?.received ?? 0),
      0,
    );
    expect(districtsReceived).toBe(districts.length);
  });
});
