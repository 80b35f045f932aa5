import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscalationRepository } from 'src/modules/escalation/escalation.repository.js';
import { EscalationAdminRepository } from 'src/modules/escalation/escalation-admin.repository.js';
import { RegistersRepository } from 'src/modules/registers/registers.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { oneRow } from '../../harness/sql.js';
import { factories, type Factories, type TestUnit } from '../../factories/index.js';

describe('EscalationRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: EscalationRepository;
  const now = new Date('2026-01-15T03:00:00Z');
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(EscalationRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  async function deliveryRow(
    id: string,
  ): Promise<{ letterId: string; forwardId: string; rootLetterId: string }> {
    return oneRow(
      t.dataSource,
      `SELECT letter_id AS "letterId", forward_id AS "forwardId", root_letter_id AS "rootLetterId"
         FROM deliveries WHERE id = $1`,
      [id],
    );
  }

  /** Another delivery of the same letter and forward, to another recipient. */
  async function alsoTo(deliveryId: string, recipient: TestUnit, dueAt: Date): Promise<string> {
    const row = await oneRow<{ id: string }>(
      t.dataSource,
      `INSERT INTO deliveries (letter_id, root_letter_id, sender_unit_id, recipient_unit_id, forward_id,
                               sent_at, due_at, state, state_changed_at)
       SELECT letter_id, root_letter_id, sender_unit_id, $2, forward_id, sent_at, $3, 'sent', sent_at
         FROM deliveries WHERE id = $1
       RETURNING id`,
      [deliveryId, recipient.id, dueAt],
    );
    return row.id;
  }

  function rung(deliveryId: string, level: number, nextDueAt: Date | null, escalatedAt = now) {
    return {
      deliveryId,
      level,
      dueAt: at(-60),
      escalatedAt,
      notifiedUnitId: null,
      notifiedUserIds: [],
      nextDueAt,
    };
  }

  it('findHolidayDates lists every holiday as an ISO date, in order', async () => {
    await t.get(EscalationAdminRepository).insertHolidays(
      t.dataSource.manager,
      [
        { date: '2031-05-04', nameTh: 'วันฉัตรมงคล', nameEn: null },
        { date: '2031-04-13', nameTh: 'วันสงกรานต์', nameEn: 'Songkran' },
      ],
      'admin',
      null,
      now,
    );
    const dates = await repo.findHolidayDates();
    expect(dates.filter((d) => d.startsWith('2031-'))).toEqual(['2031-04-13', '2031-05-04']);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    await t.dataSource.transaction(async (manager) => {
      expect(await repo.findHolidayDates(manager)).toEqual(dates);
    });
  });

  it('findPolicy reads one speed class’s policy', async () => {
    await t
      .get(EscalationAdminRepository)
      .upsertPolicy(
        t.dataSource.manager,
        { speed: 'very_urgent', ackWorkingMinutes: 300, stepWorkingMinutes: [60, 120, 240] },
        (await f.newUser({})).id,
        now,
      );
    expect(await repo.findPolicy(t.dataSource.manager, 'very_urgent')).toEqual({
      speed: 'very_urgent',
      ackWorkingMinutes: 300,
      stepWorkingMinutes: [60, 120, 240],
      updatedAt: now,
    });
    await t.dataSource.query(`DELETE FROM escalation_policies WHERE speed = 'none'`);
    expect(await repo.findPolicy(t.dataSource.manager, 'none')).toBeUndefined();
  });

  it('findPolicyAndHolidays reads the policy and every holiday date in one statement', async () => {
    await t
      .get(EscalationAdminRepository)
      .upsertPolicy(
        t.dataSource.manager,
        { speed: 'urgent', ackWorkingMinutes: 420, stepWorkingMinutes: [120] },
        (await f.newUser({})).id,
        now,
      );
    await t
      .get(EscalationAdminRepository)
      .insertHolidays(
        t.dataSource.manager,
        [{ date: '2032-01-02', nameTh: 'วันหยุดพิเศษ', nameEn: null }],
        'admin',
        null,
        now,
      );
    const found = await repo.findPolicyAndHolidays(t.dataSource.manager, 'urgent');
    expect(found?.policy).toEqual({
      speed: 'urgent',
      ackWorkingMinutes: 420,
      stepWorkingMinutes: [120],
      updatedAt: now,
    });
    expect(found?.holidays).toEqual(await repo.findHolidayDates());
    expect(found?.holidays).toContain('2032-01-02');
    await t.dataSource.query(`DELETE FROM escalation_policies WHERE speed = 'none'`);
    expect(await repo.findPolicyAndHolidays(t.dataSource.manager, 'none')).toBeUndefined();
  });

  it('lockTarget reads what the ladder’s messages need, with whether level 1 is due', async () => {
    const province = await f.newUnit({ nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province' });
    const district = await f.newUnit({ nameTh: 'อำเภอเมือง', kind: 'district', parent: province });
    const [deliveryId] = await f.newDeliveries({
      sender: province,
      recipient: district,
      count: 1,
      sentAt: now,
      dueAt: at(60),
      speed: 'very_urgent',
      secrecy: 'confidential',
      subject: 'ขอเชิญประชุม',
    });
    const { letterId, forwardId } = await deliveryRow(deliveryId);
    const register = await f.newRegister(province, { kind: 'incoming' });
    const receipt = await t.get(RegistersRepository).insertEntry(t.dataSource.manager, {
      registerId: register.id,
      beYear: 2569,
      number: 42,
      letterId,
      registeredAt: now,
      action: null,
      remarks: null,
      status: 'active',
      cancelReason: null,
      cancelledAt: null,
      replacesEntryId: null,
      replacedByEntryId: null,
      deliveryId: null,
      issuedReference: null,
      createdBy: null,
    });
    await t.dataSource.query('UPDATE forwards SET register_entry_id = $2 WHERE id = $1', [
      forwardId,
      receipt.id,
    ]);
    const expected = {
      id: deliveryId,
      state: 'sent',
      escalationHaltedAt: null,
      dueAt: at(60),
      firstRungDueAt: at(60),
      due: false,
      letterId,
      rootLetterId: letterId,
      forwardId,
      recipientUnitId: district.id,
      recipientUnitName: 'อำเภอเมือง',
      senderUnitId: province.id,
      senderUnitName: 'จังหวัดร้อยเอ็ด',
      rootUnitId: province.id,
      speed: 'very_urgent',
      secrecy: 'confidential',
      subject: 'ขอเชิญประชุม 1',
      referenceRaw: 'มท ๐๒๑๐.๕/ว1',
      senderReceiptNumber: 42,
    };
    await t.dataSource.transaction(async (manager) => {
      expect(await repo.lockTarget(manager, deliveryId, at(59))).toEqual(expected);
      expect(await repo.lockTarget(manager, deliveryId, at(60))).toEqual({
        ...expected,
        due: true,
      });
      // Without a time, PostgreSQL's clock (later than the 2026 test dates).
      expect((await repo.lockTarget(manager, deliveryId, null))?.due).toBe(true);
      expect(await repo.lockTarget(manager, randomUUID(), now)).toBeUndefined();
      // A ladder that halted before level 1 and resumed later: level 1 is due from then.
      await manager.query(`UPDATE deliveries SET escalation_resumed_at = $2 WHERE id = $1`, [
        deliveryId,
        at(90),
      ]);
      expect(await repo.lockTarget(manager, deliveryId, at(89))).toMatchObject({
        dueAt: at(60),
        firstRungDueAt: at(90),
        due: false,
      });
      expect((await repo.lockTarget(manager, deliveryId, at(90)))?.due).toBe(true);
      await manager.query(`UPDATE deliveries SET escalation_resumed_at = NULL WHERE id = $1`, [
        deliveryId,
      ]);
    });

    await t.dataSource.query(
      `UPDATE deliveries SET due_at = NULL, state = 'received', escalation_halted_at = $2,
              escalation_halt_reason = 'no_cleared_member'
        WHERE id = $1`,
      [deliveryId, at(5)],
    );
    await t.dataSource.query('UPDATE forwards SET register_entry_id = NULL WHERE id = $1', [
      forwardId,
    ]);
    expect(await repo.lockTarget(t.dataSource.manager, deliveryId, now)).toEqual({
      ...expected,
      state: 'received',
      escalationHaltedAt: at(5),
      dueAt: null,
      firstRungDueAt: null,
      due: null,
      senderReceiptNumber: null,
    });
  });

  it('insertRung records a rung once; findRung reads it; clearNextDue settles its next one', async () => {
    const [deliveryId] = await f.newDeliveries({
      sender: await f.newUnit({}),
      recipient: await f.newUnit({}),
      count: 1,
      sentAt: now,
      dueAt: at(-60),
    });
    const m = t.dataSource.manager;
    const notified = await f.newUnit({});
    const user = await f.newUser({});
    expect(await repo.findRung(m, deliveryId, 1, now)).toBeUndefined();
    const id = await repo.insertRung(m, {
      ...rung(deliveryId, 1, at(120)),
      notifiedUnitId: notified.id,
      notifiedUserIds: [user.id],
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await repo.insertRung(m, rung(deliveryId, 1, at(240)))).toBeNull();
    const stored = await oneRow<{ notified_unit_id: string; notified_user_ids: string[] }>(
      t.dataSource,
      'SELECT notified_unit_id, notified_user_ids FROM escalations WHERE id = $1',
      [id],
    );
    expect(stored).toEqual({ notified_unit_id: notified.id, notified_user_ids: [user.id] });

    expect(await repo.findRung(m, deliveryId, 1, at(119))).toEqual({
      id,
      nextDueAt: at(120),
      nextDue: false,
    });
    expect(await repo.findRung(m, deliveryId, 1, at(120))).toEqual({
      id,
      nextDueAt: at(120),
      nextDue: true,
    });
    expect(await repo.findRung(m, deliveryId, 2, at(120))).toBeUndefined();

    await repo.clearNextDue(m, deliveryId, 2);
    expect((await repo.findRung(m, deliveryId, 1, at(120)))?.nextDueAt).toEqual(at(120));
    await repo.clearNextDue(m, deliveryId, 1);
    expect(await repo.findRung(m, deliveryId, 1, at(120))).toEqual({
      id,
      nextDueAt: null,
      nextDue: false,
    });
    // The last rung has no next one.
    const last = await repo.insertRung(m, rung(deliveryId, 4, null));
    expect(await repo.findRung(m, deliveryId, 4, null)).toEqual({
      id: last,
      nextDueAt: null,
      nextDue: false,
    });
  });

  it('findMembers gives the active users holding a role in the unit at the time', async () => {
    const unit = await f.newUnit({});
    const elsewhere = await f.newUnit({});
    const clerk = await f.newUser({ memberships: [{ unit, role: 'clerk' }] });
    const head = await f.newUser({
      memberships: [
        { unit, role: 'head' },
        { unit, role: 'clerk' },
      ],
    });
    const acting = await f.newUser({
      memberships: [{ unit, role: 'head', acting: true, startsAt: at(-60), endsAt: at(60) }],
    });
    await f.newUser({ memberships: [{ unit, role: 'official' }] });
    await f.newUser({ memberships: [{ unit: elsewhere, role: 'clerk' }] });
    await f.newUser({ active: false, memberships: [{ unit, role: 'clerk' }] });
    const left = await f.newUser({
      memberships: [{ unit, role: 'clerk', startsAt: at(-120), endsAt: now }],
    });
    const future = await f.newUser({ memberships: [{ unit, role: 'clerk', startsAt: at(1) }] });
    const m = t.dataSource.manager;

    expect(await repo.findMembers(m, unit.id, ['clerk', 'head'], now)).toEqual(
      [clerk.id, head.id, acting.id].sort(),
    );
    expect(await repo.findMembers(m, unit.id, ['head'], now)).toEqual([head.id, acting.id].sort());
    expect(await repo.findMembers(m, unit.id, ['clerk'], at(-1))).toEqual(
      [clerk.id, head.id, left.id].sort(),
    );
    expect(await repo.findMembers(m, unit.id, ['clerk'], at(1))).toEqual(
      [clerk.id, head.id, future.id].sort(),
    );
    expect(await repo.findMembers(m, unit.id, ['admin'], now)).toEqual([]);
  });

  it('findOverdueRecipients lists the sender’s overdue recipients of the letter with their count', async () => {
    const sender = await f.newUnit({});
    const a = await f.newUnit({ nameTh: 'ก อำเภอ' });
    const b = await f.newUnit({ nameTh: 'ข อำเภอ' });
    const c = await f.newUnit({ nameTh: 'ค อำเภอ' });
    const d = await f.newUnit({ nameTh: 'ง อำเภอ' });
    const [toA] = await f.newDeliveries({
      sender,
      recipient: a,
      count: 1,
      sentAt: now,
      dueAt: at(10),
    });
    const { letterId } = await deliveryRow(toA);
    await alsoTo(toA, c, at(5));
    await alsoTo(toA, b, at(10));
    await alsoTo(toA, d, at(30));
    const received = await alsoTo(toA, await f.newUnit({}), at(1));
    await t.dataSource.query(`UPDATE deliveries SET state = 'received' WHERE id = $1`, [received]);
    const m = t.dataSource.manager;

    expect(await repo.findOverdueRecipients(m, sender.id, letterId, at(10), 2)).toEqual({
      count: 3,
      units: [
        { unitId: c.id, name: 'ค อำเภอ', dueAt: at(5).toISOString() },
        { unitId: a.id, name: 'ก อำเภอ', dueAt: at(10).toISOString() },
      ],
    });
    expect((await repo.findOverdueRecipients(m, sender.id, letterId, at(10), 10)).units).toEqual([
      { unitId: c.id, name: 'ค อำเภอ', dueAt: at(5).toISOString() },
      { unitId: a.id, name: 'ก อำเภอ', dueAt: at(10).toISOString() },
      { unitId: b.id, name: 'ข อำเภอ', dueAt: at(10).toISOString() },
    ]);
    expect(await repo.findOverdueRecipients(m, sender.id, letterId, at(4), 10)).toEqual({
      count: 0,
      units: [],
    });
    expect(await repo.findOverdueRecipients(m, a.id, letterId, at(60), 10)).toEqual({
      count: 0,
      units: [],
    });
  });

  it('findDueRungs gives level 1 of overdue deliveries and the next level of recorded rungs', async () => {
    // Before every other test's dates, so only this test's rows are due.
    const then = new Date('2020-03-02T03:00:00Z');
    const after = (minutes: number) => new Date(then.getTime() + minutes * 60_000);
    const sender = await f.newUnit({});
    const deliveries = await f.newDeliveries({
      sender,
      recipient: await f.newUnit({}),
      count: 5,
      sentAt: after(-600),
      dueAt: after(-60),
    });
    const [overdue, later, started, escalated, stepped] = deliveries;
    const m = t.dataSource.manager;
    await t.dataSource.query('UPDATE deliveries SET due_at = $2 WHERE id = $1', [later, after(1)]);
    await t.dataSource.query('UPDATE deliveries SET escalation_started = true WHERE id = $1', [
      started,
    ]);
    await repo.insertRung(m, rung(escalated, 1, after(30)));
    await repo.insertRung(m, rung(stepped, 1, after(-30)));
    await repo.insertRung(m, rung(stepped, 2, after(-10)));
    await repo.clearNextDue(m, stepped, 1);

    const due = await repo.findDueRungs(m, then, 10);
    const byKey = (x: { deliveryId: string; level: number }) => `${x.deliveryId}:${x.level}`;
    expect(due.sort((x, y) => byKey(x).localeCompare(byKey(y)))).toEqual(
      [
        { deliveryId: overdue, level: 1, dueAt: after(-60) },
        { deliveryId: stepped, level: 3, dueAt: after(-10) },
      ].sort((x, y) => byKey(x).localeCompare(byKey(y))),
    );
    expect((await repo.findDueRungs(m, after(30), 10)).map(byKey).sort()).toEqual(
      [`${overdue}:1`, `${later}:1`, `${escalated}:2`, `${stepped}:3`].sort(),
    );
    // The limit applies to each source.
    expect((await repo.findDueRungs(m, after(30), 1)).map(byKey).sort()).toEqual(
      [`${overdue}:1`, `${stepped}:3`].sort(),
    );
  });

  it('findLastRungs gives the highest rung of each delivery that has one; countByLevel counts rungs', async () => {
    const before = new Map(
      (await repo.countByLevel()).map(({ level, count }) => [level, count] as const),
    );
    const [one, two, none] = await f.newDeliveries({
      sender: await f.newUnit({}),
      recipient: await f.newUnit({}),
      count: 3,
      sentAt: now,
      dueAt: at(-60),
    });
    const m = t.dataSource.manager;
    await repo.insertRung(m, rung(one, 1, at(60), at(1)));
    await repo.insertRung(m, rung(two, 1, null, at(1)));
    await repo.insertRung(m, rung(two, 2, at(90), at(2)));
    await repo.insertRung(m, rung(two, 3, null, at(3)));

    const last = await repo.findLastRungs(t.dataSource, [one, two, none, randomUUID()]);
    expect(last.sort((a, b) => a.level - b.level)).toEqual([
      { deliveryId: one, level: 1, escalatedAt: at(1), nextDueAt: at(60) },
      { deliveryId: two, level: 3, escalatedAt: at(3), nextDueAt: null },
    ]);
    expect(await repo.findLastRungs(t.dataSource, [])).toEqual([]);

    const counts = await repo.countByLevel();
    expect(counts.map((c) => c.level)).toEqual([...counts.map((c) => c.level)].sort());
    const grown = counts
      .map(({ level, count }) => [level, count - (before.get(level) ?? 0)])
      .filter(([, delta]) => delta !== 0);
    expect(grown).toEqual([
      [1, 2],
      [2, 1],
      [3, 1],
    ]);
  });
});
