import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { TcpProxy } from '../harness/tcp-proxy.js';
import { bodyOf, problemOf } from '../harness/api-body.js';

describe('HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness', async () => {
    await t.http.get('/health/live').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(bodyOf(ready, 'Readiness').info).toEqual({
      postgresql: { status: 'up' },
      redis: { status: 'up' },
    });
  });

  it('puts a request id on every response, keeping a sane incoming one', async () => {
    const fresh = await t.http.get('/health/live');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.http.get('/health/live').set('X-Request-Id', 'clerk-42');
    expect(echoed.headers['x-request-id']).toBe('clerk-42');
  });

  it('answers an unknown route with problem+json 404', async () => {
    const res = await t.http.get('/api/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not found' });
    expect(problemOf(res).detail).toMatch(/[\u0E00-\u0E7F]/);
    expect(problemOf(res).type).toBe('urn:saraban:problem:not-found');
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    const bad = await t.http
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send('{"subject": ')
      .expect(400);
    expect(problemOf(bad).code).toBe('MALFORMED_BODY');
    const huge = JSON.stringify({ text: 'ก'.repeat(t.config.bodyLimitBytes) });
    const big = await t.http
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send(huge)
      .expect(413);
    expect(big.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    const document = bodyOf(doc, 'OpenApiDocument');
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain('/health/ready');
    const ui = await t.http.get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });
});

describe('readiness follows its dependencies without a restart', () => {
  it('reports Redis down as 503 naming Redis, then 200 when it is back', async () => {
    const proxy = new TcpProxy(6379);
    const port = await proxy.start();
    const t = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    try {
      await t.http.get('/health/ready').expect(200);
      await proxy.stop();
      const down = await t.http.get('/health/ready').expect(503);
      expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', down: ['redis'] });
      expect(problemOf(down).detail).toContain('Redis');
      await proxy.restart();
      await expect
        .poll(async () => (await t.http.get('/health/ready')).status, { timeout: 15_000 })
        .toBe(200);
    } finally {
      await t.close();
      await proxy.stop();
    }
  });

  it('reports PostgreSQL down as 503 naming it, then 200 when it is back', async () => {
    const proxy = new TcpProxy(5432);
    const port = await proxy.start();
    const url = new URL(process.env.DATABASE_URL!);
    url.port = String(port);
    const t = await createTestApp({ env: { DATABASE_URL: url.toString() } });
    try {
      await t.http.get('/health/ready').expect(200);
      await proxy.stop();
      const down = await t.http.get('/health/ready').expect(503);
      expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', down: ['postgresql'] });
      expect(problemOf(down).detail).toContain('PostgreSQL');
      await proxy.restart();
      await expect
        .poll(async () => (await t.http.get('/health/ready')).status, { timeout: 15_000 })
        .toBe(200);
    } finally {
      await t.close();
      await proxy.stop();
    }
  });
});
