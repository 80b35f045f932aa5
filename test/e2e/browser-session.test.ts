import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, TEST_PASSWORD, type TestUnit } from '../factories/index.js';
import { SESSION, refreshCookie } from '../harness/refresh-cookie.js';
import { bodyOf, problemOf } from '../harness/api-body.js';

describe('browser sessions: the refresh token in a cookie, with CSRF checks', () => {
  let t: TestApp;
  let f: Factories;
  let unit: TestUnit;

  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
    f = factories(t);
    unit = await f.newUnit({ kind: 'province', nameTh: 'จังหวัดคุกกี้' });
    await f.newUser({
      username: 'browser.clerk',
      memberships: [{ unit, role: 'clerk' }],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  async function browserLogin() {
    const login = await t.http
      .post('/api/v1/auth/login')
      .set(SESSION)
      .send({ username: 'browser.clerk', password: TEST_PASSWORD })
      .expect(200);
    return { body: login.body as Record<string, unknown>, cookie: refreshCookie(login.headers) };
  }

  it('keeps the refresh token out of the body and in an HttpOnly, Secure, SameSite=Strict cookie on the auth path', async () => {
    const { body, cookie } = await browserLogin();
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: t.config.accessTokenTtlSeconds });
    expect(typeof body.accessToken).toBe('string');
    expect(body).not.toHaveProperty('refreshToken');
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/Secure/);
    expect(cookie.attributes).toMatch(/SameSite=Strict/);
    expect(cookie.attributes).toMatch(/Path=\/api\/v1\/auth(;|$)/);
    expect(cookie.attributes).toMatch(
      new RegExp(`Max-Age=${t.config.refreshTokenTtlSeconds}(;|$)`),
    );
  });

  it('still answers API clients with both tokens in JSON and no cookie', async () => {
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'browser.clerk', password: TEST_PASSWORD })
      .expect(200);
    expect(typeof bodyOf(login, 'Session').refreshToken).toBe('string');
    expect(login.headers['set-cookie']).toBeUndefined();
    const refreshed = await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: bodyOf(login, 'Session').refreshToken })
      .expect(200);
    expect(typeof bodyOf(refreshed, 'Session').refreshToken).toBe('string');
  });

  it('refreshes from the cookie, rotating it, and treats the spent cookie as reuse', async () => {
    const { cookie } = await browserLogin();
    const refreshed = await t.http
      .post('/api/v1/auth/refresh')
      .set(SESSION)
      .set('Cookie', cookie.pair)
      .send({})
      .expect(200);
    expect(typeof bodyOf(refreshed, 'Session').accessToken).toBe('string');
    expect(refreshed.body).not.toHaveProperty('refreshToken');
    const next = refreshCookie(refreshed.headers);
    expect(next.pair).not.toBe(cookie.pair);
    await t.http
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${bodyOf(refreshed, 'Session').accessToken}`)
      .expect(200);

    // The old cookie again: the whole session ends, and the browser is told to forget it.
    const reused = await t.http
      .post('/api/v1/auth/refresh')
      .set(SESSION)
      .set('Cookie', cookie.pair)
      .send({})
      .expect(401);
    expect(problemOf(reused).code).toBe('REFRESH_TOKEN_REUSED');
    expect(refreshCookie(reused.headers).attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
    await t.http
      .post('/api/v1/auth/refresh')
      .set(SESSION)
      .set('Cookie', next.pair)
      .send({})
      .expect(401);
  });

  it('refuses a cookie refresh without the session header, or from another origin (CSRF)', async () => {
    const { cookie } = await browserLogin();
    const bare = await t.http
      .post('/api/v1/auth/refresh')
      .set('Cookie', cookie.pair)
      .send({})
      .expect(403);
    expect(bare.body).toMatchObject({ code: 'CSRF_CHECK_FAILED' });
    expect(problemOf(bare).detail).toMatch(/[\u0E00-\u0E7F]/);
    // A form post from another site: no custom header, foreign Origin.
    await t.http
      .post('/api/v1/auth/refresh')
      .set('Cookie', cookie.pair)
      .set('Origin', 'https://evil.example')
      .type('form')
      .send('x=1')
      .expect(403);
    const foreign = await t.http
      .post('/api/v1/auth/refresh')
      .set(SESSION)
      .set('Cookie', cookie.pair)
      .set('Origin', 'https://evil.example')
      .send({})
      .expect(403);
    expect(problemOf(foreign).code).toBe('CSRF_CHECK_FAILED');
    await t.http
      .post('/api/v1/auth/refresh')
      .set(SESSION)
      .set('Cookie', cookie.pair)
      .set('Origin', 'not a url')
      .send({})
      .expect(403);
    // The refused attempts spent nothing: the cookie still works from this origin.
    const host = `http://127.0.0.1`;
    const same = await t.http
      .post('/api/v1/auth/refresh')
      .set(SESSION)
      .set('Host', '127.0.0.1')
      .set('Origin', host)
      .set('Cookie', cookie.pair)
      .send({})
      .expect(200);
    expect(typeof bodyOf(same, 'Session').accessToken).toBe('string');
  });

  it('refuses a null or empty refresh token in the body as invalid input, not a cookie request', async () => {
    for (const refreshToken of [null, '', 42]) {
      const res = await t.http.post('/api/v1/auth/refresh').send({ refreshToken }).expect(400);
      expect(problemOf(res).code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers a cookie refresh with no cookie as an invalid refresh token', async () => {
    const none = await t.http.post('/api/v1/auth/refresh').set(SESSION).send({}).expect(401);
    expect(problemOf(none).code).toBe('REFRESH_TOKEN_INVALID');
    await t.http
      .post('/api/v1/auth/refresh')
      .set(SESSION)
      .set('Cookie', 'other=1; saraban_refresh=%E0%A4%A')
      .send({})
      .expect(401);
  });

  it('signs out: the session is revoked and the cookie cleared', async () => {
    const { body, cookie } = await browserLogin();
    const out = await t.http
      .post('/api/v1/auth/logout')
      .set(SESSION)
      .set('Authorization', `Bearer ${body.accessToken as string}`)
      .expect(204);
    expect(refreshCookie(out.headers).attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(refreshCookie(out.headers).attributes).toMatch(/Path=\/api\/v1\/auth/);
    await t.http
      .post('/api/v1/auth/refresh')
      .set(SESSION)
      .set('Cookie', cookie.pair)
      .send({})
      .expect(401);
    await t.http
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${body.accessToken as string}`)
      .expect(401);
  });
});
