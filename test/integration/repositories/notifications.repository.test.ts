import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationsRepository } from 'src/modules/notifications/notifications.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { factories, type Factories } from '../../factories/index.js';

describe('NotificationsRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: NotificationsRepository;
  const now = new Date('2026-01-15T03:00:00Z');
  const later = new Date('2026-01-15T03:05:00Z');
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(NotificationsRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  it('insertFor writes one per addressee; findPage, countUnread and exists see them', async () => {
    const unit = await f.newUnit({});
    const user = await f.newUser();
    const m = t.dataSource.manager;
    const [forUnit] = await repo.insertFor(m, 'unit_id', [unit.id], 'delivery.sent', { n: 1 }, now);
    const [forUser] = await repo.insertFor(m, 'user_id', [user.id], 'digest', { n: 2 }, later);
    expect(await repo.insertFor(m, 'unit_id', [], 'delivery.sent', {}, now)).toEqual([]);
    const page = await repo.findPage(user.id, [unit.id], {
      unreadOnly: false,
      cursor: null,
      limit: 10,
    });
    expect(page).toEqual([
      {
        id: forUser,
        userId: user.id,
        unitId: null,
        kind: 'digest',
        payload: { n: 2 },
        createdAt: later,
        readAt: null,
      },
      {
        id: forUnit,
        userId: null,
        unitId: unit.id,
        kind: 'delivery.sent',
        payload: { n: 1 },
        createdAt: now,
        readAt: null,
      },
    ]);
    const next = await repo.findPage(user.id, [unit.id], {
      unreadOnly: false,
      cursor: { createdAt: later.toISOString(), id: forUser },
      limit: 10,
    });
    expect(next.map((n) => n.id)).toEqual([forUnit]);
    expect(await repo.countUnread(user.id, [unit.id])).toBe(2);
    expect(await repo.countUnread(user.id, [])).toBe(1);
    expect(await repo.exists(user.id, [], forUnit)).toBe(false);
    expect(await repo.exists(user.id, [unit.id], forUnit)).toBe(true);
  });

  it('markRead marks the given ones (or all) once, only the addressee’s', async () => {
    const unit = await f.newUnit({});
    const user = await f.newUser();
    const stranger = await f.newUser();
    const m = t.dataSource.manager;
    const [a, b] = await repo.insertFor(m, 'user_id', [user.id, user.id], 'k', {}, now);
    expect(await repo.markRead(m, stranger.id, [], [a], later)).toEqual([]);
    expect(await repo.markRead(m, user.id, [unit.id], [a], later)).toEqual([a]);
    expect(await repo.markRead(m, user.id, [unit.id], null, later)).toEqual([b]);
    expect(await repo.markRead(m, user.id, [unit.id], null, later)).toEqual([]);
    const unread = await repo.findPage(user.id, [], { unreadOnly: true, cursor: null, limit: 10 });
    expect(unread).toEqual([]);
  });

  it('upsertPreferences and findPreferences (defaults when none), findEmails of active users', async () => {
    const user = await f.newUser();
    const inactive = await f.newUser({ active: false });
    const m = t.dataSource.manager;
    expect(await repo.findPreferences(user.id)).toEqual({ email: null, digest: true });
    expect(
      await repo.upsertPreferences(
        m,
        user.id,
        { email: 'clerk@example.go.th', digest: undefined },
        now,
      ),
    ).toEqual({ email: 'clerk@example.go.th', digest: true });
    // An email left out keeps the stored one.
    expect(
      await repo.upsertPreferences(m, user.id, { email: undefined, digest: false }, now),
    ).toEqual({
      email: 'clerk@example.go.th',
      digest: false,
    });
    expect(await repo.findPreferences(user.id)).toEqual({
      email: 'clerk@example.go.th',
      digest: false,
    });
    await repo.upsertPreferences(
      m,
      inactive.id,
      { email: 'gone@example.go.th', digest: true },
      now,
    );
    expect(await repo.findEmails(m, [user.id, inactive.id])).toEqual([
      { userId: user.id, email: 'clerk@example.go.th' },
    ]);
    expect(await repo.findEmails(m, [])).toEqual([]);
  });

  it('insertOutbound, claimOutbound once per lease, finishOutbound only under the lease', async () => {
    const m = t.dataSource.manager;
    const [pending, refused] = await repo.insertOutbound(
      m,
      [
        {
          channel: 'email',
          address: 'a@example.go.th',
          userId: null,
          kind: 'k',
          subject: 's',
          body: 'b',
          state: 'pending',
          lastError: null,
        },
        {
          channel: 'webhook',
          address: 'http://x',
          userId: null,
          kind: 'k',
          subject: 's',
          body: 'b',
          state: 'refused',
          lastError: 'no',
        },
      ],
      now,
    );
    expect([pending.state, refused.state]).toEqual(['pending', 'refused']);
    expect(await repo.insertOutbound(m, [], now)).toEqual([]);
    const until = new Date(now.getTime() + 60_000);
    const claim = await repo.claimOutbound(pending.id, now, until);
    expect(claim).toEqual({
      id: pending.id,
      channel: 'email',
      address: 'a@example.go.th',
      kind: 'k',
      subject: 's',
      body: 'b',
      state: 'pending',
      attempts: 0,
      claimedUntil: until,
    });
    expect(await repo.claimOutbound(pending.id, now, until)).toBeUndefined();
    expect(await repo.claimOutbound(refused.id, now, until)).toBeUndefined();
    const outcome = { state: 'sent' as const, error: null, at: now };
    expect(await repo.finishOutbound(pending.id, new Date(0), outcome)).toBe(false);
    expect(await repo.finishOutbound(pending.id, until, outcome)).toBe(true);
    expect(await repo.claimOutbound(pending.id, later, until)).toBeUndefined();
  });

  it('findPendingOutbound lists pending rows older than the age, not claimed, oldest first', async () => {
    const m = t.dataSource.manager;
    const row = (address: string) => ({
      channel: 'email' as const,
      address,
      userId: null,
      kind: 'k',
      subject: 's',
      body: 'b',
      state: 'pending' as const,
      lastError: null,
    });
    const [old] = await repo.insertOutbound(
      m,
      [row('old@example.go.th')],
      new Date('2026-01-14T00:00:00Z'),
    );
    const [fresh] = await repo.insertOutbound(m, [row('new@example.go.th')], now);
    const found = await repo.findPendingOutbound(m, now, 3600, 100);
    expect(found).toContain(old.id);
    expect(found).not.toContain(fresh.id);
    await repo.claimOutbound(old.id, now, new Date(now.getTime() + 60_000));
    expect(await repo.findPendingOutbound(m, now, 3600, 100)).not.toContain(old.id);
  });

  it('insertDigests writes a day’s digest once per user with something waiting; lockDigestDay serialises', async () => {
    const unit = await f.newUnit({});
    const user = await f.newUser({ memberships: [{ unit, role: 'clerk' }] });
    const idle = await f.newUser({
      memberships: [{ unit: await f.newUnit({}), role: 'clerk' }],
    });
    const m = t.dataSource.manager;
    await repo.insertFor(m, 'user_id', [user.id], 'delivery.sent', {}, now);
    await t.dataSource.transaction(async (manager) => {
      await repo.lockDigestDay(manager, '2026-01-15');
      const [{ free }] = await t.dataSource.query<{ free: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(hashtext('notifications.digest'), hashtext('2026-01-15')) AS free`,
      );
      expect(free).toBe(false);
      const digests = await repo.insertDigests(manager, '2026-01-15', now);
      expect(digests.find((d) => d.userId === user.id)).toEqual({
        userId: user.id,
        unread: 1,
        pending: 0,
        overdue: 0,
      });
      expect(digests.find((d) => d.userId === idle.id)).toBeUndefined();
    });
    const again = await repo.insertDigests(m, '2026-01-15', now);
    expect(again.find((d) => d.userId === user.id)).toBeUndefined();
  });
});
