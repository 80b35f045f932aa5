import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a command sent with an `Idempotency-Key` (invariant 4). Stored in
 * the command's own transaction, so a key exists exactly when its effect committed.
 */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKey {
  /** Keys are per user: two users can never collide or read each other's answers. */
  @PrimaryColumn({ name: 'owner', type: 'text' })
  owner: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** Which command and target the key was used for, e.g. `register-entry:<registerId>`. */
  @Column({ type: 'text' })
  scope: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
