import { type IncomingMessage, request as httpRequest } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, TEST_PASSWORD, type TestUnit } from '../factories/index.js';
import { SESSION, refreshCookie } from '../harness/refresh-cookie.js';
import { type Body, bodyOf, idOf, problemOf } from '../harness/api-body.js';

/**
 * The answer as the console reads it: newline-delimited JSON when started (each line parsed),
 * else the problem.
 */
function readStart(res: IncomingMessage, callback: (error: Error | null, body: unknown) => void) {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => {
    try {
      callback(
        null,
        String(res.headers['content-type']).startsWith('application/x-ndjson')
          ? text
              .split('\n')
              .filter((line) => line !== '')
              .map((line) => JSON.parse(line) as unknown)
          : JSON.parse(text),
      );
    } catch (error) {
      callback(error as Error, null);
    }
  });
}

type Started = [Body<'SessionStartHead'>, Body<'SessionStartProgress'>?];

/** The lines of a started session; exactly `lines` of them. */
function linesOf(res: { status: number; body: unknown }, lines: 1 | 2): Started {
  expect(res.status).toBe(200);
  expect(res.body).toHaveLength(lines);
  return res.body as Started;
}

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
    t.http
      .post('/api/v1/auth/start')
      .set(SESSION)
      .set('Cookie', cookie)
      .send(body)
      .buffer(true)
      .parse((res, callback) => readStart(res as unknown as IncomingMessage, callback));

  it('rotates the cookie and answers who is signed in and the progress as their own reads do', async () => {
    const cookie = await browserLogin();
    const res = await start(cookie, { progress: { letterId, limit: 50 } }).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const [started, progress] = linesOf(res, 2);
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
    expect(progress).toEqual({ progress: { status: 200, body: bodyOf(alone, 'LetterProgress') } });
    expect(bodyOf(alone, 'LetterProgress').unit.id).toBe(province.id);

    // The cookie it replaced is spent: presented again, it ends the session.
    const reused = await start(cookie, {}).expect(401);
    expect(problemOf(reused).code).toBe('REFRESH_TOKEN_REUSED');
    expect(refreshCookie(reused.headers).attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
    await start(next.pair, {}).expect(401);
  });

  it('writes the session before the progress is read, so the page signs in meanwhile', async () => {
    const cookie = await browserLogin();
    const server = t.app.getHttpServer();
    if (!server.listening)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // Nothing can read the deliveries until this transaction ends: the progress waits.
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    let text = '';
    let response: IncomingMessage;
    try {
      await holder.query('LOCK TABLE deliveries IN ACCESS EXCLUSIVE MODE');
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/auth/start',
        headers: { ...SESSION, Cookie: cookie, 'Content-Type': 'application/json' },
      });
      request.end(JSON.stringify({ progress: { letterId } }));
      [response] = (await once(request, 'response')) as [IncomingMessage];
      expect(response.statusCode).toBe(200);
      response.setEncoding('utf8');
      await new Promise<void>((resolve) => {
        const take = (chunk: string) => {
          text += chunk;
          if (!text.includes('\n')) return;
          response.off('data', take);
          response.pause();
          resolve();
        };
        response.on('data', take);
      });
      const head = JSON.parse(text.slice(0, text.indexOf('\n'))) as Body<'SessionStartHead'>;
      await t.http
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${head.session.accessToken}`)
        .expect(200);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    response.on('data', (chunk: string) => (text += chunk));
    response.resume();
    await once(response, 'end');
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(2);
    const read = JSON.parse(lines[1]) as Body<'SessionStartProgress'>;
    expect(read.progress.status).toBe(200);
  });

  it('answers the session and /me alone when no progress is asked for', async () => {
    const res = await start(await browserLogin(), {}).expect(200);
    const [started] = linesOf(res, 1);
    expect(started.me.unitIds).toEqual([province.id]);
    expect(Object.keys(started).sort()).toEqual(['me', 'session']);
  });

  it('keeps the session when a read is refused: the refusal comes back as that read’s problem', async () => {
    const cases: [string, object][] = [
      ['a letter the unit never received', { letterId: hiddenLetterId }],
      ['no such letter', { letterId: '00000000-0000-4000-8000-000000000000' }],
      ['a unit outside what the user may see', { letterId, unitId: other.id }],
    ];
    for (const [name, progress] of cases) {
      const res = await start(await browserLogin(), { progress }).expect(200);
      const [started, read] = linesOf(res, 2);
      expect(read?.progress.status, name).toBe(404);
      const problem = read?.progress.body as { code?: string; detail?: string; status?: number };
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
