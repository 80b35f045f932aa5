import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryLadderRepository } from 'src/modules/routing/delivery-ladder.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { oneRow } from '../../harness/sql.js';
import { factories, type Factories } from '../../factories/index.js';

interface LadderColumns {
  escalation_started: boolean;
  escalation_halted_at: Date | null;
  escalation_halt_reason: string | null;
}

describe('DeliveryLadderRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: DeliveryLadderRepository;
  const now = new Date('2026-01-15T03:00:00Z');
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(DeliveryLadderRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  function ladder(deliveryId: string): Promise<LadderColumns> {
    return oneRow<LadderColumns>(
      t.dataSource,
      `SELECT escalation_started, escalation_halted_at, escalation_halt_reason
         FROM deliveries WHERE id = $1`,
      [deliveryId],
    );
  }

  async function twoDeliveries(): Promise<string[]> {
    return f.newDeliveries({
      sender: await f.newUnit({}),
      recipient: await f.newUnit({}),
      count: 2,
      sentAt: now,
      dueAt: now,
    });
  }

  it('markStarted marks that one delivery’s ladder as started', async () => {
    const [target, other] = await twoDeliveries();
    const untouched = {
      escalation_started: false,
      escalation_halted_at: null,
      escalation_halt_reason: null,
    };
    expect(await ladder(target)).toEqual(untouched);
    await t.dataSource.transaction((manager) => repo.markStarted(manager, target));
    expect(await ladder(target)).toEqual({ ...untouched, escalation_started: true });
    expect(await ladder(other)).toEqual(untouched);
    // Again: no change.
    await repo.markStarted(t.dataSource.manager, target);
    expect(await ladder(target)).toEqual({ ...untouched, escalation_started: true });
  });

  it('halt stops that one delivery’s ladder with the time and reason, and counts as started', async () => {
    const [target, other] = await twoDeliveries();
    const at = new Date('2026-01-15T05:30:00Z');
    await t.dataSource.transaction((manager) =>
      repo.halt(manager, target, 'no_cleared_member', at),
    );
    expect(await ladder(target)).toEqual({
      escalation_started: true,
      escalation_halted_at: at,
      escalation_halt_reason: 'no_cleared_member',
    });
    expect(await ladder(other)).toEqual({
      escalation_started: false,
      escalation_halted_at: null,
      escalation_halt_reason: null,
    });
  });

  it('resume lifts that one halted ladder, from level 1 or above, and nothing else', async () => {
    const [first, above] = await twoDeliveries();
    const [never] = await twoDeliveries();
    const halted = new Date('2026-01-15T05:30:00Z');
    const resumed = new Date('2026-01-19T02:00:00Z');
    const m = t.dataSource.manager;
    for (const id of [first, above]) await repo.halt(m, id, 'no_cleared_member', halted);

    expect(await repo.resume(m, first, 'no_cleared_member', resumed, true)).toEqual(resumed);
    expect(await ladder(first)).toEqual({
      escalation_started: false,
      escalation_halted_at: null,
      escalation_halt_reason: null,
    });
    expect(await repo.resume(m, above, 'no_cleared_member', resumed, false)).toEqual(resumed);
    expect(await ladder(above)).toMatchObject({
      escalation_started: true,
      escalation_halted_at: null,
    });
    // Not halted (any more): nothing changes, and the caller hears it.
    expect(await repo.resume(m, first, 'no_cleared_member', resumed, false)).toBeNull();
    expect(await ladder(first)).toMatchObject({ escalation_started: false });
    expect(await repo.resume(m, never, 'no_cleared_member', null, true)).toBeNull();
    // A halted delivery that was registered meanwhile is not restarted.
    await repo.halt(m, never, 'no_cleared_member', halted);
    await t.dataSource.query(`UPDATE deliveries SET state = 'received' WHERE id = $1`, [never]);
    expect(await repo.resume(m, never, 'no_cleared_member', null, true)).toBeNull();
    expect(await ladder(never)).toMatchObject({ escalation_halt_reason: 'no_cleared_member' });
  });
});
