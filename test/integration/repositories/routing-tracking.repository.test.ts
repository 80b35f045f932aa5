import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Speed } from 'src/modules/letters/letter.entity.js';
import { ProgressEventsRepository } from 'src/modules/routing/progress-events.repository.js';
import { NO_OVERDUE_FILTER } from 'src/modules/routing/routing-progress.repository.js';
import { RoutingTrackingRepository } from 'src/modules/routing/routing-tracking.repository.js';
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { factories, type Factories, type TestUnit } from '../../factories/index.js';

describe('RoutingTrackingRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: RoutingTrackingRepository;
  let routing: RoutingRepository;
  let clerkId: string;
  const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 0, 15, hour, minute));
  const everyone = { sql: 'true', params: [] };
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(RoutingTrackingRepository);
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
   * A province forwards an urgent circular to two districts (one registers it) and an
   * ordinary letter to one; the first district passes the circular on to three อบต. (one
   * returns it, one registers it, one is cancelled). Another province's letter is elsewhere.
   */
  async function world() {
    const province = await f.newUnit({ nameTh: 'จังหวัดยโสธร', kind: 'province' });
    const district = await f.newUnit({ nameTh: 'อำเภอหนึ่ง', kind: 'district', parent: province });
    const district2 = await f.newUnit({ nameTh: 'อำเภอสอง', kind: 'district', parent: province });
    const [returning, receiving, cancelledOne] = [
      await f.newUnit({ nameTh: 'อบต.ก', kind: 'subdistrict_administration', parent: district }),
      await f.newUnit({ nameTh: 'อบต.ข', kind: 'subdistrict_administration', parent: district }),
      await f.newUnit({ nameTh: 'อบต.ค', kind: 'subdistrict_administration', parent: district }),
    ];
    const letter = async (subject: string, speed: Speed) =>
      (await f.newLetter({ unit: province, subject, speed, referenceRaw: 'ยส ๐๐๑๗/ว ๕' })).id;
    const circular = await letter('ขอเชิญประชุม', 'urgent');
    const ordinary = await letter('แจ้งเพื่อทราบ', 'none');
    const down = await forward(province, circular, [district, district2], {
      at: at(1),
      due: at(5),
    });
    await routing.setState(
      t.dataSource.manager,
      down.get(district2.id)!,
      'received',
      null,
      at(3, 30),
    );
    const onward = await forward(district, circular, [returning, receiving, cancelledOne], {
      at: at(3),
      due: at(20),
      hop: 2,
      parentDeliveryId: down.get(district.id)!,
    });
    await routing.setState(t.dataSource.manager, onward.get(returning.id)!, 'returned', 'x', at(4));
    await routing.setState(
      t.dataSource.manager,
      onward.get(receiving.id)!,
      'received',
      null,
      at(5),
    );
    await routing.setState(
      t.dataSource.manager,
      onward.get(cancelledOne.id)!,
      'cancelled',
      'y',
      at(4),
    );
    const plain = await forward(province, ordinary, [district], { at: at(2), due: at(4) });
    // The circular's pending delivery reached rung 2 of the ladder.
    const events = t.get(ProgressEventsRepository);
    const escalated = (level: number) => ({
      kind: 'delivery.escalated' as const,
      rootLetterId: circular,
      letterId: circular,
      deliveryId: down.get(district.id)!,
      senderUnitId: province.id,
      recipientUnitId: district.id,
      level,
      occurredAt: at(6),
    });
    await events.append(t.dataSource.manager, [escalated(1), escalated(2)]);
    const elsewhere = await f.newUnit({ kind: 'province' });
    const theirs = (await f.newLetter({ unit: elsewhere })).id;
    await forward(elsewhere, theirs, [await f.newUnit({ parent: elsewhere })], {
      at: at(7),
      due: at(8),
    });
    return {
      province,
      district,
      district2,
      circular,
      ordinary,
      theirs,
      circularToDistrict: down.get(district.id)!,
      ordinaryToDistrict: plain.get(district.id)!,
    };
  }

  it('findSentLetters lists the subtree’s root letters, latest forward first, with a cursor', async () => {
    const sent = (letterId: string, subject: string, speed: Speed, first: Date, last: Date) => ({
      rootLetterId: letterId,
      letterId,
      reference: 'ยส ๐๐๑๗/ว ๕',
      letterDateRaw: null,
      speed,
      secrecy: 'none',
      subject,
      firstSentAt: first,
      lastSentAt: last,
    });
    const circular = sent(w.circular, 'ขอเชิญประชุม', 'urgent', at(1), at(3));
    const ordinary = sent(w.ordinary, 'แจ้งเพื่อทราบ', 'none', at(2), at(2));
    expect(await repo.findSentLetters(w.province.path, everyone, null, 10)).toEqual([
      circular,
      ordinary,
    ]);
    const cursor = { lastSentAt: at(3).toISOString(), rootLetterId: w.circular };
    expect(await repo.findSentLetters(w.province.path, everyone, cursor, 10)).toEqual([ordinary]);
    // One more than the page, for the next cursor.
    expect(await repo.findSentLetters(w.province.path, everyone, null, 0)).toEqual([circular]);
    const fromDistrict = { ...circular, firstSentAt: at(3) };
    expect(await repo.findSentLetters(w.district.path, everyone, null, 10)).toEqual([fromDistrict]);
    const onlyDistrict = { sql: 'su.id = $2', params: [w.district.id] };
    expect(await repo.findSentLetters(w.province.path, onlyDistrict, null, 10)).toEqual([
      fromDistrict,
    ]);
    expect(await repo.findSentLetters(w.district2.path, everyone, null, 10)).toEqual([]);
  });

  it('findLevelRollups counts the subtree’s deliveries per letter and level by state', async () => {
    const rollup = (rootLetterId: string, hop: number, counts: number[]) => {
      const [total, received, pending, returned, overdue] = counts;
      return { rootLetterId, hop, total, received, pending, returned, overdue };
    };
    const expected = [
      rollup(w.circular, 1, [2, 1, 1, 0, 1]),
      // The cancelled delivery is not counted, not even in the total.
      rollup(w.circular, 2, [2, 1, 0, 1, 0]),
      rollup(w.ordinary, 1, [1, 0, 1, 0, 1]),
    ].sort((a, b) => (a.rootLetterId < b.rootLetterId ? -1 : 1));
    expect(
      await repo.findLevelRollups([w.circular, w.ordinary, w.theirs], w.province.path, at(10)),
    ).toEqual(expected);
    expect(await repo.findLevelRollups([w.circular], w.district.path, at(2))).toEqual([
      rollup(w.circular, 2, [2, 1, 0, 1, 0]),
    ]);
    expect(await repo.findLevelRollups([], w.province.path, at(10))).toEqual([]);
  });

  it('findLevels gives the rung each delivery reached, 0 before the first', async () => {
    const unknown = randomUUID();
    const levels = await repo.findLevels([w.circularToDistrict, w.ordinaryToDistrict, unknown]);
    expect([...levels].sort()).toEqual(
      [
        [w.circularToDistrict, 2],
        [w.ordinaryToDistrict, 0],
        [unknown, 0],
      ].sort(),
    );
    expect(await repo.findLevels([])).toEqual(new Map());
  });

  it('findOverdueRows lists pending deliveries past due, by recipient then due time, filtered', async () => {
    const row = (subject: string, speed: string, sentAt: Date, dueAt: Date, level: number) => ({
      recipientName: 'อำเภอหนึ่ง',
      recipientKind: 'district',
      reference: 'ยส ๐๐๑๗/ว ๕',
      subject,
      speed,
      secrecy: 'none',
      senderName: 'จังหวัดยโสธร',
      sentAt,
      dueAt,
      level,
    });
    const ordinary = row('แจ้งเพื่อทราบ', 'none', at(2), at(4), 0);
    const circular = row('ขอเชิญประชุม', 'urgent', at(1), at(5), 2);
    const filter = NO_OVERDUE_FILTER;
    expect(await repo.findOverdueRows(w.province.path, at(10), filter, 100)).toEqual([
      ordinary,
      circular,
    ]);
    expect(await repo.findOverdueRows(w.province.path, at(4, 30), filter, 100)).toEqual([ordinary]);
    expect(await repo.findOverdueRows(w.province.path, at(10), filter, 1)).toEqual([ordinary]);
    for (const narrowed of [
      { ...filter, speed: 'urgent' as const },
      { ...filter, level: 2 },
      // Sent exactly 9 hours before: old enough.
      { ...filter, minAgeHours: 9 },
    ]) {
      expect(await repo.findOverdueRows(w.province.path, at(10), narrowed, 100)).toEqual([
        circular,
      ]);
    }
    expect(await repo.findOverdueRows(w.district2.path, at(10), filter, 100)).toEqual([]);
  });

  it('countOverdueByLevel counts the subtree’s overdue deliveries per rung reached', async () => {
    expect(await repo.countOverdueByLevel(w.province.path, at(10))).toEqual([
      { level: 0, count: 1 },
      { level: 2, count: 1 },
    ]);
    expect(await repo.countOverdueByLevel(w.province.path, at(4, 30))).toEqual([
      { level: 0, count: 1 },
    ]);
    expect(await repo.countOverdueByLevel(w.district2.path, at(10))).toEqual([]);
  });

  it('findAcknowledgmentBuckets counts first registrations per Bangkok hour or day', async () => {
    // Four recipient units (the cancelled one left out); registered at 10:30 and 12:00 Bangkok.
    expect(await repo.findAcknowledgmentBuckets(w.circular, w.province.path, 'hour')).toEqual({
      total: 4,
      firstSentAt: at(1),
      buckets: [
        { at: '2026-01-15T10:00:00', count: 1 },
        { at: '2026-01-15T12:00:00', count: 1 },
      ],
    });
    expect(await repo.findAcknowledgmentBuckets(w.circular, w.province.path, 'day')).toEqual({
      total: 4,
      firstSentAt: at(1),
      buckets: [{ at: '2026-01-15T00:00:00', count: 2 }],
    });
    // The district itself is in its subtree.
    expect(await repo.findAcknowledgmentBuckets(w.circular, w.district.path, 'hour')).toEqual({
      total: 3,
      firstSentAt: at(1),
      buckets: [{ at: '2026-01-15T12:00:00', count: 1 }],
    });
    expect(await repo.findAcknowledgmentBuckets(w.theirs, w.province.path, 'day')).toEqual({
      total: 0,
      firstSentAt: null,
      buckets: [],
    });
  });
});
