import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { ReconcileSweep } from 'src/worker/reconcile.cron.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { JobQueue } from 'src/queue/job-queue.js';
import { escalationJobId } from 'src/queue/jobs.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit, type TestUser } from '../factories/index.js';
import { deleteQueueKeys } from '../harness/queue-keys.js';
import { countOf, rowsOf } from '../harness/sql.js';
import { until } from '../harness/worker-process.js';
import { bodyOf, idOf } from '../harness/api-body.js';

const MINUTE = 60_000;

describe('escalation: working-time deadlines and the reminder ladder', () => {
  let t: TestApp;
  let f: Factories;
  let ds: DataSource;
  let sweep: ReconcileSweep;
  let ministry: TestUnit;
  let province: TestUnit;
  let district: TestUnit;
  const users: Record<string, TestUser> = {};
  const auth: Record<string, string> = {};

  const count = (sql: string, params: unknown[] = []) => countOf(ds, sql, params);
  /** Sweeps once in a new slot (the clock moves a minute first, as time does). */
  const sweepNow = async () => {
    t.clock.advance(MINUTE);
    return sweep.run();
  };

  /** Access tokens expire as the test clock moves through months. */
  const signInAgain = async () => {
    for (const username of Object.keys(users))
      auth[username] = (await f.signIn(username)).headers.Authorization;
  };

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    f = factories(t);
    ds = t.dataSource;
    sweep = t.get(ReconcileSweep);
    ministry = await f.newMinistry();
    province = await f.newUnit({ nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province', parent: ministry });
    district = await f.newUnit({ nameTh: 'อำเภอเมืองร้อยเอ็ด', kind: 'district', parent: province });
    const people: [string, TestUnit, 'clerk' | 'head' | 'admin'][] = [
      ['admin.moi', ministry, 'admin'],
      ['clerk.moi', ministry, 'clerk'],
      ['clerk.roiet', province, 'clerk'],
      ['head.roiet', province, 'head'],
      ['clerk.mueang', district, 'clerk'],
      ['clerk2.mueang', district, 'clerk'],
      ['head.mueang', district, 'head'],
    ];
    for (const [username, unit, role] of people) {
      users[username] = await f.newUser({
        username: username,
        memberships: [{ unit, role }],
        clearance: 'secret',
      });
      auth[username] = (await f.signIn(username)).headers.Authorization;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a forward fixes the due time in working time: across a weekend and Songkran', async () => {
    // Friday 10 April 2026, 15:30 in Bangkok; 13–15 April are seeded holidays.
    t.clock.set('2026-04-10T08:30:00Z');
    await signInAgain();
    const api = (path: string, body: object) =>
      t.http.post(`/api/v1${path}`).set('Authorization', auth['clerk.moi']).send(body);
    const letter = await api('/letters', {
      kind: 'external',
      speed: 'most_urgent',
      subject: 'ขอให้รายงานผลการดำเนินงาน',
    }).expect(201);
    const { forward } = await f.numberAndForward(auth['clerk.moi'], ministry.id, idOf(letter), {
      unitIds: [province.id],
    });
    // 60 working minutes on Friday, then Thursday 16 April 08:30 + 60 min.
    expect(forward.dueAt).toBe('2026-04-16T02:30:00.000Z');
    const [delivery] = await rowsOf<{ id: string }>(
      ds,
      `SELECT id FROM deliveries WHERE forward_id = $1`,
      [forward.forwardId],
    );
    // The first wake-up waits in Redis under its deterministic id.
    expect(await t.get(JobQueue).standing('escalation', escalationJobId(delivery.id, 1))).toBe(
      'delayed',
    );

    // Thursday 09:29: not due; the sweep finds nothing.
    t.clock.set('2026-04-16T02:28:00Z');
    expect(await sweepNow()).toMatchObject({ ran: true, candidates: 0 });
    // 09:31: due; the sweep promotes the delayed job and the worker records level 1.
    t.clock.set('2026-04-16T02:30:30Z');
    expect(await sweepNow()).toMatchObject({ ran: true, promoted: 1 });
    const [rung] = await until<{ level: number; notified_user_ids: string[]; next_due_at: Date }[]>(
      () =>
        ds.query(
          `SELECT level, notified_user_ids, next_due_at FROM escalations WHERE delivery_id = $1`,
          [delivery.id],
        ),
      (rows) => rows.length === 1,
    );
    expect(rung.level).toBe(1);
    expect(rung.notified_user_ids).toEqual([users['clerk.roiet'].id]);
    // Level 2 after 120 more working minutes: 09:30 + 120 → 11:30 Bangkok.
    expect(new Date(rung.next_due_at).toISOString()).toBe('2026-04-16T04:30:00.000Z');

    // The clerk's inbox: a reminder naming the letter by its ที่, no link anywhere.
    await signInAgain();
    const inbox = await t.http
      .get('/api/v1/notifications?unread=true')
      .set('Authorization', auth['clerk.roiet'])
      .expect(200);
    const reminder = bodyOf(inbox, 'NotificationPageResponse').items.find(
      (n) => n.kind === 'escalation.reminder',
    );
    expect(reminder!.payload).toMatchObject({
      level: 1,
      deliveryId: delivery.id,
      recipientUnitName: 'จังหวัดร้อยเอ็ด',
    });
    const unread = await t.http
      .get('/api/v1/notifications/unread-count')
      .set('Authorization', auth['clerk.roiet'])
      .expect(200);
    expect(bodyOf(unread, 'UnreadCountResponse').unreadCount).toBeGreaterThanOrEqual(2);
  });

  it('climbs the ladder: head, the forwarding unit’s head with its overdue list, the root registry', async () => {
    const sentAt = new Date('2026-05-04T01:30:00Z'); // Monday 4 May is a holiday (ฉัตรมงคล)
    t.clock.set('2026-05-05T01:30:00Z');
    const [id] = await f.newDeliveries({
      sender: province,
      recipient: district,
      count: 1,
      sentAt,
      dueAt: new Date('2026-05-05T02:00:00Z'),
      speed: 'most_urgent',
      secrecy: 'secret',
      subject: 'ลับมาก: เรื่องที่ต้องไม่ปรากฏ',
    });
    const levels = async () =>
      (
        await rowsOf<{ level: number }>(
          ds,
          `SELECT level FROM escalations WHERE delivery_id = $1 ORDER BY level`,
          [id],
        )
      ).map((r) => r.level);
    // Each step: move past the rung's due time, sweep, wait for the job.
    for (const [at, expected] of [
      ['2026-05-05T02:01:00Z', [1]],
      ['2026-05-05T04:01:00Z', [1, 2]],
      ['2026-05-05T08:01:00Z', [1, 2, 3]],
      ['2026-05-06T08:01:00Z', [1, 2, 3, 4]],
    ] as const) {
      t.clock.set(at);
      await sweepNow();
      await until(levels, (l) => l.length === expected.length);
    }
    const rungs = await rowsOf<{
      notified_unit_id: string;
      notified_user_ids: string[];
      next_due_at: Date | null;
    }>(
      ds,
      `SELECT level, notified_unit_id, notified_user_ids, next_due_at FROM escalations WHERE delivery_id = $1 ORDER BY level`,
      [id],
    );
    expect(rungs.map((r) => r.notified_unit_id)).toEqual([
      district.id,
      district.id,
      province.id,
      province.id, // the factory's root letter was created by the province
    ]);
    expect(rungs[0].notified_user_ids.sort()).toEqual(
      [users['clerk.mueang'].id, users['clerk2.mueang'].id].sort(),
    );
    expect(rungs[1].notified_user_ids).toEqual([users['head.mueang'].id]);
    expect(rungs[2].notified_user_ids).toEqual([users['head.roiet'].id]);
    expect(rungs.every((r) => r.next_due_at === null)).toBe(true);
    const notes = await rowsOf<{
      kind: string;
      payload: { overdueCount?: number; overdueRecipients?: { unitId: string }[] };
    }>(
      ds,
      `SELECT kind, payload FROM notifications WHERE payload->>'deliveryId' = $1 ORDER BY created_at`,
      [id],
    );
    expect(notes.map((n) => n.kind)).toEqual([
      'escalation.reminder',
      'escalation.reminder',
      'escalation.head',
      'escalation.supervisor',
      'escalation.registry',
    ]);
    // A secret letter: no subject in any notification.
    expect(JSON.stringify(notes)).not.toContain('ต้องไม่ปรากฏ');
    const supervisor = notes.find((n) => n.kind === 'escalation.supervisor');
    expect(supervisor!.payload.overdueCount).toBeGreaterThanOrEqual(1);
    expect(supervisor!.payload.overdueRecipients![0]).toMatchObject({ unitId: district.id });
    // Nothing more after the top.
    t.clock.advance(30 * 24 * 60 * MINUTE);
    expect(await sweepNow()).toMatchObject({ ran: true });
    expect(await levels()).toEqual([1, 2, 3, 4]);
  });

  it('a registration racing the wake-up is never both on time and escalated', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const due = new Date('2026-06-01T03:00:00Z');
    const ids = await f.newDeliveries({
      sender: province,
      recipient: district,
      count: 40,
      sentAt: new Date('2026-06-01T01:00:00Z'),
      dueAt: due,
    });
    const escalation = t.get(EscalationService);
    // Half are registered just before the due time, half just at it; each races its job.
    await Promise.all(
      ids.map(async (id, i) => {
        const receive = ds.transaction(async (manager) => {
          await manager.query(`SELECT 1 FROM deliveries WHERE id = $1 FOR UPDATE`, [id]);
          const at = t.clock.now();
          await manager.query(
            `UPDATE deliveries SET state = 'received', state_changed_at = $2 WHERE id = $1 AND state = 'sent'`,
            [id, at],
          );
        });
        if (i === 20) t.clock.set(due);
        await Promise.all([receive, escalation.escalate(id, 1)]);
      }),
    );
    const both = await count(
      `SELECT count(*) FROM deliveries d JOIN escalations e ON e.delivery_id = d.id
        WHERE d.id = ANY($1) AND d.state = 'received' AND d.state_changed_at < d.due_at`,
      [ids],
    );
    expect(both).toBe(0);
    expect(
      await count(`SELECT count(*) FROM deliveries WHERE id = ANY($1) AND state = 'received'`, [
        ids,
      ]),
    ).toBe(40);
  });

  it('1,000 pending escalations survive losing every Redis key of this queue prefix', async () => {
    t.clock.set('2026-07-01T02:00:00Z');
    const ids = await f.newDeliveries({
      sender: province,
      recipient: district,
      count: 1000,
      sentAt: new Date('2026-07-01T01:00:00Z'),
      dueAt: new Date('2026-07-01T04:00:00Z'),
    });
    const escalation = t.get(EscalationService);
    await t
      .get(JobQueue)
      .add(ids.map((id) => escalation.rungJob(id, 1, new Date('2026-07-01T04:00:00Z'))));
    // Other test files share this Redis, so no FLUSHALL: deleting every key under this
    // file's own prefix is the same fault for everything this app can see.
    expect(await deleteQueueKeys(t.config.redisUrl, t.config.queuePrefix)).toBeGreaterThan(0);
    t.clock.set('2026-07-01T04:00:30Z');
    const result = await sweepNow();
    // 1,000 lost jobs, plus the higher rungs of earlier tests' deliveries now due.
    expect(result.ran && result.enqueued).toBeGreaterThanOrEqual(1000);
    await until(
      () => count(`SELECT count(*) FROM escalations WHERE delivery_id = ANY($1)`, [ids]),
      (n) => n === 1000,
      90_000,
    );
    // Exactly once: one rung and one notification per clerk per delivery, even after more sweeps.
    await sweepNow();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await count(`SELECT count(*) FROM escalations WHERE delivery_id = ANY($1)`, [ids])).toBe(
      1000,
    );
    expect(
      await count(
        `SELECT count(*) FROM notifications WHERE kind = 'escalation.reminder' AND payload->>'deliveryId' = ANY($1)`,
        [ids],
      ),
    ).toBe(2000);
  });

  it('holidays and policy are data an administrator of the whole tree changes', async () => {
    await signInAgain();
    const admin = (method: 'get' | 'post' | 'put' | 'delete', path: string, user = 'admin.moi') =>
      t.http[method](`/api/v1/admin${path}`).set('Authorization', auth[user]);
    const listed = await admin('get', '/holidays?year=2026').expect(200);
    expect(bodyOf(listed, 'HolidayListResponse').items.map((h) => h.date)).toContain('2026-04-13');
    await admin('get', '/holidays', 'clerk.roiet').expect(404);
    await admin('post', '/holidays').send({ date: '2026-03-03', nameTh: 'วันมาฆบูชา' }).expect(200);
    const imported = await admin('post', '/holidays/import')
      .send({
        year: 2026,
        holidays: [
          { date: '2026-03-03', nameTh: 'วันมาฆบูชา' },
          { date: '2026-05-31', nameTh: 'วันวิสาขบูชา' },
        ],
      })
      .expect(200);
    expect(imported.body).toMatchObject({ added: ['2026-05-31'], alreadyPresent: 1 });
    await admin('post', '/holidays/import')
      .send({ year: 2027, holidays: [{ date: '2026-07-29', nameTh: 'x' }] })
      .expect(400);
    await admin('post', '/holidays')
      .send({ date: '2569-03-03', nameTh: 'BE by mistake' })
      .expect(400);
    await admin('delete', '/holidays/2026-05-31').expect(200);
    await admin('delete', '/holidays/2026-05-31').expect(404);
    const national = await admin('post', '/holidays/national/2571').expect(200);
    const added = bodyOf(national, 'HolidayChangeResponse').added;
    expect(added).toContain('2028-12-05');
    // 10 December 2028 is a Sunday: Monday 11 December is its substitution day.
    expect(added).toContain('2028-12-11');
    // Seeded years are already there.
    expect(
      bodyOf(await admin('post', '/holidays/national/2569').expect(200), 'HolidayChangeResponse')
        .added,
    ).toEqual([]);

    const policies = await admin('get', '/escalation-policies').expect(200);
    expect(bodyOf(policies, 'PolicyListResponse').items[0]).toMatchObject({
      speed: 'most_urgent',
      ackWorkingMinutes: 120,
      stepWorkingMinutes: [120, 240, 480],
    });
    await admin('put', '/escalation-policies/urgent')
      .send({ ackWorkingMinutes: 240, stepWorkingMinutes: [60] })
      .expect(200);
    await admin('put', '/escalation-policies/urgent')
      .send({ ackWorkingMinutes: 240, stepWorkingMinutes: [1, 2, 3, 4] })
      .expect(400);
    await admin('put', '/escalation-policies/fast')
      .send({ ackWorkingMinutes: 1, stepWorkingMinutes: [] })
      .expect(400);
  });

  it('a substitution day moves the due time: 5 December 2026 is a Saturday, Monday 7 is off', async () => {
    // Friday 4 December 2026, 15:30 in Bangkok.
    t.clock.set('2026-12-04T08:30:00Z');
    await signInAgain();
    const [seeded] = await rowsOf(ds, `SELECT name_th FROM holidays WHERE date = '2026-12-07'`);
    expect(seeded).toEqual({ name_th: 'วันหยุดชดเชยวันพ่อแห่งชาติ' });
    const letter = await t.http
      .post('/api/v1/letters')
      .set('Authorization', auth['clerk.moi'])
      .send({ kind: 'external', speed: 'most_urgent', subject: 'ขอข้อมูลด่วนที่สุด' })
      .expect(201);
    const { forward } = await f.numberAndForward(auth['clerk.moi'], ministry.id, idOf(letter), {
      unitIds: [province.id],
    });
    // 60 working minutes on Friday; Saturday, Sunday and Monday closed; Tuesday 09:30.
    expect(forward.dueAt).toBe('2026-12-08T02:30:00.000Z');
  });

  it('metrics come from PostgreSQL at scrape time; the dashboard needs an admin cookie', async () => {
    await signInAgain();
    const metrics = await t.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/saraban_escalations\{level="1"\} \d+/);
    expect(metrics.text).toMatch(/saraban_overdue_deliveries \d+/);
    expect(metrics.text).toContain('saraban_queue_jobs{queue="escalation"');

    await t.http.get('/admin/queues').expect(401);
    await t.http
      .post('/api/v1/admin/queue-session')
      .set('Authorization', auth['clerk.roiet'])
      .expect(404);
    const session = await t.http
      .post('/api/v1/admin/queue-session')
      .set('Authorization', auth['admin.moi'])
      .expect(200);
    const cookie = (session.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const page = await t.http.get('/admin/queues/api/queues').set('Cookie', cookie.split(';')[0]);
    expect(page.status).toBe(200);
  });
});
