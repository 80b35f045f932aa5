import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The end of one audit chain. There is one chain per acting unit (its key is the unit's
 * id) and one `system` chain for work no unit did (sign-ins, the worker, the CLI) — it is
 * also where every event written before chains were per unit stays. An append locks its
 * chain's row only (the database function `audit_append`), so units never wait on each
 * other, and moves the row to the new event in the same statement as the insert. The verifier
 * checks that each chain ends here with this many events, so a lost tail is named, and a
 * signed checkpoint of all the rows proves the rows themselves were not wound back.
 */
@Entity({ name: 'audit_chains' })
export class AuditChain {
  /** `system`, or the acting unit's id. */
  @PrimaryColumn({ type: 'text' })
  chain: string;

  /** The newest event of the chain; null while it is empty. */
  @Column({ name: 'last_event_id', type: 'bigint', nullable: true })
  lastEventId: string | null;

  /** That event's hash (the chain's genesis hash while it is empty). */
  @Column({ type: 'char', length: 64 })
  hash: string;

  /**
   * The hash the newest event links to (its prev_hash): the single-event append moves the
   * row with one UPDATE and reads the link back from it. Null until the chain's first
   * append after the migration AuditAppendOne.
   */
  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true })
  prevHash: string | null;

  /** How many events the chain holds. */
  @Column({ type: 'bigint', default: 0 })
  events: string;
}
