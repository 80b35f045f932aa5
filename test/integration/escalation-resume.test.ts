import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { EscalationRepository } from 'src/modules/escalation/escalation.repository.js';
import { EscalationJobs } from 'src/modules/escalation/escalation.jobs.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { DeliveryLadderRepository } from 'src/modules/routing/delivery-ladder.repository.js';
import { JobQueue } from 'src/queue/job-queue.js';
import { escalationJobId } from 'src/queue/jobs.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit, type TestUser } from '../factories/index.js';
import { countOf, oneRow, rowsOf } from '../harness/sql.js';
import { until } from '../harness/worker-process.js';
import { bodyOf, idOf, problemOf } from '../harness/api-body.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PASSWORD = 'Saraban-ladder-2569';

interface DeliveryRow {
  state: string;
  escalation_halted_at: Date | null;
  escalation_halt_reason: string | null;
  escalation_resumed_at: Date | null;
  escalation_started: boolean;
}

/**
 * A ladder halted because nobody in the recipient unit was cleared for a classified letter
 * resumes, in the very transaction of the users command after which someone cleared may act
 * there (a new user, a membership, an acting head, a raised clearance), at the rung it halted
 * at and due at once; the person who may act is reminded, nobody uncleared is. Rungs are
 * driven by calling the job handler at a set clock, as the worker would.
 */
