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

/**
 * Version 1 (every event appended before the database linked them): sha256 over the
 * canonical encoding of the event and the previous link's hash, computed in the process.
 */
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

/** The hash version appends write now (see `auditLinkHash`). */
export const AUDIT_HASH_VERSION = 2;

/** What version 2 digests: the event without its link, but with its chain. */
export type DigestedFields = Omit<HashedFields, 'prevHash'> & { chain: string };

/**
 * Version 2, part one: sha256 over the canonical encoding of the event's content, its
 * chain and the version. The process computes it before the append, so the append needs
 * no round trip to learn the previous hash first.
 */
export function auditContentDigest(fields: DigestedFields): string {
  return createHash('sha256').update(auditContentEncoding(fields), 'utf8').digest('hex');
}

/** What `auditContentDigest` hashes (an inline append fills its slots in SQL, then hashes it). */
export function auditContentEncoding(fields: DigestedFields): string {
  return canonicalJson({
    action: fields.action,
    actorName: fields.actorName,
    actorUserId: fields.actorUserId,
    chain: fields.chain,
    data: fields.data,
    occurredAt: fields.occurredAt.toISOString(),
    subjectId: fields.subjectId,
    subjectType: fields.subjectType,
    unitId: fields.unitId,
    version: AUDIT_HASH_VERSION,
  });
}

/**
 * Version 2, part two: sha256 over the previous hash and the content digest, both as hex
 * text. The database function `audit_append` computes exactly this under the chain's lock
 * (`encode(sha256(convert_to(prev || digest, 'UTF8')), 'hex')`).
 */
export function auditLinkHash(prevHash: string, digest: string): string {
  return createHash('sha256')
    .update(prevHash + digest, 'utf8')
    .digest('hex');
}

/** The hash an event must carry, by the version it was written with. */
export function auditEventHash(
  event: DigestedFields & { prevHash: string; hashVersion: number },
): string {
  if (event.hashVersion === 1) return auditHash(event);
  if (event.hashVersion === AUDIT_HASH_VERSION) {
    return auditLinkHash(event.prevHash, auditContentDigest(event));
  }
  // An unknown version never matches: verify names the event.
  return '';
}
