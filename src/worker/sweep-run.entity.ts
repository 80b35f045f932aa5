import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One run of the reconcile sweep per time slot, whatever the number of workers: the
 * primary key refuses a second run of the same slot.
 */
@Entity({ name: 'escalation_sweep_runs' })
export class SweepRun {
  /** floor(epoch seconds / ESCALATION_SWEEP_INTERVAL_SECONDS), from PostgreSQL's clock. */
  @PrimaryColumn({ type: 'bigint' })
  slot: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'text' })
  worker: string;

  @Column({ type: 'integer', default: 0 })
  candidates: number;

  @Column({ type: 'integer', default: 0 })
  enqueued: number;

  @Column({ type: 'integer', default: 0 })
  promoted: number;
}
