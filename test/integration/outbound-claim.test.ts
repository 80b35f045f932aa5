import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { NotificationsService } from 'src/modules/notifications/notifications.service.js';
import type { JobRequest } from 'src/queue/jobs.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { SmtpSink } from '../harness/smtp-sink.js';
import { until } from '../harness/worker-process.js';
import { factories, type Factories, type TestUnit, type TestUser } from '../factories/index.js';

/**
 * Outbound e-mail against a slow SMTP server with a pool of two connections: the send
 * must hold no connection (nor a row lock) while the server takes its time, or the API's
 * requests and the other jobs wait for the pool and fail. And an escalation that falls
 * back to a unit's shared inbox (nobody holds the role) still e-mails someone.
 */
describe('outbound e-mail: claimed, sent with no connection held, then marked', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let f: Factories;
  let ds: DataSource;
  let ministry: TestUnit;
  let province: TestUnit;
  const people: TestUser[] = [];

  /** The outbox rows' ids, from the jobs queueOutbound returns. */
  const messageIds = (jobs: JobRequest[]) =>
    jobs.map((job) => (job.data as { messageId: string }).messageId);

  const setEmail = (user: TestUser, email: string) =>
    ds.query(
      `INSERT INTO notification_preferences (user_id, email, digest, updated_at)
       VALUES ($1, $2, true, now())
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email`,
      [user.id, email],
    );

  beforeAll(async () => {
    await sink.start();
    t = await createTestApp({
      env: {
        SMTP_URL: sink.url(),
        SMTP_TIMEOUT_MS: '20000',
        // Two connections, and a request gives up on the pool after three seconds.
        DATABASE_POOL_SIZE: '2',
        DATABASE_POOL_WAIT_MS: '3000',
      },
    });
    f = factories(t);
    ds = t.dataSource;
    ministry = await f.newMinistry();
    province = await f.newUnit({ nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province', parent: ministry });
    for (let i = 0; i < 4; i++) {
      const user = await f.newUser({
        username: `clerk${i}.roiet`,
        memberships: [{ unit: province, role: 'clerk' }],
      });
      await setEmail(user, `clerk${i}@roiet.example`);
      people.push(user);
    }
  });
  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  it('four e-mails to a slow server leave the pool of two free: reads answer while they are sent, each is sent once', async () => {
    const notifications = t.get(NotificationsService);
    const rows = messageIds(
      await ds.transaction((manager) =>
        notifications.queueOutbound(
          manager,
          people.map((p) => p.id),
          'escalation.reminder',
          { reference: 'มท ๐๒๑๐.๕/ว ๗๗', level: 1, dueAt: '2027-06-07T03:00:00.000Z' },
        ),
      ),
    );
    expect(rows).toHaveLength(4);
    const authorization = (await f.signIn('clerk0.roiet')).headers.Authorization;

    // Every answer of the server, greeting to QUIT, comes 1.5 s late: one e-mail takes
    // several seconds, far longer than a request waits for a connection.
    sink.replyDelayMs = 1500;
    const sends = rows.map((id) => notifications.deliverOutbound(id));
    try {
      // All four are talking to the server (each has said EHLO) before the reads start.
      await until(
        async () => sink.commands.filter((line) => /^EHLO/i.test(line)).length,
        (ehlos) => ehlos >= 4,
      );
      for (let i = 0; i < 3; i++) {
        const [{ pending }] = await ds.query<{ pending: number }[]>(
          `SELECT count(*)::int AS pending FROM outbound_messages WHERE state = 'pending'`,
        );
        expect(pending).toBe(4);
        await t.http.get('/api/v1/notifications').set('Authorization', authorization).expect(200);
      }
    } finally {
      const outcomes = await Promise.allSettled(sends);
      sink.replyDelayMs = 0;
      expect(outcomes).toEqual(rows.map(() => ({ status: 'fulfilled', value: { done: 'sent' } })));
    }
    const states = await ds.query<{ state: string; attempts: number; claimed: boolean }[]>(
      `SELECT state, attempts, claimed_until IS NOT NULL AS claimed FROM outbound_messages
        WHERE id = ANY($1::uuid[])`,
      [rows],
    );
    expect(states).toEqual(rows.map(() => ({ state: 'sent', attempts: 1, claimed: false })));
    for (let i = 0; i < 4; i++) expect(sink.to(`clerk${i}@roiet.example`)).toHaveLength(1);

    // Run again (a retried job): nothing is sent twice.
    for (const id of rows) {
      expect(await notifications.deliverOutbound(id)).toEqual({ done: 'not pending' });
    }
    expect(sink.messages).toHaveLength(4);
  });

  it('a message another sender holds is left alone until its claim runs out, then sent once', async () => {
    const notifications = t.get(NotificationsService);
    const [id] = messageIds(
      await ds.transaction((manager) =>
        notifications.queueOutbound(manager, [people[0].id], 'escalation.reminder', {
          reference: 'มท ๐๒๑๐.๕/ว ๗๘',
          level: 1,
          dueAt: '2027-06-07T03:00:00.000Z',
        }),
      ),
    );
    // A sender that died mid-send: its claim stands for a while.
    const leaseEnd = new Date(t.clock.now().getTime() + 60_000);
    await ds.query(`UPDATE outbound_messages SET claimed_until = $2 WHERE id = $1`, [id, leaseEnd]);
    const before = sink.messages.length;
    expect(await notifications.deliverOutbound(id)).toEqual({ done: 'not pending' });
    expect(sink.messages).toHaveLength(before);
    t.clock.set(new Date(leaseEnd.getTime() + 1));
    expect(await notifications.deliverOutbound(id)).toEqual({ done: 'sent' });
    expect(sink.messages).toHaveLength(before + 1);
  });

  it('an escalation to a unit where nobody holds the role goes to its inbox and e-mails its members', async () => {
    // A district with a head and an official but no clerk: level 1 (the clerks) falls back
    // to the district's shared inbox.
    const district = await f.newUnit({
      nameTh: 'อำเภอเสลภูมิ',
      kind: 'district',
      parent: province,
    });
    const head = await f.newUser({
      username: 'head.selaphum',
      memberships: [{ unit: district, role: 'head' }],
    });
    const official = await f.newUser({
      username: 'official.selaphum',
      memberships: [{ unit: district, role: 'official' }],
    });
    await f.newUser({
      username: 'noaddress.selaphum',
      memberships: [{ unit: district, role: 'official' }],
    });
    await setEmail(head, 'head@selaphum.example');
    await setEmail(official, 'official@selaphum.example');
    t.clock.set('2027-06-07T01:00:00Z');
    const [deliveryId] = await f.newDeliveries({
      sender: province,
      recipient: district,
      count: 1,
      sentAt: new Date('2027-06-07T01:00:00Z'),
      dueAt: new Date('2027-06-07T03:00:00Z'),
      speed: 'most_urgent',
      subject: 'ขอให้รายงานผลการสำรวจพื้นที่ประสบภัย',
    });
    t.clock.set('2027-06-07T03:01:00Z');
    const escalation = t.get(EscalationService);
    expect(await escalation.escalate(deliveryId, 1)).toEqual({ done: 'level 1 recorded' });

    const [rung] = await ds.query<{ unit: string; users: string[] }[]>(
      `SELECT notified_unit_id AS unit, notified_user_ids AS users FROM escalations
        WHERE delivery_id = $1 AND level = 1`,
      [deliveryId],
    );
    expect(rung).toEqual({ unit: district.id, users: [] });
    const inbox = await ds.query<{ kind: string }[]>(
      `SELECT kind FROM notifications WHERE unit_id = $1`,
      [district.id],
    );
    expect(inbox).toEqual([{ kind: 'escalation.reminder' }]);
    const outbox = await ds.query<{ address: string; kind: string; state: string }[]>(
      `SELECT address, kind, state FROM outbound_messages
        WHERE address LIKE '%@selaphum.example' ORDER BY address`,
    );
    expect(outbox).toEqual([
      { address: 'head@selaphum.example', kind: 'escalation.reminder', state: 'pending' },
      { address: 'official@selaphum.example', kind: 'escalation.reminder', state: 'pending' },
    ]);
    // No worker in this file: send them here, as the worker's job would.
    const ids = await ds.query<{ id: string }[]>(
      `SELECT id FROM outbound_messages WHERE address LIKE '%@selaphum.example'`,
    );
    for (const { id } of ids) {
      expect(await t.get(NotificationsService).deliverOutbound(id)).toEqual({ done: 'sent' });
    }
    expect(sink.to('head@selaphum.example')).toHaveLength(1);
    expect(sink.to('official@selaphum.example')).toHaveLength(1);
  });
});
