import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { countOf } from '../harness/sql.js';
import { bodyOf, idOf, problemOf } from '../harness/api-body.js';
import { like } from '../harness/matchers.js';

describe('registers: batch registration', () => {
  let t: TestApp;
  let f: Factories;
  let office: TestUnit;
  let child: TestUnit;
  let other: TestUnit;
  let clerk: string;
  let childClerk: string;
  let outsider: string;
  let incoming: string;
  let childIncoming: string;

  const newLetter = async (subject: string, auth = clerk, extra: Record<string, unknown> = {}) =>
    idOf(
      await t.http
        .post('/api/v1/letters')
        .set('Authorization', auth)
        .send({ kind: 'external', subject, ...extra })
        .expect(201),
    );
  const batch = (registerId: string, items: object[], key?: string, auth = clerk) => {
    const request = t.http
      .post(`/api/v1/registers/${registerId}/entries/batch`)
      .set('Authorization', auth);
    if (key) void request.set('Idempotency-Key', key);
    return request.send({ items });
  };
  const entriesOf = (registerId: string): Promise<number> =>
    countOf(t.dataSource, 'SELECT count(*) FROM register_entries WHERE register_id = $1', [
      registerId,
    ]);
  const incomingOf = async (unitId: string, auth: string) =>
    (
      (await t.http.get(`/api/v1/units/${unitId}/registers`).set('Authorization', auth).expect(200))
        .body as { id: string; kind: string }[]
    ).find((r) => r.kind === 'incoming')!.id;

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    t.clock.set('2026-03-02T02:00:00Z');
    office = await f.newUnit({
      kind: 'other',
      nameTh: 'สำนักงานจังหวัดร้อยเอ็ด',
      letterCode: 'รอ',
      ownerNumber: '0017.3',
    });
    child = await f.newUnit({
      kind: 'other',
      nameTh: 'ที่ทำการปกครองอำเภอเมืองร้อยเอ็ด',
      parent: office,
    });
    other = await f.newUnit({ kind: 'other', nameTh: 'สำนักงานจังหวัดขอนแก่น' });
    await f.newUser({ username: 'batch.clerk', memberships: [{ unit: office, role: 'clerk' }] });
    await f.newUser({ username: 'batch.child', memberships: [{ unit: child, role: 'clerk' }] });
    await f.newUser({ username: 'batch.other', memberships: [{ unit: other, role: 'clerk' }] });
    clerk = (await f.signIn('batch.clerk')).headers.Authorization;
    childClerk = (await f.signIn('batch.child')).headers.Authorization;
    outsider = (await f.signIn('batch.other')).headers.Authorization;
    incoming = await incomingOf(office.id, clerk);
    childIncoming = await incomingOf(child.id, childClerk);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('numbers the items consecutively in the order given, with one audit event each', async () => {
    await batch(incoming, [{ letterId: await newLetter('ก่อนชุด') }]).expect(201);
    const letters = [];
    for (let i = 0; i < 7; i++) letters.push(await newLetter(`หนังสือชุดที่ ${i}`));
    const res = await batch(
      incoming,
      letters.map((letterId, i) => ({ letterId, action: `เสนอ ${i}` })),
    ).expect(201);
    const items = bodyOf(res, 'RegisterBatch').items;
    expect(items.map((e) => e.letterId)).toEqual(letters);
    expect(items.map((e) => e.receiptNumber)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(items[3].action).toBe('เสนอ 3');
    const events: { subject_id: string; chain: string }[] = await t.dataSource.query(
      `SELECT subject_id, chain FROM audit_events WHERE action = 'register-entry.created'
          AND subject_id = ANY($1) ORDER BY id`,
      [items.map((e) => (e as unknown as { id: string }).id)],
    );
    expect(events.map((e) => e.subject_id)).toEqual(
      items.map((e) => (e as unknown as { id: string }).id),
    );
    expect(new Set(events.map((e) => e.chain))).toEqual(new Set([office.id]));
    expect(await t.get(AuditService).verify()).toMatchObject({ ok: true });
  });

  it('writes nothing when an item in the middle fails, and names every failing item', async () => {
    const before = await entriesOf(incoming);
    const hidden = await newLetter('ของจังหวัดอื่น', outsider);
    const missing = '6f1c1a52-8a0f-4a57-9d8e-3f7a1b2c4d5e';
    const good = [await newLetter('ดี 1'), await newLetter('ดี 2'), await newLetter('ดี 3')];
    const res = await batch(incoming, [
      { letterId: good[0] },
      { letterId: hidden },
      { letterId: good[1] },
      { letterId: missing },
      {},
      { letterId: good[2] },
    ]).expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(problemOf(res).code).toBe('BATCH_REJECTED');
    expect(problemOf(res).errors!.map((e) => e.index)).toEqual([1, 3, 4]);
    expect(problemOf(res).errors![0]).toMatchObject({ index: 1, code: 'LETTER_NOT_FOUND' });
    expect(problemOf(res).errors![1]).toMatchObject({ index: 3, code: 'LETTER_NOT_FOUND' });
    expect(problemOf(res).errors![2]).toMatchObject({ index: 4, code: 'VALIDATION_FAILED' });
    expect(await entriesOf(incoming)).toBe(before);
    // The numbers were not taken: the next registration continues the sequence.
    const next = await batch(
      incoming,
      good.map((letterId) => ({ letterId })),
    ).expect(201);
    expect(bodyOf(next, 'RegisterBatch').items[0].receiptNumber).toBe(before + 1);
  });

  it('refuses a letter, delivery or replaced entry listed twice, naming the repeat', async () => {
    const before = await entriesOf(incoming);
    const a = await newLetter('ซ้ำ ก');
    const b = await newLetter('ซ้ำ ข');
    const res = await batch(incoming, [{ letterId: a }, { letterId: b }, { letterId: a }]).expect(
      422,
    );
    expect(problemOf(res).errors).toEqual([
      expect.objectContaining({
        index: 2,
        code: 'DUPLICATE_BATCH_ITEM',
        message: like.stringContaining('รายการที่ 0'),
      }),
    ]);
    expect(await entriesOf(incoming)).toBe(before);
  });

  it('returns the first answer to a retry with the same key, and takes no second number', async () => {
    const items = [{ letterId: await newLetter('คีย์ 1') }, { letterId: await newLetter('คีย์ 2') }];
    const first = await batch(incoming, items, 'batch-key-1').expect(201);
    const count = await entriesOf(incoming);
    const again = await batch(incoming, items, 'batch-key-1').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await entriesOf(incoming)).toBe(count);
    // The same key with another request is refused.
    await batch(incoming, [items[0]], 'batch-key-1').expect(422);
  });

  it('refuses 501 items and an empty batch, and checks access', async () => {
    const letterId = await newLetter('จำนวนมาก');
    const many = Array.from({ length: 501 }, () => ({ letterId }));
    const res = await batch(incoming, many).expect(400);
    expect(problemOf(res).code).toBe('VALIDATION_FAILED');
    await batch(incoming, []).expect(400);
    // Another unit's clerk does not see the register.
    await batch(incoming, [{ letterId }], undefined, outsider).expect(404);
  });

  it('receives deliveries as one by one does: marked received with the entry’s number', async () => {
    const letters = [await newLetter('ส่งต่อ 1'), await newLetter('ส่งต่อ 2')];
    for (const letterId of letters) {
      await f.numberAndForward(clerk, office.id, letterId, { unitIds: [child.id] });
    }
    const deliveries: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM deliveries WHERE recipient_unit_id = $1 AND letter_id = ANY($2::uuid[]) ORDER BY array_position($2::uuid[], letter_id)',
      [child.id, letters],
    );
    expect(deliveries).toHaveLength(2);
    const res = await batch(
      childIncoming,
      deliveries.map((d) => ({ deliveryId: d.id })),
      undefined,
      childClerk,
    ).expect(201);
    const rows: { state: string; id: string }[] = await t.dataSource.query(
      'SELECT id, state FROM deliveries WHERE id = ANY($1)',
      [deliveries.map((d) => d.id)],
    );
    expect(rows.every((r) => r.state === 'received')).toBe(true);
    expect(bodyOf(res, 'RegisterBatch').items.map((e) => e.deliveryId)).toEqual(
      deliveries.map((d) => d.id),
    );
    // Received already: a second batch names the item.
    const again = await batch(
      childIncoming,
      [{ deliveryId: deliveries[0].id }],
      undefined,
      childClerk,
    ).expect(422);
    expect(problemOf(again).errors![0].index).toBe(0);
  });
});
