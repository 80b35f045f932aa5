import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import type { Speed } from 'src/modules/letters/letter.entity.js';
import { bodyOf, listOf, problemOf } from '../harness/api-body.js';

/** The public API the clerk's screens need: inbox filters and a register's book as JSON. */
describe('inbox filters and the register book', () => {
  let t: TestApp;
  let f: Factories;
  let province: TestUnit;
  let office: TestUnit;
  let other: TestUnit;
  let clerk: string;

  const get = (path: string, auth = clerk) =>
    t.http.get(`/api/v1${path}`).set('Authorization', auth);

  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
    f = factories(t);
    t.clock.set('2026-01-15T03:55:00Z');
    province = await f.newUnit({ nameTh: 'จังหวัดทดสอบ', kind: 'province' });
    office = await f.newUnit({
      nameTh: 'สำนักงานจังหวัดทดสอบ',
      kind: 'provincial_office',
      parent: province,
      letterCode: 'ทส',
      ownerNumber: '0017',
    });
    other = await f.newUnit({ nameTh: 'จังหวัดอื่น', kind: 'province' });
    await f.newUser({ username: 'office.clerk', memberships: [{ unit: office, role: 'clerk' }] });
    await f.newUser({ username: 'other.clerk', memberships: [{ unit: other, role: 'clerk' }] });
    clerk = (await f.signIn('office.clerk')).headers.Authorization;
    const now = t.clock.now().getTime();
    const hour = 3_600_000;
    const batch = (speed: Speed, count: number, sentHoursAgo: number, dueInHours: number) =>
      f.newDeliveries({
        sender: province,
        recipient: office,
        count,
        speed,
        subject: `เรื่อง ${speed}`,
        sentAt: new Date(now - sentHoursAgo * hour),
        dueAt: new Date(now + dueInHours * hour),
      });
    await batch('urgent', 3, 50, -2); // overdue
    await batch('urgent', 2, 1, 24);
    await batch('most_urgent', 2, 30, -6); // overdue
    await batch('none', 4, 2, 72);
  });
  afterAll(async () => {
    await t.close();
  });

  async function allPages(query: string) {
    const items: { speed: string; overdue: boolean; deliveryId: string }[] = [];
    let cursor: string | null = null;
    do {
      const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: { body: { items: typeof items; nextCursor: string | null } } = await get(
        `/units/${office.id}/inbox?limit=2&${query}${after}`,
      ).expect(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  it('filters the inbox by speed and by due state, page by page, without losing a row', async () => {
    const everything = await allPages('');
    expect(everything).toHaveLength(11);
    const urgent = await allPages('speed=urgent');
    expect(urgent.map((i) => i.speed)).toEqual(Array(5).fill('urgent'));
    const overdue = await allPages('due=overdue');
    expect(overdue).toHaveLength(5);
    expect(overdue.every((i) => i.overdue)).toBe(true);
    // Most urgent first, as without the filter.
    expect(overdue.map((i) => i.speed)).toEqual([
      'most_urgent',
      'most_urgent',
      'urgent',
      'urgent',
      'urgent',
    ]);
    const onTime = await allPages('due=on_time');
    expect(onTime).toHaveLength(6);
    expect(onTime.some((i) => i.overdue)).toBe(false);
    const both = await allPages('speed=urgent&due=on_time');
    expect(both).toHaveLength(2);
    expect(await allPages('speed=very_urgent')).toEqual([]);
    // Every row appears in exactly one of the due filters.
    const ids = new Set([...overdue, ...onTime].map((i) => i.deliveryId));
    expect(ids).toEqual(new Set(everything.map((i) => i.deliveryId)));
  });

  it('refuses unknown filter values with a field-level problem', async () => {
    for (const query of ['speed=fast', 'due=late', 'speed=']) {
      const res = await get(`/units/${office.id}/inbox?${query}`).expect(400);
      expect(problemOf(res).code).toBe('VALIDATION_FAILED');
      expect(problemOf(res).errors![0].field).toBe(query.split('=')[0]);
    }
  });

  it('shows a register book in the regulation’s columns for a BE period, cancelled entries marked', async () => {
    const registers = await get(`/units/${office.id}/registers`).expect(200);
    const incoming = listOf(registers, 'RegisterResponse').find((r) => r.kind === 'incoming')!;
    const inbox = await get(`/units/${office.id}/inbox?limit=3`).expect(200);
    const entries: { id: string }[] = [];
    for (const item of bodyOf(inbox, 'InboxPageResponse').items) {
      const entry = await t.http
        .post(`/api/v1/registers/${incoming.id}/entries`)
        .set('Authorization', clerk)
        .send({ deliveryId: item.deliveryId, action: 'เสนอ ผวจ.' })
        .expect(201);
      entries.push(bodyOf(entry, 'EntryResponse'));
    }
    await t.http
      .post(`/api/v1/registers/${incoming.id}/entries/${entries[1].id}/cancel`)
      .set('Authorization', clerk)
      .send({ reason: 'ลงรับซ้ำ' })
      .expect(201);

    const book = await get(
      `/registers/${incoming.id}/book?from=${encodeURIComponent('๑ มกราคม ๒๕๖๙')}&to=15/1/2569`,
    ).expect(200);
    const rows = bodyOf(book, 'BookResponse').rows;
    expect(book.body).toMatchObject({
      registerId: incoming.id,
      unitName: 'สำนักงานจังหวัดทดสอบ',
      from: '2026-01-01',
      to: '2026-01-15',
      numberColumnHeader: 'เลขทะเบียนรับ',
    });
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.entryId)).toEqual(entries.map((e) => e.id));
    expect(rows[0]).toMatchObject({
      number: 1,
      beYear: 2569,
      receiptNumber: '๑/๒๕๖๙',
      status: 'active',
      action: 'เสนอ ผวจ.',
    });
    expect(rows[0].subject).toMatch(/^เรื่อง most_urgent/);
    expect(rows[1]).toMatchObject({ status: 'cancelled', remarks: 'ยกเลิก: ลงรับซ้ำ' });

    // A period before the entries: an empty book, not an error.
    const empty = await get(`/registers/${incoming.id}/book?from=1/12/2568&to=31/12/2568`).expect(
      200,
    );
    expect(bodyOf(empty, 'BookResponse').rows).toEqual([]);
    // A date nobody can read names its field.
    const bad = await get(`/registers/${incoming.id}/book?from=เมื่อวาน`).expect(400);
    expect(problemOf(bad).errors![0].field).toBe('from');
    // Another province's clerk does not see that the register exists.
    await get(
      `/registers/${incoming.id}/book`,
      (await f.signIn('other.clerk')).headers.Authorization,
    ).expect(404);
  });
});
