import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReconcileSweep } from 'src/worker/reconcile.cron.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { TcpProxy } from '../harness/tcp-proxy.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { bodyOf, idOf } from '../harness/api-body.js';

/**
 * Redis away for a while (a TCP proxy in front of it is stopped): numbering and forwarding
 * still answer quickly, and the escalations catch up through the sweep when it returns.
 */
describe('escalation with Redis down', () => {
  let t: TestApp;
  let f: Factories;
  let proxy: TcpProxy;
  let ministry: TestUnit;
  let province: TestUnit;
  let auth: string;

  beforeAll(async () => {
    const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    proxy = new TcpProxy(Number(redis.port || 6379), redis.hostname);
    const port = await proxy.start();
    t = await createTestApp({
      worker: true,
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_ENQUEUE_TIMEOUT_MS: '300' },
    });
    f = factories(t);
    t.clock.set('2026-04-10T08:30:00Z');
    ministry = await f.newMinistry();
    province = await f.newUnit({ kind: 'other', nameTh: 'จังหวัดร้อยเอ็ด', parent: ministry });
    await f.newUser({ username: 'clerk.moi', memberships: [{ unit: ministry, role: 'clerk' }] });
    await f.newUser({ username: 'clerk.roiet', memberships: [{ unit: province, role: 'clerk' }] });
    auth = (await f.signIn('clerk.moi')).headers.Authorization;
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.stop();
  }, 60_000);

  it('forwards succeed while Redis is down; the sweep schedules the escalation when it returns', async () => {
    await proxy.stop();
    const post = (path: string, body: object) =>
      t.http.post(`/api/v1${path}`).set('Authorization', auth).send(body);
    const letter = await post('/letters', {
      kind: 'external',
      speed: 'most_urgent',
      subject: 'ขอข้อมูล',
    }).expect(201);
    const registers = await t.http
      .get(`/api/v1/units/${ministry.id}/registers`)
      .set('Authorization', auth)
      .expect(200);
    const outgoing = (registers.body as { id: string; kind: string }[]).find(
      (r) => r.kind === 'outgoing',
    )!;
    const entry = await post(`/registers/${outgoing.id}/numbers`, {
      letterId: idOf(letter),
    }).expect(201);
    const started = Date.now();
    const forward = await post(`/register-entries/${idOf(entry)}/forwards`, {
      unitIds: [province.id],
    }).expect(201);
    // Bounded by QUEUE_ENQUEUE_TIMEOUT_MS, not by Redis coming back.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(bodyOf(forward, 'ForwardResult').dueAt).toBe('2026-04-16T02:30:00.000Z');

    // Past the due time the sweep cannot enqueue yet: nothing is lost, nothing happens.
    t.clock.set('2026-04-16T03:00:00Z');
    await t.get(ReconcileSweep).run();
    await proxy.restart();
    await new Promise((resolve) => setTimeout(resolve, 2500)); // clients reconnect
    t.clock.advance(60_000);
    const result = await t.get(ReconcileSweep).run();
    expect(result).toMatchObject({ ran: true, enqueued: 1 });
    const start = Date.now();
    let rows: unknown[] = [];
    while (rows.length === 0 && Date.now() - start < 20_000) {
      rows = await t.dataSource.query(`SELECT level FROM escalations`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(rows).toEqual([{ level: 1 }]);
  });
});
