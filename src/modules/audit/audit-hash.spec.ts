import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH } from 'src/modules/audit/audit-hash.js';

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
