import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DeliveryBatch,
  type NewForward,
  RoutingRepository,
} from 'src/modules/routing/routing.repository.js';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { factories, type Factories, type TestUnit } from '../../factories/index.js';
import { oneRow, rowsOf } from '../../harness/sql.js';

describe('RoutingRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: RoutingRepository;
  let clerkId: string;
  const now = new Date('2026-01-15T03:00:00Z');
  const due = new Date('2026-01-16T03:00:00Z');
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(RoutingRepository);
    clerkId = (await f.newUser()).id;
  });
  afterAll(async () => {
    await t.close();
  });

  function newForward(sender: TestUnit, letterId: string, fields: Partial<NewForward> = {}) {
    return {
      id: randomUUID(),
      letterId,
      rootLetterId: letterId,
      senderUnitId: sender.id,
      registerEntryId: null,
      parentDeliveryId: null,
      annotationId: null,
      forwardedBy: clerkId,
      createdAt: now,
      responseDueAt: null,
      ...fields,
    } satisfies NewForward;
  }

  function batchTo(scope: TestUnit, fields: Partial<DeliveryBatch> = {}): DeliveryBatch {
    return {
      scope: { unitId: scope.id, path: scope.path },
      hop: 1,
      dueAt: due,
      explicitUnitIds: [],
      childKinds: [],
      subtreeKinds: [],
      ...fields,
    };
  }

  /** Forwards `letterId` from `sender` to `recipients` (explicit ids); the delivery ids by recipient. */
  async function forwardTo(
    sender: TestUnit,
    letterId: string,
    recipients: TestUnit[],
    fields: Partial<NewForward> & { hop?: number } = {},
  ): Promise<{ forwardId: string; deliveries: Map<string, string> }> {
    const { hop, ...forwardFields } = fields;
    const forward = newForward(sender, letterId, forwardFields);
    await repo.insertForward(
      t.dataSource.manager,
      forward,
      batchTo(sender, { hop: hop ?? 1, explicitUnitIds: recipients.map((r) => r.id) }),
    );
    const rows = await rowsOf<{ id: string; recipient_unit_id: string }>(
      t.dataSource,
      'SELECT id, recipient_unit_id FROM deliveries WHERE forward_id = $1',
      [forward.id],
    );
    return {
      forwardId: forward.id,
      deliveries: new Map(rows.map((r) => [r.recipient_unit_id, r.id])),
    };
  }

  async function newEntry(unit: TestUnit, letterId: string, number: number): Promise<string> {
    const register = await f.newRegister(unit);
    const { id } = await oneRow<{ id: string }>(
      t.dataSource,
      `INSERT INTO register_entries (register_id, be_year, number, letter_id, registered_at, status)
       VALUES ($1, 2569, $2, $3, $4, 'active') RETURNING id`,
      [register.id, number, letterId, now],
    );
    return id;
  }

  it('findUnits reads each unit, inactive ones included; unknown ids are absent', async () => {
    const province = await f.newUnit({ nameTh: 'จังหวัดน่าน', kind: 'province' });
    const closed = await f.newUnit({
      nameTh: 'อำเภอปิดแล้ว',
      kind: 'district',
      parent: province,
      active: false,
    });
    const found = await repo.findUnits(t.dataSource.manager, [
      province.id,
      closed.id,
      randomUUID(),
    ]);
    expect(found.sort((a, b) => a.path.length - b.path.length)).toEqual([
      { id: province.id, path: province.path, nameTh: 'จังหวัดน่าน', kind: 'province', active: true },
      { id: closed.id, path: closed.path, nameTh: 'อำเภอปิดแล้ว', kind: 'district', active: false },
    ]);
    expect(await repo.findUnits(t.dataSource.manager, [])).toEqual([]);
  });

  it('findReceivedDelivery gives the latest received delivery of the letter to the unit', async () => {
    const unit = await f.newUnit({});
    const [first, second, third] = [await f.newUnit({}), await f.newUnit({}), await f.newUnit({})];
    const { id: letterId } = await f.newLetter({ unit: first });
    const a = await forwardTo(first, letterId, [unit], { hop: 2 });
    const b = await forwardTo(second, letterId, [unit], { hop: 3 });
    await forwardTo(third, letterId, [unit]);
    expect(
      await repo.findReceivedDelivery(t.dataSource.manager, unit.id, letterId),
    ).toBeUndefined();
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    await repo.setState(t.dataSource.manager, a.deliveries.get(unit.id)!, 'received', null, at(5));
    await repo.setState(t.dataSource.manager, b.deliveries.get(unit.id)!, 'received', null, at(9));
    expect(await repo.findReceivedDelivery(t.dataSource.manager, unit.id, letterId)).toEqual({
      id: b.deliveries.get(unit.id),
      hop: 3,
    });
    const { id: otherLetter } = await f.newLetter({ unit: first });
    expect(
      await repo.findReceivedDelivery(t.dataSource.manager, unit.id, otherLetter),
    ).toBeUndefined();
  });

  it('findDeliveryHop gives the hop, or undefined for an unknown delivery', async () => {
    const sender = await f.newUnit({});
    const recipient = await f.newUnit({});
    const { id: letterId } = await f.newLetter({ unit: sender });
    const { deliveries } = await forwardTo(sender, letterId, [recipient], { hop: 4 });
    expect(await repo.findDeliveryHop(t.dataSource.manager, deliveries.get(recipient.id)!)).toBe(4);
    expect(await repo.findDeliveryHop(t.dataSource.manager, randomUUID())).toBeUndefined();
  });

  it('lockDelivery reads the delivery with both units and holds it until the transaction ends', async () => {
    const sender = await f.newUnit({ nameTh: 'จังหวัดแพร่', kind: 'province' });
    const recipient = await f.newUnit({ nameTh: 'อำเภอสอง', kind: 'district', parent: sender });
    const { id: letterId } = await f.newLetter({ unit: sender });
    const { forwardId, deliveries } = await forwardTo(sender, letterId, [recipient], { hop: 2 });
    const deliveryId = deliveries.get(recipient.id)!;
    await t.dataSource.transaction(async (manager) => {
      expect(await repo.lockDelivery(manager, deliveryId)).toEqual({
        id: deliveryId,
        letterId,
        rootLetterId: letterId,
        forwardId,
        senderUnitId: sender.id,
        senderPath: sender.path,
        senderName: 'จังหวัดแพร่',
        recipientUnitId: recipient.id,
        recipientPath: recipient.path,
        recipientName: 'อำเภอสอง',
        hop: 2,
        state: 'sent',
        sentAt: now,
        dueAt: due,
      });
      await expect(
        t.dataSource.query('SELECT 1 FROM deliveries WHERE id = $1 FOR UPDATE NOWAIT', [
          deliveryId,
        ]),
      ).rejects.toMatchObject({ driverError: { code: '55P03' } });
    });
    expect(await repo.lockDelivery(t.dataSource.manager, randomUUID())).toBeUndefined();
  });

  it('markReceived writes the state, the receipt entry and number, the time and the event', async () => {
    const sender = await f.newUnit({});
    const recipient = await f.newUnit({});
    const other = await f.newUnit({});
    const { id: letterId } = await f.newLetter({ unit: sender, secrecy: 'confidential' });
    const { forwardId, deliveries } = await forwardTo(sender, letterId, [recipient, other]);
    const entryId = await newEntry(recipient, letterId, 42);
    const at = new Date('2026-01-15T05:30:00Z');
    const deliveryId = deliveries.get(recipient.id)!;
    expect(
      await repo.markReceived(t.dataSource.manager, deliveryId, ['sent'], {
        entryId,
        number: 42,
        at,
      }),
    ).toEqual({ state: 'received' });
    // Once received, no state the caller allows matches: nothing is written twice.
    expect(
      await repo.markReceived(t.dataSource.manager, deliveryId, ['sent'], {
        entryId,
        number: 43,
        at: new Date('2026-01-16T05:30:00Z'),
      }),
    ).toBeUndefined();
    expect(
      await rowsOf<object>(
        t.dataSource,
        `SELECT kind, root_letter_id, letter_id, secrecy, delivery_id, forward_id, sender_unit_id,
                recipient_unit_id, level, receipt_number, count, occurred_at
           FROM progress_events WHERE letter_id = $1 AND kind = 'delivery.received'`,
        [letterId],
      ),
    ).toEqual([
      {
        kind: 'delivery.received',
        root_letter_id: letterId,
        letter_id: letterId,
        secrecy: 'confidential',
        delivery_id: deliveryId,
        forward_id: forwardId,
        sender_unit_id: sender.id,
        recipient_unit_id: recipient.id,
        level: null,
        receipt_number: 42,
        count: null,
        occurred_at: at,
      },
    ]);
    const rows = await rowsOf<object>(
      t.dataSource,
      `SELECT recipient_unit_id, state, receipt_entry_id, receipt_number, state_changed_at
         FROM deliveries WHERE letter_id = $1 ORDER BY receipt_number NULLS LAST`,
      [letterId],
    );
    expect(rows).toEqual([
      {
        recipient_unit_id: recipient.id,
        state: 'received',
        receipt_entry_id: entryId,
        receipt_number: 42,
        state_changed_at: at,
      },
      {
        recipient_unit_id: other.id,
        state: 'sent',
        receipt_entry_id: null,
        receipt_number: null,
        state_changed_at: now,
      },
    ]);
  });

  it('setState writes the state, its reason and time to that delivery only', async () => {
    const sender = await f.newUnit({});
    const recipient = await f.newUnit({});
    const other = await f.newUnit({});
    const { id: letterId } = await f.newLetter({ unit: sender });
    const { deliveries } = await forwardTo(sender, letterId, [recipient, other]);
    const at = new Date('2026-01-15T06:00:00Z');
    await repo.setState(
      t.dataSource.manager,
      deliveries.get(recipient.id)!,
      'returned',
      'ส่งผิดหน่วยงาน',
      at,
    );
    const rows = await rowsOf<object>(
      t.dataSource,
      `SELECT recipient_unit_id, state, state_reason, state_changed_at FROM deliveries
        WHERE letter_id = $1 ORDER BY state DESC`,
      [letterId],
    );
    expect(rows).toEqual([
      { recipient_unit_id: other.id, state: 'sent', state_reason: null, state_changed_at: now },
      {
        recipient_unit_id: recipient.id,
        state: 'returned',
        state_reason: 'ส่งผิดหน่วยงาน',
        state_changed_at: at,
      },
    ]);
  });

  it('lockForward reads the forward with its sender and holds it until the transaction ends', async () => {
    const sender = await f.newUnit({ nameTh: 'จังหวัดลำปาง', kind: 'province' });
    const recipient = await f.newUnit({});
    const { id: letterId } = await f.newLetter({ unit: sender });
    const { forwardId } = await forwardTo(sender, letterId, [recipient]);
    await t.dataSource.transaction(async (manager) => {
      expect(await repo.lockForward(manager, forwardId)).toEqual({
        id: forwardId,
        letterId,
        rootLetterId: letterId,
        senderUnitId: sender.id,
        senderPath: sender.path,
        senderName: 'จังหวัดลำปาง',
        cancelledAt: null,
      });
      await expect(
        t.dataSource.query('SELECT 1 FROM forwards WHERE id = $1 FOR UPDATE NOWAIT', [forwardId]),
      ).rejects.toMatchObject({ driverError: { code: '55P03' } });
    });
    expect(await repo.lockForward(t.dataSource.manager, randomUUID())).toBeUndefined();
  });

  it('cancelForwardDeliveries cancels only the listed states and counts the rest', async () => {
    const sender = await f.newUnit({});
    const [pending, received, returned, alsoPending] = [
      await f.newUnit({}),
      await f.newUnit({}),
      await f.newUnit({}),
      await f.newUnit({}),
    ];
    const { id: letterId } = await f.newLetter({ unit: sender });
    const { forwardId, deliveries } = await forwardTo(sender, letterId, [
      pending,
      received,
      returned,
      alsoPending,
    ]);
    await repo.setState(t.dataSource.manager, deliveries.get(received.id)!, 'received', null, now);
    await repo.setState(t.dataSource.manager, deliveries.get(returned.id)!, 'returned', 'x', now);
    const at = new Date('2026-01-15T07:00:00Z');
    const result = await repo.cancelForwardDeliveries(
      t.dataSource.manager,
      forwardId,
      ['sent'],
      'ยกเลิกการส่ง',
      at,
    );
    expect(result.cancelled.sort()).toEqual([pending.id, alsoPending.id].sort());
    expect(result.untouched).toBe(2);
    const states = await rowsOf<{ recipient_unit_id: string; state: string; reason: string }>(
      t.dataSource,
      `SELECT recipient_unit_id, state, state_reason AS reason FROM deliveries
        WHERE forward_id = $1 AND state = 'cancelled'`,
      [forwardId],
    );
    expect(states.map((s) => s.reason)).toEqual(['ยกเลิกการส่ง', 'ยกเลิกการส่ง']);
    expect(
      await oneRow(t.dataSource, 'SELECT cancelled_at FROM forwards WHERE id = $1', [forwardId]),
    ).toEqual({ cancelled_at: at });

    // Nothing left in the listed states: nothing cancelled, the rest still counted.
    const again = await repo.cancelForwardDeliveries(
      t.dataSource.manager,
      forwardId,
      ['sent', 'returned'],
      'อีกครั้ง',
      at,
    );
    expect(again).toEqual({ cancelled: [returned.id], untouched: 1 });
  });

  it('insertAnnotation writes a minute; findAnnotations reads the entry’s minutes in order', async () => {
    const unit = await f.newUnit({ nameTh: 'สำนักงานจังหวัดตาก' });
    const author = await f.newUser({ memberships: [{ unit, role: 'official' }] });
    const { id: letterId } = await f.newLetter({ unit });
    const entryId = await newEntry(unit, letterId, 7);
    const otherEntry = await newEntry(unit, letterId, 8);
    const minute = {
      registerEntryId: entryId,
      letterId,
      unitId: unit.id,
      authorUserId: author.id,
      authorName: 'นายสมชาย ใจดี',
      authorPosition: 'หัวหน้าสำนักงานจังหวัด',
      text: 'เห็นควรแจ้ง อำเภอ และ อปท. ทราบ',
      decision: null,
      createdAt: new Date('2026-01-15T04:00:00Z'),
    } as const;
    const later = {
      ...minute,
      authorName: 'นายผู้ว่า',
      authorPosition: null,
      text: 'อนุมัติ',
      decision: 'approved',
      createdAt: new Date('2026-01-15T05:00:00Z'),
    } as const;
    // Written out of order: the read orders by time.
    const laterId = await repo.insertAnnotation(t.dataSource.manager, later);
    const firstId = await repo.insertAnnotation(t.dataSource.manager, minute);
    await repo.insertAnnotation(t.dataSource.manager, { ...minute, registerEntryId: otherEntry });
    expect(firstId).not.toBe(laterId);
    expect(await repo.findAnnotations(t.dataSource.manager, entryId)).toEqual([
      { id: firstId, unitName: 'สำนักงานจังหวัดตาก', ...minute },
      { id: laterId, unitName: 'สำนักงานจังหวัดตาก', ...later },
    ]);
    expect(await repo.findAnnotations(t.dataSource.manager, randomUUID())).toEqual([]);
  });

  it('insertAnnotationAudited writes the minute and its audit event in one statement, or neither', async () => {
    const unit = await f.newUnit({ nameTh: 'ที่ว่าการอำเภอแม่สอด' });
    const author = await f.newUser({ memberships: [{ unit, role: 'head' }] });
    const { id: letterId } = await f.newLetter({ unit });
    const entryId = await newEntry(unit, letterId, 3);
    const audit = t.get(AuditService);
    const minute = (text: string) => ({
      id: randomUUID(),
      registerEntryId: entryId,
      letterId,
      unitId: unit.id,
      authorUserId: author.id,
      authorName: 'นายอำเภอ',
      authorPosition: null,
      text,
      decision: 'noted' as const,
      createdAt: new Date('2026-01-15T06:00:00Z'),
    });
    const annotate = (text: string, fail = false) =>
      t.dataSource.transaction(async (tx) => {
        const row = minute(text);
        const event = {
          actor: { userId: author.id, name: 'นายอำเภอ' },
          unitId: unit.id,
          action: 'annotation.added',
          subjectType: 'register_entry',
          subjectId: entryId,
          data: { annotationId: row.id, decision: row.decision, text },
        };
        const written = await repo.insertAnnotationAudited(tx, row, (first, source) =>
          audit.inlineAppend(tx, event, {}, source, first),
        );
        if (fail) throw new Error('the command fails after its statement');
        return { row, written };
      });
    const minutes = async () => (await repo.findAnnotations(t.dataSource.manager, entryId)).length;

    // The unit's first event: the statement creates its chain.
    const first = await annotate('ทราบ');
    expect(first.written).toEqual({
      id: first.row.id,
      auditEventId: expect.stringMatching(/^\d+$/) as string,
    });
    const texts = ['มอบ “กลุ่มงาน” ดำเนินการ', 'แจ้ง\nทุกส่วน', 'ทราบ/แจ้งเวียน', 'อนุมัติ ๑๒ ราย'];
    const written = await Promise.all(texts.map((text) => annotate(text)));
    for (const [i, w] of written.entries()) {
      expect(w.written.id).toBe(w.row.id);
      expect(
        await oneRow<object>(
          t.dataSource,
          'SELECT subject_id, data FROM audit_events WHERE id = $1',
          [w.written.auditEventId],
        ),
      ).toEqual({
        subject_id: entryId,
        data: { annotationId: w.row.id, decision: 'noted', text: texts[i] },
      });
    }
    expect(await minutes()).toBe(5);
    expect(await audit.verify()).toMatchObject({ ok: true });

    const chainBefore = await oneRow<object>(
      t.dataSource,
      'SELECT hash, events FROM audit_chains WHERE chain = $1',
      [unit.id],
    );
    await expect(annotate('ไม่บันทึก', true)).rejects.toThrow('fails after');
    expect(await minutes()).toBe(5);
    expect(
      await oneRow<object>(t.dataSource, 'SELECT hash, events FROM audit_chains WHERE chain = $1', [
        unit.id,
      ]),
    ).toEqual(chainBefore);
  });

  describe('insertForward', () => {
    /** A province with a district (with two อบต. and an inactive one) and a division. */
    async function province() {
      const root = await f.newUnit({ kind: 'province', nameTh: 'จังหวัดชัยนาท' });
      const office = await f.newUnit({ kind: 'provincial_office', parent: root });
      const division = await f.newUnit({ kind: 'provincial_division', parent: root });
      const district = await f.newUnit({ kind: 'district', parent: root });
      const closedDistrict = await f.newUnit({ kind: 'district', parent: root, active: false });
      const tambons = [
        await f.newUnit({ kind: 'subdistrict_administration', parent: district }),
        await f.newUnit({ kind: 'subdistrict_administration', parent: district }),
      ];
      const closedTambon = await f.newUnit({
        kind: 'subdistrict_administration',
        parent: district,
        active: false,
      });
      return { root, office, division, district, closedDistrict, tambons, closedTambon };
    }

    it('writes one delivery per target of every rule and the forward with its counts', async () => {
      const p = await province();
      const outside = await f.newUnit({ kind: 'subdistrict_administration' });
      const { id: letterId } = await f.newLetter({ unit: p.office });
      const forward = newForward(p.office, letterId, {
        responseDueAt: new Date('2026-01-20T10:00:00Z'),
      });
      const result = await repo.insertForward(
        t.dataSource.manager,
        forward,
        batchTo(p.root, {
          hop: 2,
          // The sender and the scope itself are never targets; inactive units neither.
          explicitUnitIds: [p.division.id, p.office.id, p.root.id, p.closedTambon.id],
          childKinds: ['district'],
          subtreeKinds: ['subdistrict_administration'],
        }),
      );
      expect(result.skipped).toEqual([]);
      expect(result.created.sort()).toEqual(
        [p.division.id, p.district.id, ...p.tambons.map((u) => u.id)].sort(),
      );
      expect(result.created).not.toContain(outside.id);
      // The created deliveries' ids: one for each unit in `created`, none for another.
      const written = await rowsOf<{ id: string; recipient_unit_id: string }>(
        t.dataSource,
        'SELECT id, recipient_unit_id FROM deliveries WHERE forward_id = $1',
        [forward.id],
      );
      expect(
        result.deliveryIds.map((id) => written.find((d) => d.id === id)?.recipient_unit_id).sort(),
      ).toEqual([...result.created].sort());
      const deliveries = await rowsOf<{ recipient_unit_id: string }>(
        t.dataSource,
        `SELECT recipient_unit_id, letter_id, root_letter_id, sender_unit_id, parent_delivery_id,
                forwarded_by, sent_at, due_at, state, state_changed_at, hop
           FROM deliveries WHERE forward_id = $1 ORDER BY recipient_unit_id`,
        [forward.id],
      );
      expect(deliveries).toEqual(
        [...result.created].sort().map((id) => ({
          recipient_unit_id: id,
          letter_id: letterId,
          root_letter_id: letterId,
          sender_unit_id: p.office.id,
          parent_delivery_id: null,
          forwarded_by: clerkId,
          sent_at: now,
          due_at: due,
          state: 'sent',
          state_changed_at: now,
          hop: 2,
        })),
      );
      expect(
        await oneRow(
          t.dataSource,
          `SELECT letter_id, sender_unit_id, created_at, response_due_at, recipients_created,
                  recipients_skipped, cancelled_at FROM forwards WHERE id = $1`,
          [forward.id],
        ),
      ).toEqual({
        letter_id: letterId,
        sender_unit_id: p.office.id,
        created_at: now,
        response_due_at: new Date('2026-01-20T10:00:00Z'),
        recipients_created: 4,
        recipients_skipped: 0,
        cancelled_at: null,
      });
    });

    it('skips units that have the letter live from this sender; counts them on the forward', async () => {
      const p = await province();
      const { id: letterId } = await f.newLetter({ unit: p.root });
      const first = await forwardTo(p.root, letterId, [p.district]);
      const [tambon] = p.tambons;
      const second = newForward(p.root, letterId, {
        parentDeliveryId: first.deliveries.get(p.district.id)!,
      });
      const result = await repo.insertForward(
        t.dataSource.manager,
        second,
        batchTo(p.root, { explicitUnitIds: [p.district.id, tambon.id] }),
      );
      const [tambonDelivery] = await rowsOf<{ id: string }>(
        t.dataSource,
        'SELECT id FROM deliveries WHERE forward_id = $1',
        [second.id],
      );
      expect(result).toEqual({
        created: [tambon.id],
        skipped: [p.district.id],
        deliveryIds: [tambonDelivery.id],
      });
      expect(
        await oneRow(
          t.dataSource,
          'SELECT recipients_created, recipients_skipped FROM forwards WHERE id = $1',
          [second.id],
        ),
      ).toEqual({ recipients_created: 1, recipients_skipped: 1 });
      // Each forward logs its progress event, with the count it created.
      expect(
        await rowsOf(
          t.dataSource,
          `SELECT forward_id, kind, letter_id, root_letter_id, sender_unit_id, count, secrecy,
                  delivery_id, recipient_unit_id
             FROM progress_events WHERE letter_id = $1 ORDER BY id`,
          [letterId],
        ),
      ).toEqual(
        [
          [first.forwardId, 1],
          [second.id, 1],
        ].map(([forwardId, count]) => ({
          forward_id: forwardId,
          kind: 'forward.sent',
          letter_id: letterId,
          root_letter_id: letterId,
          sender_unit_id: p.root.id,
          count,
          secrecy: 'none',
          delivery_id: null,
          recipient_unit_id: null,
        })),
      );
      // A cancelled delivery is not live: the unit gets the letter again.
      await repo.cancelForwardDeliveries(t.dataSource.manager, first.forwardId, ['sent'], 'x', now);
      const third = newForward(p.root, letterId);
      expect(
        await repo.insertForward(
          t.dataSource.manager,
          third,
          batchTo(p.root, { explicitUnitIds: [p.district.id, tambon.id] }),
        ),
      ).toMatchObject({ created: [p.district.id], skipped: [tambon.id] });
    });

    it('writes nothing without a rule, or when the rules pick no unit', async () => {
      const p = await province();
      const { id: letterId } = await f.newLetter({ unit: p.root });
      const none = newForward(p.root, letterId);
      expect(await repo.insertForward(t.dataSource.manager, none, batchTo(p.root))).toEqual({
        created: [],
        skipped: [],
        deliveryIds: [],
      });
      const empty = newForward(p.root, letterId);
      expect(
        await repo.insertForward(
          t.dataSource.manager,
          empty,
          batchTo(p.root, { childKinds: ['ministry'], explicitUnitIds: [p.closedDistrict.id] }),
        ),
      ).toEqual({ created: [], skipped: [], deliveryIds: [] });
      const written = await rowsOf(
        t.dataSource,
        `SELECT id FROM forwards WHERE id = ANY($1::uuid[])
         UNION ALL SELECT id FROM deliveries WHERE letter_id = $2`,
        [[none.id, empty.id], letterId],
      );
      expect(written).toEqual([]);
      expect(
        await rowsOf(t.dataSource, 'SELECT id FROM progress_events WHERE letter_id = $1', [
          letterId,
        ]),
      ).toEqual([]);
    });
  });
});
