import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { EscalationRepository } from 'src/modules/escalation/escalation.repository.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit, type TestUser } from '../factories/index.js';
import { countOf, rowsOf } from '../harness/sql.js';
import { bodyOf, idOf } from '../harness/api-body.js';

const MINUTE = 60_000;

/**
 * The ladder never escalates what nobody can act on: when a rung of a classified letter's
 * delivery falls due and the recipient unit has nobody left cleared to register or return
 * it (the cleared clerk left, lost the clearance or was deactivated after the forward),
 * the ladder stops for good with its reason, the sending unit is told, and the stop is
 * audited — all in one transaction, once however often the job runs. Rungs are driven by
 * calling the job handler at a set clock, as the worker would.
 */
describe('escalation stops where nobody may act on a classified delivery', () => {
  let t: TestApp;
  let f: Factories;
  let ds: DataSource;
  let escalation: EscalationService;
  let ministry: TestUnit;
  let province: TestUnit;
  let district: TestUnit;
  const users: Record<string, TestUser> = {};
  const auth: Record<string, string> = {};

  const count = (sql: string, params: unknown[] = []) => countOf(ds, sql, params);

  /** A letter of the ministry forwarded to `to`; returns its delivery's id and due time. */
  async function forwarded(
    to: TestUnit,
    secrecy: string,
    subject: string,
  ): Promise<{ id: string; dueAt: Date }> {
    for (const username of Object.keys(users))
      auth[username] = (await f.signIn(username)).headers.Authorization;
    const letter = await t.http
      .post('/api/v1/letters')
      .set('Authorization', auth['clerk.moi'])
      .send({ kind: 'external', speed: 'most_urgent', secrecy, subject })
      .expect(201);
    const { forward } = await f.numberAndForward(auth['clerk.moi'], ministry.id, idOf(letter), {
      unitIds: [to.id],
    });
    const [delivery] = await rowsOf<{ id: string; dueAt: Date }>(
      ds,
      `SELECT id, due_at AS "dueAt" FROM deliveries WHERE forward_id = $1`,
      [forward.forwardId],
    );
    return { id: delivery.id, dueAt: new Date(delivery.dueAt) };
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    ds = t.dataSource;
    escalation = t.get(EscalationService);
    ministry = await f.newMinistry();
    province = await f.newUnit({ nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province', parent: ministry });
    district = await f.newUnit({ nameTh: 'อำเภอเสลภูมิ', kind: 'district', parent: ministry });
    const people: [string, TestUnit, 'clerk' | 'head' | 'admin', 'none' | 'secret'][] = [
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
      users[username] = await f.newUser({
        username: username,
        memberships: [{ unit, role }],
        clearance: clearance,
      });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stops at level 1 when the cleared clerk lost the clearance after the forward', async () => {
    t.clock.set('2026-03-04T03:00:00Z'); // a Wednesday, 10.00 in Bangkok
    const delivery = await forwarded(province, 'secret', 'แผนรักษาความปลอดภัยที่ต้องไม่ปรากฏ');
    await ds.query(`UPDATE users SET clearance = 'none' WHERE id = $1`, [users['clerk.roiet'].id]);
    const audit = await count(`SELECT count(*) FROM audit_events`);
    t.clock.set(new Date(delivery.dueAt.getTime() + MINUTE));
    expect(await escalation.escalate(delivery.id, 1)).toEqual({
      done: 'level 1: ladder halted, nobody cleared',
    });

    // No rung, and nobody in the province was reminded of a letter they may not open.
    expect(
      await count(`SELECT count(*) FROM escalations WHERE delivery_id = $1`, [delivery.id]),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM notifications WHERE kind LIKE 'escalation.%' AND payload->>'deliveryId' = $1`,
        [delivery.id],
      ),
    ).toBe(0);
    // The stop and its reason are on the delivery; the sweep no longer asks for it.
    const [row] = await rowsOf<{ escalation_halted_at: Date | null }>(
      ds,
      `SELECT state, escalation_halted_at, escalation_halt_reason, escalation_started
         FROM deliveries WHERE id = $1`,
      [delivery.id],
    );
    expect(row).toMatchObject({
      state: 'sent',
      escalation_halt_reason: 'no_cleared_member',
      escalation_started: true,
    });
    expect(row.escalation_halted_at).not.toBeNull();
    const due = await t.get(EscalationRepository).findDueRungs(ds.manager, t.clock.now(), 100);
    expect(due.map((rung) => rung.deliveryId)).not.toContain(delivery.id);

    // Audited once, in the recipient's chain.
    expect(await count(`SELECT count(*) FROM audit_events`)).toBe(audit + 1);
    const [event] = await rowsOf(
      ds,
      `SELECT action, unit_id, data FROM audit_events WHERE subject_id = $1 AND action LIKE 'delivery.escalation%'`,
      [delivery.id],
    );
    expect(event).toMatchObject({
      action: 'delivery.escalation-halted',
      unit_id: province.id,
      data: { level: 1, reason: 'no_cleared_member', notifiedUnitId: ministry.id },
    });
    // The sending unit's registry and head hear of it, without the subject.
    const notes = await rowsOf<{ user_id: string; payload: Record<string, unknown> }>(
      ds,
      `SELECT user_id, payload FROM notifications WHERE kind = 'delivery.unactionable' AND payload->>'deliveryId' = $1`,
      [delivery.id],
    );
    expect(notes.map((n) => n.user_id).sort()).toEqual(
      [users['clerk.moi'].id, users['head.moi'].id].sort(),
    );
    expect(notes[0].payload).toMatchObject({
      reason: 'no_cleared_member',
      recipientUnitId: province.id,
      secrecy: 'secret',
    });
    expect(JSON.stringify(notes)).not.toContain('ต้องไม่ปรากฏ');
    // The sender sees the stop in the delivery tree, and the live stream had its event.
    const [{ letterId }] = await rowsOf<{ letterId: string }>(
      ds,
      `SELECT letter_id AS "letterId" FROM deliveries WHERE id = $1`,
      [delivery.id],
    );
    auth['clerk.moi'] = (await f.signIn('clerk.moi')).headers.Authorization;
    const tree = await t.http
      .get(`/api/v1/letters/${letterId}/tree`)
      .set('Authorization', auth['clerk.moi'])
      .expect(200);
    expect(bodyOf(tree, 'LetterTree').items[0]).toMatchObject({
      id: delivery.id,
      escalationHaltReason: 'no_cleared_member',
    });
    expect(
      await count(
        `SELECT count(*) FROM progress_events WHERE kind = 'delivery.unactionable' AND delivery_id = $1`,
        [delivery.id],
      ),
    ).toBe(1);

    // The job again (a retry, a second worker): nothing more happens.
    expect(await escalation.escalate(delivery.id, 1)).toEqual({ done: 'ladder halted' });
    expect(
      await count(
        `SELECT count(*) FROM audit_events WHERE subject_id = $1 AND action = 'delivery.escalation-halted'`,
        [delivery.id],
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) FROM notifications WHERE kind = 'delivery.unactionable' AND payload->>'deliveryId' = $1`,
        [delivery.id],
      ),
    ).toBe(2);
  });

  it('stops at level 2 when the cleared clerk left the unit after level 1', async () => {
    t.clock.set('2026-03-11T03:00:00Z');
    const delivery = await forwarded(district, 'confidential', 'รายงานการข่าว');
    t.clock.set(new Date(delivery.dueAt.getTime() + MINUTE));
    expect(await escalation.escalate(delivery.id, 1)).toEqual({ done: 'level 1 recorded' });
    const [first] = await rowsOf<{ nextDueAt: Date }>(
      ds,
      `SELECT next_due_at AS "nextDueAt" FROM escalations WHERE delivery_id = $1 AND level = 1`,
      [delivery.id],
    );
    // The only cleared member's membership ends, over the API.
    const membership = users['clerk.selaphum'].id;
    const [{ id: membershipId }] = await rowsOf<{ id: string }>(
      ds,
      `SELECT id FROM memberships WHERE user_id = $1`,
      [membership],
    );
    auth['admin.moi'] = (await f.signIn('admin.moi')).headers.Authorization;
    await t.http
      .post(`/api/v1/users/${membership}/memberships/${membershipId}/end`)
      .set('Authorization', auth['admin.moi'])
      .expect(200);

    t.clock.set(new Date(new Date(first.nextDueAt).getTime() + MINUTE));
    expect(await escalation.escalate(delivery.id, 2)).toEqual({
      done: 'level 2: ladder halted, nobody cleared',
    });
    // No level 2 (the district's uncleared head is not told), and level 1 asks for nothing more.
    const rungs = await rowsOf(
      ds,
      `SELECT level, next_due_at FROM escalations WHERE delivery_id = $1 ORDER BY level`,
      [delivery.id],
    );
    expect(rungs).toEqual([{ level: 1, next_due_at: null }]);
    expect(
      await count(
        `SELECT count(*) FROM notifications WHERE kind = 'escalation.head' AND payload->>'deliveryId' = $1`,
        [delivery.id],
      ),
    ).toBe(0);
    const [event] = await rowsOf<{ data: Record<string, unknown> }>(
      ds,
      `SELECT data FROM audit_events WHERE subject_id = $1 AND action = 'delivery.escalation-halted'`,
      [delivery.id],
    );
    expect(event.data).toMatchObject({ level: 2, reason: 'no_cleared_member' });
    // Higher rungs find it halted too.
    t.clock.advance(30 * 24 * 60 * MINUTE);
    expect(await escalation.escalate(delivery.id, 3)).toEqual({ done: 'ladder halted' });
    expect(
      await count(`SELECT count(*) FROM escalations WHERE delivery_id = $1`, [delivery.id]),
    ).toBe(1);
  });

  it('an ordinary letter, or a classified one someone cleared can still act on, climbs as before', async () => {
    t.clock.set('2026-03-18T03:00:00Z');
    // The province's cleared clerk is uncleared since the first test; the head is not cleared.
    const ordinary = await forwarded(province, 'none', 'ขอเชิญประชุมประจำเดือน');
    await ds.query(`UPDATE users SET clearance = 'secret' WHERE id = $1`, [users['head.roiet'].id]);
    const secret = await forwarded(province, 'secret', 'แผนงานลับ');
    t.clock.set(new Date(Math.max(ordinary.dueAt.getTime(), secret.dueAt.getTime()) + MINUTE));
    expect(await escalation.escalate(ordinary.id, 1)).toEqual({ done: 'level 1 recorded' });
    expect(await escalation.escalate(secret.id, 1)).toEqual({ done: 'level 1 recorded' });
    const halted = await count(
      `SELECT count(*) FROM deliveries WHERE id = ANY($1) AND escalation_halted_at IS NOT NULL`,
      [[ordinary.id, secret.id]],
    );
    expect(halted).toBe(0);
  });
});
