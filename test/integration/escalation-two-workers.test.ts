import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { ManualClock } from 'src/common/clock.js';
import { ReconcileSweep, type SweepResult } from 'src/worker/reconcile.cron.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { startWorker, until, type WorkerProcess } from '../harness/worker-process.js';
import { factories, type Factories } from '../factories/index.js';
import { countOf } from '../harness/sql.js';

const DELIVERIES = 300;
const LEVELS = 4;
const DAY = 24 * 3_600_000;

/**
 * Two worker processes at once, each running the reconcile sweep every second. The
 * deliveries are written straight to the tables and no job is ever enqueued for them, so
 * only a sweep can find them: the sweeps of both processes race for the same slots and
 * their jobs race for the same rungs.
 */
describe('two workers, the sweep in both', () => {
  let t: TestApp;
  let f: Factories;
  let ds: DataSource;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    ds = t.dataSource;
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await t?.close();
  });

  const count = (sql: string, params: unknown[] = []) => countOf(ds, sql, params);

  it('no escalation twice, no sweep slot twice', async () => {
    const { province, district } = await f.newLadderUnits(['clerk.mueang']);
    const now = Date.now();
    // Due 60 days ago: every rung is due by the workers' clocks, nothing is in Redis.
    await f.newDeliveries({
      sender: province,
      recipient: district,
      count: DELIVERIES,
      sentAt: new Date(now - 61 * DAY),
      dueAt: new Date(now - 60 * DAY),
      speed: 'very_urgent',
    });

    workers.push(startWorker(), startWorker());
    const rungs = () => count(`SELECT count(*) FROM escalations`);
    await until(rungs, (n) => n === DELIVERIES * LEVELS, 150_000);
    // Both keep sweeping a while longer: nothing more may appear.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));

    expect(
      await count(
        `SELECT count(*) FROM (SELECT delivery_id FROM escalations GROUP BY delivery_id
          HAVING array_agg(level ORDER BY level) = '{1,2,3,4}' AND count(*) = 4) d`,
      ),
    ).toBe(DELIVERIES);
    // Level 1: the district's clerk; 2 its head; 3 the province's head; 4 the province's clerk.
    expect(await count(`SELECT count(*) FROM notifications WHERE kind LIKE 'escalation.%'`)).toBe(
      DELIVERIES * LEVELS,
    );
    expect(
      await count(
        `SELECT count(DISTINCT (user_id, payload->>'deliveryId', payload->>'level'))
           FROM notifications WHERE kind LIKE 'escalation.%'`,
      ),
    ).toBe(DELIVERIES * LEVELS);
    expect(
      await count(`SELECT count(*) FROM audit_events WHERE action = 'delivery.escalated'`),
    ).toBe(DELIVERIES * LEVELS);

    // The sweep runs: one row per slot (the primary key), each by one of the two workers,
    // and together they found the level-1 rungs nobody had enqueued.
    const runs: { slot: string; worker: string; candidates: number; enqueued: number }[] =
      await ds.query(
        `SELECT slot, worker, candidates, enqueued FROM escalation_sweep_runs ORDER BY slot`,
      );
    expect(new Set(runs.map((r) => r.slot)).size).toBe(runs.length);
    const names = new Set(workers.map((w) => w.name));
    for (const run of runs) expect(names.has(run.worker)).toBe(true);
    expect(runs.reduce((sum, r) => sum + r.enqueued, 0)).toBeGreaterThanOrEqual(DELIVERIES);
    // At most one run per elapsed second (slots are seconds here).
    const seconds = Number(runs.at(-1)!.slot) - Number(runs[0].slot) + 1;
    expect(runs.length).toBeLessThanOrEqual(seconds);
    console.log(
      `${runs.length} sweep runs over ${seconds} slots: ${[...names]
        .map((name) => `${name} ${runs.filter((r) => r.worker === name).length}`)
        .join(', ')}`,
    );
  }, 300_000);

  it('concurrent sweeps of one slot from two applications: one runs, the other stands down', async () => {
    // Two in-process applications on the same database and queue prefix, one clock; the
    // slots are an hour long so only these calls sweep.
    const clock = new ManualClock(new Date(Date.now() + 400 * DAY));
    const env = { ESCALATION_SWEEP_INTERVAL_SECONDS: '3600' };
    const a = await createTestApp({ worker: true, clock, env });
    const b = await createTestApp({ worker: true, clock, env });
    try {
      const sweeps = [a.get(ReconcileSweep), b.get(ReconcileSweep)];
      for (let slot = 0; slot < 5; slot++) {
        clock.advance(3_600_000);
        const results: SweepResult[] = await Promise.all(
          Array.from({ length: 10 }, (_, i) => sweeps[i % 2].run()),
        );
        expect(results.filter((r) => r.ran)).toHaveLength(1);
        for (const r of results.filter((r) => !r.ran)) {
          expect(['locked', 'slot-done']).toContain(!r.ran && r.reason);
        }
      }
      // The in-process sweeps record this process as their worker.
      expect(
        await count(`SELECT count(*) FROM escalation_sweep_runs WHERE worker = $1`, [
          `${hostname()}:${process.pid}`,
        ]),
      ).toBe(5);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
