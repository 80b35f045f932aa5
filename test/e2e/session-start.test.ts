import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, TEST_PASSWORD, type TestUnit } from '../factories/index.js';
import { SESSION, refreshCookie } from '../harness/refresh-cookie.js';
import { bodyOf, idOf, problemOf } from '../harness/api-body.js';

/**
 * The console's first request (POST /auth/start): the session refreshed from its cookie, who
 * is signed in and a letter's progress in one answer, each as if asked alone; refused as a
 * refresh is, and never spending the cookie on a request it refuses.
 */
describe('session start: refresh, /me and a letter’s progress in one round trip', () => {
  let t: TestApp;
  let f: Factories;
  let ministry: TestUnit;
  let province: TestUnit;
  let other: TestUnit;
  let letterId: string;
  let hiddenLetterId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    t.clock.set('2026-01-15T03:55:00Z');
    ministry = await f.newMinistry();
    province = await f.newUnit({
      nameTh: 'จังหวัดร้อยเอ็ด',
      kind: 'province',
      parent: ministry,
      letterCode: 'รอ',
      ownerNumber: '0017',
    });
    other = await f.newUnit({ nameTh: 'จังหวัดขอนแก่น', kind: 'province', parent: ministry });
    await f.newUser({ username: 'start.moi', memberships: [{ unit: ministry, role: 'clerk' }] });
    await f.newUser({
      username: 'start.roiet',
      displayName: 'นางสาวเริ่ม ต้นวัน',
      memberships: [{ unit: province, role: 'head' }],
    });
    const moi = (await f.signIn('start.moi')).headers.Authorization;
    const write = async (subject: string) =>
      idOf(
        await t.http
          .post('/api/v1/letters')
          .set('Authorization', moi)
          .send({ kind: 'external', speed: 'urgent', secrecy: 'none', subject })
          .expect(201),
      );
    letterId = await write('การเตรียมการรับมือภัยแล้ง');
    await f.numberAndForward(moi, ministry.id, letterId, { unitIds: [province.id, other.id] });
    hiddenLetterId = await write('หนังสือที่ยังไม่ได้ส่ง');
  });
  afterAll(async () => {
    await t.close();
  });

  async function browserLogin(): Promise<string> {
    const login = await t.http
      .post('/api/v1/auth/login')
      .set(SESSION)
      .send({ username: 'start.roiet', password: TEST_PASSWORD })
      .expect(200);
    return refreshCookie(login.headers).pair;
  }

  const start = (cookie: string, body: object) =>
    t.http.post('/api/v1/auth/start').set(SESSION).set('Cookie', cookie).send(body);

  it('rotates the cookie and answers who is signed in and the progress as their own reads do', async () => {
    const cookie = await browserLogin();
    const res = await start(cookie, { progress: { letterId, limit: 50 } }).expect(200);
    const started = bodyOf(res, 'SessionStartResponse');
    expect(started.session).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: t.config.accessTokenTtlSeconds,
    });
    expect(started.session).not.toHaveProperty('refreshToken');
    const next = refreshCookie(res.headers);
    expect(next.pair).not.toBe(cookie);
    expect(next.attributes).toMatch(/HttpOnly/);

    const bearer = `Bearer ${started.session.accessToken}`;
    const me = await t.http.get('/api/v1/me').set('Authorization', bearer).expect(200);
    expect(started.me).toEqual(me.body);
    expect(started.me.user.displayName).toBe('นางสาวเริ่ม ต้นวัน');
    const alone = await t.http
      .get(`/api/v1/letters/${letterId}/progress?limit=50`)
      .set('Authorization', bearer)
      .expect(200);
    expect(started.progress).toEqual({ status: 200, body: bodyOf(alone, 'LetterProgress') });
    expect(bodyOf(alone, 'LetterProgress').unit.id).toBe(province.id);

    // The cookie it replaced is spent: presented again, it ends the session.
    const reused = await start(cookie, {}).expect(401);
    expect(problemOf(reused).code).toBe('REFRESH_TOKEN_REUSED');
    expect(refreshCookie(reused.headers).attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
    await start(next.pair, {}).expect(401);
  });

  it('answers the session and /me alone when no progress is asked for', async () => {
    const res = await start(await browserLogin(), {}).expect(200);
    const started = bodyOf(res, 'SessionStartResponse');
    expect(started.me.unitIds).toEqual([province.id]);
    expect(started).not.toHaveProperty('progress');
  });

  it('keeps the session when a read is refused: the refusal comes back as that read’s problem', async () => {
    const cases: [string, object][] = [
      ['a letter the unit never received', { letterId: hiddenLetterId }],
      ['no such letter', { letterId: '00000000-0000-4000-8000-000000000000' }],
      ['a unit outside what the user may see', { letterId, unitId: other.id }],
    ];
    for (const [name, progress] of cases) {
      const res = await start(await browserLogin(), { progress }).expect(200);
      const started = bodyOf(res, 'SessionStartResponse');
      expect(started.progress?.status, name).toBe(404);
      const problem = started.progress?.body as { code?: string; detail?: string; status?: number };
      expect(problem.status, name).toBe(404);
      expect(problem.detail, name).toMatch(/[\u0E00-\u0E7F]/);
      // The new session works, and its cookie is the browser's now.
      await t.http
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${started.session.accessToken}`)
        .expect(200);
      await start(refreshCookie(res.headers).pair, {}).expect(200);
    }
  });

  it('refuses a malformed request without spending the cookie', async () => {
    const cookie = await browserLogin();
    const bad: object[] = [
      { progress: { letterId: 'not-a-uuid' } },
      { progress: { letterId, unitId: 'x' } },
      { progress: { letterId, limit: 0 } },
      { progress: { letterId, limit: 501 } },
      { progress: [] },
      { progress: 'x' },
      { progress: {} },
    ];
    for (const body of bad) {
      const res = await start(cookie, body).expect(400);
      expect(problemOf(res).code, JSON.stringify(body)).toBe('VALIDATION_FAILED');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    await start(cookie, {}).expect(200);
  });

  it('refuses a start without the session header or from another origin (CSRF), spending nothing', async () => {
    const cookie = await browserLogin();
    const bare = await t.http.post('/api/v1/auth/start').set('Cookie', cookie).send({}).expect(403);
    expect(problemOf(bare).code).toBe('CSRF_CHECK_FAILED');
    await t.http
      .post('/api/v1/auth/start')
      .set(SESSION)
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
      .send({})
      .expect(403);
    const none = await t.http.post('/api/v1/auth/start').set(SESSION).send({}).expect(401);
    expect(problemOf(none).code).toBe('REFRESH_TOKEN_INVALID');
    await start(cookie, {}).expect(200);
  });

  it('refuses the cookie of a closed account and forgets it', async () => {
    await f.newUser({ username: 'start.gone', memberships: [{ unit: province, role: 'clerk' }] });
    const login = await t.http
      .post('/api/v1/auth/login')
      .set(SESSION)
      .send({ username: 'start.gone', password: TEST_PASSWORD })
      .expect(200);
    await t.dataSource.query(`UPDATE users SET active = false WHERE username = 'start.gone'`);
    const res = await start(refreshCookie(login.headers).pair, {}).expect(401);
    expect(refreshCookie(res.headers).attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
  });
});
