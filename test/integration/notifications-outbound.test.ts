import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DataSource } from 'typeorm';
import { logger } from 'src/logging/logger.js';
import { ManualClock } from 'src/common/clock.js';
import { DigestCron } from 'src/modules/notifications/digest.cron.js';
import { ReconcileSweep } from 'src/worker/reconcile.cron.js';
import { containsLink } from 'src/modules/notifications/link-check.js';
import { NotificationsService } from 'src/modules/notifications/notifications.service.js';
import { JobQueue } from 'src/queue/job-queue.js';
import { digestJobId, type JobRequest, outboxJobId } from 'src/queue/jobs.js';
import { formatThaiDate } from 'src/thai/be-date.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { decodeMessage, type DecodedMessage, SmtpSink } from '../harness/smtp-sink.js';
import { WebhookSink } from '../harness/webhook-sink.js';
import { startWorker, until, type WorkerProcess } from '../harness/worker-process.js';
import { factories, type Factories, type TestUnit, type TestUser } from '../factories/index.js';
import type { Secrecy } from 'src/modules/letters/letter.entity.js';
import { bodyOf, idOf } from '../harness/api-body.js';
import { like } from '../harness/matchers.js';
import { rowsOf } from '../harness/sql.js';

/**
 * Outbound notifications for real: the app's own worker sends e-mail over SMTP to a sink
 * on a local port and posts JSON to a local webhook. Nothing is mocked; PostgreSQL holds
 * the outbox, BullMQ carries the jobs.
 */

const MINUTE = 60_000;
const SLOT = 10 * MINUTE;
/** Anything a phone would turn into a link, in any message or request. */
const URL_LIKE = /https?:|www\.|\.go\.th|\.com\b/i;

interface OutboxRow {
  id: string;
  channel: 'email' | 'webhook';
  address: string;
  user_id: string | null;
  kind: string;
  subject: string;
  body: string;
  state: 'pending' | 'sent' | 'refused' | 'failed';
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
}

