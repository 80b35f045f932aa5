import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { JobQueue } from 'src/queue/job-queue.js';
import { escalationJobId, type JobRequest } from 'src/queue/jobs.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { startWorker, until, type WorkerProcess } from '../harness/worker-process.js';
import { factories, type Factories } from '../factories/index.js';
import { countOf } from '../harness/sql.js';

const DELIVERIES = 200;
const LEVELS = 4;
const DAY = 24 * 3_600_000;

/**
 * Invariant 4 under a crash: a worker is killed with SIGKILL while it escalates, a second
 * worker takes over (the killed worker's active jobs come back as stalled after the short
 * lock, its lost next-rung jobs come back through the sweep). Every rung is recorded once,
 * with its notifications and audit event once.
 *
 * The deliveries fell due 60 days ago, so every rung of the ladder (1–4) is already due
 * by the workers' real clocks: the whole ladder runs across the two processes.
 */
describe('escalation worker killed with SIGKILL mid-run', () => {
  let t: TestApp;
  let f: Factories;
  let ds: DataSource;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    // No worker here: the spawned processes do all of the escalating.
    t = await createTestApp();
    f = factories(t);
    ds = t.dataSource;
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await t?.close();
  });

  const count = (sql: string, params: unknown[] = []) => countOf(ds, sql, params);

  it('records each (delivery, level) once, and notifies once', async () => {
    const { province, district } = await f.newLadderUnits(['clerk1.mueang', 'clerk2.mueang']);
    const now = Date.now();
    const ids = await f.newDeliveries({
      sender: province,
      recipient: district,
      count: DELIVERIES,
      sentAt: new Date(now - 61 * DAY),
      dueAt: new Date(now - 60 * DAY),
      speed: 'most_urgent',
    });
    // The level-1 wake-ups wait in Redis before any worker runs.
    await t.get(JobQueue).add(
      ids.map((deliveryId): JobRequest => ({
        name: 'escalation.level',
        id: escalationJobId(deliveryId, 1),
        data: { deliveryId, level: 1 },
      })),
    );
    const rungs = () => count(`SELECT count(*) FROM escalations`);

    const first = startWorker();
    workers.push(first);
    await until(rungs, (n) => n >= 100, 90_000, 20);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(null);
    const atKill = await rungs();
    // Killed mid-run: some rungs, not all, and jobs it held still marked active in Redis.
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(DELIVERIES * LEVELS);
    const orphaned = await t.get(JobQueue).queue('escalation').getActiveCount();
    expect(orphaned).toBeGreaterThan(0);

    const second = startWorker();
    workers.push(second);
    await until(rungs, (n) => n === DELIVERIES * LEVELS, 150_000);
    // A few more sweeps and stalled checks: nothing more may appear.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    second.child.kill('SIGTERM');
    await second.exited;

    const perRung: { levels: number[]; n: number }[] = await ds.query(
      `SELECT array_agg(level ORDER BY level) AS levels, count(*)::int AS n
         FROM escalations GROUP BY delivery_id`,
    );
    expect(perRung).toHaveLength(DELIVERIES);
    for (const row of perRung) expect(row.levels).toEqual([1, 2, 3, 4]);
    expect(await count(`SELECT count(*) FROM escalations WHERE next_due_at IS NOT NULL`)).toBe(0);

    // Level 1 tells the district's two clerks, 2 its head, 3 the province's head, 4 the
    // province's clerk (the root letter's registry): five per delivery, none twice.
    const notes: { kind: string; n: number }[] = await ds.query(
      `SELECT kind, count(*)::int AS n FROM notifications WHERE kind LIKE 'escalation.%'
        GROUP BY kind ORDER BY kind`,
    );
    expect(notes).toEqual([
      { kind: 'escalation.head', n: DELIVERIES },
      { kind: 'escalation.registry', n: DELIVERIES },
      { kind: 'escalation.reminder', n: 2 * DELIVERIES },
      { kind: 'escalation.supervisor', n: DELIVERIES },
    ]);
    expect(
      await count(
        `SELECT count(*) FROM (SELECT 1 FROM notifications WHERE kind LIKE 'escalation.%'
          GROUP BY user_id, payload->>'deliveryId', payload->>'level' HAVING count(*) > 1) d`,
      ),
    ).toBe(0);
    // One audit event per rung (committed with it, invariant 2).
    expect(
      await count(
        `SELECT count(DISTINCT (subject_id, data->>'level')) FROM audit_events WHERE action = 'delivery.escalated'`,
      ),
    ).toBe(DELIVERIES * LEVELS);
    expect(
      await count(`SELECT count(*) FROM audit_events WHERE action = 'delivery.escalated'`),
    ).toBe(DELIVERIES * LEVELS);
    console.log(`killed at ${atKill} rungs with ${orphaned} jobs active`);
  }, 300_000);
});
