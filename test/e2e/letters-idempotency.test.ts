import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { bodyOf, idOf, problemOf } from '../harness/api-body.js';

describe('recording a letter: retries and what the paper already says', () => {
  let t: TestApp;
  let f: Factories;
  let office: TestUnit;
  let clerk: string;
  let other: string;

  const letterCount = async (subject: string) =>
    (
      await t.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM letters WHERE subject = $1',
        [subject],
      )
    )[0].n;

  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
    f = factories(t);
    office = await f.newUnit({
      kind: 'other',
      nameTh: 'สำนักงานจังหวัดร้อยเอ็ด',
      letterCode: 'รอ',
      ownerNumber: '0017.3',
    });
    await f.newUser({ username: 'clerk.a', memberships: [{ unit: office, role: 'clerk' }] });
    await f.newUser({ username: 'clerk.b', memberships: [{ unit: office, role: 'clerk' }] });
    clerk = (await f.signIn('clerk.a')).headers.Authorization;
    other = (await f.signIn('clerk.b')).headers.Authorization;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records one letter per Idempotency-Key and refuses the key for a different letter', async () => {
    const body = { kind: 'external', subject: 'ขอเชิญประชุม (ส่งซ้ำ)', speed: 'urgent' };
    const post = (auth: string, sent: object, key?: string) => {
      const request = t.http.post('/api/v1/letters').set('Authorization', auth);
      if (key) void request.set('Idempotency-Key', key);
      return request.send(sent);
    };
    const first = await post(clerk, body, 'intake-7f3a').expect(201);
    const retry = await post(clerk, body, 'intake-7f3a').expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(idOf(retry)).toBe(idOf(first));
    expect(await letterCount(body.subject)).toBe(1);

    const misuse = await post(clerk, { ...body, subject: 'เรื่องอื่น' }, 'intake-7f3a').expect(422);
    expect(problemOf(misuse).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await letterCount('เรื่องอื่น')).toBe(0);

    // Keys are per user; without a key every request is a new letter.
    const theirs = await post(other, body, 'intake-7f3a').expect(201);
    expect(idOf(theirs)).not.toBe(idOf(first));
    await post(clerk, body).expect(201);
    expect(await letterCount(body.subject)).toBe(3);
  });

  it('a refused letter leaves its key free for the corrected one', async () => {
    const bad = await t.http
      .post('/api/v1/letters')
      .set('Authorization', clerk)
      .set('Idempotency-Key', 'intake-date')
      .send({ kind: 'external', subject: 'วันที่ผิด', letterDate: '๓๒ มกราคม ๒๕๖๙' })
      .expect(400);
    expect(problemOf(bad).errors![0].field).toBe('letterDate');
    await t.http
      .post('/api/v1/letters')
      .set('Authorization', clerk)
      .set('Idempotency-Key', 'intake-date-2')
      .send({ kind: 'external', subject: 'วันที่ผิด', letterDate: '๓๑ มกราคม ๒๕๖๙' })
      .expect(201);
  });

  it('keeps the owner unit and the receipt stamps already on the paper', async () => {
    const created = await t.http
      .post('/api/v1/letters')
      .set('Authorization', clerk)
      .send({
        kind: 'external',
        subject: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี',
        ownerUnit: 'กองการสื่อสารและเทคโนโลยีสารสนเทศ',
        printedStamps: [
          {
            unit: 'สำนักงานปลัดกระทรวงมหาดไทย',
            receiptNumber: 2631,
            date: '2026-01-15',
            time: '10:30',
          },
          { unit: null, receiptNumber: 26, date: '2026-01-16', time: null },
        ],
      })
      .expect(201);
    const read = await t.http
      .get(`/api/v1/letters/${idOf(created)}`)
      .set('Authorization', clerk)
      .expect(200);
    const letter = bodyOf(read, 'LetterDetail');
    expect(letter.ownerUnit).toBe('กองการสื่อสารและเทคโนโลยีสารสนเทศ');
    expect(letter.printedStamps).toEqual([
      { unit: 'สำนักงานปลัดกระทรวงมหาดไทย', receiptNumber: 2631, date: '2026-01-15', time: '10:30' },
      { unit: null, receiptNumber: 26, date: '2026-01-16', time: null },
    ]);

    const bad = await t.http
      .post('/api/v1/letters')
      .set('Authorization', clerk)
      .send({
        kind: 'external',
        subject: 'ตรารับผิดรูป',
        printedStamps: [{ unit: 'ก', receiptNumber: 1, date: '15 ม.ค. 69', time: null }],
      })
      .expect(400);
    expect(problemOf(bad).errors![0].field).toMatch(/^printedStamps/);
  });
});
