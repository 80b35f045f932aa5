import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { TcpProxy } from '../harness/tcp-proxy.js';
import { factories, type Factories, TEST_PASSWORD, type TestUnit } from '../factories/index.js';
import { bodyOf, problemOf } from '../harness/api-body.js';

const THAI = /[\u0E00-\u0E7F]/;

function forge(header: object, payload: object, secret: string): string {
  const h = Buffer.from(JSON.stringify(header)).toString('base64url');
  const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const s = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${s}`;
}

function claimsOf(token: string): Record<string, unknown> {
  const claims: unknown = JSON.parse(
    Buffer.from(token.split('.')[1], 'base64url').toString('utf8'),
  );
  if (typeof claims !== 'object' || claims === null)
    throw new Error(`not a claims object: ${token}`);
  return claims as Record<string, unknown>;
}

describe('sign-in, tokens and sessions', () => {
  let t: TestApp;
  let f: Factories;
  let province: TestUnit;
  let district: TestUnit;

  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
    f = factories(t);
    const root = await f.newUnit({ kind: 'ministry', nameTh: 'กระทรวงทดสอบ' });
    province = await f.newUnit({
      parent: root,
      kind: 'province',
      nameTh: 'จังหวัดทดสอบ',
    });
    district = await f.newUnit({
      parent: province,
      kind: 'district',
      nameTh: 'อำเภอทดสอบ',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs in, answers /me from the database, and refuses a wrong password alike for unknown users', async () => {
    const user = await f.newUser({
      username: 'somjai',
      memberships: [{ unit: district, role: 'clerk' }],
    });
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'SomJai', password: TEST_PASSWORD })
      .expect(200);
    expect(login.body).toMatchObject({
      expiresIn: t.config.accessTokenTtlSeconds,
      tokenType: 'Bearer',
    });
    const me = await t.http
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${bodyOf(login, 'Session').accessToken}`)
      .expect(200);
    const mine = bodyOf(me, 'MeResponse');
    expect(mine.user).toMatchObject({ id: user.id, username: 'somjai', clearance: 'none' });
    expect(mine.memberships).toEqual([
      expect.objectContaining({ unitId: district.id, role: 'clerk', acting: false }),
    ]);
    expect(mine.unitIds).toEqual([district.id]);

    const wrong = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'somjai', password: 'not-the-password-1' })
      .expect(401);
    const unknown = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'nobody.here', password: 'not-the-password-1' })
      .expect(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problemOf(wrong).code).toBe('INVALID_CREDENTIALS');
    expect(problemOf(unknown).code).toBe('INVALID_CREDENTIALS');
    expect(problemOf(unknown).detail).toBe(problemOf(wrong).detail);
    expect(problemOf(wrong).detail).toMatch(THAI);
    await t.http.get('/api/v1/me').expect(401);
  });

  it('refuses forged tokens: alg none, other algorithms, wrong key, refresh token as access', async () => {
    const user = await f.newUser({ memberships: [{ unit: district, role: 'clerk' }] });
    const session = await f.signIn(user.username);
    const claims = claimsOf(session.accessToken);
    const unsigned = (header: object) =>
      `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    const attacks = [
      unsigned({ alg: 'none', typ: 'at+jwt' }),
      unsigned({ alg: 'None', typ: 'at+jwt' }),
      forge({ alg: 'none', typ: 'at+jwt' }, claims, t.config.jwtAccessSecret),
      forge({ alg: 'HS512', typ: 'at+jwt' }, claims, t.config.jwtAccessSecret),
      forge({ alg: 'HS256', typ: 'at+jwt' }, claims, 'an-attacker-key-that-is-long-enough-123'),
      forge({ alg: 'HS256', typ: 'at+jwt' }, claims, t.config.jwtRefreshSecret),
      forge(
        { alg: 'HS256', typ: 'at+jwt' },
        { ...claims, sub: '00000000-0000-4000-8000-000000000000' },
        'x'.repeat(40),
      ),
      // Keys that were once published as development defaults sign nothing here.
      forge(
        { alg: 'HS256', typ: 'at+jwt' },
        claims,
        'saraban-development-access-secret-do-not-use-in-production',
      ),
      forge(
        { alg: 'HS256', typ: 'at+jwt' },
        claims,
        'saraban-development-refresh-secret-do-not-use-in-production',
      ),
      session.refreshToken,
      `${session.accessToken}x`,
    ];
    for (const token of attacks) {
      const res = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`);
      expect(res.status, token).toBe(401);
      expect(problemOf(res).code).toMatch(/^(TOKEN_INVALID|UNAUTHENTICATED)$/);
    }
    // The genuine token still works.
    await t.http.get('/api/v1/me').set(session.headers).expect(200);
  });

  it('expires access tokens by the injected clock; refresh still works', async () => {
    const user = await f.newUser({ memberships: [{ unit: district, role: 'clerk' }] });
    const session = await f.signIn(user.username);
    t.clock.advance((t.config.accessTokenTtlSeconds - 1) * 1000);
    await t.http.get('/api/v1/me').set(session.headers).expect(200);
    t.clock.advance(2000);
    const expired = await t.http.get('/api/v1/me').set(session.headers).expect(401);
    expect(problemOf(expired).code).toBe('TOKEN_INVALID');
    const refreshed = await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: session.refreshToken })
      .expect(200);
    await t.http
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${bodyOf(refreshed, 'Session').accessToken}`)
      .expect(200);
  });

  it('rotates refresh tokens; reusing a spent one revokes the whole family', async () => {
    const user = await f.newUser({ memberships: [{ unit: district, role: 'clerk' }] });
    const first = await f.signIn(user.username);
    const second = await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(200);
    expect(bodyOf(second, 'Session').refreshToken).not.toBe(first.refreshToken);
    const third = await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: bodyOf(second, 'Session').refreshToken })
      .expect(200);

    // An attacker replays the first token.
    const replay = await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    expect(problemOf(replay).code).toBe('REFRESH_TOKEN_REUSED');
    expect(problemOf(replay).detail).toMatch(THAI);
    // The legitimate holder's newest tokens die with the family.
    const after = await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: bodyOf(third, 'Session').refreshToken })
      .expect(401);
    expect(problemOf(after).code).toBe('REFRESH_TOKEN_REUSED');
    await t.http
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${bodyOf(third, 'Session').accessToken}`)
      .expect(401);
    const rows: { revoked_at: Date | null; rotated_from: string | null }[] =
      await t.dataSource.query(
        'SELECT revoked_at, rotated_from FROM refresh_tokens WHERE user_id = $1',
        [user.id],
      );
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.revoked_at !== null)).toBe(true);
    expect(rows.filter((row) => row.rotated_from !== null)).toHaveLength(2);
    const stored: { token_hash: string }[] = await t.dataSource.query(
      'SELECT token_hash FROM refresh_tokens WHERE user_id = $1',
      [user.id],
    );
    expect(stored.map((row) => row.token_hash)).not.toContain(first.refreshToken);
  });

  it('signs out: the session refresh and access tokens stop working, other sessions do not', async () => {
    const user = await f.newUser({ memberships: [{ unit: district, role: 'clerk' }] });
    const phone = await f.signIn(user.username);
    const desk = await f.signIn(user.username);
    await t.http.post('/api/v1/auth/logout').set(phone.headers).expect(204);
    await t.http.get('/api/v1/me').set(phone.headers).expect(401);
    await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: phone.refreshToken })
      .expect(401);
    await t.http.get('/api/v1/me').set(desk.headers).expect(200);
  });

  it('applies membership changes on the next request, not at the next sign-in', async () => {
    const admin = await f.newUser({ memberships: [{ unit: province, role: 'admin' }] });
    const user = await f.newUser({ memberships: [{ unit: district, role: 'head' }] });
    const adminSession = await f.signIn(admin.username);
    const session = await f.signIn(user.username);
    await t.http.get(`/api/v1/units/${district.id}`).set(session.headers).expect(200);
    await t.http.get(`/api/v1/units/${province.id}`).set(session.headers).expect(404);

    // Move the user: add the province membership, end the district one.
    await t.http
      .post(`/api/v1/users/${user.id}/memberships`)
      .set(adminSession.headers)
      .send({ unitId: province.id, role: 'clerk' })
      .expect(201);
    await t.http
      .post(`/api/v1/users/${user.id}/memberships/${user.membershipIds[0]}/end`)
      .set(adminSession.headers)
      .expect(200);
    await t.http.get(`/api/v1/units/${province.id}`).set(session.headers).expect(200);
    const gone = await t.http.get(`/api/v1/units/${district.id}`).set(session.headers).expect(404);
    expect(problemOf(gone).code).toBe('UNIT_NOT_FOUND');
    expect(gone.text).not.toContain('อำเภอทดสอบ');
    const again = await t.http
      .post(`/api/v1/users/${user.id}/memberships/${user.membershipIds[0]}/end`)
      .set(adminSession.headers)
      .expect(409);
    expect(problemOf(again).code).toBe('MEMBERSHIP_ALREADY_ENDED');
  });

  it('grants an acting head (รักษาราชการแทน) the subtree only within the Bangkok date range', async () => {
    const admin = await f.newUser({ memberships: [{ unit: province, role: 'admin' }] });
    const deputy = await f.newUser({
      memberships: [{ unit: province, role: 'official' }],
    });
    t.clock.set('2026-02-02T03:00:00Z');
    const adminSession = await f.signIn(admin.username);
    const span = await t.http
      .post(`/api/v1/users/${deputy.id}/memberships`)
      .set(adminSession.headers)
      .send({
        unitId: province.id,
        role: 'head',
        acting: true,
        startsOn: '2026-02-03',
        endsOn: '2026-02-05',
      })
      .expect(201);
    expect(span.body).toMatchObject({
      acting: true,
      startsAt: '2026-02-02T17:00:00.000Z',
      endsAt: '2026-02-05T17:00:00.000Z',
      live: false,
    });
    // Access tokens are short-lived: sign in again after each jump of the clock.
    const unitAs = async () => {
      const session = await f.signIn(deputy.username);
      return (await t.http.get(`/api/v1/units/${district.id}`).set(session.headers)).status;
    };
    expect(await unitAs()).toBe(404);
    t.clock.set('2026-02-02T17:00:00Z'); // 00:00 on 3 February in Bangkok
    expect(await unitAs()).toBe(200);
    const session = await f.signIn(deputy.username);
    const me = await t.http.get('/api/v1/me').set(session.headers).expect(200);
    expect(bodyOf(me, 'MeResponse').actingHeadOf).toEqual([
      expect.objectContaining({ unitId: province.id }),
    ]);
    t.clock.set('2026-02-05T16:59:59Z');
    expect(await unitAs()).toBe(200);
    t.clock.set('2026-02-05T17:00:00Z');
    expect(await unitAs()).toBe(404);

    t.clock.set('2026-02-05T18:00:00Z');
    const admin2 = await f.signIn(admin.username);
    const bad = await t.http
      .post(`/api/v1/users/${deputy.id}/memberships`)
      .set(admin2.headers)
      .send({
        unitId: province.id,
        role: 'clerk',
        acting: true,
        startsOn: '2026-02-03',
        endsOn: '2026-02-05',
      })
      .expect(422);
    expect(problemOf(bad).code).toBe('ACTING_SPAN_INVALID');
    t.clock.set('2026-01-15T03:55:00Z');
  });

  it('refuses an inactive user', async () => {
    const user = await f.newUser({
      active: false,
      memberships: [{ unit: district, role: 'clerk' }],
    });
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(401);
    expect(problemOf(res).code).toBe('INVALID_CREDENTIALS');
  });
});

