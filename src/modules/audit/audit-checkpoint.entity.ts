import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed statement of where every audit chain ended at one moment: each chain's event
 * count, newest event and its hash, signed with the deployment's Ed25519 key. Kept here
 * for convenience and append-only like the events, but its worth is a copy kept outside
 * the database (`audit checkpoint` prints it): `audit verify --checkpoint FILE` proves the
 * chains still extend it, which a superuser who rewrote or cut a chain and its head
 * together could not fake without the private key.
 */
@Entity({ name: 'audit_checkpoints' })
export class AuditCheckpoint {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The signed document (canonical JSON of `{ version, createdAt, chains }`). */
  @Column({ type: 'text' })
  payload: string;

  /** Ed25519 signature of `payload`, base64. */
  @Column({ type: 'text' })
  signature: string;

  /** The signer's public key (SPKI, PEM). */
  @Column({ name: 'public_key', type: 'text' })
  publicKey: string;
}
