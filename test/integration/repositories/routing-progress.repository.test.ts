import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Speed } from 'src/modules/letters/letter.entity.js';
import {
  NO_OVERDUE_FILTER,
  RoutingProgressRepository,
} from 'src/modules/routing/routing-progress.repository.js';
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { factories, type Factories, type TestUnit } from '../../factories/index.js';

describe('RoutingProgressRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: RoutingProgressRepository;
  let routing: RoutingRepository;
  let clerkId: string;
  const at = (hour: number) => new Date(Date.UTC(2026, 0, 15, hour));
  const everything = { sql: 'true', params: [] };
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(RoutingProgressRepository);
    routing = t.get(RoutingRepository);
    clerkId = (await f.newUser()).id;
    w = await world();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Forwards `letterId` from `sender` to `recipients`; the delivery ids by recipient. */
  async function forward(
    sender: TestUnit,
    letterId: string,
    recipients: TestUnit[],
    options: { at: Date; due: Date; hop?: number; parentDeliveryId?: string },
  ): Promise<Map<string, string>> {
    const sent = await f.newForward(sender, letterId, recipients, {
      ...options,
      forwardedBy: clerkId,
    });
    return sent.deliveries;
  }

  /**
   * A circular down a tree (ministry → province → two districts → one อบต.; the province and
   * one district registered it), and apart from it a unit's inbox of three letters of
   * different speeds (and one it registered).
   */
  async function world() {
    const ministry = await f.newUnit({ nameTh: 'กระทรวงมหาดไทย' });
    const province = await f.newUnit({ nameTh: 'จังหวัดตราด', kind: 'province', parent: ministry });
    const district = await f.newUnit({
      nameTh: 'อำเภอเมืองตราด',
      kind: 'district',
      parent: province,
    });
    const district2 = await f.newUnit({
      nameTh: 'อำเภอคลองใหญ่',
      kind: 'district',
      parent: province,
    });
    const tambon = await f.newUnit({
      nameTh: 'อบต.ห้วงน้ำขาว',
      kind: 'subdistrict_administration',
      parent: district,
    });
    const circular = (await f.newLetter({ unit: ministry, speed: 'urgent', subject: 'หนังสือเวียน' }))
      .id;
    const toProvince = (
      await forward(ministry, circular, [province], { at: at(1), due: at(5) })
    ).get(province.id)!;
    await routing.setState(t.dataSource.manager, toProvince, 'received', null, at(1));
    const toDistricts = await forward(province, circular, [district, district2], {
      at: at(2),
      due: at(5),
      hop: 2,
      parentDeliveryId: toProvince,
    });
    await routing.setState(
      t.dataSource.manager,
      toDistricts.get(district.id)!,
      'received',
      null,
      at(3),
    );
    const toTambon = (
      await forward(district, circular, [tambon], {
        at: at(3),
        due: at(20),
        hop: 3,
        parentDeliveryId: toDistricts.get(district.id)!,
      })
    ).get(tambon.id)!;

    const inbox = await f.newUnit({ nameTh: 'สำนักงานรับ' });
    const sender = await f.newUnit({ nameTh: 'สำนักงานส่ง' });
    const send = async (speed: Speed, sentAt: Date, due: Date) => {
      const letterId = (
        await f.newLetter({ unit: sender, speed, subject: `เรื่อง ${speed}`, referenceRaw: 'ที่ ๑' })
      ).id;
      const deliveryId = (await forward(sender, letterId, [inbox], { at: sentAt, due })).get(
        inbox.id,
      )!;
      return { letterId, deliveryId, speed, sentAt, due };
    };
    const mostUrgent = await send('most_urgent', at(2), at(3));
    const veryUrgent = await send('very_urgent', at(3), at(10));
    const ordinary = await send('none', at(1), at(2));
    const registered = await send('most_urgent', at(1), at(2));
    await routing.setState(t.dataSource.manager, registered.deliveryId, 'received', null, at(2));
    return {
      ministry,
      province,
      district,
      district2,
      tambon,
      circular,
      toProvince,
      toDistrict: toDistricts.get(district.id)!,
      toDistrict2: toDistricts.get(district2.id)!,
      toTambon,
      inbox,
      sender,
      mostUrgent,
      veryUrgent,
      ordinary,
    };
  }

  it('findInbox lists pending deliveries, most urgent then oldest, paged and filtered', async () => {
    const row = (d: typeof w.mostUrgent, speedRank: number) => ({
      deliveryId: d.deliveryId,
      letterId: d.letterId,
      reference: 'ที่ ๑',
      letterDateRaw: null,
      speed: d.speed,
      secrecy: 'none',
      subject: `เรื่อง ${d.speed}`,
      senderUnitId: w.sender.id,
      senderName: 'สำนักงานส่ง',
      sentAt: d.sentAt,
      dueAt: d.due,
      speedRank,
    });
    const all = [row(w.mostUrgent, 3), row(w.veryUrgent, 2), row(w.ordinary, 0)];
    const open = { speed: null, due: null, now: at(4) };
    expect(await repo.findInbox(w.inbox.id, null, 10, open)).toEqual(all);
    expect(await repo.findInbox(w.inbox.id, null, 1, open)).toEqual(all.slice(0, 2));
    const cursor = { rank: 3, sentAt: at(2).toISOString(), id: w.mostUrgent.deliveryId };
    expect(await repo.findInbox(w.inbox.id, cursor, 10, open)).toEqual(all.slice(1));
    expect(await repo.findInbox(w.inbox.id, null, 10, { ...open, speed: 'none' })).toEqual([
      all[2],
    ]);
    expect(await repo.findInbox(w.inbox.id, null, 10, { ...open, due: 'overdue' })).toEqual([
      all[0],
      all[2],
    ]);
    expect(await repo.findInbox(w.inbox.id, null, 10, { ...open, due: 'on_time' })).toEqual([
      all[1],
    ]);
    expect(await repo.findInbox(w.sender.id, null, 10, open)).toEqual([]);
  });

  it('countTreeLevels counts the root letter’s visible deliveries per level', async () => {
    expect(await repo.countTreeLevels(w.circular, everything)).toEqual([
      { hop: 1, total: 1, received: 1, pending: 0 },
      { hop: 2, total: 2, received: 1, pending: 1 },
      { hop: 3, total: 1, received: 0, pending: 1 },
    ]);
    const onlyDistrict2 = { sql: 'd.recipient_unit_id = $2', params: [w.district2.id] };
    expect(await repo.countTreeLevels(w.circular, onlyDistrict2)).toEqual([
      { hop: 2, total: 1, received: 0, pending: 1 },
    ]);
  });

  it('findTreePage reads the tree by level and id, filtered by level, keyset-paginated', async () => {
    const hop2 = [w.toDistrict, w.toDistrict2].sort();
    const order = [w.toProvince, ...hop2, w.toTambon];
    const page = await repo.findTreePage(w.circular, everything, {
      level: null,
      cursor: null,
      limit: 10,
    });
    expect(page.map((r) => r.id)).toEqual(order);
    expect(page[3]).toEqual({
      id: w.toTambon,
      letterId: w.circular,
      parentDeliveryId: w.toDistrict,
      hop: 3,
      senderUnitId: w.district.id,
      senderName: 'อำเภอเมืองตราด',
      recipientUnitId: w.tambon.id,
      recipientName: 'อบต.ห้วงน้ำขาว',
      recipientKind: 'subdistrict_administration',
      state: 'sent',
      sentAt: at(3),
      dueAt: at(20),
      stateChangedAt: at(3),
      receiptNumber: null,
      escalationHaltedAt: null,
      escalationHaltReason: null,
    });
    const ids = async (options: Parameters<RoutingProgressRepository['findTreePage']>[2]) =>
      (await repo.findTreePage(w.circular, everything, options)).map((r) => r.id);
    expect(await ids({ level: 2, cursor: null, limit: 10 })).toEqual(hop2);
    expect(await ids({ level: null, cursor: { hop: 2, id: hop2[0] }, limit: 10 })).toEqual(
      order.slice(2),
    );
    expect(await ids({ level: null, cursor: null, limit: 1 })).toEqual(order.slice(0, 2));
  });

  it('findProgress sums the subtree’s units by best state, per child, level and pending page', async () => {
    const progress = await repo.findProgress(w.circular, w.province.path, null, 10);
    const byKind = (kind: string, total: number, received: number) => ({
      kind,
      total,
      received,
      pending: total - received,
      returned: 0,
    });
    const child = (unit: TestUnit, kinds: ReturnType<typeof byKind>[]) => ({
      childId: unit.id,
      unit: { nameTh: unit.nameTh, kind: unit.kind },
      byKind: kinds,
    });
    const pending = (unit: TestUnit, since: Date, due: Date, deliveryId: string) => ({
      unitId: unit.id,
      nameTh: unit.nameTh,
      kind: unit.kind,
      path: unit.path,
      pendingSince: since,
      dueAt: due,
      deliveryId,
    });
    expect(progress).toEqual({
      deliveries: { sent: 2, received: 2, returned: 0, cancelled: 0, total: 4 },
      units: { total: 4, received: 2, pending: 2, returned: 0, cancelled: 0 },
      rollup: [
        child(w.district, [byKind('district', 1, 1), byKind('subdistrict_administration', 1, 0)]),
        child(w.district2, [byKind('district', 1, 0)]),
      ].sort((a, b) => (a.childId < b.childId ? -1 : 1)),
      levels: [
        { level: 1, total: 1, received: 1, pending: 0, returned: 0 },
        { level: 2, total: 2, received: 1, pending: 1, returned: 0 },
        { level: 3, total: 1, received: 0, pending: 1, returned: 0 },
      ],
      oldest: { unitId: w.district2.id, pendingSince: expect.any(String) as string },
      pending: [
        pending(w.district2, at(2), at(5), w.toDistrict2),
        pending(w.tambon, at(3), at(20), w.toTambon),
      ],
    });
    expect(new Date(progress.oldest!.pendingSince)).toEqual(at(2));
    const next = await repo.findProgress(
      w.circular,
      w.province.path,
      { since: at(2).toISOString(), unitId: w.district2.id },
      10,
    );
    expect(next.pending.map((p) => p.unitId)).toEqual([w.tambon.id]);
    // A later page's first unit is not the oldest: the oldest is still the subtree's.
    expect(next.oldest).toEqual(progress.oldest);
    expect((await repo.findProgress(w.circular, w.province.path, null, 1)).pending).toHaveLength(2);
    const empty = await repo.findProgress(w.circular, w.inbox.path, null, 10);
    expect(empty).toEqual({
      deliveries: { sent: 0, received: 0, returned: 0, cancelled: 0, total: 0 },
      units: { total: 0, received: 0, pending: 0, returned: 0, cancelled: 0 },
      rollup: null,
      levels: [],
      oldest: null,
      pending: [],
    });
  });

  it('findOverdue groups the subtree’s overdue deliveries by unit in path order', async () => {
    const item = (d: typeof w.mostUrgent) => ({
      deliveryId: d.deliveryId,
      letterId: d.letterId,
      reference: 'ที่ ๑',
      speed: d.speed,
      secrecy: 'none',
      subject: `เรื่อง ${d.speed}`,
      senderName: 'สำนักงานส่ง',
      sentAt: expect.any(String) as string,
      dueAt: expect.any(String) as string,
      level: 0,
    });
    const inbox = await repo.findOverdue(w.inbox.path, at(4), null, 10, 5);
    expect(inbox).toEqual([
      {
        unitId: w.inbox.id,
        nameTh: 'สำนักงานรับ',
        kind: 'ministry',
        path: w.inbox.path,
        overdue: 2,
        items: [item(w.ordinary), item(w.mostUrgent)],
      },
    ]);
    expect(inbox[0].items.map((i) => [new Date(i.sentAt), new Date(i.dueAt)])).toEqual([
      [at(1), at(2)],
      [at(2), at(3)],
    ]);
    // Each unit's items are capped; its count is not.
    const capped = await repo.findOverdue(w.inbox.path, at(4), null, 10, 1);
    expect(capped.map((g) => [g.overdue, g.items.map((i) => i.deliveryId)])).toEqual([
      [2, [w.ordinary.deliveryId]],
    ]);
    const late = [w.district2, w.tambon].sort((a, b) => (a.path < b.path ? -1 : 1));
    const groups = await repo.findOverdue(w.province.path, at(21), null, 10, 5);
    expect(groups.map((g) => [g.unitId, g.overdue, g.items.length])).toEqual(
      late.map((u) => [u.id, 1, 1]),
    );
    expect(
      (await repo.findOverdue(w.province.path, at(21), late[0].path, 10, 5)).map((g) => g.unitId),
    ).toEqual([late[1].id]);
    expect((await repo.findOverdue(w.province.path, at(21), null, 0, 5)).length).toBe(1);
    expect(
      await repo.findOverdue(w.province.path, at(21), null, 10, 5, {
        ...NO_OVERDUE_FILTER,
        speed: 'none',
      }),
    ).toEqual([]);
    expect(await repo.findOverdue(w.province.path, at(4), null, 10, 5)).toEqual([]);
  });

  it('countOverdue counts every pending delivery at or past due', async () => {
    // The inbox's most urgent and ordinary letters are due by 04:00; the district by 05:00.
    expect(await repo.countOverdue(at(4))).toBe(2);
    expect(await repo.countOverdue(at(5))).toBe(3);
    expect(await repo.countOverdue(at(1))).toBe(0);
    // Without a time: the database's clock, long past every due time here.
    expect(await repo.countOverdue(null)).toBe(5);
  });
  it('findProgress of one province in a wide circular counts its own units, each once however often it was sent', async () => {
    const ministry = await f.newUnit({ nameTh: 'กระทรวงทดสอบ' });
    const provinces = [
      await f.newUnit({ nameTh: 'จังหวัดหนึ่ง', kind: 'province', parent: ministry }),
      await f.newUnit({ nameTh: 'จังหวัดสอง', kind: 'province', parent: ministry }),
    ];
    const districts = new Map<string, TestUnit[]>();
    for (const province of provinces) {
      const own: TestUnit[] = [];
      for (let i = 0; i < 12; i++) {
        own.push(await f.newUnit({ nameTh: `อำเภอ ${i}`, kind: 'district', parent: province }));
      }
      districts.set(province.id, own);
    }
    const circular = (await f.newLetter({ unit: ministry, subject: 'หนังสือเวียนทั่วประเทศ' })).id;
    const toProvinces = await forward(ministry, circular, provinces, { at: at(1), due: at(9) });
    for (const province of provinces) {
      const own = districts.get(province.id)!;
      const sent = await forward(province, circular, own, {
        at: at(2),
        due: at(9),
        hop: 2,
        parentDeliveryId: toProvinces.get(province.id)!,
      });
      // A third of each province's districts registered it, one returned it.
      for (const [i, district] of own.entries()) {
        if (i % 3 === 0)
          await routing.setState(
            t.dataSource.manager,
            sent.get(district.id)!,
            'received',
            null,
            at(3),
          );
        else if (i === 1)
          await routing.setState(
            t.dataSource.manager,
            sent.get(district.id)!,
            'returned',
            'ผิดหน่วย',
            at(3),
          );
      }
    }
    // The ministry also sent the first district of the first province a copy directly: two
    // deliveries, one unit (its best state counts once).
    const twice = districts.get(provinces[0].id)![0];
    await forward(ministry, circular, [twice], { at: at(4), due: at(9) });

    for (const province of provinces) {
      const progress = await repo.findProgress(circular, province.path, null, 50);
      const [counted] = await t.dataSource.query<
        { units: number; received: number; returned: number; sent: number; deliveries: number }[]
      >(
        `SELECT count(DISTINCT d.recipient_unit_id)::int AS units,
                count(DISTINCT d.recipient_unit_id) FILTER (WHERE d.state = 'received')::int AS received,
                count(*) FILTER (WHERE d.state = 'returned')::int AS returned,
                count(*) FILTER (WHERE d.state = 'sent')::int AS sent, count(*)::int AS deliveries
           FROM deliveries d JOIN units u ON u.id = d.recipient_unit_id
          WHERE d.root_letter_id = $1 AND u.path LIKE $2 || '%' AND u.id <> $3`,
        [circular, province.path, province.id],
      );
      // The province itself is a recipient of its own view (its districts are its children).
      expect(progress.units.total).toBe(counted.units + 1);
      expect(progress.deliveries.total).toBe(counted.deliveries + 1);
      expect(progress.deliveries.returned).toBe(counted.returned);
      expect(progress.units.received).toBe(counted.received);
      expect(progress.units.returned).toBe(1);
      expect(progress.rollup!.map((r) => r.childId).sort()).toEqual(
        districts
          .get(province.id)!
          .map((d) => d.id)
          .sort(),
      );
      expect(progress.pending.every((p) => p.path.startsWith(province.path))).toBe(true);
    }
  });
});
