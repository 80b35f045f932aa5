import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  AUDIT_HASH_VERSION,
  auditContentDigest,
  auditEventHash,
  auditHash,
  auditLinkHash,
  canonicalJson,
  GENESIS_HASH,
} from 'src/modules/audit/audit-hash.js';

const event = {
  occurredAt: new Date('2026-01-15T03:55:00.000Z'),
  actorUserId: null,
  actorName: 'system',
  unitId: null,
  action: 'register-entry.created',
  subjectType: 'register_entry',
  subjectId: '1',
  data: { receiptNumber: 520, unit: 'สำนักงานจังหวัดร้อยเอ็ด' },
  prevHash: GENESIS_HASH,
};

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: [3, { d: 1, c: 2 }] } }, '{"z":{"y":[3,{"c":2,"d":1}]}}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    ['ก', '"ก"'],
  ])('encodes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('auditHash', () => {
  it('does not depend on key order (jsonb reorders keys)', () => {
    const reordered = { ...event, data: { unit: 'สำนักงานจังหวัดร้อยเอ็ด', receiptNumber: 520 } };
    expect(auditHash(reordered)).toBe(auditHash(event));
  });

  it('changes when any field or the previous link changes', () => {
    const base = auditHash(event);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash({ ...event, data: { ...event.data, receiptNumber: 521 } })).not.toBe(base);
    expect(auditHash({ ...event, prevHash: 'f'.repeat(64) })).not.toBe(base);
    expect(auditHash({ ...event, occurredAt: new Date('2026-01-15T03:55:00.001Z') })).not.toBe(
      base,
    );
    expect(auditHash({ ...event, actorName: 'clerk' })).not.toBe(base);
  });
});

describe('version 2: auditContentDigest and auditLinkHash', () => {
  const { prevHash: _, ...content } = event;
  const digested = { ...content, chain: 'system' };

  it('digests the content without its link, independent of key order', () => {
    const base = auditContentDigest(digested);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const reordered = { ...digested, data: { unit: 'สำนักงานจังหวัดร้อยเอ็ด', receiptNumber: 520 } };
    expect(auditContentDigest(reordered)).toBe(base);
  });

  it('changes the digest when any field, or the chain, changes', () => {
    const base = auditContentDigest(digested);
    const changed = [
      { ...digested, chain: 'a-unit' },
      { ...digested, data: { ...digested.data, receiptNumber: 521 } },
      { ...digested, occurredAt: new Date('2026-01-15T03:55:00.001Z') },
      { ...digested, actorName: 'clerk' },
      { ...digested, actorUserId: '5d4f0c1e-4a0b-4c43-9a1c-0e4e0f3b2a11' },
      { ...digested, unitId: '5d4f0c1e-4a0b-4c43-9a1c-0e4e0f3b2a11' },
      { ...digested, action: 'register-entry.cancelled' },
      { ...digested, subjectType: 'letter' },
      { ...digested, subjectId: '2' },
    ];
    for (const other of changed) expect(auditContentDigest(other)).not.toBe(base);
  });

  it('links as sha256 over the previous hash and the digest, as hex text', () => {
    const digest = auditContentDigest(digested);
    expect(auditLinkHash(GENESIS_HASH, digest)).toBe(
      createHash('sha256').update(`${GENESIS_HASH}${digest}`).digest('hex'),
    );
    expect(auditLinkHash('f'.repeat(64), digest)).not.toBe(auditLinkHash(GENESIS_HASH, digest));
  });
});

describe('auditEventHash', () => {
  const row = { ...event, chain: 'system' };

  it('checks each event by the version it was written with', () => {
    expect(auditEventHash({ ...row, hashVersion: 1 })).toBe(auditHash(event));
    const { prevHash, ...digested } = row;
    expect(auditEventHash({ ...row, hashVersion: AUDIT_HASH_VERSION })).toBe(
      auditLinkHash(prevHash, auditContentDigest(digested)),
    );
    expect(auditEventHash({ ...row, hashVersion: 1 })).not.toBe(
      auditEventHash({ ...row, hashVersion: AUDIT_HASH_VERSION }),
    );
  });

  it('matches no hash for a version it does not know', () => {
    expect(auditEventHash({ ...row, hashVersion: 3 })).toBe('');
  });
});
