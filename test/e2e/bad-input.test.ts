import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { idOf, problemOf } from '../harness/api-body.js';

/**
 * Values that used to reach PostgreSQL and answer 500. Each answers a 4xx problem+json
 * with a stable code now, refused by the validation of its kind (not by the one example):
 * U+0000 anywhere, null for a field that cannot be null, an array for an object, numbers
 * past the column's range.
 */
describe('bad input answers 4xx, never 500', () => {
  let t: TestApp;
  let f: Factories;
  let admin: string;
  let clerk: string;
  let province: TestUnit;
  let district: TestUnit;
  let entryId: string;
  let registerId: string;

  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
    f = factories(t);
    const ministry = await f.newMinistry();
    province = await f.newUnit({
      parent: ministry,
      kind: 'province',
      nameTh: 'จังหวัดข้อมูลเสีย',
      letterCode: 'ขส',
    });
    district = await f.newUnit({
      parent: province,
      kind: 'district',
      nameTh: 'อำเภอข้อมูลเสีย',
    });
    await f.newUser({ username: 'bad.admin', memberships: [{ unit: ministry, role: 'admin' }] });
    await f.newUser({ username: 'bad.clerk', memberships: [{ unit: province, role: 'clerk' }] });
    admin = (await f.signIn('bad.admin')).headers.Authorization;
    clerk = (await f.signIn('bad.clerk')).headers.Authorization;
    const letter = await t.http
      .post('/api/v1/letters')
      .set('Authorization', clerk)
      .send({ kind: 'external', subject: 'หนังสือทดสอบข้อมูลเสีย' })
      .expect(201);
    const registers = await t.http
      .get(`/api/v1/units/${province.id}/registers`)
      .set('Authorization', clerk)
      .expect(200);
    const incoming = (registers.body as { id: string; kind: string }[]).find(
      (r) => r.kind === 'incoming',
    )!;
    registerId = incoming.id;
    const entry = await t.http
      .post(`/api/v1/registers/${incoming.id}/entries`)
      .set('Authorization', clerk)
      .send({ letterId: idOf(letter) })
      .expect(201);
    entryId = idOf(entry);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  }, 300_000);

  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: { code?: string } },
    status: number,
    code?: string,
  ) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (code) expect(problemOf(res).code).toBe(code);
  };

  it('refuses U+0000 in any text: anonymous sign-in, bodies, query strings', async () => {
    expectProblem(
      await t.http
        .post('/api/v1/auth/login')
        .send({ username: 'a\u0000b', password: 'x'.repeat(14) }),
      400,
      'TEXT_CONTAINS_NUL',
    );
    expectProblem(
      await t.http
        .post('/api/v1/auth/login')
        .send({ username: 'bad.clerk', password: 'test\u0000password' }),
      400,
      'TEXT_CONTAINS_NUL',
    );
    expectProblem(
      await t.http
        .post('/api/v1/letters')
        .set('Authorization', clerk)
        .send({ kind: 'external', subject: 'เรื่อง\u0000ทดสอบ' }),
      400,
      'TEXT_CONTAINS_NUL',
    );
    expectProblem(
      await t.http
        .post(`/api/v1/register-entries/${entryId}/annotations`)
        .set('Authorization', clerk)
        .send({ text: 'เกษียน\u0000' }),
      400,
      'TEXT_CONTAINS_NUL',
    );
    expectProblem(
      await t.http.get('/api/v1/letters').query({ q: 'ทดสอบ\u0000' }).set('Authorization', clerk),
      400,
      'TEXT_CONTAINS_NUL',
    );
    expectProblem(
      await t.http
        .post('/api/v1/intake/parse')
        .set('Authorization', clerk)
        .set('Content-Type', 'text/plain')
        .send('ที่ มท ๐๒๑๐\u0000'),
      400,
      'TEXT_CONTAINS_NUL',
    );
  });

  it('refuses an id of a unit that does not exist with 422, not 500', async () => {
    for (const senderUnitId of [randomUUID(), '00000000-0000-0000-0000-000000000000']) {
      const before = await t.http.get('/api/v1/letters').set('Authorization', clerk).expect(200);
      expectProblem(
        await t.http
          .post('/api/v1/letters')
          .set('Authorization', clerk)
          .send({ kind: 'external', subject: 'หนังสือจากหน่วยงานที่ไม่มี', senderUnitId }),
        422,
        'UNKNOWN_REFERENCE',
      );
      // Nothing half-written: the clerk's letters are as they were.
      const after = await t.http.get('/api/v1/letters').set('Authorization', clerk).expect(200);
      expect(after.body).toEqual(before.body);
    }
  });

  it('refuses null for a field that cannot be null (PATCH and POST alike)', async () => {
    for (const body of [{ nameTh: null }, { referenceDigits: null }]) {
      expectProblem(
        await t.http.patch(`/api/v1/units/${district.id}`).set('Authorization', admin).send(body),
        400,
        'VALIDATION_FAILED',
      );
    }
    expectProblem(
      await t.http
        .post('/api/v1/letters')
        .set('Authorization', clerk)
        .send({ kind: 'external', subject: 'หนังสือ', speed: null, secrecy: null }),
      400,
      'VALIDATION_FAILED',
    );
    // A field that may be cleared still takes null.
    await t.http
      .patch(`/api/v1/units/${district.id}`)
      .set('Authorization', admin)
      .send({ shortName: null })
      .expect(200);
  });

  it('refuses an array where an object is expected', async () => {
    expectProblem(
      await t.http
        .post(`/api/v1/register-entries/${entryId}/forwards`)
        .set('Authorization', clerk)
        .send({ unitIds: [district.id], annotation: [] }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await t.http
        .post('/api/v1/admin/holidays/import')
        .set('Authorization', admin)
        .send({ year: 2026, holidays: [[]] }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await t.http
        .post('/api/v1/letters')
        .set('Authorization', clerk)
        .send({ kind: 'external', subject: 'หนังสือ', signatory: ['นาย ก'] }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses numbers and cursors out of range in query strings and paths', async () => {
    for (const query of [{ after: '2147483648' }, { after: '1e308' }, { limit: '1e308' }]) {
      const res = await t.http
        .get(`/api/v1/registers/${registerId}/entries`)
        .query(query)
        .set('Authorization', clerk);
      expectProblem(res, 400);
    }
    for (const cursor of ['2147483648', '1e308', 'eyJpZCI6MjE0NzQ4MzY0OH0', '!!!']) {
      for (const path of [
        '/api/v1/letters',
        `/api/v1/units/${province.id}/inbox`,
        '/api/v1/notifications',
        `/api/v1/units/${province.id}/children`,
      ]) {
        const res = await t.http.get(path).query({ cursor }).set('Authorization', clerk);
        expect(res.status, `${path} ${cursor} ${JSON.stringify(res.body)}`).toBeLessThan(500);
      }
    }
    const res = await t.http
      .get(`/api/v1/letters/${registerId}/files/2147483648`)
      .set('Authorization', clerk);
    expect(res.status).toBeLessThan(500);
  });
});
