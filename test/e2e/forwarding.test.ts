import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { bodyOf, listOf, problemOf } from '../harness/api-body.js';
import { oneRow } from '../harness/sql.js';

/**
 * A ministry circular travels down over HTTP only: forward → inbox → register with the
 * delivery (ลงรับ) → forward on → progress, tree and overdue views, returns, cancels,
 * notifications, duplicate arrival, re-issue, and the races on one delivery.
 *
 * The story's first steps are `once` steps: a case runs the steps it builds on (each at
 * most once per file), so every case also runs alone (`-t`).
 */
const once = <T>(step: () => Promise<T>) => {
  let done: Promise<T> | undefined;
  return () => (done ??= step());
};

describe('forwarding a circular down the hierarchy', () => {
  let t: TestApp;
  let f: Factories;
  let ministry: TestUnit;
  let province: TestUnit;
  let otherProvince: TestUnit;
  let mueang: TestUnit;
  let selaphum: TestUnit;
  let town: TestUnit;
  let sao: TestUnit;
  let sao2: TestUnit;
  const auth: Record<string, string> = {};
  let letterId: string;
  let ministryEntryId: string;
  let toProvince: string;

  const api = (user: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('Authorization', auth[user]),
    post: (path: string, body: object = {}, headers: Record<string, string> = {}) =>
      t.http.post(`/api/v1${path}`).set('Authorization', auth[user]).set(headers).send(body),
  });

  async function register(unit: TestUnit, user: string, body: object) {
    const registers = await api(user).get(`/units/${unit.id}/registers`).expect(200);
    const incoming = listOf(registers, 'RegisterResponse').find((r) => r.kind === 'incoming')!;
    return api(user).post(`/registers/${incoming.id}/entries`, body);
  }

  async function inbox(unit: TestUnit, user: string) {
    const res = await api(user).get(`/units/${unit.id}/inbox`).expect(200);
    return bodyOf(res, 'InboxPageResponse');
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    t.clock.set('2026-01-15T03:55:00Z');
    ministry = await f.newMinistry();
    province = await f.newUnit({ nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province', parent: ministry });
    otherProvince = await f.newUnit({
      nameTh: 'จังหวัดขอนแก่น',
      kind: 'province',
      parent: ministry,
    });
    mueang = await f.newUnit({
      nameTh: 'อำเภอเมืองร้อยเอ็ด',
      kind: 'district',
      parent: province,
      letterCode: 'รอ',
      ownerNumber: '0318',
    });
    selaphum = await f.newUnit({ nameTh: 'อำเภอเสลภูมิ', kind: 'district', parent: province });
    town = await f.newUnit({
      nameTh: 'เทศบาลเมืองร้อยเอ็ด',
      kind: 'town_municipality',
      parent: mueang,
    });
    sao = await f.newUnit({
      nameTh: 'องค์การบริหารส่วนตำบลเหนือเมือง',
      kind: 'subdistrict_administration',
      parent: mueang,
    });
    sao2 = await f.newUnit({
      nameTh: 'องค์การบริหารส่วนตำบลดงลาน',
      kind: 'subdistrict_administration',
      parent: mueang,
    });
    const users: [string, TestUnit, 'clerk' | 'head'][] = [
      ['clerk.moi', ministry, 'clerk'],
      ['head.moi', ministry, 'head'],
      ['clerk.roiet', province, 'clerk'],
      ['head.roiet', province, 'head'],
      ['clerk.khonkaen', otherProvince, 'clerk'],
      ['clerk.mueang', mueang, 'clerk'],
      ['clerk.selaphum', selaphum, 'clerk'],
      ['clerk.town', town, 'clerk'],
      ['clerk.sao', sao, 'clerk'],
      ['clerk2.sao', sao, 'clerk'],
      ['clerk.sao2', sao2, 'clerk'],
    ];
    for (const [username, unit, role] of users) {
      await f.newUser({
        username: username,
        memberships: [{ unit, role }],
        clearance: username.startsWith('head') ? 'secret' : 'none',
      });
      auth[username] = (await f.signIn(username)).headers.Authorization;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const circularForwarded = once(async () => {
    const letter = await api('clerk.moi')
      .post('/letters', {
        kind: 'external',
        speed: 'most_urgent',
        subject: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี กรณีการส่ง SMS ที่มีการแนบลิงก์',
        addressee: 'ผู้ว่าราชการจังหวัดทุกจังหวัด',
      })
      .expect(201);
    letterId = bodyOf(letter, 'LetterResponse').id;
    const registers = await api('clerk.moi').get(`/units/${ministry.id}/registers`).expect(200);
    const circular = listOf(registers, 'RegisterResponse').find((r) => r.kind === 'circular')!;
    const number = await api('clerk.moi')
      .post(`/registers/${circular.id}/numbers`, { letterId })
      .expect(201);
    ministryEntryId = bodyOf(number, 'NumberAllocated').id;

    const body = {
      unitIds: [province.id, otherProvince.id],
      annotation: { text: 'เห็นควรแจ้งจังหวัดทุกจังหวัดทราบ', decision: 'proceed' },
    };
    const first = await api('clerk.moi')
      .post(`/register-entries/${ministryEntryId}/forwards`, body, { 'Idempotency-Key': 'fw-1' })
      .expect(201);
    expect(bodyOf(first, 'ForwardResult')).toMatchObject({
      letterId,
      rootLetterId: letterId,
      parentDeliveryId: null,
      created: 2,
      skipped: { count: 0, unitIds: [] },
      // ด่วนที่สุด: 2 working hours by the escalation policy (Thursday 10:55 → 12:55).
      dueAt: '2026-01-15T05:55:00.000Z',
    });
    const replay = await api('clerk.moi')
      .post(`/register-entries/${ministryEntryId}/forwards`, body, { 'Idempotency-Key': 'fw-1' })
      .expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(bodyOf(replay, 'ForwardResult')).toEqual(bodyOf(first, 'ForwardResult'));

    // Without the key, the same forward again skips both live recipients.
    const again = await api('clerk.moi')
      .post(`/register-entries/${ministryEntryId}/forwards`, { unitIds: [province.id] })
      .expect(201);
    expect(bodyOf(again, 'ForwardResult')).toMatchObject({
      created: 0,
      skipped: { count: 1, unitIds: [province.id] },
    });

    const annotations = bodyOf(
      await api('clerk.moi').get(`/register-entries/${ministryEntryId}/annotations`).expect(200),
      'Annotations',
    );
    expect(annotations.items).toHaveLength(1);
    expect(annotations.items[0]).toMatchObject({
      text: 'เห็นควรแจ้งจังหวัดทุกจังหวัดทราบ',
      decision: 'proceed',
      unitId: ministry.id,
      authorName: 'clerk.moi',
    });
  });

  it(
    'the ministry numbers its circular and forwards it, with an annotation, idempotently',
    circularForwarded,
  );

  const provinceRegistered = once(async () => {
    await circularForwarded();
    const box = await inbox(province, 'clerk.roiet');
    expect(box.items).toHaveLength(1);
    expect(box.items[0]).toMatchObject({ letterId, speed: 'most_urgent' });
    expect(box.items[0].subject).toContain('SMS');
    toProvince = box.items[0].deliveryId;

    const notes = bodyOf(
      await api('clerk.roiet').get('/notifications').expect(200),
      'NotificationPageResponse',
    );
    expect(notes.unreadCount).toBe(1);
    expect(notes.items[0]).toMatchObject({
      kind: 'delivery.new',
      unitId: province.id,
      payload: { letterId, fromUnitName: 'กระทรวงมหาดไทย' },
    });
    expect(JSON.stringify(notes)).not.toMatch(/https?:/);
    await api('clerk.roiet').post(`/notifications/${notes.items[0].id}/read`).expect(200);
    const read = await api('clerk.roiet').get('/notifications').expect(200);
    expect(bodyOf(read, 'NotificationPageResponse').unreadCount).toBe(0);
    // Another province's clerk sees neither the inbox nor the notification.
    await api('clerk.khonkaen').get(`/units/${province.id}/inbox`).expect(404);
    await api('clerk.khonkaen').post(`/notifications/${notes.items[0].id}/read`).expect(404);

    // Registering in another unit's register with this delivery is refused.
    const wrong = await register(otherProvince, 'clerk.khonkaen', { deliveryId: toProvince });
    expect(wrong.status).toBe(404);

    const registered = await register(province, 'clerk.roiet', { deliveryId: toProvince });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const entry = bodyOf(registered, 'EntryResponse');
    expect(entry).toMatchObject({ deliveryId: toProvince, letterId, receiptNumber: 1 });
    const twice = await register(province, 'clerk.roiet', { deliveryId: toProvince });
    expect(twice.status).toBe(409);
    expect(problemOf(twice).code).toBe('DELIVERY_NOT_PENDING');
    expect((await inbox(province, 'clerk.roiet')).items).toHaveLength(0);

    const row = await oneRow(
      t.dataSource,
      'SELECT state, receipt_number, receipt_entry_id FROM deliveries WHERE id = $1',
      [toProvince],
    );
    expect(row).toEqual({ state: 'received', receipt_number: 1, receipt_entry_id: entry.id });

    // Forwarding down: districts and the town municipality directly (subtree kinds).
    const outside = await api('clerk.roiet').post(`/register-entries/${entry.id}/forwards`, {
      unitIds: [otherProvince.id],
    });
    expect(outside.status).toBe(422);
    expect(problemOf(outside).code).toBe('FORWARD_RECIPIENT_OUT_OF_SCOPE');
    const down = await api('clerk.roiet')
      .post(`/register-entries/${entry.id}/forwards`, {
        subtreeKinds: ['district', 'town_municipality'],
        annotation: { text: 'แจ้งอำเภอและเทศบาลเมืองทราบ', decision: 'noted' },
      })
      .expect(201);
    expect(bodyOf(down, 'ForwardResult')).toMatchObject({
      created: 3,
      parentDeliveryId: toProvince,
    });
  });

  it(
    'the province sees it in its inbox and notifications, registers it: that is the acknowledgment',
    provinceRegistered,
  );

  const districtForwarded = once(async () => {
    await provinceRegistered();
    t.clock.advance(10 * 60_000);
    const box = await inbox(mueang, 'clerk.mueang');
    const entry = await register(mueang, 'clerk.mueang', { deliveryId: box.items[0].deliveryId });
    expect(entry.status).toBe(201);
    const fw = await api('clerk.mueang')
      .post(`/register-entries/${bodyOf(entry, 'EntryResponse').id}/forwards`, {
        childKinds: ['subdistrict_administration', 'town_municipality'],
      })
      .expect(201);
    expect(bodyOf(fw, 'ForwardResult').created).toBe(3);

    const townBox = await inbox(town, 'clerk.town');
    expect(townBox.items).toHaveLength(2);
    const first = await register(town, 'clerk.town', { deliveryId: townBox.items[0].deliveryId });
    expect(first.status).toBe(201);
    expect(bodyOf(first, 'EntryResponse').warnings).toEqual([]);
    const second = await register(town, 'clerk.town', { deliveryId: townBox.items[1].deliveryId });
    expect(second.status).toBe(201);
    expect(bodyOf(second, 'EntryResponse').warnings).toEqual([
      expect.objectContaining({
        code: 'duplicate_arrival',
        entryId: bodyOf(first, 'EntryResponse').id,
      }),
    ]);
  });

  it(
    'a district forwards to its local administrations; the town gets it twice and is warned',
    districtForwarded,
  );

  const saoRegisteredOnce = once(async () => {
    await districtForwarded();
    const box = await inbox(sao, 'clerk.sao');
    const deliveryId = box.items[0].deliveryId;
    const answers = await Promise.all([
      register(sao, 'clerk.sao', { deliveryId }),
      register(sao, 'clerk2.sao', { deliveryId }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const { count } = await oneRow<{ count: number }>(
      t.dataSource,
      'SELECT count(*)::int AS count FROM register_entries WHERE delivery_id = $1',
      [deliveryId],
    );
    expect(count).toBe(1);
  });

  it('two clerks registering the same delivery at once make one entry', saoRegisteredOnce);

  it('progress, tree and overdue views count what happened, per subtree', async () => {
    await saoRegisteredOnce();
    const progress = bodyOf(
      await api('head.roiet')
        .get(`/letters/${letterId}/progress?unitId=${province.id}`)
        .expect(200),
      'LetterProgress',
    );
    // Province, 2 districts, town (twice: counted once), 2 อบต.
    expect(progress.units).toEqual({
      total: 6,
      received: 4,
      pending: 2,
      returned: 0,
      cancelled: 0,
    });
    expect(progress.deliveries).toMatchObject({ total: 7, received: 5, sent: 2 });
    const byChild = Object.fromEntries(progress.children.map((c) => [c.unitId, c]));
    // Each child carries its own name and kind, read with the figures.
    expect(byChild[mueang.id]).toMatchObject({
      nameTh: mueang.nameTh,
      kind: mueang.kind,
      total: 4,
      received: 3,
      pending: 1,
    });
    expect(byChild[mueang.id].byKind).toEqual(
      expect.arrayContaining([
        { kind: 'subdistrict_administration', total: 2, received: 1, pending: 1 },
        { kind: 'town_municipality', total: 1, received: 1, pending: 0 },
      ]),
    );
    expect(byChild[selaphum.id]).toMatchObject({
      nameTh: selaphum.nameTh,
      kind: selaphum.kind,
      total: 1,
      received: 0,
      pending: 1,
    });
    expect(progress.notReceived.items.map((i) => i.unitId).sort()).toEqual(
      [selaphum.id, sao2.id].sort(),
    );
    expect(progress.oldestPending?.unitId).toBe(selaphum.id);

    const nation = bodyOf(
      await api('head.moi').get(`/letters/${letterId}/progress?unitId=${ministry.id}`).expect(200),
      'LetterProgress',
    );
    expect(nation.units).toMatchObject({ total: 7, received: 4, pending: 3 });
    // The other province's clerk may not look into Roi Et.
    await api('clerk.khonkaen')
      .get(`/letters/${letterId}/progress?unitId=${province.id}`)
      .expect(404);

    const tree = bodyOf(
      await api('head.moi').get(`/letters/${letterId}/tree?limit=4`).expect(200),
      'LetterTree',
    );
    expect(tree.levels).toEqual([
      { level: 1, total: 2, received: 1, pending: 1 },
      { level: 2, total: 3, received: 2, pending: 1 },
      { level: 3, total: 3, received: 2, pending: 1 },
    ]);
    expect(tree.items).toHaveLength(4);
    const rest = bodyOf(
      await api('head.moi')
        .get(`/letters/${letterId}/tree?limit=4&cursor=${tree.nextCursor}`)
        .expect(200),
      'LetterTree',
    );
    expect(rest.items).toHaveLength(4);
    expect(rest.nextCursor).toBeNull();

    t.clock.set('2026-01-18T05:55:00Z'); // 74 h after sending: past the 2 working hours
    for (const username of Object.keys(auth)) {
      auth[username] = (await f.signIn(username)).headers.Authorization;
    }
    const overdue = bodyOf(
      await api('head.moi').get(`/units/${ministry.id}/overdue`).expect(200),
      'Overdue',
    );
    expect(overdue.groups.map((g) => g.unitId).sort()).toEqual(
      [otherProvince.id, selaphum.id, sao2.id].sort(),
    );
    expect(overdue.groups.find((g) => g.unitId === otherProvince.id)!.items[0]).toMatchObject({
      ageHours: 74,
      overdueHours: 72,
    });
    const roiEt = bodyOf(
      await api('head.roiet').get(`/units/${province.id}/overdue`).expect(200),
      'Overdue',
    );
    expect(roiEt.groups).toHaveLength(2);
  });

  it('returns and cancellations follow the transition table and notify the other side', async () => {
    await districtForwarded();
    const saoBox = await inbox(sao2, 'clerk.sao2');
    const deliveryId = saoBox.items[0].deliveryId;
    // Only the recipient returns; only the sender cancels.
    await api('clerk.mueang').post(`/deliveries/${deliveryId}/return`, { reason: 'x' }).expect(403);
    await api('clerk.khonkaen')
      .post(`/deliveries/${deliveryId}/return`, { reason: 'x' })
      .expect(404);
    const returned = await api('clerk.sao2')
      .post(`/deliveries/${deliveryId}/return`, { reason: 'ส่งผิดหน่วยงาน' })
      .expect(200);
    expect(bodyOf(returned, 'DeliveryReturned')).toMatchObject({
      state: 'returned',
      stateReason: 'ส่งผิดหน่วยงาน',
    });
    const again = await api('clerk.mueang')
      .post(`/deliveries/${deliveryId}/cancel`, { reason: 'x' })
      .expect(409);
    expect(problemOf(again).code).toBe('DELIVERY_NOT_PENDING');
    const mueangNotes = await api('clerk.mueang').get('/notifications?unread=true').expect(200);
    expect(bodyOf(mueangNotes, 'NotificationPageResponse').items[0]).toMatchObject({
      kind: 'delivery.returned',
      payload: { deliveryId, reason: 'ส่งผิดหน่วยงาน' },
    });

    // A returned delivery can be sent again (it is no longer live).
    const mueangEntry = await oneRow<{ id: string }>(
      t.dataSource,
      `SELECT e.id FROM register_entries e JOIN registers r ON r.id = e.register_id WHERE r.unit_id = $1`,
      [mueang.id],
    );
    const resend = await api('clerk.mueang')
      .post(`/register-entries/${mueangEntry.id}/forwards`, { unitIds: [sao2.id] })
      .expect(201);
    expect(bodyOf(resend, 'ForwardResult').created).toBe(1);

    // The province cancels the whole forward to its districts: only the pending one goes.
    const fw = await oneRow<{ id: string }>(
      t.dataSource,
      `SELECT id FROM forwards WHERE sender_unit_id = $1`,
      [province.id],
    );
    const cancel = await api('clerk.roiet')
      .post(`/forwards/${fw.id}/cancel`, { reason: 'ส่งซ้ำซ้อน' })
      .expect(200);
    expect(bodyOf(cancel, 'ForwardCancelled')).toEqual({
      forwardId: fw.id,
      cancelled: 1,
      notCancelled: 2,
    });
    expect((await inbox(selaphum, 'clerk.selaphum')).items).toHaveLength(0);
    const notes = await api('clerk.selaphum').get('/notifications').expect(200);
    expect(bodyOf(notes, 'NotificationPageResponse').items.map((n) => n.kind)).toEqual([
      'delivery.cancelled',
      'delivery.new',
    ]);
  });

  it('a sender cancelling while the recipient registers ends in one consistent state', async () => {
    await circularForwarded();
    const entry = await oneRow<{ id: string }>(
      t.dataSource,
      `SELECT e.id FROM register_entries e JOIN registers r ON r.id = e.register_id WHERE r.unit_id = $1 AND e.delivery_id IS NULL`,
      [ministry.id],
    );
    // A unit that received the letter cannot be sent it again, so the rounds stop at the
    // first registration. The first round gives the cancel a head start and the last (when
    // no race was won by the registration) the registration, so each outcome is met for
    // certain; the rounds between send both at once and accept either consistent outcome.
    const round = async (head: 'cancel' | 'register' | null) => {
      await t.dataSource.query(
        `UPDATE deliveries SET state = 'cancelled' WHERE recipient_unit_id = $1 AND state = 'sent'`,
        [otherProvince.id],
      );
      await api('clerk.moi')
        .post(`/register-entries/${entry.id}/forwards`, { unitIds: [otherProvince.id] })
        .expect(201);
      const { deliveryId } = (await inbox(otherProvince, 'clerk.khonkaen')).items[0];
      const cancel = () =>
        api('clerk.moi').post(`/deliveries/${deliveryId}/cancel`, { reason: 'ยกเลิก' });
      const registerIt = () => register(otherProvince, 'clerk.khonkaen', { deliveryId });
      let cancelled: Awaited<ReturnType<typeof cancel>>;
      let registered: Awaited<ReturnType<typeof registerIt>>;
      if (head === 'cancel') {
        cancelled = await cancel();
        registered = await registerIt();
      } else if (head === 'register') {
        registered = await registerIt();
        cancelled = await cancel();
      } else {
        [cancelled, registered] = await Promise.all([cancel(), registerIt()]);
      }
      const row = await oneRow(
        t.dataSource,
        'SELECT state, receipt_entry_id FROM deliveries WHERE id = $1',
        [deliveryId],
      );
      if (cancelled.status === 200) {
        expect(head).not.toBe('register');
        expect(registered.status).toBe(409);
        expect(row).toEqual({ state: 'cancelled', receipt_entry_id: null });
        return 'cancelled' as const;
      }
      expect(head).not.toBe('cancel');
      expect(cancelled.status).toBe(409);
      expect(registered.status).toBe(201);
      expect(row).toEqual({
        state: 'received',
        receipt_entry_id: bodyOf(registered, 'EntryResponse').id,
      });
      return 'received' as const;
    };
    const outcomes = [await round('cancel')];
    for (let i = 0; i < 3 && !outcomes.includes('received'); i++) outcomes.push(await round(null));
    if (!outcomes.includes('received')) outcomes.push(await round('register'));
    expect(new Set(outcomes)).toEqual(new Set(['cancelled', 'received']));
  });

  it('a re-issued letter enclosing the circular counts toward the root', async () => {
    await districtForwarded();
    const reissue = bodyOf(
      await api('clerk.mueang')
        .post('/letters', {
          kind: 'stamped',
          subject: 'แจ้งแนวทางการงดส่ง SMS ที่มีลิงก์',
          enclosesLetterId: letterId,
        })
        .expect(201),
      'LetterResponse',
    );
    expect(reissue.rootLetterId).toBe(letterId);
    const { forward: fw } = await f.numberAndForward(auth['clerk.mueang'], mueang.id, reissue.id, {
      unitIds: [town.id],
    });
    expect(fw).toMatchObject({ rootLetterId: letterId, created: 1 });
    expect(fw.parentDeliveryId).not.toBeNull();
    // Its deliveries hang under the delivery by which the district received the circular.
    const tree = bodyOf(
      await api('head.moi').get(`/letters/${letterId}/tree?level=3`).expect(200),
      'LetterTree',
    );
    expect(tree.items.filter((i) => i.letterId === reissue.id)).toEqual([
      expect.objectContaining({ recipientUnitId: town.id, level: 3, state: 'sent' }),
    ]);
    const progress = bodyOf(
      await api('head.roiet').get(`/letters/${letterId}/progress?unitId=${mueang.id}`).expect(200),
      'LetterProgress',
    );
    expect(progress.deliveries.total).toBeGreaterThan(progress.units.total);
  });

  it('a secret letter shows no subject to an uncleared clerk, anywhere', async () => {
    const letter = bodyOf(
      await api('head.moi')
        .post('/letters', { kind: 'memo', subject: 'เรื่องลับเฉพาะ', secrecy: 'confidential' })
        .expect(201),
      'LetterResponse',
    );
    await f.numberAndForward(auth['head.moi'], ministry.id, letter.id, {
      unitIds: [province.id],
    });
    const box = await inbox(province, 'clerk.roiet');
    const item = box.items.find((i) => i.letterId === letter.id)!;
    expect(item).toBeDefined();
    expect(item).not.toHaveProperty('subject');
    const headBox = await inbox(province, 'head.roiet');
    expect(headBox.items.find((i) => i.letterId === letter.id)!.subject).toBe('เรื่องลับเฉพาะ');
    const notes = await api('clerk.roiet').get('/notifications').expect(200);
    expect(JSON.stringify(notes.body)).not.toContain('เรื่องลับเฉพาะ');
    // The uncleared clerk may not even open its progress.
    await api('clerk.roiet').get(`/letters/${letter.id}/progress`).expect(404);
  });

  it('annotations are append-only in the database', async () => {
    await circularForwarded();
    await api('head.moi')
      .post(`/register-entries/${ministryEntryId}/annotations`, { text: 'ทราบ', decision: 'noted' })
      .expect(201);
    const list = bodyOf(
      await api('clerk.moi').get(`/register-entries/${ministryEntryId}/annotations`).expect(200),
      'Annotations',
    );
    expect(list.items.map((a) => a.text)).toEqual(['เห็นควรแจ้งจังหวัดทุกจังหวัดทราบ', 'ทราบ']);
    await expect(t.dataSource.query(`UPDATE annotations SET text = 'แก้'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query(`DELETE FROM annotations`)).rejects.toThrow(/append-only/);
    await api('clerk.khonkaen').get(`/register-entries/${ministryEntryId}/annotations`).expect(404);
  });

  it('a unit whose name looks like a link still forwards; its name stays out of notifications', async () => {
    const dataCentre = await f.newUnit({
      kind: 'other',
      nameTh: 'ศูนย์ข้อมูลเปิดภาครัฐ (data.go.th)',
      parent: ministry,
      letterCode: 'ศข',
      ownerNumber: '0101',
    });
    const team = await f.newUnit({ kind: 'other', nameTh: 'ฝ่ายบริการข้อมูล', parent: dataCentre });
    await f.newUser({ username: 'clerk.data', memberships: [{ unit: dataCentre, role: 'clerk' }] });
    await f.newUser({ username: 'clerk.team', memberships: [{ unit: team, role: 'clerk' }] });
    auth['clerk.data'] = (await f.signIn('clerk.data')).headers.Authorization;
    auth['clerk.team'] = (await f.signIn('clerk.team')).headers.Authorization;
    const letter = bodyOf(
      await api('clerk.data')
        .post('/letters', { kind: 'external', subject: 'แจ้งชุดข้อมูลเปิดประจำปี' })
        .expect(201),
      'LetterResponse',
    );
    await f.numberAndForward(auth['clerk.data'], dataCentre.id, letter.id, {
      unitIds: [team.id],
    });
    const notes = await api('clerk.team').get('/notifications').expect(200);
    const note = bodyOf(notes, 'NotificationPageResponse').items.find(
      (n) => n.payload.letterId === letter.id,
    )!;
    expect(note).toMatchObject({ kind: 'delivery.new', payload: { fromUnitName: null } });
    expect(JSON.stringify(notes.body)).not.toContain('data.go.th');
  });
});
