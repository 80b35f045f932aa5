import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { col, execute, queryRows } from 'src/database/rows.js';

/** Key of the transaction-level advisory lock under which one worker runs a sweep slot. */
export const SWEEP_LOCK_KEY = 7_000_001;

/** PostgreSQL's now(), or the test clock's instant when one is passed. */
const NOW = (n: number) => `COALESCE($${n}::timestamptz, now())`;

/** The reconcile sweep's own bookkeeping: its lock and one run row per time slot. */
@Injectable()
export class SweepRepository {
  /** Whether this transaction holds the sweep lock (another worker's sweep holds it now). */
  async tryLockSweep(manager: EntityManager): Promise<boolean> {
    const rows = await queryRows(
      manager,
      'SweepRepository.tryLockSweep',
      { locked: col.bool },
      'SELECT pg_try_advisory_xact_lock($1) AS locked',
      [SWEEP_LOCK_KEY],
    );
    return rows[0].locked;
  }

  /** Claims this slot's run; null when another worker already ran it. */
  async claimSweepSlot(
    manager: EntityManager,
    intervalSeconds: number,
    worker: string,
    now: Date | null,
  ): Promise<string | null> {
    const rows = await queryRows(
      manager,
      'SweepRepository.claimSweepSlot',
      { slot: col.bigint },
      `INSERT INTO escalation_sweep_runs (slot, started_at, worker)
       VALUES (floor(extract(epoch FROM ${NOW(1)}) / $2)::bigint, ${NOW(1)}, $3)
       ON CONFLICT (slot) DO NOTHING RETURNING slot`,
      [now, intervalSeconds, worker],
    );
    return rows[0]?.slot ?? null;
  }

  async finishSweepRun(
    manager: EntityManager,
    slot: string,
    counts: { candidates: number; enqueued: number; promoted: number },
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE escalation_sweep_runs SET candidates = $2, enqueued = $3, promoted = $4 WHERE slot = $1`,
      [slot, counts.candidates, counts.enqueued, counts.promoted],
    );
  }
}
