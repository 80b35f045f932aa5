import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { JobQueue } from 'src/queue/job-queue.js';
import { escalationJobId, type JobRequest } from 'src/queue/jobs.js';
import { type ApiProcess, startApi } from '../harness/api-process.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { startWorker, until, type WorkerProcess } from '../harness/worker-process.js';
import { factories, type Factories, TEST_PASSWORD } from '../factories/index.js';
import { countOf } from '../harness/sql.js';

const LETTERS = 80;
const DELIVERIES = 50;
const LEVELS = 4;
const DAY = 24 * 3_600_000;

/**
 * The scale-out shape: two API processes and two workers on one database and one queue
 * prefix, all at once. Registrations spread over both APIs into one register keep their
 * numbers gap-free and unique (invariant 3); the escalation ladder of overdue deliveries,
 * run by both workers (both also running the sweep), records each (delivery, level) once
 * and tells each person once (invariant 4).
 */
describe('two API processes and two workers together', () => {
  let t: TestApp;
  let f: Factories;
  let ds: DataSource;
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    // No worker in this process: the spawned ones do the work.
    t = await createTestApp();
    f = factories(t);
    ds = t.dataSource;
  });
  afterAll(async () => {
    for (const api of apis) api.child.kill('SIGKILL');
    for (const worker of workers) worker.child.kill('SIGKILL');
    await t?.close();
  });

  const count = (sql: string, params: unknown[] = []) => countOf(ds, sql, params);

  it('numbers stay gap-free across both APIs and every rung is recorded once across both workers', async () => {
    const { province, district } = await f.newLadderUnits(['clerk1.mueang', 'clerk2.mueang']);
    await f.newUser({
      username: 'clerk.registry',
      memberships: [{ unit: province, role: 'clerk' }],
    });
    const [register]: { id: string }[] = await ds.query(
      `INSERT INTO registers (unit_id, kind, direction, name, created_at)
       VALUES ($1, 'incoming', 'incoming', 'ทะเบียนหนังสือรับ (สองกระบวนการ)', now()) RETURNING id`,
      [province.id],
    );
    const letters: { id: string }[] = await ds.query(
      `INSERT INTO letters (id, kind, subject, root_letter_id, created_unit_id, created_at)
       SELECT g.id, 'external', 'หนังสือทดสอบสองกระบวนการที่ ' || g.n, g.id, $1, now()
         FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $2::int) AS n) g
       RETURNING id`,
      [province.id, LETTERS],
    );
    const now = Date.now();
    const deliveryIds = await f.newDeliveries({
      sender: province,
      recipient: district,
      count: DELIVERIES,
      sentAt: new Date(now - 61 * DAY),
      dueAt: new Date(now - 60 * DAY),
      speed: 'most_urgent',
    });

    // Small pools so that the registrations queue for connections and interleave; a long
    // wait for one so that a loaded machine slows the burst down instead of failing it with
    // 503 (what is tested is the numbering, not the pool's timeout).
    const pool = { DATABASE_POOL_SIZE: '4', DATABASE_POOL_WAIT_MS: '60000' };
    apis.push(...(await Promise.all([startApi(pool), startApi(pool)])));
    workers.push(startWorker(), startWorker());
    // Half of the level-1 wake-ups wait in Redis; the sweeps of both workers find the rest.
    await t.get(JobQueue).add(
      deliveryIds.slice(0, DELIVERIES / 2).map((deliveryId): JobRequest => ({
        name: 'escalation.level',
        id: escalationJobId(deliveryId, 1),
        data: { deliveryId, level: 1 },
      })),
    );

    const login = await fetch(`${apis[0].url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'clerk.registry', password: TEST_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const answers = await Promise.all(
      letters.map(async (letter, i) => {
        const res = await fetch(`${apis[i % 2].url}/api/v1/registers/${register.id}/entries`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${accessToken}`,
            'Idempotency-Key': `two-apis-${i}`,
          },
          body: JSON.stringify({ letterId: letter.id }),
        });
        return { status: res.status, body: (await res.json()) as { receiptNumber: number } };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(letters.map(() => 201));
    expect(answers.map((a) => a.body.receiptNumber).sort((x, y) => x - y)).toEqual(
      Array.from({ length: LETTERS }, (_, i) => i + 1),
    );
    const numbers: { number: number }[] = await ds.query(
      'SELECT number FROM register_entries WHERE register_id = $1 ORDER BY number',
      [register.id],
    );
    expect(numbers.map((r) => r.number)).toEqual(Array.from({ length: LETTERS }, (_, i) => i + 1));

    const rungs = () => count(`SELECT count(*) FROM escalations`);
    await until(rungs, (n) => n === DELIVERIES * LEVELS, 90_000, 200);
    // More sweeps and jobs may run on both workers: nothing more may appear.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const perDelivery: { levels: number[] }[] = await ds.query(
      `SELECT array_agg(level ORDER BY level) AS levels FROM escalations GROUP BY delivery_id`,
    );
    expect(perDelivery).toHaveLength(DELIVERIES);
    for (const row of perDelivery) expect(row.levels).toEqual([1, 2, 3, 4]);
    expect(
      await count(
        `SELECT count(*) FROM (SELECT 1 FROM notifications WHERE kind LIKE 'escalation.%'
          GROUP BY user_id, payload->>'deliveryId', payload->>'level' HAVING count(*) > 1) d`,
      ),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) FROM audit_events WHERE action = 'delivery.escalated'`),
    ).toBe(DELIVERIES * LEVELS);
  });
});
