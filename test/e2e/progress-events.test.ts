import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { progressWakeupChannel } from 'src/modules/routing/progress-wakeups.js';
import { bodyOf, idOf, listOf } from '../harness/api-body.js';
import { rowsOf } from '../harness/sql.js';
import { watchWakeups } from '../harness/progress-wakeups.js';

interface SseEvent {
  id: string | null;
  event: string;
  data: Record<string, unknown>;
}

/** An SSE reader over fetch (a browser's EventSource cannot send the bearer token). */
class Stream {
  readonly events: SseEvent[] = [];
  status = 0;
  private waiters: (() => void)[] = [];
  private readonly abort = new AbortController();

  static async open(url: string, authorization: string, lastEventId?: string): Promise<Stream> {
    const stream = new Stream();
    const headers: Record<string, string> = { Authorization: authorization };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch(url, { headers, signal: stream.abort.signal });
    stream.status = response.status;
    if (response.status !== 200) {
      stream.events.push({ id: null, event: 'error', data: (await response.json()) as never });
      return stream;
    }
    void stream.pump(response.body!);
    return stream;
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let id: string | null = null;
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) this.events.push({ id, event, data: JSON.parse(data) as never });
          for (const wake of this.waiters.splice(0)) wake();
        }
      }
    } catch {
      // aborted
    }
  }

  /** Waits (bounded) until `count` progress events have arrived. */
  async waitFor(count: number, ms = 10_000): Promise<SseEvent[]> {
    const deadline = Date.now() + ms;
    while (this.progress().length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`only ${this.progress().length} of ${count} events`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.progress();
  }

  progress(): SseEvent[] {
    return this.events.filter((e) => e.event === 'progress');
  }

  close(): void {
    this.abort.abort();
  }
}

/**
 * The live tracking stream: acknowledgments, returns, escalations and forwards as
 * Server-Sent Events, read from the durable log in PostgreSQL, checked per event against
 * the reader's access, resumable with Last-Event-ID on another API process.
 */
