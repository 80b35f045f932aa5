import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories } from '../factories/index.js';
import { scanJsonShape } from 'src/http/json-guard.js';
import { problemOf } from '../harness/api-body.js';

const nested = (levels: number, open = '[', close = ']') =>
  `${open.repeat(levels)}${close.repeat(levels)}`;

describe('request bombs are refused at the body parser', () => {
  let t: TestApp;
  let f: Factories;
  let auth: string;
  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
    f = factories(t);
    const unit = await f.newUnit({ kind: 'other', nameTh: 'หน่วยทดสอบคำขอ' });
    await f.newUser({ username: 'bomb.clerk', memberships: [{ unit, role: 'clerk' }] });
    auth = (await f.signIn('bomb.clerk')).headers.Authorization;
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  }, 300_000);

  const post = (path: string, body: string) =>
    t.http.post(path).set('Content-Type', 'application/json').send(body);

  it.each([
    ['arrays, 20,000 levels', nested(20_000)],
    ['objects, 20,000 levels', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`],
    ['mixed, just past the limit', `{"a":${nested(40, '[{"b":', '}]')}}`],
    ['unclosed, 300,000 levels', '['.repeat(300_000)],
  ])('nesting: %s answers 400 BODY_TOO_DEEP, anonymous or signed in', async (_name, body) => {
    for (const path of ['/api/v1/auth/login', '/api/v1/letters']) {
      const res = await post(path, body).set('Authorization', auth);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(problemOf(res).code).toBe('BODY_TOO_DEEP');
    }
  });

  it('refuses an object with too many keys and an array with too many items (413)', async () => {
    const keys = `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
    const items = `{"fileIds":[${'1,'.repeat(20_000)}1]}`;
    for (const body of [keys, items]) {
      const res = await post('/api/v1/letters', body).set('Authorization', auth);
      expect(res.status).toBe(413);
      expect(problemOf(res).code).toBe('BODY_TOO_MANY_MEMBERS');
    }
  });

  it('does not count brackets and commas inside strings', async () => {
    const text = `${'[{,'.repeat(5000)}\\"]}`;
    const res = await post(
      '/api/v1/auth/login',
      JSON.stringify({ username: text, password: 'x'.repeat(20) }),
    );
    expect(problemOf(res).code).not.toMatch(/^BODY_/);
  });

  it('keeps /health/live answering while 300,000 levels (600 KB) arrive', async () => {
    const bomb = nested(300_000);
    let slowest = 0;
    let answered = 0;
    let done = false;
    const pings = (async () => {
      while (!done) {
        const started = performance.now();
        await t.http.get('/health/live').expect(200);
        slowest = Math.max(slowest, performance.now() - started);
        answered++;
      }
    })();
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => post('/api/v1/auth/login', bomb)),
    );
    const bombMs = performance.now() - started;
    done = true;
    await pings;
    for (const res of results) expect(problemOf(res).code).toBe('BODY_TOO_DEEP');
    expect(answered).toBeGreaterThan(0);
    // A responsiveness check, not a speed figure: the parser used to walk each bomb for
    // seconds on this thread; now no answer to the liveness probe waits anywhere near that.
    expect(slowest).toBeLessThan(Math.max(500, bombMs));
  });
});

describe('the JSON shape scan', () => {
  const limits = { maxDepth: 4, maxMembers: 3 };
  const scan = (text: string) => scanJsonShape(Buffer.from(text), limits);

  it.each([
    ['[[[[1]]]]', undefined],
    ['[[[[[1]]]]]', 'depth'],
    ['{"a":{"b":{"c":{"d":1}}}}', undefined],
    ['{"a":{"b":{"c":{"d":{}}}}}', 'depth'],
    ['"[[[[[[[[[["', undefined],
    ['["\\"[[[[[[[["]', undefined],
    ['[1,2,3]', undefined],
    ['[1,2,3,4]', 'members'],
    ['[[1,2],[1,2],[1,2]]', undefined],
    ['{"a":"x,y,z,w"}', undefined],
    ['{"a":"\\u0000"}', 'nul'],
    ['{"a":"\\\\u0000"}', undefined],
  ])('%s → %s', (text, kind) => {
    expect(scan(text)?.kind).toBe(kind);
  });
});
