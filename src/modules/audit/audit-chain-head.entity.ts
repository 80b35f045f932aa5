import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The end of the audit chain, one row. An append locks it (`SELECT … FOR UPDATE`), which
 * both serialises appends and reads the hash to link to, in one statement; the append
 * then moves it to the new event in the same statement as the insert. The verifier checks
 * that the chain it walks ends here, so losing the newest events does not go unnoticed.
 */
@Entity({ name: 'audit_chain_head' })
@Check('audit_chain_head_one_row', '"id" = 1')
export class AuditChainHead {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  /** The newest event; null while the chain is empty. */
  @Column({ name: 'last_event_id', type: 'bigint', nullable: true })
  lastEventId: string | null;

  /** That event's hash (GENESIS_HASH while the chain is empty). */
  @Column({ type: 'char', length: 64 })
  hash: string;
}
