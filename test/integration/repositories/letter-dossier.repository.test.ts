import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LetterDossierRepository,
  type VisibleUnits,
} from 'src/modules/routing/letter-dossier.repository.js';
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { factories, type Factories, type TestUnit } from '../../factories/index.js';
import { oneRow } from '../../harness/sql.js';

describe('LetterDossierRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: LetterDossierRepository;
  let routing: RoutingRepository;
  let clerkId: string;
  const at = (hour: number) => new Date(Date.UTC(2026, 0, 15, hour));
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(LetterDossierRepository);
    routing = t.get(RoutingRepository);
    clerkId = (await f.newUser()).id;
  });
  afterAll(async () => {
    await t.close();
  });

  /** The reader sees exactly these units (whatever column the statement names). */
  function seeing(...units: TestUnit[]): VisibleUnits {
    return (unitIdColumn) => ({
      sql: `${unitIdColumn} = ANY($2::uuid[])`,
      params: [units.map((u) => u.id)],
    });
  }

  /** Forwards `letterId` from `sender` to `recipients`; the delivery ids by recipient. */
  function forward(
    sender: TestUnit,
    letterId: string,
    recipients: TestUnit[],
    options: { at: Date; hop?: number; parentDeliveryId?: string; annotationId?: string },
  ) {
    return f.newForward(sender, letterId, recipients, {
      ...options,
      due: at(23),
      forwardedBy: clerkId,
    });
  }

  async function entry(
    unit: TestUnit,
    letterId: string,
    fields: { number: number; at: Date; deliveryId?: string },
  ): Promise<{ id: string; registerId: string; registerName: string }> {
    const register = await f.newRegister(unit);
    const { id } = await oneRow<{ id: string }>(
      t.dataSource,
      `INSERT INTO register_entries (register_id, be_year, number, letter_id, registered_at, status, delivery_id)
       VALUES ($1, 2569, $2, $3, $4, 'active', $5) RETURNING id`,
      [register.id, fields.number, letterId, fields.at, fields.deliveryId ?? null],
    );
    return { id, registerId: register.id, registerName: register.name };
  }

  /** A ministry's letter forwarded to a province, which forwarded it to two districts. */
  async function chain() {
    const ministry = await f.newUnit({ nameTh: 'กระทรวงมหาดไทย' });
    const province = await f.newUnit({ nameTh: 'จังหวัดสุรินทร์', parent: ministry });
    const district = await f.newUnit({ nameTh: 'อำเภอก', parent: province });
    const district2 = await f.newUnit({ nameTh: 'อำเภอข', parent: province });
    const { id: letterId } = await f.newLetter({ unit: ministry });
    const down = await forward(ministry, letterId, [province], { at: at(1) });
    const toProvince = down.deliveries.get(province.id)!;
    return { ministry, province, district, district2, letterId, down, toProvince };
  }

  it('findReceipts lists the letter’s entries in visible units, oldest first', async () => {
    const c = await chain();
    const provinceEntry = await entry(c.province, c.letterId, {
      number: 11,
      at: at(3),
      deliveryId: c.toProvince,
    });
    const ministryEntry = await entry(c.ministry, c.letterId, { number: 5, at: at(2) });
    const row = (
      e: typeof provinceEntry,
      unit: TestUnit,
      number: number,
      registeredAt: Date,
      deliveryId: string | null,
    ) => ({
      entryId: e.id,
      registerId: e.registerId,
      registerName: e.registerName,
      direction: 'incoming',
      unitId: unit.id,
      unitName: unit.nameTh,
      number,
      beYear: 2569,
      registeredAt,
      status: 'active',
      deliveryId,
    });
    expect(
      await repo.findReceipts(t.dataSource, c.letterId, seeing(c.ministry, c.province)),
    ).toEqual([
      row(ministryEntry, c.ministry, 5, at(2), null),
      row(provinceEntry, c.province, 11, at(3), c.toProvince),
    ]);
    expect(await repo.findReceipts(t.dataSource, c.letterId, seeing(c.province))).toEqual([
      row(provinceEntry, c.province, 11, at(3), c.toProvince),
    ]);
    expect(await repo.findReceipts(t.dataSource, c.letterId, seeing(c.district))).toEqual([]);
  });

  it('findArrivalPaths walks from each visible arrival up to the first sender', async () => {
    const c = await chain();
    const onward = await forward(c.province, c.letterId, [c.district, c.district2], {
      at: at(4),
      hop: 2,
      parentDeliveryId: c.toProvince,
    });
    const toDistrict = onward.deliveries.get(c.district.id)!;
    await routing.markReceived(t.dataSource.manager, c.toProvince, ['sent'], {
      entryId: (await entry(c.province, c.letterId, { number: 11, at: at(2) })).id,
      number: 11,
      at: at(2),
    });
    const hop = (
      deliveryId: string,
      parentDeliveryId: string | null,
      sender: TestUnit,
      recipient: TestUnit,
      fields: { state: string; sentAt: Date; receiptNumber: number | null; depth: number },
    ) => ({
      deliveryId,
      parentDeliveryId,
      letterId: c.letterId,
      senderUnitId: sender.id,
      senderName: sender.nameTh,
      recipientUnitId: recipient.id,
      recipientName: recipient.nameTh,
      ...fields,
    });
    expect(await repo.findArrivalPaths(t.dataSource, c.letterId, seeing(c.district))).toEqual([
      hop(c.toProvince, null, c.ministry, c.province, {
        state: 'received',
        sentAt: at(1),
        receiptNumber: 11,
        depth: 1,
      }),
      hop(toDistrict, c.toProvince, c.province, c.district, {
        state: 'sent',
        sentAt: at(4),
        receiptNumber: null,
        depth: 0,
      }),
    ]);
    // Seen from the province too, its own arrival is at depth 0 and 1 at once: the deepest counts.
    const both = await repo.findArrivalPaths(
      t.dataSource,
      c.letterId,
      seeing(c.province, c.district),
    );
    expect(both.map((h) => [h.deliveryId, h.depth])).toEqual([
      [c.toProvince, 1],
      [toDistrict, 0],
    ]);
    expect(await repo.findArrivalPaths(t.dataSource, c.letterId, seeing(c.ministry))).toEqual([]);
  });

  it('findMinutes gives visible units’ minutes and those carried to the reader, in order', async () => {
    const c = await chain();
    const provinceEntry = await entry(c.province, c.letterId, { number: 1, at: at(2) });
    const districtEntry = await entry(c.district, c.letterId, { number: 2, at: at(5) });
    const minute = (unit: TestUnit, entryId: string, text: string, createdAt: Date) => ({
      registerEntryId: entryId,
      letterId: c.letterId,
      unitId: unit.id,
      authorUserId: clerkId,
      authorName: 'นางสาวเสมียน',
      authorPosition: null,
      text,
      decision: null,
      createdAt,
    });
    const order = {
      ...minute(c.province, provinceEntry.id, 'ดำเนินการ', at(3)),
      authorPosition: 'ผู้ว่าราชการจังหวัด',
      decision: 'proceed' as const,
    };
    const orderId = await routing.insertAnnotation(t.dataSource.manager, order);
    const note = minute(c.district, districtEntry.id, 'ทราบ', at(6));
    const noteId = await routing.insertAnnotation(t.dataSource.manager, note);
    const onward = await forward(c.province, c.letterId, [c.district], {
      at: at(4),
      hop: 2,
      parentDeliveryId: c.toProvince,
      annotationId: orderId,
    });
    const read = (id: string, m: typeof note | typeof order, unit: TestUnit) => ({
      id,
      registerEntryId: m.registerEntryId,
      unitId: unit.id,
      unitName: unit.nameTh,
      authorName: m.authorName,
      authorPosition: m.authorPosition,
      text: m.text,
      decision: m.decision,
      createdAt: m.createdAt,
    });
    expect(await repo.findMinutes(t.dataSource, c.letterId, seeing(c.district), [])).toEqual([
      read(noteId, note, c.district),
    ]);
    const carriedBy = [onward.deliveries.get(c.district.id)!];
    expect(await repo.findMinutes(t.dataSource, c.letterId, seeing(c.district), carriedBy)).toEqual(
      [read(orderId, order, c.province), read(noteId, note, c.district)],
    );
    // A forward without a minute carries none.
    expect(
      await repo.findMinutes(t.dataSource, c.letterId, seeing(c.ministry), [c.toProvince]),
    ).toEqual([]);
  });

  it('findForwards counts each visible forward’s deliveries by state and names the first recipients', async () => {
    const c = await chain();
    const district3 = await f.newUnit({ nameTh: 'อำเภอค', parent: c.province });
    const onward = await forward(c.province, c.letterId, [c.district2, c.district, district3], {
      at: at(4),
      hop: 2,
      parentDeliveryId: c.toProvince,
    });
    await routing.markReceived(
      t.dataSource.manager,
      onward.deliveries.get(c.district.id)!,
      ['sent'],
      {
        entryId: (await entry(c.district, c.letterId, { number: 9, at: at(5) })).id,
        number: 9,
        at: at(5),
      },
    );
    await routing.setState(
      t.dataSource.manager,
      onward.deliveries.get(district3.id)!,
      'returned',
      'ส่งผิด',
      at(6),
    );
    const rows = await repo.findForwards(t.dataSource, c.letterId, seeing(c.province), 2);
    expect(rows).toHaveLength(1);
    const { recipients, ...counts } = rows[0];
    expect(counts).toEqual({
      forwardId: onward.forwardId,
      senderUnitId: c.province.id,
      senderName: 'จังหวัดสุรินทร์',
      sentAt: at(4),
      responseDueAt: null,
      annotationId: null,
      cancelledAt: null,
      total: 3,
      sent: 1,
      received: 1,
      returned: 1,
      cancelled: 0,
    });
    expect(recipients.map((r) => ({ ...r, stateChangedAt: new Date(r.stateChangedAt) }))).toEqual([
      {
        unitId: c.district.id,
        nameTh: 'อำเภอก',
        kind: 'other',
        state: 'received',
        receiptNumber: 9,
        stateChangedAt: at(5),
      },
      {
        unitId: c.district2.id,
        nameTh: 'อำเภอข',
        kind: 'other',
        state: 'sent',
        receiptNumber: null,
        stateChangedAt: at(4),
      },
    ]);
    const fromMinistry = await repo.findForwards(t.dataSource, c.letterId, seeing(c.ministry), 50);
    expect(fromMinistry.map((r) => [r.forwardId, r.total, r.recipients.length])).toEqual([
      [c.down.forwardId, 1, 1],
    ]);
    expect(await repo.findForwards(t.dataSource, c.letterId, seeing(c.district), 50)).toEqual([]);
  });

  it('findEnclosedChain gives the enclosed letters upward, nearest first', async () => {
    const unit = await f.newUnit({});
    const [first, second, third] = [
      await f.newLetter({ unit }),
      await f.newLetter({ unit }),
      await f.newLetter({ unit }),
    ];
    await t.dataSource.query(
      `UPDATE letters SET encloses_letter_id = v.encloses
         FROM (VALUES ($1::uuid, $2::uuid), ($2::uuid, $3::uuid)) AS v(id, encloses)
        WHERE letters.id = v.id`,
      [third.id, second.id, first.id],
    );
    expect(await repo.findEnclosedChain(t.dataSource, third.id)).toEqual([second.id, first.id]);
    expect(await repo.findEnclosedChain(t.dataSource, second.id)).toEqual([first.id]);
    expect(await repo.findEnclosedChain(t.dataSource, first.id)).toEqual([]);
    expect(await repo.findEnclosedChain(t.dataSource, randomUUID())).toEqual([]);
  });

  it('findUnitName gives the Thai name, or null for an unknown unit', async () => {
    const unit = await f.newUnit({ nameTh: 'เทศบาลนครขอนแก่น' });
    expect(await repo.findUnitName(t.dataSource, unit.id)).toBe('เทศบาลนครขอนแก่น');
    expect(await repo.findUnitName(t.dataSource, randomUUID())).toBeNull();
  });
});
