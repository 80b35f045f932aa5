import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SweepRepository } from 'src/worker/sweep.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { oneRow, rowsOf } from '../../harness/sql.js';

describe('SweepRepository', () => {
  let t: TestApp;
  const repo = new SweepRepository();
  // Slots far from today's, so the running app's own sweeps never claim them.
  const at = (minute: number) => new Date(Date.UTC(2031, 2, 4, 3, minute, 20));

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('tryLockSweep holds the lock until the transaction ends; another waits its turn', async () => {
    const other = t.dataSource.createQueryRunner();
    await other.connect();
    try {
      await t.dataSource.transaction(async (manager) => {
        expect(await repo.tryLockSweep(manager)).toBe(true);
        await other.startTransaction();
        expect(await repo.tryLockSweep(other.manager)).toBe(false);
        await other.rollbackTransaction();
      });
      await other.startTransaction();
      expect(await repo.tryLockSweep(other.manager)).toBe(true);
      await other.rollbackTransaction();
    } finally {
      await other.release();
    }
  });

  it('claimSweepSlot claims each interval once, numbered from the epoch', async () => {
    const manager = t.dataSource.manager;
    const slot = await repo.claimSweepSlot(manager, 60, 'worker-a', at(7));
    expect(slot).toBe(String(Math.floor(at(7).getTime() / 60_000)));
    // The same minute is taken, by any worker; the next minute is a new slot.
    expect(await repo.claimSweepSlot(manager, 60, 'worker-b', at(7))).toBeNull();
    const next = await repo.claimSweepSlot(manager, 60, 'worker-b', at(8));
    expect(Number(next)).toBe(Number(slot) + 1);
    // A longer interval numbers slots by that interval.
    expect(await repo.claimSweepSlot(manager, 3600, 'worker-c', at(9))).toBe(
      String(Math.floor(at(9).getTime() / 3_600_000)),
    );
    const rows = await rowsOf<{ slot: string; worker: string; started_at: Date }>(
      t.dataSource,
      'SELECT slot, worker, started_at FROM escalation_sweep_runs WHERE slot = ANY($1::bigint[]) ORDER BY slot',
      [[slot, next]],
    );
    expect(rows).toEqual([
      { slot, worker: 'worker-a', started_at: at(7) },
      { slot: next, worker: 'worker-b', started_at: at(8) },
    ]);
  });

  it('claimSweepSlot without a test instant uses the database clock', async () => {
    const before = await oneRow<{ now: Date }>(t.dataSource, 'SELECT now() AS now');
    const slot = await repo.claimSweepSlot(t.dataSource.manager, 7, 'worker-now', null);
    const seconds = Math.floor(before.now.getTime() / 7000);
    // Claimed now by this test, or a moment ago by nobody else at a 7-second interval.
    expect(Number(slot)).toBeGreaterThanOrEqual(seconds);
    expect(Number(slot)).toBeLessThanOrEqual(seconds + 1);
  });

  it('finishSweepRun records the counts on its slot only', async () => {
    const manager = t.dataSource.manager;
    const slot = (await repo.claimSweepSlot(manager, 60, 'worker-a', at(30)))!;
    const neighbour = (await repo.claimSweepSlot(manager, 60, 'worker-a', at(31)))!;
    await repo.finishSweepRun(manager, slot, { candidates: 12, enqueued: 5, promoted: 2 });
    const rows = await rowsOf<{
      slot: string;
      candidates: number;
      enqueued: number;
      promoted: number;
    }>(
      t.dataSource,
      'SELECT slot, candidates, enqueued, promoted FROM escalation_sweep_runs WHERE slot = ANY($1::bigint[]) ORDER BY slot',
      [[slot, neighbour]],
    );
    expect(rows).toEqual([
      { slot, candidates: 12, enqueued: 5, promoted: 2 },
      { slot: neighbour, candidates: 0, enqueued: 0, promoted: 0 },
    ]);
  });
});
