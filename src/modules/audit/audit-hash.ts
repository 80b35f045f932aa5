import { createHash } from 'node:crypto';

/** prev_hash of the first event of the system chain (the single chain of earlier versions). */
export const GENESIS_HASH = '0'.repeat(64);

/** The chain of work no unit did; it also holds every event written before chains were per unit. */
export const SYSTEM_CHAIN = 'system';

/**
 * prev_hash of a chain's first event. A unit's chain starts from a hash of its own key, so
 * a chain's events cannot be passed off as another's. The database function
 * `audit_chain_lock` computes the same value when it creates the chain's row.
 */
export function auditChainGenesis(chain: string): string {
  if (chain === SYSTEM_CHAIN) return GENESIS_HASH;
  return createHash('sha256').update(`saraban audit chain ${chain}`, 'utf8').digest('hex');
}

export interface HashedFields {
  occurredAt: Date;
  actorUserId: string | null;
  actorName: string;
  unitId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: unknown;
  prevHash: string;
}

/**
 * Canonical JSON: object keys sorted at every depth, no whitespace. jsonb does not keep
 * key order, so the hash must not depend on it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 over the canonical encoding of the event and the previous link's hash. */
export function auditHash(fields: HashedFields): string {
  const encoded = canonicalJson({
    action: fields.action,
    actorName: fields.actorName,
    actorUserId: fields.actorUserId,
    data: fields.data,
    occurredAt: fields.occurredAt.toISOString(),
    prevHash: fields.prevHash,
    subjectId: fields.subjectId,
    subjectType: fields.subjectType,
    unitId: fields.unitId,
  });
  return createHash('sha256').update(encoded, 'utf8').digest('hex');
}