describe('a halted ladder resumes when someone cleared may act again', () => {
  let t: TestApp;
  let f: Factories;
  let ds: DataSource;
  let escalation: EscalationService;
  let ministry: TestUnit;
  let province: TestUnit;
  let district: TestUnit;
  const users: Record<string, TestUser> = {};

  const count = (sql: string, params: unknown[] = []) => countOf(ds, sql, params);
  const auth = async (username: string) => (await f.signIn(username)).headers.Authorization;
  const delivery = (id: string) =>
    oneRow<DeliveryRow>(
      ds,
      `SELECT state, escalation_halted_at, escalation_halt_reason, escalation_resumed_at,
              escalation_started
         FROM deliveries WHERE id = $1`,
      [id],
    );
  const eventsOf = (id: string, kind: string) =>
    count(`SELECT count(*) FROM progress_events WHERE delivery_id = $1 AND kind = $2`, [id, kind]);
  const auditsOf = (id: string, action: string) =>
    rowsOf<{ actor_user_id: string | null; unit_id: string; data: Record<string, unknown> }>(
      ds,
      `SELECT actor_user_id, unit_id, data FROM audit_events
        WHERE subject_id = $1 AND action = $2 ORDER BY id`,
      [id, action],
    );
  const notified = async (id: string, kind: string) =>
    (
      await rowsOf<{ user_id: string }>(
        ds,
        `SELECT user_id FROM notifications WHERE kind = $2 AND payload->>'deliveryId' = $1
          ORDER BY user_id`,
        [id, kind],
      )
    ).map((row) => row.user_id);
  const due = async () =>
    (await t.get(EscalationRepository).findDueRungs(ds.manager, t.clock.now(), 1000)).map(
      (rung) => `${rung.deliveryId}:${rung.level}`,
    );

  /** A most-urgent letter of the ministry forwarded to `to`; its delivery's id and due time. */
  async function forwarded(
    to: TestUnit,
    secrecy: string,
    subject: string,
  ): Promise<{ id: string; dueAt: Date }> {
    const clerk = await auth('clerk.moi');
    const letter = await t.http
      .post('/api/v1/letters')
      .set('Authorization', clerk)
      .send({ kind: 'external', speed: 'most_urgent', secrecy, subject, unitId: ministry.id })
      .expect(201);
    const { forward } = await f.numberAndForward(clerk, ministry.id, idOf(letter), {
      unitIds: [to.id],
    });
    const row = await oneRow<{ id: string; dueAt: Date }>(
      ds,
      `SELECT id, due_at AS "dueAt" FROM deliveries WHERE forward_id = $1`,
      [forward.forwardId],
    );
    return { id: row.id, dueAt: new Date(row.dueAt) };
  }

  /** Halts `id` at `level` (its due time must have come) and checks that it did. */
  async function halt(id: string, level: number): Promise<void> {
    expect(await escalation.escalate(id, level)).toEqual({
      done: `level ${level}: ladder halted, nobody cleared`,
    });
    expect(await delivery(id)).toMatchObject({ escalation_halt_reason: 'no_cleared_member' });
  }

  async function nextDueOf(id: string, level: number): Promise<Date | null> {
    const row = await oneRow<{ nextDueAt: Date | null }>(
      ds,
      `SELECT next_due_at AS "nextDueAt" FROM escalations WHERE delivery_id = $1 AND level = $2`,
      [id, level],
    );
    return row.nextDueAt && new Date(row.nextDueAt);
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    ds = t.dataSource;
    escalation = t.get(EscalationService);
    ministry = await f.newMinistry();
    province = await f.newUnit({ nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province', parent: ministry });
    district = await f.newUnit({ nameTh: 'อำเภอเสลภูมิ', kind: 'district', parent: ministry });
    const people: [
      string,
      TestUnit,
      'clerk' | 'head' | 'admin',
      'none' | 'confidential' | 'secret',
    ][] = [
      ['clerk.moi', ministry, 'clerk', 'secret'],
      ['head.moi', ministry, 'head', 'none'],
      ['admin.moi', ministry, 'admin', 'secret'],
      ['clerk.roiet', province, 'clerk', 'secret'],
      ['clerk2.roiet', province, 'clerk', 'none'],
      ['head.roiet', province, 'head', 'none'],
      ['clerk.selaphum', district, 'clerk', 'secret'],
      ['head.selaphum', district, 'head', 'none'],
    ];
    for (const [username, unit, role, clearance] of people) {
      users[username] = await f.newUser({ username, memberships: [{ unit, role }], clearance });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a cleared clerk created in the unit resumes level 1 in the same commit, due at once', async () => {
    t.clock.set('2026-03-04T03:00:00Z'); // a Wednesday, 10.00 in Bangkok
    const { id, dueAt } = await forwarded(province, 'secret', 'แผนรักษาความปลอดภัยที่ต้องไม่ปรากฏ');
    await ds.query(`UPDATE users SET clearance = 'none' WHERE id = $1`, [users['clerk.roiet'].id]);
    t.clock.set(new Date(dueAt.getTime() + MINUTE));
    await halt(id, 1);

    // Two days later (Friday, same hour) a cleared clerk joins, created over the API.
    const resumedAt = new Date(dueAt.getTime() + 2 * DAY);
    t.clock.set(resumedAt);
    const created = await t.http
      .post('/api/v1/users')
      .set('Authorization', await auth('admin.moi'))
      .send({
        username: 'clerk3.roiet',
        displayName: 'นางสาวสมใจ ใจดี',
        password: PASSWORD,
        clearance: 'secret',
        unitId: province.id,
        role: 'clerk',
      })
      .expect(201);
    const clerk3 = idOf(created);

    // The stop is lifted and the ladder is back where it halted, due now.
    expect(await delivery(id)).toMatchObject({
      state: 'sent',
      escalation_halted_at: null,
      escalation_halt_reason: null,
      escalation_resumed_at: resumedAt,
      escalation_started: false,
    });
    expect(await due()).toContain(`${id}:1`);
    expect(await t.get(JobQueue).standing('escalation', escalationJobId(id, 1))).toMatch(
      /waiting|delayed/,
    );
    expect(await eventsOf(id, 'delivery.escalation-resumed')).toBe(1);
    const [audit] = await auditsOf(id, 'delivery.escalation-resumed');
    expect(audit).toMatchObject({
      actor_user_id: users['admin.moi'].id,
      unit_id: province.id,
      data: { level: 1, reason: 'no_cleared_member', cause: 'user.created', userId: clerk3 },
    });
    // The sending unit, told of the stop, is told of the restart; never of the subject.
    expect(await notified(id, 'delivery.escalation-resumed')).toEqual(
      [users['clerk.moi'].id, users['head.moi'].id].sort(),
    );
    const notes = await rowsOf(
      ds,
      `SELECT payload FROM notifications WHERE payload->>'deliveryId' = $1`,
      [id],
    );
    expect(JSON.stringify(notes)).not.toContain('ต้องไม่ปรากฏ');
    // The tree shows it as any other pending delivery.
    const [{ letterId }] = await rowsOf<{ letterId: string }>(
      ds,
      `SELECT letter_id AS "letterId" FROM deliveries WHERE id = $1`,
      [id],
    );
    const tree = await t.http
      .get(`/api/v1/letters/${letterId}/tree`)
      .set('Authorization', await auth('clerk.moi'))
      .expect(200);
    expect(bodyOf(tree, 'LetterTree').items[0]).toMatchObject({
      id,
      state: 'sent',
      escalationHaltedAt: null,
      escalationHaltReason: null,
    });

    // The rung runs: the cleared newcomer is reminded; the uncleared clerks are not.
    expect(await escalation.escalate(id, 1)).toEqual({ done: 'level 1 recorded' });
    expect(await notified(id, 'escalation.reminder')).toEqual([clerk3]);
    // The next rung is a step after the resume, not after the long-past due time.
    const rung = await oneRow<{ dueAt: Date; nextDueAt: Date }>(
      ds,
      `SELECT due_at AS "dueAt", next_due_at AS "nextDueAt" FROM escalations
        WHERE delivery_id = $1 AND level = 1`,
      [id],
    );
    const calendar = await escalation.calendar();
    expect(new Date(rung.dueAt)).toEqual(resumedAt);
    expect(new Date(rung.nextDueAt)).toEqual(calendar.addWorkingMinutes(resumedAt, 120));
    expect(await due()).not.toContain(`${id}:2`);
    // A second run of the rung (a retry, another worker) adds nothing.
    expect(await escalation.escalate(id, 1)).toEqual({ done: 'already recorded' });
    expect(await notified(id, 'escalation.reminder')).toEqual([clerk3]);
  });

  it('an uncleared or non-registry member does not resume it; a raised clearance does, for the classes it reaches', async () => {
    t.clock.set('2026-03-11T03:00:00Z');
    const secret = await forwarded(district, 'secret', 'แผนงานลับมาก');
    const confidential = await forwarded(district, 'confidential', 'รายงานการข่าว');
    await ds.query(`UPDATE users SET clearance = 'none' WHERE id = $1`, [
      users['clerk.selaphum'].id,
    ]);
    t.clock.set(new Date(Math.max(secret.dueAt.getTime(), confidential.dueAt.getTime()) + MINUTE));
    await halt(secret.id, 1);
    await halt(confidential.id, 1);

    const admin = await auth('admin.moi');
    // The province's uncleared clerk also joins the district's registry: nothing resumes.
    await t.http
      .post(`/api/v1/users/${users['clerk2.roiet'].id}/memberships`)
      .set('Authorization', admin)
      .send({ unitId: district.id, role: 'clerk' })
      .expect(201);
    // A cleared official works on letters but neither registers nor returns them.
    const official = await f.newUser({
      username: 'official.moi',
      memberships: [{ unit: ministry, role: 'official' }],
      clearance: 'secret',
    });
    await t.http
      .post(`/api/v1/users/${official.id}/memberships`)
      .set('Authorization', admin)
      .send({ unitId: district.id, role: 'official' })
      .expect(201);
    for (const { id } of [secret, confidential]) {
      expect(await delivery(id)).toMatchObject({ escalation_halt_reason: 'no_cleared_member' });
      expect(await eventsOf(id, 'delivery.escalation-resumed')).toBe(0);
    }

    // Cleared for ลับ only: the confidential letter resumes, the secret one stays halted.
    await t.http
      .patch(`/api/v1/users/${users['clerk2.roiet'].id}`)
      .set('Authorization', admin)
      .send({ clearance: 'confidential' })
      .expect(200);
    expect(await delivery(confidential.id)).toMatchObject({ escalation_halted_at: null });
    expect(await delivery(secret.id)).toMatchObject({
      escalation_halt_reason: 'no_cleared_member',
    });
    const [audit] = await auditsOf(confidential.id, 'delivery.escalation-resumed');
    expect(audit.data).toMatchObject({ cause: 'user.updated', userId: users['clerk2.roiet'].id });
    expect(await eventsOf(secret.id, 'delivery.escalation-resumed')).toBe(0);

    expect(await escalation.escalate(confidential.id, 1)).toEqual({ done: 'level 1 recorded' });
    expect(await notified(confidential.id, 'escalation.reminder')).toEqual([
      users['clerk2.roiet'].id,
    ]);
    // The halted one stays out of the sweep, and its job still does nothing.
    expect(await due()).not.toContain(`${secret.id}:1`);
    expect(await escalation.escalate(secret.id, 1)).toEqual({ done: 'ladder halted' });
  });

  it('a closed account halts the ladder where it was the only one cleared; opened again, it resumes', async () => {
    t.clock.set('2026-03-18T03:00:00Z'); // a Wednesday
    const unit = await f.newUnit({ nameTh: 'อำเภอโพนทอง', kind: 'district', parent: ministry });
    const clerk = await f.newUser({
      username: 'clerk.phonthong',
      memberships: [{ unit, role: 'clerk' }],
      clearance: 'secret',
    });
    const { id, dueAt } = await forwarded(unit, 'secret', 'แผนเผชิญเหตุลับมาก');
    const admin = await auth('admin.moi');
    await t.http
      .patch(`/api/v1/users/${clerk.id}`)
      .set('Authorization', admin)
      .send({ active: false })
      .expect(200);
    t.clock.set(new Date(dueAt.getTime() + MINUTE));
    await halt(id, 1);

    await t.http
      .patch(`/api/v1/users/${clerk.id}`)
      .set('Authorization', await auth('admin.moi'))
      .send({ active: true })
      .expect(200);
    expect(await delivery(id)).toMatchObject({ escalation_halted_at: null });
    const [audit] = await auditsOf(id, 'delivery.escalation-resumed');
    expect(audit.data).toMatchObject({ cause: 'user.updated', userId: clerk.id });
    expect(await escalation.escalate(id, 1)).toEqual({ done: 'level 1 recorded' });
    expect(await notified(id, 'escalation.reminder')).toEqual([clerk.id]);
  });

  it('a membership command that fails leaves the ladders halted: nothing or everything', async () => {
    t.clock.set('2026-03-18T03:00:00Z');
    const halted = await forwarded(province, 'secret', 'บันทึกลับมาก');
    // Nobody in the province is cleared for ลับมาก any more (clerk3 of the first test leaves).
    await ds.query(`UPDATE memberships SET ends_at = $2 WHERE user_id = $1`, [
      (await oneRow<{ id: string }>(ds, `SELECT id FROM users WHERE username = 'clerk3.roiet'`)).id,
      t.clock.now(),
    ]);
    t.clock.set(new Date(halted.dueAt.getTime() + MINUTE));
    await halt(halted.id, 1);
    const admin = await auth('admin.moi');
    const memberships = await count(`SELECT count(*) FROM memberships`);
    const audits = await count(`SELECT count(*) FROM audit_events`);

    // Refused by validation: an acting span with its end before its start.
    const refused = await t.http
      .post(`/api/v1/users/${users['clerk.moi'].id}/memberships`)
      .set('Authorization', admin)
      .send({
        unitId: province.id,
        role: 'head',
        acting: true,
        startsOn: '2569-03-20',
        endsOn: '2569-03-01',
      })
      .expect((res) => expect(res.status).toBeGreaterThanOrEqual(400));
    expect(refused.status).toBeLessThan(500);
    expect(problemOf(refused).detail).toMatch(/[\u0E00-\u0E7F]/);

    // Refused late, after the ladder was resumed in the same transaction: the audit event of
    // the resume cannot be written (a fault put in the test's database), so all of it rolls back.
    await ds.query(`
      CREATE FUNCTION refuse_resume() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
      CREATE TRIGGER refuse_resume BEFORE INSERT ON progress_events FOR EACH ROW
        WHEN (NEW.kind = 'delivery.escalation-resumed') EXECUTE FUNCTION refuse_resume();`);
    try {
      const failed = await t.http
        .post(`/api/v1/users/${users['clerk.moi'].id}/memberships`)
        .set('Authorization', admin)
        .send({ unitId: province.id, role: 'clerk' });
      expect(failed.status).toBe(500);
    } finally {
      await ds.query(
        `DROP TRIGGER refuse_resume ON progress_events; DROP FUNCTION refuse_resume()`,
      );
    }
    expect(await count(`SELECT count(*) FROM memberships`)).toBe(memberships);
    expect(await count(`SELECT count(*) FROM audit_events`)).toBe(audits);
    expect(await delivery(halted.id)).toMatchObject({
      escalation_halt_reason: 'no_cleared_member',
      escalation_started: true,
    });
    expect(await notified(halted.id, 'delivery.escalation-resumed')).toEqual([]);

    // The same command once the fault is gone: the membership and the resume commit together.
    await t.http
      .post(`/api/v1/users/${users['clerk.moi'].id}/memberships`)
      .set('Authorization', admin)
      .send({ unitId: province.id, role: 'clerk' })
      .expect(201);
    expect(await delivery(halted.id)).toMatchObject({ escalation_halted_at: null });
  });

  it('resumed, then halted again when the person leaves, then resumed by an acting head', async () => {
    t.clock.set('2026-03-25T03:00:00Z');
    // Sent while the district's clerk is cleared; then nobody there is (clerk2.roiet reaches
    // ลับ only, and the letter is ลับมาก).
    const selaphum = users['clerk.selaphum'].id;
    await ds.query(`UPDATE users SET clearance = 'secret' WHERE id = $1`, [selaphum]);
    const { id, dueAt } = await forwarded(district, 'secret', 'ข้อมูลลับมาก');
    await ds.query(`UPDATE users SET clearance = 'none' WHERE id = $1`, [selaphum]);
    t.clock.set(new Date(dueAt.getTime() + MINUTE));
    await halt(id, 1);
    const admin = await auth('admin.moi');
    const joined = await t.http
      .post(`/api/v1/users/${users['clerk.moi'].id}/memberships`)
      .set('Authorization', admin)
      .send({ unitId: district.id, role: 'clerk' })
      .expect(201);
    expect(await delivery(id)).toMatchObject({ escalation_halted_at: null });

    // Level 1 runs for the newcomer, then the newcomer leaves before level 2 falls due.
    expect(await escalation.escalate(id, 1)).toEqual({ done: 'level 1 recorded' });
    expect(await notified(id, 'escalation.reminder')).toEqual([users['clerk.moi'].id]);
    await t.http
      .post(`/api/v1/users/${users['clerk.moi'].id}/memberships/${idOf(joined)}/end`)
      .set('Authorization', admin)
      .expect(200);
    const second = (await nextDueOf(id, 1))!;
    t.clock.set(new Date(second.getTime() + MINUTE));
    await halt(id, 2);
    expect(await nextDueOf(id, 1)).toBeNull();
    expect(await due()).not.toContain(`${id}:2`);
    expect(await auditsOf(id, 'delivery.escalation-halted')).toHaveLength(2);
    expect(await count(`SELECT count(*) FROM escalations WHERE delivery_id = $1`, [id])).toBe(1);

    // An acting head, cleared, appointed for a span covering today: level 2 resumes, due now.
    const acting = await f.newUser({
      username: 'acting.selaphum',
      memberships: [{ unit: ministry, role: 'clerk' }],
      clearance: 'secret',
    });
    const now = t.clock.now();
    await t.http
      .post(`/api/v1/users/${acting.id}/memberships`)
      .set('Authorization', await auth('admin.moi'))
      .send({
        unitId: district.id,
        role: 'head',
        acting: true,
        startsOn: '2026-03-24',
        endsOn: '2026-04-30',
      })
      .expect(201);
    expect(await delivery(id)).toMatchObject({
      escalation_halted_at: null,
      escalation_resumed_at: now,
      escalation_started: true,
    });
    expect(await nextDueOf(id, 1)).toEqual(now);
    expect(await due()).toContain(`${id}:2`);
    const audits = await auditsOf(id, 'delivery.escalation-resumed');
    expect(audits.map((a) => a.data.level)).toEqual([1, 2]);
    expect(await eventsOf(id, 'delivery.escalation-resumed')).toBe(2);
    expect(await escalation.escalate(id, 2)).toEqual({ done: 'level 2 recorded' });
    // Level 2 tells the district's head: the cleared acting head, not the uncleared one.
    expect(await notified(id, 'escalation.head')).toEqual([acting.id]);
  });

  it('two workers escalate a resumed rung once', async () => {
    t.clock.set('2026-04-01T03:00:00Z');
    const { id, dueAt } = await forwarded(province, 'confidential', 'รายงานลับ');
    // Nobody in the province is cleared for ลับ: clerk2.roiet loses it, and clerk.moi, who
    // joined the province's registry in the third test, leaves it.
    await ds.query(`UPDATE users SET clearance = 'none' WHERE id = $1`, [users['clerk2.roiet'].id]);
    await ds.query(
      `UPDATE memberships SET ends_at = $3 WHERE unit_id = $1 AND user_id = $2 AND ends_at IS NULL`,
      [province.id, users['clerk.moi'].id, t.clock.now()],
    );
    t.clock.set(new Date(dueAt.getTime() + MINUTE));
    await halt(id, 1);
    t.clock.advance(DAY);
    // clerk.moi comes back as the province's administrator: a registry role, cleared.
    await t.http
      .post(`/api/v1/users/${users['clerk.moi'].id}/memberships`)
      .set('Authorization', await auth('admin.moi'))
      .send({ unitId: province.id, role: 'admin' })
      .expect(201);
    expect(await delivery(id)).toMatchObject({ escalation_halted_at: null });

    const outcomes = await Promise.all([escalation.escalate(id, 1), escalation.escalate(id, 1)]);
    expect(outcomes.filter((o) => 'done' in o && o.done === 'level 1 recorded')).toHaveLength(1);
    expect(await count(`SELECT count(*) FROM escalations WHERE delivery_id = $1`, [id])).toBe(1);
    expect(
      await count(
        `SELECT count(*) FROM audit_events WHERE subject_id = $1 AND action = 'delivery.escalated'`,
        [id],
      ),
    ).toBe(1);
    expect(await eventsOf(id, 'delivery.escalated')).toBe(1);
    // No clerk of the province is cleared: the cleared administrator is reminded, once, and
    // neither the uncleared clerks nor everyone's e-mail hear of it.
    expect(await notified(id, 'escalation.reminder')).toEqual([users['clerk.moi'].id]);
    expect(
      await count(
        `SELECT count(*) FROM notifications WHERE unit_id = $1 AND payload->>'deliveryId' = $2`,
        [province.id, id],
      ),
    ).toBe(0);
  });

  it('a membership committed while a rung finds nobody is either seen by it or resumes its halt', async () => {
    t.clock.set('2026-04-08T03:00:00Z');
    const unit = await f.newUnit({
      nameTh: 'อำเภอจตุรพักตรพิมาน',
      kind: 'district',
      parent: ministry,
    });
    const cleared = await f.newUser({
      username: 'clerk.chatu',
      memberships: [{ unit, role: 'clerk' }],
      clearance: 'secret',
    });
    const { id, dueAt } = await forwarded(unit, 'secret', 'แผนเผชิญเหตุ');
    await ds.query(`UPDATE users SET clearance = 'none' WHERE id = $1`, [cleared.id]);
    t.clock.set(new Date(dueAt.getTime() + MINUTE));

    // A rung in the middle of its check: it holds the unit's lock and found nobody.
    const rung = ds.createQueryRunner();
    await rung.connect();
    await rung.startTransaction();
    try {
      await t.get(EscalationRepository).lockUnitActors(rung.manager, [unit.id]);
      // Meanwhile a cleared clerk joins: the command waits for the unit's lock.
      const joining = t.http
        .post(`/api/v1/users/${users['clerk.moi'].id}/memberships`)
        .set('Authorization', await auth('admin.moi'))
        .send({ unitId: unit.id, role: 'clerk' })
        .then((res) => res);
      await until(
        () => count(`SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`),
        (n) => n >= 1,
      );
      // The rung halts the ladder and commits; the command then finds the halt and resumes it.
      await t
        .get(DeliveryLadderRepository)
        .halt(rung.manager, id, 'no_cleared_member', t.clock.now());
      await rung.commitTransaction();
      expect((await joining).status).toBe(201);
    } finally {
      if (rung.isTransactionActive) await rung.rollbackTransaction();
      await rung.release();
    }
    expect(await delivery(id)).toMatchObject({
      escalation_halted_at: null,
      escalation_started: false,
    });
    expect(await escalation.escalate(id, 1)).toEqual({ done: 'level 1 recorded' });
    expect(await notified(id, 'escalation.reminder')).toEqual([users['clerk.moi'].id]);
  });

  it('an acting head whose span starts later: the sweep finds the ladder when it starts', async () => {
    t.clock.set('2026-04-21T03:00:00Z'); // a Tuesday, after Songkran
    const unit = await f.newUnit({ nameTh: 'อำเภอพนมไพร', kind: 'district', parent: ministry });
    const cleared = await f.newUser({
      username: 'clerk.phanom',
      memberships: [{ unit, role: 'clerk' }],
      clearance: 'secret',
    });
    const { id, dueAt } = await forwarded(unit, 'confidential', 'รายงานสถานการณ์');
    await ds.query(`UPDATE users SET clearance = 'none' WHERE id = $1`, [cleared.id]);
    t.clock.set(new Date(dueAt.getTime() + MINUTE));
    await halt(id, 1);
    const sweep = async () =>
      (await t.get(EscalationJobs).dueJobs(ds.manager, t.clock.now(), 1000)).map((job) => job.id);

    // Appointed today to act from tomorrow: nothing resumes yet, and the sweep leaves it.
    const acting = await f.newUser({
      username: 'acting.phanom',
      memberships: [{ unit: ministry, role: 'clerk' }],
      clearance: 'confidential',
    });
    await t.http
      .post(`/api/v1/users/${acting.id}/memberships`)
      .set('Authorization', await auth('admin.moi'))
      .send({
        unitId: unit.id,
        role: 'head',
        acting: true,
        startsOn: '2026-04-22',
        endsOn: '2026-04-30',
      })
      .expect(201);
    expect(await delivery(id)).toMatchObject({ escalation_halt_reason: 'no_cleared_member' });
    expect(await sweep()).not.toContain(escalationJobId(id, 1));

    // The span has begun: the sweep wakes the rung it halted at, whose job resumes it.
    t.clock.set('2026-04-22T02:00:00Z'); // 09.00 in Bangkok
    expect(await sweep()).toContain(escalationJobId(id, 1));
    expect(await escalation.escalate(id, 1)).toEqual({ done: 'level 1 recorded' });
    expect(await delivery(id)).toMatchObject({ escalation_halted_at: null });
    const [audit] = await auditsOf(id, 'delivery.escalation-resumed');
    expect(audit).toMatchObject({
      actor_user_id: null,
      data: { level: 1, cause: 'cleared-member-found', userId: null },
    });
    expect(await eventsOf(id, 'delivery.escalation-resumed')).toBe(1);
    // No clerk there is cleared: the cleared acting head hears the reminder.
    expect(await notified(id, 'escalation.reminder')).toEqual([acting.id]);
    expect(await sweep()).not.toContain(escalationJobId(id, 1));
    expect(await escalation.escalate(id, 1)).toEqual({ done: 'already recorded' });
    expect(await eventsOf(id, 'delivery.escalation-resumed')).toBe(1);
  });
});