describe('outbound notifications: e-mail, webhooks, the no-links check, secret letters', () => {
  const sink = new SmtpSink();
  const hook = new WebhookSink();
  let t: TestApp;
  let f: Factories;
  let ds: DataSource;
  let sweep: ReconcileSweep;
  let notifications: NotificationsService;
  let jobs: JobQueue;
  let ministry: TestUnit;
  let province: TestUnit;
  const users: Record<string, TestUser> = {};
  const CLERK_EMAIL = 'clerk.roiet@roiet.go.th';

  const api = async (username: string) => {
    const authorization = (await f.signIn(username)).headers.Authorization;
    return {
      get: (path: string) => t.http.get(`/api/v1${path}`).set('Authorization', authorization),
      post: (path: string, body: object) =>
        t.http.post(`/api/v1${path}`).set('Authorization', authorization).send(body),
      put: (path: string, body: object) =>
        t.http.put(`/api/v1${path}`).set('Authorization', authorization).send(body),
    };
  };

  /** The outbox rows whose text names this letter (no ที่ here is the start of another). */
  const outboxOf = (reference: string): Promise<OutboxRow[]> =>
    ds.query(
      `SELECT id, channel, address, user_id, kind, subject, body, state, attempts, last_error, sent_at
         FROM outbound_messages WHERE body LIKE '%' || $1 || '%' ORDER BY channel, address`,
      [reference],
    );
  const mails = (): (DecodedMessage & { from: string; to: string[] })[] =>
    sink.messages.map((message) => ({
      ...decodeMessage(message.raw),
      from: message.from,
      to: message.to,
    }));
  const mailsNaming = (reference: string) =>
    mails().filter((message) => message.text.includes(reference));
  /** What people read of every e-mail received so far (the addresses are not text). */
  const allMailText = () =>
    mails()
      .map((message) => `${message.subject}\n${message.text}`)
      .join('\n');

  /** A letter numbered in the ministry's outgoing register and forwarded to the province. */
  const forwardToProvince = async (letter: { subject: string; secrecy?: string }) => {
    const authorization = (await f.signIn('clerk.moi')).headers.Authorization;
    const created = await t.http
      .post('/api/v1/letters')
      .set('Authorization', authorization)
      .send({ kind: 'external', speed: 'most_urgent', ...letter })
      .expect(201);
    const { entry, forward } = await f.numberAndForward(authorization, ministry.id, idOf(created), {
      unitIds: [province.id],
    });
    const [delivery] = await rowsOf<{ id: string }>(
      ds,
      `SELECT id FROM deliveries WHERE forward_id = $1`,
      [forward.forwardId],
    );
    return {
      deliveryId: delivery.id,
      reference: entry.referenceNumber,
      number: entry.receiptNumber,
      dueAt: new Date(forward.dueAt),
    };
  };

  /** A pending delivery written by the factory, with a ที่ of its own to find its messages. */
  const pendingDelivery = async (options: {
    reference: string;
    subject: string;
    secrecy?: Secrecy;
    sentAt: string;
    dueAt: string;
  }) => {
    const [deliveryId] = await f.newDeliveries({
      sender: ministry,
      recipient: province,
      count: 1,
      sentAt: new Date(options.sentAt),
      dueAt: new Date(options.dueAt),
      speed: 'most_urgent',
      secrecy: options.secrecy ?? 'none',
      subject: options.subject,
    });
    await ds.query(
      `UPDATE letters SET reference_raw = $2, subject = $3
        WHERE id = (SELECT letter_id FROM deliveries WHERE id = $1)`,
      [deliveryId, options.reference, options.subject],
    );
    return deliveryId;
  };

  /** One sweep in the next slot (the test clock moves ten minutes first). */
  const sweepNow = async () => {
    t.clock.advance(SLOT);
    const result = await sweep.run();
    expect(result).toMatchObject({ ran: true });
    return result;
  };

  /** Moves past the due time, sweeps, and waits for the worker to record level 1. */
  const escalate = async (deliveryId: string, dueAt: Date) => {
    t.clock.set(new Date(dueAt.getTime() + MINUTE));
    expect(await sweep.run()).toMatchObject({ ran: true });
    await until(
      () => ds.query(`SELECT 1 FROM escalations WHERE delivery_id = $1`, [deliveryId]),
      (rows: unknown[]) => rows.length === 1,
    );
  };

  /** Registered (by SQL): the ladder of this delivery stops, later sweeps leave it alone. */
  const settle = (deliveryId: string) =>
    ds.query(`UPDATE deliveries SET state = 'received', state_changed_at = $2 WHERE id = $1`, [
      deliveryId,
      t.clock.now(),
    ]);

  /** Enqueues the outbox job of each row again and waits until the worker has run it. */
  const runOutboxJobsAgain = async (rows: { id: string }[]) => {
    const requests: JobRequest[] = rows.map((row) => ({
      name: 'notifications.outbox',
      id: outboxJobId(row.id),
      data: { messageId: row.id },
    }));
    await jobs.add(requests);
    for (const row of rows) {
      await until(
        () => jobs.standing('notifications', outboxJobId(row.id)),
        (standing) => standing === 'missing',
      );
    }
  };

  beforeAll(async () => {
    await sink.start();
    await hook.start();
    t = await createTestApp({
      worker: true,
      env: {
        SMTP_URL: sink.url(),
        WEBHOOK_URLS: hook.url(),
        // Ten-minute sweep slots: the timer never fires during this file, and each
        // sweepNow() (ten minutes later on the test clock) runs in a slot of its own.
        ESCALATION_SWEEP_INTERVAL_SECONDS: String(SLOT / 1000),
      },
    });
    f = factories(t);
    ds = t.dataSource;
    sweep = t.get(ReconcileSweep);
    notifications = t.get(NotificationsService);
    jobs = t.get(JobQueue);
    ministry = await f.newMinistry();
    province = await f.newUnit({ nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province', parent: ministry });
    users['clerk.moi'] = await f.newUser({
      username: 'clerk.moi',
      memberships: [{ unit: ministry, role: 'clerk' }],
      clearance: 'secret',
    });
    users['clerk.roiet'] = await f.newUser({
      username: 'clerk.roiet',
      memberships: [{ unit: province, role: 'clerk' }],
    });
    users['clerk2.roiet'] = await f.newUser({
      username: 'clerk2.roiet',
      memberships: [{ unit: province, role: 'clerk' }],
    });
    t.clock.set('2027-06-07T01:00:00Z');
    // Only the first clerk gives an e-mail address.
    const saved = await (
      await api('clerk.roiet')
    )
      .put('/notifications/preferences', { email: CLERK_EMAIL })
      .expect(200);
    expect(saved.body).toEqual({ email: CLERK_EMAIL, digest: true });
  });
  afterAll(async () => {
    await t?.close();
    await hook.stop();
    await sink.stop();
  });

  it('an escalation e-mails the clerk over SMTP: Thai text naming the ที่ and เลขทะเบียน, no URL, sent once', async () => {
    // Monday 7 June 2027, 09:00 in Bangkok.
    t.clock.set('2027-06-07T02:00:00Z');
    const letter = await forwardToProvince({ subject: 'ขอให้รายงานผลการดำเนินงานประจำเดือน' });
    await escalate(letter.deliveryId, letter.dueAt);

    const rows = await until(
      () => outboxOf(letter.reference),
      (r) => r.length === 2 && r.every((row) => row.state === 'sent'),
    );
    // One e-mail (the clerk without an address gets none) and one post per webhook.
    expect(rows.map((row) => [row.channel, row.address, row.user_id, row.attempts])).toEqual([
      ['email', CLERK_EMAIL, users['clerk.roiet'].id, 1],
      ['webhook', hook.url(), null, 1],
    ]);
    expect(rows.every((row) => row.sent_at !== null && row.last_error === null)).toBe(true);

    const [mail, ...more] = mailsNaming(letter.reference);
    expect(more).toEqual([]);
    expect(mail.to).toEqual([CLERK_EMAIL]);
    expect(mail.from).toBe('saraban@localhost');
    expect(mail.headers.to).toBe(CLERK_EMAIL);
    expect(mail.contentType).toMatch(/^text\/plain; charset=utf-8$/i);
    expect(mail.subject).toMatch(/^เตือน: หนังสือยังไม่ได้ลงรับ เกินกำหนด/);
    // The due time as a clerk reads it (Bangkok, Buddhist era), never a UTC timestamp.
    expect(mail.subject).toMatch(/\([๐-๙]+ [ก-๛]+ [๐-๙]{4} เวลา [๐-๙]{2}\.[๐-๙]{2} น\.\)$/);
    expect(mail.text.split('\n')).toEqual([
      mail.subject,
      `หนังสือที่ ${letter.reference} เลขทะเบียนของหน่วยผู้ส่ง ${letter.number}`,
      'เรื่อง ขอให้รายงานผลการดำเนินงานประจำเดือน',
      'โปรดค้นหาด้วยเลขที่หนังสือในระบบสารบรรณ',
    ]);
    expect(containsLink([mail.subject, mail.text])).toBe(false);
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(URL_LIKE);

    // The webhook got the same checked text as JSON.
    const [post, ...morePosts] = hook.containing(letter.reference);
    expect(morePosts).toEqual([]);
    expect(post.contentType).toBe('application/json');
    expect(post.body).toEqual({
      kind: 'escalation.reminder',
      subject: mail.subject,
      text: rows[1].body,
    });
    expect(rows[1].body).toBe(mail.text);

    // In-app: both clerks, the payload names the letter the same way.
    for (const username of ['clerk.roiet', 'clerk2.roiet']) {
      const inbox = await (await api(username)).get('/notifications?unread=true').expect(200);
      const reminder = bodyOf(inbox, 'NotificationPageResponse').items.find(
        (n) => n.payload.deliveryId === letter.deliveryId,
      );
      expect(reminder).toMatchObject({
        kind: 'escalation.reminder',
        payload: {
          reference: letter.reference,
          senderReceiptNumber: letter.number,
          subject: 'ขอให้รายงานผลการดำเนินงานประจำเดือน',
        },
      });
    }

    // Running the job again, directly or through the queue, and sweeping send nothing twice.
    for (const row of rows) {
      expect(await notifications.deliverOutbound(row.id)).toEqual({ done: 'not pending' });
    }
    await runOutboxJobsAgain(rows);
    expect(await sweepNow()).toMatchObject({ candidates: 0 });
    expect(mailsNaming(letter.reference)).toHaveLength(1);
    expect(hook.containing(letter.reference)).toHaveLength(1);
    expect((await outboxOf(letter.reference)).map((row) => row.attempts)).toEqual([1, 1]);
    await settle(letter.deliveryId);
  });

  it('two deliveries of the same outbox row at once send it once', async () => {
    const reference = 'มท 0210.5/ว 701';
    const requests = await ds.transaction((manager) =>
      notifications.queueOutbound(manager, [users['clerk.roiet'].id], 'escalation.reminder', {
        reference,
        recipientUnitName: 'จังหวัดร้อยเอ็ด',
      }),
    );
    // The jobs are not enqueued: the two calls below are the only senders.
    expect(requests).toHaveLength(2);
    const rows = await outboxOf(reference);
    expect(rows.map((row) => row.state)).toEqual(['pending', 'pending']);
    for (const row of rows) {
      const outcomes = await Promise.all([
        notifications.deliverOutbound(row.id),
        notifications.deliverOutbound(row.id),
      ]);
      expect(outcomes.map((o) => ('done' in o ? o.done : 'retry')).sort()).toEqual([
        'not pending',
        'sent',
      ]);
    }
    expect(mailsNaming(reference)).toHaveLength(1);
    expect(hook.containing(reference)).toHaveLength(1);
    expect((await outboxOf(reference)).map((row) => [row.state, row.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('a refusing SMTP server and a webhook answering 500 leave the messages pending; once they recover each is sent once', async () => {
    t.clock.set('2027-06-08T02:00:00Z');
    const reference = 'มท 0210.5/ว 702';
    const deliveryId = await pendingDelivery({
      reference,
      subject: 'ขอเชิญประชุมคณะทำงาน',
      sentAt: '2027-06-08T01:30:00Z',
      dueAt: '2027-06-08T02:30:00Z',
    });
    sink.rejectRecipients = true;
    hook.status = 500;
    try {
      await escalate(deliveryId, new Date('2027-06-08T02:30:00Z'));
      const failed = await until(
        () => outboxOf(reference),
        (r) => r.length === 2 && r.every((row) => row.attempts >= 1),
      );
      expect(failed.map((row) => [row.channel, row.state])).toEqual([
        ['email', 'pending'],
        ['webhook', 'pending'],
      ]);
      expect(failed[0].last_error).toMatch(/550/);
      expect(failed[1].last_error).toBe('webhook answered 500');
      expect(failed.every((row) => row.sent_at === null)).toBe(true);
      // Not lost: each job waits in Redis for its retry.
      for (const row of failed) {
        await until(
          () => jobs.standing('notifications', outboxJobId(row.id)),
          (standing) => standing === 'delayed',
        );
      }
      expect(mailsNaming(reference)).toEqual([]);
      expect(hook.containing(reference).every((call) => call.answered === 500)).toBe(true);
    } finally {
      sink.rejectRecipients = false;
      hook.status = 200;
    }

    // The sweep finds the pending rows past their grace time and wakes their jobs.
    expect(await sweepNow()).toMatchObject({ promoted: 2 });
    const sent = await until(
      () => outboxOf(reference),
      (r) => r.every((row) => row.state === 'sent'),
    );
    expect(mailsNaming(reference)).toHaveLength(1);
    const posts = hook.containing(reference);
    expect(posts.filter((call) => call.answered === 200)).toHaveLength(1);
    // Every attempt is counted: the failed posts plus the one that went through.
    expect(sent[1].attempts).toBe(posts.length);
    expect(sent[0].attempts).toBeGreaterThanOrEqual(2);
    expect(sent.every((row) => row.last_error === null)).toBe(true);

    // Sent stays sent: another sweep and another run send nothing.
    expect(await sweepNow()).toMatchObject({ candidates: 0 });
    await runOutboxJobsAgain(sent);
    expect(mailsNaming(reference)).toHaveLength(1);
    expect(hook.containing(reference)).toHaveLength(posts.length);
    await settle(deliveryId);
  });

  it('a message that fails its tenth attempt is kept as failed and not tried again', async () => {
    const reference = 'มท 0210.5/ว 703';
    await ds.transaction((manager) =>
      notifications.queueOutbound(manager, [users['clerk.roiet'].id], 'escalation.reminder', {
        reference,
      }),
    );
    const [, webhookRow] = await outboxOf(reference);
    await ds.query(`UPDATE outbound_messages SET attempts = 9 WHERE id = $1`, [webhookRow.id]);
    hook.status = 500;
    try {
      expect(await notifications.deliverOutbound(webhookRow.id)).toEqual({ done: 'failed' });
    } finally {
      hook.status = 200;
    }
    const [emailRow, failed] = await outboxOf(reference);
    expect([failed.state, failed.attempts, failed.last_error]).toEqual([
      'failed',
      10,
      'webhook answered 500',
    ]);
    expect(await notifications.deliverOutbound(emailRow.id)).toEqual({ done: 'sent' });
    // The sweep restores pending rows only.
    expect(await sweepNow()).toMatchObject({ candidates: 0 });
    await runOutboxJobsAgain([failed]);
    expect(hook.containing(reference)).toHaveLength(1);
    expect((await outboxOf(reference))[1].state).toBe('failed');
  });

  it('no links on the way out: a URL-like letter subject is left out of the reminder', async () => {
    t.clock.set('2027-06-09T02:00:00Z');
    const reference = 'มท 0210.5/ว 704';
    const deliveryId = await pendingDelivery({
      reference,
      subject: 'ขอเชิญประชุม รายละเอียดที่ www.example.go.th',
      sentAt: '2027-06-09T01:30:00Z',
      dueAt: '2027-06-09T02:30:00Z',
    });
    await escalate(deliveryId, new Date('2027-06-09T02:30:00Z'));
    const rows = await until(
      () => outboxOf(reference),
      (r) => r.length === 2 && r.every((row) => row.state === 'sent'),
    );
    // The reminder still goes out, naming the letter by its ที่, without the subject.
    const [mail] = mailsNaming(reference);
    expect(mail.text).toContain(`หนังสือที่ ${reference}`);
    expect(mail.text).not.toContain('เรื่อง');
    expect(rows[1].body).toBe(mail.text);
    expect(allMailText()).not.toMatch(URL_LIKE);
    expect(hook.containing(reference)).toHaveLength(1);
    expect(hook.calls.map((call) => call.raw).join('\n')).not.toMatch(URL_LIKE);
    const [note] = await rowsOf<{ payload: Record<string, unknown> }>(
      ds,
      `SELECT payload FROM notifications WHERE payload->>'deliveryId' = $1`,
      [deliveryId],
    );
    expect(note.payload.reference).toBe(reference);
    expect(note.payload).not.toHaveProperty('subject');
    await settle(deliveryId);
  });

  it('no links on the way out: URL-like text is refused, logged, and never sent', async () => {
    const warn = vi.spyOn(logger, 'warn');
    try {
      // 1. Written by a caller: the outbox rows are stored as refused, no job is returned.
      const reference = 'มท 0210.5/ว 705';
      const requests = await ds.transaction((manager) =>
        notifications.queueOutbound(manager, [users['clerk.roiet'].id], 'escalation.reminder', {
          reference,
          subject: 'ดูรายละเอียดที่ https://www.example.go.th/meeting',
        }),
      );
      expect(requests).toEqual([]);
      const refused = await outboxOf(reference);
      expect(refused.map((row) => [row.channel, row.state, row.last_error, row.attempts])).toEqual([
        ['email', 'refused', 'no-links check: URL-like text', 0],
        ['webhook', 'refused', 'no-links check: URL-like text', 0],
      ]);
      expect(warn).toHaveBeenCalledWith(
        { kind: 'escalation.reminder' },
        'outbound notification refused: it looks like it carries a link',
      );
      // Even a job for a refused row sends nothing.
      await runOutboxJobsAgain(refused);
      expect((await outboxOf(reference)).map((row) => row.state)).toEqual(['refused', 'refused']);

      // 2. The in-app notification with the same payload is refused as a whole: nothing written.
      const inApp = ds.transaction((manager) =>
        notifications.notifyUsers(manager, [users['clerk.roiet'].id], 'escalation.reminder', {
          reference: 'มท 0210.5/ว 706',
          subject: 'สมัครได้ที่ bit.ly/abc123',
        }),
      );
      await expect(inApp).rejects.toMatchObject({ code: 'NOTIFICATION_HAS_LINK' });
      expect(await outboxOf('มท 0210.5/ว 706')).toEqual([]);
      expect(
        await ds.query(
          `SELECT 1 FROM notifications WHERE payload->>'reference' = 'มท 0210.5/ว 706'`,
        ),
      ).toEqual([]);

      // 3. A pending row written by anything else is checked again at the door by the worker.
      const [row] = await rowsOf<{ id: string }>(
        ds,
        `INSERT INTO outbound_messages (channel, address, user_id, kind, subject, body, state, created_at)
         VALUES ('email', $1, $2, 'escalation.reminder', 'เตือน', $3, 'pending', $4) RETURNING id`,
        [
          CLERK_EMAIL,
          users['clerk.roiet'].id,
          'หนังสือที่ มท 0210.5/ว 707\nดูได้ที่ www.example.go.th',
          t.clock.now(),
        ],
      );
      await runOutboxJobsAgain([row]);
      expect((await outboxOf('มท 0210.5/ว 707')).map((r) => [r.state, r.last_error])).toEqual([
        ['refused', 'no-links check: URL-like text'],
      ]);
      expect(warn).toHaveBeenCalledWith(
        { messageId: row.id, kind: 'escalation.reminder' },
        'outbound message refused: URL-like text',
      );
    } finally {
      warn.mockRestore();
    }
    expect(allMailText()).not.toMatch(URL_LIKE);
    expect(hook.calls.map((call) => call.raw).join('\n')).not.toMatch(URL_LIKE);
    expect(mailsNaming('มท 0210.5/ว 705')).toEqual([]);
    expect(mailsNaming('มท 0210.5/ว 707')).toEqual([]);
    expect(hook.containing('มท 0210.5/ว 705')).toEqual([]);
  });

  it('a unit named with URL-like text does not stop the ladder: its name is left out', async () => {
    t.clock.set('2027-06-09T05:00:00Z');
    const dataCentre = await f.newUnit({
      kind: 'other',
      nameTh: 'ศูนย์ข้อมูลเปิดภาครัฐ (data.go.th)',
      parent: ministry,
    });
    users['clerk.data'] = await f.newUser({
      username: 'clerk.data',
      memberships: [{ unit: dataCentre, role: 'clerk' }],
    });
    await (
      await api('clerk.data')
    )
      .put('/notifications/preferences', { email: 'clerk.data@dga.or.th' })
      .expect(200);
    const reference = 'มท 0210.5/ว 709';
    const [deliveryId] = await f.newDeliveries({
      sender: ministry,
      recipient: dataCentre,
      count: 1,
      sentAt: new Date('2027-06-09T05:00:00Z'),
      dueAt: new Date('2027-06-09T05:30:00Z'),
      speed: 'most_urgent',
    });
    await ds.query(
      `UPDATE letters SET reference_raw = $2 WHERE id = (SELECT letter_id FROM deliveries WHERE id = $1)`,
      [deliveryId, reference],
    );
    await escalate(deliveryId, new Date('2027-06-09T05:30:00Z'));
    const rows = await until(
      () => outboxOf(reference),
      (r) => r.length === 2 && r.every((row) => row.state === 'sent'),
    );
    expect(rows.map((row) => row.address)).toEqual(['clerk.data@dga.or.th', hook.url()]);
    const [mail] = mailsNaming(reference);
    expect(mail.to).toEqual(['clerk.data@dga.or.th']);
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(URL_LIKE);
    // Up to the forwarding unit (level 3), whose message lists the overdue recipients.
    for (const level of [2, 3]) {
      const [previous] = await rowsOf<{ next_due_at: Date }>(
        ds,
        `SELECT next_due_at FROM escalations WHERE delivery_id = $1 AND level = $2`,
        [deliveryId, level - 1],
      );
      t.clock.set(new Date(new Date(previous.next_due_at).getTime() + MINUTE));
      expect(await sweep.run()).toMatchObject({ ran: true });
      await until(
        () => ds.query(`SELECT 1 FROM escalations WHERE delivery_id = $1`, [deliveryId]),
        (r: unknown[]) => r.length === level,
      );
    }
    const notes: { kind: string; payload: Record<string, unknown> }[] = await ds.query(
      `SELECT kind, payload FROM notifications WHERE payload->>'deliveryId' = $1 ORDER BY created_at`,
      [deliveryId],
    );
    expect(notes.map((n) => n.kind)).toEqual([
      'escalation.reminder',
      'escalation.head',
      'escalation.supervisor',
    ]);
    expect(notes[0].payload).toMatchObject({ reference, recipientUnitName: null });
    expect(notes[2].payload).toMatchObject({
      overdueCount: 1,
      overdueRecipients: [{ unitId: dataCentre.id, name: null }],
    });
    expect(JSON.stringify(notes)).not.toContain('data.go.th');
    await settle(deliveryId);
  });

  it('a secret or confidential letter has no subject in any notification, in-app or outbound', async () => {
    t.clock.set('2027-06-10T02:00:00Z');
    // A classified letter goes only where someone cleared can act on it (and its ladder
    // stops where nobody can), and its reminders only to the cleared: both province clerks
    // are cleared here, the one with an e-mail address and the one without.
    const roiet = [users['clerk.roiet'].id, users['clerk2.roiet'].id];
    await ds.query(`UPDATE users SET clearance = 'secret' WHERE id = ANY($1::uuid[])`, [roiet]);
    const secret = await forwardToProvince({
      subject: 'แผนการตรวจราชการกรณีพิเศษ',
      secrecy: 'secret',
    });
    await escalate(secret.deliveryId, secret.dueAt);
    const confidentialReference = 'มท 0210.5/ว 708';
    const confidential = await pendingDelivery({
      reference: confidentialReference,
      subject: 'รายชื่อผู้ให้ข้อมูลในคดี',
      secrecy: 'confidential',
      sentAt: '2027-06-10T04:00:00Z',
      dueAt: '2027-06-10T04:30:00Z',
    });
    await escalate(confidential, new Date('2027-06-10T04:30:00Z'));

    for (const [reference, deliveryId, subject] of [
      [secret.reference, secret.deliveryId, 'แผนการตรวจราชการกรณีพิเศษ'],
      [confidentialReference, confidential, 'รายชื่อผู้ให้ข้อมูลในคดี'],
    ]) {
      const rows = await until(
        () => outboxOf(reference),
        (r) => r.length === 2 && r.every((row) => row.state === 'sent'),
      );
      expect(JSON.stringify(rows)).not.toContain(subject);
      expect(rows.every((row) => !row.body.includes('เรื่อง'))).toBe(true);
      const mails = mailsNaming(reference);
      expect(mails).toHaveLength(1);
      expect(JSON.stringify(mails)).not.toContain(subject);
      const posts = hook.containing(reference);
      expect(posts).toHaveLength(1);
      expect(posts[0].raw).not.toContain(subject);
      // In-app, as the clerk reads it.
      const inbox = await (await api('clerk.roiet')).get('/notifications?limit=100').expect(200);
      const mine = bodyOf(inbox, 'NotificationPageResponse').items.filter(
        (n) => n.payload.deliveryId === deliveryId,
      );
      expect(mine).toHaveLength(1);
      expect(mine[0].payload.reference).toBe(reference);
      expect(mine[0].payload).not.toHaveProperty('subject');
      expect(JSON.stringify(mine)).not.toContain(subject);
      const stored = await rowsOf<{ payload: Record<string, unknown> }>(
        ds,
        `SELECT payload FROM notifications WHERE payload->>'deliveryId' = $1`,
        [deliveryId],
      );
      expect(stored).toHaveLength(2);
      expect(JSON.stringify(stored)).not.toContain(subject);
      await settle(deliveryId);
    }
    await ds.query(`UPDATE users SET clearance = 'none' WHERE id = ANY($1::uuid[])`, [roiet]);
  });

  describe('the daily digest', () => {
    let district: TestUnit;
    const DIGEST_EMAIL = 'saraban.mueang@roiet.go.th';
    const digestOf = async (username: string, date: string) =>
      (
        await rowsOf<{ payload: Record<string, unknown> }>(
          ds,
          `SELECT payload FROM notifications
            WHERE user_id = $1 AND kind = 'digest' AND payload->>'date' = $2`,
          [users[username].id, date],
        )
      ).map((row) => row.payload);
    const digestMails = (date: string) =>
      mails().filter(
        (mail) =>
          mail.subject === `สรุปงานสารบรรณประจำวันที่ ${formatThaiDate(date, { digits: 'thai' })}`,
      );

    beforeAll(async () => {
      t.clock.set('2027-06-11T01:00:00Z');
      district = await f.newUnit({
        nameTh: 'อำเภอเมืองร้อยเอ็ด',
        kind: 'district',
        parent: province,
      });
      const quiet = await f.newUnit({ nameTh: 'อำเภอเสลภูมิ', kind: 'district', parent: province });
      for (const [username, unit, role] of [
        ['digest.clerk', district, 'clerk'],
        ['digest.off', district, 'clerk'],
        ['digest.head', district, 'head'],
        ['digest.official', district, 'official'],
        ['digest.quiet', quiet, 'clerk'],
      ] as const) {
        users[username] = await f.newUser({ username: username, memberships: [{ unit, role }] });
      }
      // Through the API, as people do it: one address, one digest turned off.
      await (
        await api('digest.clerk')
      )
        .put('/notifications/preferences', { email: DIGEST_EMAIL })
        .expect(200);
      const off = await (
        await api('digest.off')
      )
        .put('/notifications/preferences', { email: 'off@roiet.go.th', digest: false })
        .expect(200);
      expect(off.body).toEqual({ email: 'off@roiet.go.th', digest: false });
      // Waiting for the district: two letters past their due time, one not yet due.
      for (const dueAt of [
        '2027-06-11T05:00:00Z',
        '2027-06-11T06:00:00Z',
        '2027-06-14T06:00:00Z',
      ]) {
        await f.newDeliveries({
          sender: province,
          recipient: district,
          count: 1,
          sentAt: new Date('2027-06-10T02:00:00Z'),
          dueAt: new Date(dueAt),
        });
      }
      // Unread: one for the clerk, one for the district's shared inbox; one read already.
      const readOne = await ds.transaction(async (manager) => {
        await notifications.notifyUser(manager, users['digest.clerk'].id, 'test.note', {
          reference: 'มท 0210.5/ว 801',
        });
        await notifications.notifyUnit(manager, district.id, 'test.note', {
          reference: 'มท 0210.5/ว 802',
        });
        return notifications.notifyUser(manager, users['digest.clerk'].id, 'test.note', {
          reference: 'มท 0210.5/ว 803',
        });
      });
      await (await api('digest.clerk')).post(`/notifications/${readOne}/read`, {}).expect(200);
    });

    it('one digest per user who wants one, in Thai, e-mailed to those with an address; twice is once', async () => {
      // Monday 14 June 2027, 08:00 in Bangkok.
      t.clock.set('2027-06-14T01:00:00Z');
      const date = '2027-06-14';
      expect(await notifications.buildDigests(date)).toEqual({
        done: like.stringMatching(/^digests for \d+ users$/),
      });
      expect(await digestOf('digest.clerk', date)).toEqual([
        { date, unread: 2, pending: 3, overdue: 2 },
      ]);
      expect(await digestOf('digest.head', date)).toEqual([
        { date, unread: 1, pending: 3, overdue: 2 },
      ]);
      // Not a clerk or head: only the unit's unread notification is theirs to see.
      expect(await digestOf('digest.official', date)).toEqual([
        { date, unread: 1, pending: 0, overdue: 0 },
      ]);
      expect(await digestOf('digest.off', date)).toEqual([]);
      expect(await digestOf('digest.quiet', date)).toEqual([]);

      // The clerk reads it in the inbox, and gets it by e-mail.
      const inbox = await (await api('digest.clerk')).get('/notifications').expect(200);
      expect(bodyOf(inbox, 'NotificationPageResponse').items[0]).toMatchObject({
        kind: 'digest',
        payload: { date, unread: 2, pending: 3, overdue: 2 },
      });
      const rows: OutboxRow[] = await until(
        () =>
          ds.query(
            `SELECT user_id, address, state FROM outbound_messages
              WHERE kind = 'digest' AND channel = 'email' AND subject LIKE '%' || $1`,
            [formatThaiDate(date, { digits: 'thai' })],
          ),
        (r: OutboxRow[]) => r.length > 0 && r.every((row) => row.state === 'sent'),
      );
      const ours = rows.filter((row) =>
        Object.values(users).some(
          (user) => user.id === row.user_id && user.username.startsWith('digest.'),
        ),
      );
      // The head and the official have no address; the one who turned it off gets nothing.
      expect(ours.map((row) => row.address)).toEqual([DIGEST_EMAIL]);
      const [mail, ...more] = digestMails(date).filter((m) => m.to.includes(DIGEST_EMAIL));
      expect(more).toEqual([]);
      expect(mail.text.split('\n')).toEqual([
        'การแจ้งเตือนที่ยังไม่ได้อ่าน 2 รายการ',
        'หนังสือรอลงรับ 3 ฉบับ (เกินกำหนด 2 ฉบับ)',
        'โปรดเข้าสู่ระบบสารบรรณเพื่อดูรายละเอียด',
      ]);
      expect(containsLink([mail.subject, mail.text])).toBe(false);
      expect(digestMails(date).flatMap((m) => m.to)).not.toContain('off@roiet.go.th');
      // Digests are personal: the webhooks (the system's event feed) get none.
      expect(
        await ds.query(
          `SELECT count(*)::int AS n FROM outbound_messages WHERE kind = 'digest' AND channel = 'webhook'`,
        ),
      ).toEqual([{ n: 0 }]);

      // The job runs again (a retry, a second tick): nothing new anywhere.
      const before = await rowsOf(
        ds,
        `SELECT (SELECT count(*)::int FROM notifications WHERE kind = 'digest') AS notes,
                (SELECT count(*)::int FROM outbound_messages WHERE kind = 'digest') AS outbox`,
      );
      expect(await notifications.buildDigests(date)).toEqual({ done: 'digests for 0 users' });
      expect(
        await rowsOf(
          ds,
          `SELECT (SELECT count(*)::int FROM notifications WHERE kind = 'digest') AS notes,
                  (SELECT count(*)::int FROM outbound_messages WHERE kind = 'digest') AS outbox`,
        ),
      ).toEqual(before);
      expect(digestMails(date).filter((m) => m.to.includes(DIGEST_EMAIL))).toHaveLength(1);
    });

    it('the tick of a working day goes through BullMQ and the worker to the SMTP sink', async () => {
      // Tuesday 15 June 2027, 08:00 in Bangkok: what the cron of DIGEST_TIME does.
      t.clock.set('2027-06-15T01:00:00Z');
      const date = '2027-06-15';
      expect(await t.get(DigestCron).tick()).toBe(true);
      const [mail] = await until(
        async () => digestMails(date).filter((m) => m.to.includes(DIGEST_EMAIL)),
        (found) => found.length > 0,
      );
      // A day later, the third letter is past its due time too.
      expect(mail.text.split('\n')).toEqual([
        'การแจ้งเตือนที่ยังไม่ได้อ่าน 2 รายการ',
        'หนังสือรอลงรับ 3 ฉบับ (เกินกำหนด 3 ฉบับ)',
        'โปรดเข้าสู่ระบบสารบรรณเพื่อดูรายละเอียด',
      ]);
      await until(
        () => jobs.standing('notifications', digestJobId(date)),
        (standing) => standing === 'completed',
      );
      expect(await digestOf('digest.clerk', date)).toHaveLength(1);
    });

    it('two runs of the same day at once make one digest per user', async () => {
      const date = '2027-06-25';
      t.clock.set('2027-06-25T01:00:00Z');
      await Promise.all([notifications.buildDigests(date), notifications.buildDigests(date)]);
      const perUser: { user_id: string; count: number }[] = await ds.query(
        `SELECT user_id, count(*)::int AS count FROM notifications
          WHERE kind = 'digest' AND payload->>'date' = $1 GROUP BY user_id`,
        [date],
      );
      expect(perUser.length).toBeGreaterThan(0);
      expect(perUser.filter((row) => row.count > 1)).toEqual([]);
    });
  });
});

describe('the digest tick: working days only, one job per day whatever the replicas', () => {
  // Two worker replicas on one clock and a queue prefix of their own; no outbound channel.
  const clock = new ManualClock();
  const env = {
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_tick`,
    ESCALATION_SWEEP_INTERVAL_SECONDS: '600',
  };
  let a: TestApp;
  let b: TestApp;
  const tickBoth = () => Promise.all([a.get(DigestCron).tick(), b.get(DigestCron).tick()]);
  const digestJobIds = async () =>
    (
      await a
        .get(JobQueue)
        .queue('notifications')
        .getJobs(['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'])
    )
      .filter((job) => job.name === 'notifications.digest')
      .map((job) => job.id)
      .sort();

  beforeAll(async () => {
    a = await createTestApp({ worker: true, clock, env });
    b = await createTestApp({ worker: true, clock, env });
    const f = factories(a);
    const unit = await f.newUnit({ nameTh: 'อำเภอโพนทอง', kind: 'district' });
    await f.newUser({ username: 'tick.clerk', memberships: [{ unit, role: 'clerk' }] });
    await f.newDeliveries({
      sender: unit,
      recipient: unit,
      count: 1,
      sentAt: new Date('2027-06-01T02:00:00Z'),
      dueAt: new Date('2027-06-02T02:00:00Z'),
    });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a working day: two replicas ticking at once make one job, and one digest per user', async () => {
    // Wednesday 16 June 2027, 08:00 in Bangkok.
    clock.set('2027-06-16T01:00:00Z');
    expect(await tickBoth()).toEqual([true, true]);
    await until(
      () => a.get(JobQueue).standing('notifications', digestJobId('2027-06-16')),
      (standing) => standing === 'completed',
    );
    expect(await digestJobIds()).toEqual(['digest-2027-06-16']);
    const perUser: { count: number }[] = await a.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications
        WHERE kind = 'digest' AND payload->>'date' = '2027-06-16' GROUP BY user_id`,
    );
    expect(perUser.length).toBeGreaterThan(0);
    expect(perUser.every((row) => row.count === 1)).toBe(true);
    // Ticking again that day finds the finished job (kept a day and a half): not run again.
    clock.set('2027-06-16T01:00:30Z');
    expect(await tickBoth()).toEqual([true, true]);
    expect(await a.get(JobQueue).standing('notifications', digestJobId('2027-06-16'))).toBe(
      'completed',
    );
    expect(await digestJobIds()).toEqual(['digest-2027-06-16']);
  });

  it('weekends and holidays of the holidays table get no digest; the day is Bangkok’s', async () => {
    const tick = async (at: string) => {
      clock.set(at);
      return a.get(DigestCron).tick();
    };
    expect(await tick('2027-06-19T01:00:00Z')).toBe(false); // Saturday
    expect(await tick('2027-06-20T01:00:00Z')).toBe(false); // Sunday
    expect(await tick('2027-07-28T01:00:00Z')).toBe(false); // seeded: the King's birthday
    // A holiday an administrator adds (a Thursday); taken out again, the day works.
    await a.dataSource.query(
      `INSERT INTO holidays (date, name_th, source, created_at) VALUES ('2027-06-17', 'วันหยุดราชการเพิ่มเติม', 'admin', now())`,
    );
    expect(await tick('2027-06-17T01:00:00Z')).toBe(false);
    expect(await digestJobIds()).toEqual(['digest-2027-06-16']);
    await a.dataSource.query(`DELETE FROM holidays WHERE date = '2027-06-17'`);
    expect(await tick('2027-06-17T01:00:30Z')).toBe(true);
    // 17:30 UTC on Friday is 00:30 on Saturday in Bangkok: no digest. On Thursday, Friday's.
    expect(await tick('2027-06-18T17:30:00Z')).toBe(false);
    expect(await tick('2027-06-17T17:30:00Z')).toBe(true);
    expect(await digestJobIds()).toEqual([
      'digest-2027-06-16',
      'digest-2027-06-17',
      'digest-2027-06-18',
    ]);
  });
});

/** A district clerk whose outbound notifications go to `<username>@roiet.go.th`. */
async function newClerkWithEmail(t: TestApp, username: string, district: string) {
  const f = factories(t);
  const unit = await f.newUnit({ nameTh: district, kind: 'district' });
  const user = await f.newUser({ username: username, memberships: [{ unit, role: 'clerk' }] });
  const email = `${username}@roiet.go.th`;
  await t.dataSource.query(
    `INSERT INTO notification_preferences (user_id, email, digest, updated_at) VALUES ($1, $2, true, now())`,
    [user.id, email],
  );
  return { unit, user, email };
}

/** Queues one reminder e-mail to the clerk, tries it once; the outcome and the row after. */
async function sendOneReminder(
  t: TestApp,
  clerk: { user: TestUser; email: string },
  reference: string,
) {
  const notifications = t.get(NotificationsService);
  await t.dataSource.transaction((manager) =>
    notifications.queueOutbound(manager, [clerk.user.id], 'escalation.reminder', { reference }),
  );
  const [row] = await rowsOf<{ id: string }>(
    t.dataSource,
    `SELECT id FROM outbound_messages WHERE address = $1`,
    [clerk.email],
  );
  const outcome = await notifications.deliverOutbound(row.id);
  const [after] = await rowsOf<{
    state: string;
    attempts: number;
    last_error: string | null;
    sent_at: Date | null;
  }>(
    t.dataSource,
    `SELECT state, attempts, last_error, sent_at FROM outbound_messages WHERE id = $1`,
    [row.id],
  );
  return { outcome, after };
}

describe('SMTP and TLS: plain SMTP unless the URL requires TLS', () => {
  const sink = new SmtpSink();
  let t: TestApp;

  beforeAll(async () => {
    await sink.start();
    t = await createTestApp({
      env: {
        QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_tls`,
        SMTP_URL: sink.url('?requireTLS=true'),
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  it('with ?requireTLS=true a server without STARTTLS gets nothing in clear; the row stays pending', async () => {
    const clerk = await newClerkWithEmail(t, 'tls.clerk', 'อำเภอจตุรพักตรพิมาน');
    const { outcome, after } = await sendOneReminder(t, clerk, 'มท 0210.5/ว 901');
    expect(outcome).toHaveProperty('retryAt');
    expect(after).toMatchObject({ state: 'pending', attempts: 1 });
    expect(after.last_error).toMatch(/STARTTLS/);
    expect(sink.commands).toContain('STARTTLS');
    expect(sink.commands.some((command) => /^(MAIL|DATA)/i.test(command))).toBe(false);
    expect(sink.messages).toEqual([]);
  });
});

describe('the worker process: the digest job sends e-mail with SMTP_URL from its environment', () => {
  const sink = new SmtpSink();
  const prefix = `${process.env.QUEUE_PREFIX}_proc`;
  let t: TestApp;
  let f: Factories;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    await sink.start();
    // The producer side only: the api enqueues, dist/worker.js processes.
    t = await createTestApp({ env: { QUEUE_PREFIX: prefix } });
    f = factories(t);
    const { unit } = await newClerkWithEmail(t, 'proc.clerk', 'อำเภอธวัชบุรี');
    await f.newDeliveries({
      sender: unit,
      recipient: unit,
      count: 2,
      sentAt: new Date('2027-06-01T02:00:00Z'),
      dueAt: new Date('2027-12-01T02:00:00Z'),
    });
    worker = startWorker({
      QUEUE_PREFIX: prefix,
      SMTP_URL: sink.url(),
      // No sweep during the test: its clock is the real one.
      ESCALATION_SWEEP_INTERVAL_SECONDS: '3600',
    });
  });
  afterAll(async () => {
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await t?.close();
    await sink.stop();
  });

  it('a digest job enqueued as the tick does reaches the SMTP sink through dist/worker.js', async () => {
    const date = '2027-06-22';
    await t
      .get(JobQueue)
      .add([{ name: 'notifications.digest', id: digestJobId(date), data: { date } }]);
    const [message] = await until(
      async () => sink.to('proc.clerk@roiet.go.th'),
      (found) => found.length > 0,
      60_000,
    );
    const mail = decodeMessage(message.raw);
    expect(mail.subject).toBe(`สรุปงานสารบรรณประจำวันที่ ${formatThaiDate(date, { digits: 'thai' })}`);
    expect(mail.subject).toBe('สรุปงานสารบรรณประจำวันที่ ๒๒ มิถุนายน ๒๕๗๐');
    expect(mail.text).toContain('หนังสือรอลงรับ 2 ฉบับ');
    expect(containsLink([mail.subject, mail.text])).toBe(false);
    const [row] = await until(
      () =>
        t.dataSource.query(
          `SELECT state, attempts FROM outbound_messages WHERE address = 'proc.clerk@roiet.go.th'`,
        ),
      (rows: { state: string }[]) => rows.length === 1 && rows[0].state === 'sent',
    );
    expect(row).toEqual({ state: 'sent', attempts: 1 });
    expect(sink.to('proc.clerk@roiet.go.th')).toHaveLength(1);
  });
});

describe('a hung SMTP server: the send gives up after SMTP_TIMEOUT_MS, the row waits for its retry', () => {
  const sink = new SmtpSink();
  let t: TestApp;

  beforeAll(async () => {
    sink.hangOn = 'MAIL';
    await sink.start();
    t = await createTestApp({
      env: {
        QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_hung`,
        SMTP_URL: sink.url(),
        SMTP_TIMEOUT_MS: '500',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  it('a server that greets, then never answers, leaves the row pending with the timeout as its error', async () => {
    const clerk = await newClerkWithEmail(t, 'hung.clerk', 'อำเภอโพนทอง');
    const { outcome, after } = await sendOneReminder(t, clerk, 'มท 0210.5/ว 902');
    expect(outcome).toHaveProperty('retryAt');
    expect(after).toMatchObject({ state: 'pending', attempts: 1, sent_at: null });
    expect(after.last_error).toMatch(/timeout/i);
    expect(sink.commands.some((command) => /^MAIL/i.test(command))).toBe(true);
    expect(sink.messages).toEqual([]);
  });
});
