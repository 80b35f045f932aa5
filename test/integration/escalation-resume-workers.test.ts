import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { ManualClock } from 'src/common/clock.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { startWorker, until, type WorkerProcess } from '../harness/worker-process.js';
import { factories, type Factories } from '../factories/index.js';
import { countOf, rowsOf } from '../harness/sql.js';

const AT_LEVEL_ONE = 30;
const AT_LEVEL_TWO = 15;
const ELSEWHERE = 5;
const DAY = 24 * 3_600_000;

/**
 * Two worker processes, each sweeping every second, while a users command over the API
 * resumes ladders that had halted because nobody in the recipient unit was cleared: every
 * resumed delivery climbs from the rung it halted at to the top once, whichever worker and
 * whichever wake-up (the job enqueued after the commit, or a sweep) gets there first, and the
 * halted ladders of a unit nobody cleared joined stay halted.
 */
describe('two workers, a resumed ladder', () => {
  let t: TestApp;
  let f: Factories;
  let ds: DataSource;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    // The command runs a month ago by the API's clock, so each resumed ladder's later rungs
    // (working days apart from the resume) are all due by the workers' clocks.
    t = await createTestApp({ clock: new ManualClock(new Date(Date.now() - 30 * DAY)) });
    f = factories(t);
    ds = t.dataSource;
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await t?.close();
  });

  const count = (sql: string, params: unknown[] = []) => countOf(ds, sql, params);

  it('each rung of a resumed ladder once; the others stay halted', async () => {
    const { province, district } = await f.newLadderUnits([]);
    const elsewhere = await f.newUnit({ nameTh: 'อำเภอธวัชบุรี', kind: 'district', parent: province });
    await f.newUser({
      username: 'admin.roiet',
      memberships: [{ unit: province, role: 'admin' }],
      clearance: 'secret',
    });
    const now = Date.now();
    const letters = (recipient: typeof district, count: number) =>
      f.newDeliveries({
        sender: province,
        recipient,
        count,
        sentAt: new Date(now - 61 * DAY),
        dueAt: new Date(now - 60 * DAY),
        speed: 'very_urgent',
        secrecy: 'secret',
      });
    const atOne = await letters(district, AT_LEVEL_ONE);
    const atTwo = await letters(district, AT_LEVEL_TWO);
    const stays = await letters(elsewhere, ELSEWHERE);
    // Halted by nobody cleared: at level 1, or at level 2 after a level-1 rung.
    await ds.query(
      `UPDATE deliveries SET escalation_halted_at = $2, escalation_halt_reason = 'no_cleared_member',
              escalation_started = true
        WHERE id = ANY($1::uuid[])`,
      [[...atOne, ...atTwo, ...stays], new Date(now - 59 * DAY)],
    );
    await ds.query(
      `INSERT INTO escalations (delivery_id, level, due_at, escalated_at, notified_unit_id, notified_user_ids, next_due_at)
       SELECT id, 1, $2, $2, $3, '{}', NULL FROM unnest($1::uuid[]) AS id`,
      [atTwo, new Date(now - 60 * DAY), district.id],
    );

    workers.push(startWorker(), startWorker());
    // The sweeps run and leave the halted ladders alone.
    await until(
      () => count(`SELECT count(*) FROM escalation_sweep_runs`),
      (n) => n >= 2,
    );
    expect(await count(`SELECT count(*) FROM escalations`)).toBe(AT_LEVEL_TWO);

    // A cleared clerk is created in the district over the API.
    const created = await t.http
      .post('/api/v1/users')
      .set('Authorization', (await f.signIn('admin.roiet')).headers.Authorization)
      .send({
        username: 'clerk.mueang',
        displayName: 'นายสมชาย รักงาน',
        password: 'Saraban-ladder-2569',
        clearance: 'secret',
        unitId: district.id,
        role: 'clerk',
      })
      .expect(201);
    const clerk = (created.body as { id: string }).id;
    const expected = AT_LEVEL_ONE * 4 + AT_LEVEL_TWO * 4;
    await until(
      () => count(`SELECT count(*) FROM escalations`),
      (n) => n === expected,
      150_000,
    );
    // Both keep sweeping a while longer: nothing more may appear.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));

    expect(await count(`SELECT count(*) FROM escalations`)).toBe(expected);
    const climbed = await rowsOf<{ levels: number[] }>(
      ds,
      `SELECT array_agg(level ORDER BY level) AS levels FROM escalations
        WHERE delivery_id = ANY($1::uuid[]) GROUP BY delivery_id`,
      [[...atOne, ...atTwo]],
    );
    expect(climbed).toHaveLength(AT_LEVEL_ONE + AT_LEVEL_TWO);
    for (const { levels } of climbed) expect(levels).toEqual([1, 2, 3, 4]);
    // One audit event and one progress event per rung the workers recorded.
    const recorded = AT_LEVEL_ONE * 4 + AT_LEVEL_TWO * 3;
    expect(
      await count(`SELECT count(*) FROM audit_events WHERE action = 'delivery.escalated'`),
    ).toBe(recorded);
    expect(
      await count(`SELECT count(*) FROM progress_events WHERE kind = 'delivery.escalated'`),
    ).toBe(recorded);
    // Nobody heard a rung twice; in the district only the cleared clerk heard any (level 2
    // finds no cleared head, so the cleared registry hears it).
    expect(
      await count(
        `SELECT count(*) - count(DISTINCT (user_id, payload->>'deliveryId', payload->>'level')) AS count
           FROM notifications WHERE kind LIKE 'escalation.%'`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM notifications
          WHERE kind IN ('escalation.reminder', 'escalation.head') AND user_id IS DISTINCT FROM $1`,
        [clerk],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM notifications WHERE kind IN ('escalation.reminder', 'escalation.head')`,
      ),
    ).toBe(AT_LEVEL_ONE * 2 + AT_LEVEL_TWO);
    // Resumed once each; the other district's ladders are still halted, with no rung.
    expect(
      await count(
        `SELECT count(*) FROM progress_events WHERE kind = 'delivery.escalation-resumed'`,
      ),
    ).toBe(AT_LEVEL_ONE + AT_LEVEL_TWO);
    expect(
      await count(
        `SELECT count(*) FROM deliveries WHERE id = ANY($1::uuid[])
            AND escalation_halt_reason = 'no_cleared_member'`,
        [stays],
      ),
    ).toBe(ELSEWHERE);
  }, 300_000);
});