describe('sign-in throttling', () => {
  let t: TestApp;
  let f: Factories;
  beforeAll(async () => {
    // As deployed behind a reverse proxy on the same host: its X-Forwarded-For is believed.
    t = await createTestApp({ oneConnection: true, env: { TRUST_PROXY: 'loopback' } });
    f = factories(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After after 5 failures on one account, even for the right password', async () => {
    const root = await f.newUnit({ kind: 'ministry' });
    const user = await f.newUser({ memberships: [{ unit: root, role: 'clerk' }] });
    for (let i = 0; i < 5; i++) {
      await t.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `198.51.100.${i + 1}`)
        .send({ username: user.username, password: `wrong-password-${i}` })
        .expect(401);
    }
    const blocked = await t.http
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '198.51.100.77')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problemOf(blocked).code).toBe('LOGIN_THROTTLED');
    expect(problemOf(blocked).detail).toMatch(THAI);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('answers 429 after 30 failures from one client IP across accounts', async () => {
    for (let i = 0; i < 30; i++) {
      await t.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', '203.0.113.9')
        .send({ username: `guess${i}`, password: 'wrong-password-1' })
        .expect(401);
    }
    const blocked = await t.http
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ username: 'guess-next', password: 'wrong-password-1' })
      .expect(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    // Another client is not affected.
    await t.http
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '203.0.113.10')
      .send({ username: 'guess-next', password: 'wrong-password-1' })
      .expect(401);
  });

  it.each([
    ['no proxy is named', {}],
    ['the named proxy is elsewhere', { TRUST_PROXY: '10.0.0.0/8' }],
  ])(
    'keeps one budget for a caller that rotates X-Forwarded-For when %s',
    async (_case, env: Record<string, string>) => {
      // A prefix of its own: the budget this spends is the loopback address's.
      const prefix = `${process.env.QUEUE_PREFIX}_xff${env.TRUST_PROXY ? 1 : 0}`;
      const app = await createTestApp({ env: { ...env, QUEUE_PREFIX: prefix } });
      try {
        for (let i = 0; i < 30; i++) {
          await app.http
            .post('/api/v1/auth/login')
            .set('X-Forwarded-For', `192.0.2.${i + 1}`)
            .send({ username: `rotate${i}`, password: 'wrong-password-1' })
            .expect(401);
        }
        const blocked = await app.http
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', '192.0.2.200')
          .send({ username: 'rotate-next', password: 'wrong-password-1' })
          .expect(429);
        expect(problemOf(blocked).code).toBe('LOGIN_THROTTLED');
      } finally {
        await app.close();
      }
    },
  );

  it('fails open when Redis is down: sign-in still works', async () => {
    const proxy = new TcpProxy(6379);
    const port = await proxy.start();
    const app = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    try {
      const g = factories(app);
      const root = await g.newUnit({ kind: 'ministry' });
      const user = await g.newUser({ memberships: [{ unit: root, role: 'clerk' }] });
      await g.signIn(user.username);
      await proxy.stop();
      const res = await app.http
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      await app.http
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: 'wrong-password-1' })
        .expect(401);
    } finally {
      await app.close();
      await proxy.stop();
    }
  });
});