describe('progress events (SSE)', () => {
  let t: TestApp;
  let f: Factories;
  let t2: TestApp;
  let base: string;
  let base2: string;
  let ministry: TestUnit;
  let province: TestUnit;
  let mueang: TestUnit;
  let selaphum: TestUnit;
  let sao: TestUnit;
  let otherProvince: TestUnit;
  const auth: Record<string, string> = {};
  const streams: Stream[] = [];
  let letterId: string;

  const api = (user: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('Authorization', auth[user]),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('Authorization', auth[user]).send(body),
  });

  async function open(user: string, query = '', lastEventId?: string, on = base) {
    const s = await Stream.open(`${on}/api/v1/progress/events${query}`, auth[user], lastEventId);
    streams.push(s);
    return s;
  }

  async function registerPending(unit: TestUnit, user: string, letter: string) {
    const inbox = await api(user).get(`/units/${unit.id}/inbox`).expect(200);
    const item = bodyOf(inbox, 'InboxPageResponse').items.find((i) => i.letterId === letter)!;
    const registers = await api(user).get(`/units/${unit.id}/registers`).expect(200);
    const incoming = listOf(registers, 'RegisterResponse').find((r) => r.kind === 'incoming')!;
    const entry = await api(user)
      .post(`/registers/${incoming.id}/entries`, { letterId: letter, deliveryId: item.deliveryId })
      .expect(201);
    return {
      deliveryId: item.deliveryId,
      entry: entry.body as { id: string; receiptNumber: number },
    };
  }

  async function newLetter(user: string, unit: TestUnit, secrecy = 'none') {
    const letter = await api(user).post('/letters', {
      kind: 'external',
      speed: 'most_urgent',
      secrecy,
      subject: `เรื่องลับเฉพาะผู้มีสิทธิ์ ${secrecy}`,
    });
    expect(letter.status, JSON.stringify(letter.body)).toBe(201);
    return idOf(letter);
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    t2 = await createTestApp({ clock: t.clock });
    t.clock.set('2026-01-15T03:55:00Z');
    await t.app.listen(0, '127.0.0.1');
    await t2.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    base2 = `http://127.0.0.1:${(t2.app.getHttpServer().address() as AddressInfo).port}`;
    ministry = await f.newMinistry();
    province = await f.newUnit({
      nameTh: 'จังหวัดร้อยเอ็ด',
      kind: 'province',
      parent: ministry,
      letterCode: 'รอ',
      ownerNumber: '0017',
    });
    mueang = await f.newUnit({ nameTh: 'อำเภอเมืองร้อยเอ็ด', kind: 'district', parent: province });
    selaphum = await f.newUnit({ nameTh: 'อำเภอเสลภูมิ', kind: 'district', parent: province });
    sao = await f.newUnit({
      nameTh: 'องค์การบริหารส่วนตำบลขวาว',
      kind: 'subdistrict_administration',
      parent: selaphum,
    });
    otherProvince = await f.newUnit({
      nameTh: 'จังหวัดขอนแก่น',
      kind: 'province',
      parent: ministry,
      letterCode: 'ขก',
      ownerNumber: '0017',
    });
    const users: [string, TestUnit, 'clerk' | 'head', 'none' | 'secret'][] = [
      ['clerk.moi', ministry, 'clerk', 'secret'],
      ['governor', province, 'head', 'secret'],
      ['head.uncleared', province, 'head', 'none'],
      ['clerk.roiet', province, 'clerk', 'secret'],
      ['clerk.mueang', mueang, 'clerk', 'secret'],
      ['clerk.selaphum', selaphum, 'clerk', 'secret'],
      ['clerk.sao', sao, 'clerk', 'secret'],
      ['clerk.khonkaen', otherProvince, 'clerk', 'secret'],
      ['head.khonkaen', otherProvince, 'head', 'secret'],
    ];
    for (const [username, unit, role, clearance] of users) {
      await f.newUser({ username: username, memberships: [{ unit, role }], clearance: clearance });
      auth[username] = (await f.signIn(username)).headers.Authorization;
    }
    // The province got the ministry's circular and sends it to both districts.
    letterId = await newLetter('clerk.moi', ministry);
    await f.numberAndForward(auth['clerk.moi'], ministry.id, letterId, {
      unitIds: [province.id],
    });
  }, 60_000);
  afterAll(async () => {
    for (const s of streams) s.close();
    await t2?.close();
    await t?.close();
  });

  it('an acknowledgment reaches the supervisor live, without the subject', async () => {
    const governor = await open('governor', `?letterId=${letterId}`);
    expect(governor.status).toBe(200);
    const woken = await watchWakeups(t.config);
    // Registering by delivery wakes the readers (the entry's own statement wrote the event).
    const registered = woken.next();
    const { entry } = await registerPending(province, 'clerk.roiet', letterId);
    await registered;
    const [received] = await governor.waitFor(1);
    expect(received.data).toMatchObject({
      kind: 'delivery.received',
      letterId,
      rootLetterId: letterId,
      recipientUnitId: province.id,
      recipientName: 'จังหวัดร้อยเอ็ด',
      senderUnitId: ministry.id,
      receiptNumber: entry.receiptNumber,
    });
    expect(received.id).toBe(String(received.data.id));
    expect(JSON.stringify(received.data)).not.toContain('เรื่อง');

    const forwarded = woken.next();
    const fw = await api('clerk.roiet').post(`/register-entries/${entry.id}/forwards`, {
      unitIds: [mueang.id, selaphum.id],
    });
    expect(fw.status, JSON.stringify(fw.body)).toBe(201);
    await forwarded;
    woken.close();
    const events = await governor.waitFor(2);
    expect(events[1].data).toMatchObject({
      kind: 'forward.sent',
      senderUnitId: province.id,
      recipientUnitId: null,
      count: 2,
    });
  });

  it('nothing of a letter or unit the reader may not see is sent', async () => {
    // Another province's clerk cannot open the letter's stream: 404, as for the letter.
    const denied = await open('clerk.khonkaen', `?letterId=${letterId}`);
    expect(denied.status).toBe(404);
    const deniedUnit = await open('clerk.khonkaen', `?unitId=${province.id}`);
    expect(deniedUnit.status).toBe(404);
    // Their general stream hears nothing of Roi Et, and the uncleared head nothing secret.
    const khonkaen = await open('head.khonkaen');
    const uncleared = await open('head.uncleared');
    const governor = await open('governor');
    const secret = await newLetter('clerk.moi', ministry, 'secret');
    await f.numberAndForward(auth['clerk.moi'], ministry.id, secret, { unitIds: [province.id] });
    // Secret: the governor (cleared) hears of its return, the uncleared head does not.
    const [secretDelivery] = await rowsOf<{ id: string }>(
      t.dataSource,
      'SELECT id FROM deliveries WHERE letter_id = $1',
      [secret],
    );
    await api('clerk.roiet')
      .post(`/deliveries/${secretDelivery.id}/return`, { reason: 'ส่งผิดหน่วยงาน' })
      .expect(200);
    await registerPending(mueang, 'clerk.mueang', letterId); // both Roi Et heads
    // Khon Kaen's own acknowledgment: the one event its head should get.
    const own = await newLetter('clerk.moi', ministry);
    await f.numberAndForward(auth['clerk.moi'], ministry.id, own, {
      unitIds: [otherProvince.id],
    });
    await registerPending(otherProvince, 'clerk.khonkaen', own);

    const kk = await khonkaen.waitFor(1);
    const seen = await governor.waitFor(2);
    const notSecret = await uncleared.waitFor(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(khonkaen.progress().map((e) => e.data.recipientUnitId)).toEqual([otherProvince.id]);
    expect(kk[0].data.letterId).toBe(own);
    expect(seen.map((e) => [e.data.letterId, e.data.recipientUnitId])).toEqual([
      [secret, province.id],
      [letterId, mueang.id],
    ]);
    expect(uncleared.progress().map((e) => e.data.letterId)).toEqual([letterId]);
    expect(notSecret[0].data.recipientUnitId).toBe(mueang.id);
  });

  it('resumes after Last-Event-ID on another API process, from PostgreSQL', async () => {
    const first = await open('governor', `?letterId=${letterId}`);
    await registerPending(selaphum, 'clerk.selaphum', letterId);
    const [one] = await first.waitFor(1);
    first.close();
    // While the reader is away: the district forwards on, and the อบต. registers it.
    const entry = await rowsOf<{ id: string }>(
      t.dataSource,
      `SELECT e.id FROM register_entries e JOIN registers r ON r.id = e.register_id
        WHERE r.unit_id = $1 AND e.letter_id = $2`,
      [selaphum.id, letterId],
    );
    await api('clerk.selaphum')
      .post(`/register-entries/${entry[0].id}/forwards`, { unitIds: [sao.id] })
      .expect(201);
    await registerPending(sao, 'clerk.sao', letterId);

    const resumed = await open('governor', `?letterId=${letterId}`, one.id!, base2);
    const replayed = await resumed.waitFor(2);
    expect(replayed.map((e) => e.data.kind)).toEqual(['forward.sent', 'delivery.received']);
    expect(replayed[1].data.recipientUnitId).toBe(sao.id);
    expect(Number(replayed[0].id)).toBeGreaterThan(Number(one.id));
    // …and then live, on the other process.
    const [provinceEntry] = await rowsOf<{ id: string }>(
      t.dataSource,
      `SELECT e.id FROM register_entries e JOIN registers r ON r.id = e.register_id
        WHERE r.unit_id = $1 AND e.letter_id = $2`,
      [province.id, letterId],
    );
    const again = await api('clerk.roiet')
      .post(`/register-entries/${provinceEntry.id}/forwards`, { unitIds: [mueang.id] })
      .expect(201);
    expect(bodyOf(again, 'ForwardResult').created).toBe(0);
    const live = await resumed.waitFor(3);
    expect(live[2].data).toMatchObject({ kind: 'forward.sent', count: 0 });
    // A bad Last-Event-ID is refused before the stream starts.
    const bad = await open('governor', '', 'abc');
    expect(bad.status).toBe(400);
  });

  it('an escalation reaches the stream with its level', async () => {
    const letter = await newLetter('clerk.moi', ministry);
    await f.numberAndForward(auth['clerk.moi'], ministry.id, letter, { unitIds: [province.id] });
    const governor = await open('governor', `?letterId=${letter}`);
    const [delivery] = await rowsOf<{ id: string; due_at: Date }>(
      t.dataSource,
      'SELECT id, due_at FROM deliveries WHERE letter_id = $1',
      [letter],
    );
    t.clock.set(new Date(new Date(delivery.due_at).getTime() + 60_000));
    await t.get(EscalationService).escalate(delivery.id, 1);
    const [event] = await governor.waitFor(1);
    expect(event.data).toMatchObject({
      kind: 'delivery.escalated',
      level: 1,
      deliveryId: delivery.id,
      recipientUnitId: province.id,
    });
  });

  it('an event committed after a later one is still handed out, in id order', async () => {
    auth.governor = (await f.signIn('governor')).headers.Authorization; // the clock moved past the last token's life
    const governor = await open('governor', `?letterId=${letterId}`);
    expect(governor.status).toBe(200);
    const insert = `INSERT INTO progress_events (kind, root_letter_id, letter_id, secrecy, sender_unit_id,
                      recipient_unit_id, occurred_at)
                    VALUES ('delivery.returned', $1, $1, 'none', $2, $3, now()) RETURNING id::int AS id`;
    const slow = new pg.Client({ connectionString: t.config.databaseUrl });
    const fast = new pg.Client({ connectionString: t.config.databaseUrl });
    // What ProgressWakeups publishes after each commit.
    const publisher = new Redis(t.config.redisUrl);
    const wake = () => publisher.publish(progressWakeupChannel(t.config.queuePrefix), '');
    await slow.connect();
    await fast.connect();
    try {
      await slow.query('BEGIN');
      const a = await slow.query<{ id: number }>(insert, [letterId, province.id, mueang.id]);
      const b = await fast.query<{ id: number }>(insert, [letterId, province.id, selaphum.id]);
      await wake();
      expect(b.rows[0].id).toBe(a.rows[0].id + 1);
      await new Promise((r) => setTimeout(r, 500));
      // The later id committed first: held back while the earlier one may still commit.
      expect(governor.progress()).toHaveLength(0);
      await slow.query('COMMIT');
      await wake();
      const events = await governor.waitFor(2);
      expect(events.map((e) => e.data.recipientUnitId)).toEqual([mueang.id, selaphum.id]);
    } finally {
      await slow.end();
      await fast.end();
      publisher.disconnect();
    }
  });
});
