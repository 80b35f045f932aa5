import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertDigits, type DigitSet } from 'src/thai/digits.js';
import { formatReferenceNumber, referenceNumberHead } from 'src/thai/reference-number.js';

/** What a statement does with the head: the serial's decimal digits mapped one by one. */
function completedInSql(head: string, serial: number, digits: DigitSet): string {
  const set = convertDigits('0123456789', digits);
  return head + [...String(serial)].map((d) => set['0123456789'.indexOf(d)]).join('');
}

describe('referenceNumberHead', () => {
  it.each([
    [{ agencyPrefix: 'รอ', agencyNumber: '0017.3', circular: true }, 'thai', 'รอ ๐๐๑๗.๓/ว '],
    [{ agencyPrefix: 'มท', agencyNumber: '0210.5', circular: false }, 'arabic', 'มท 0210.5/'],
    [{ agencyPrefix: 'ศธ', agencyNumber: '๐๔๐๑', circular: false }, 'arabic', 'ศธ 0401/'],
    [{ agencyPrefix: 'กค', agencyNumber: '0402.2', circular: true }, 'arabic', 'กค 0402.2/ว '],
  ] as const)('writes %o in %s digits as %s', (parts, digits, head) => {
    expect(referenceNumberHead(parts, { digits })).toBe(head);
  });

  it('followed by the serial in the same digits is the formatted reference number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('มท', 'รอ', 'ศธ', 'กษ', 'นร'),
        fc.stringMatching(/^[0-9]{4}(\.[0-9]{1,2}){0,2}$/),
        fc.boolean(),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.constantFrom<DigitSet>('thai', 'arabic'),
        (agencyPrefix, agencyNumber, circular, serial, digits) => {
          const parts = { agencyPrefix, agencyNumber, circular };
          const head = referenceNumberHead(parts, { digits });
          const whole = formatReferenceNumber({ ...parts, serial }, { digits });
          expect(completedInSql(head, serial, digits)).toBe(whole);
        },
      ),
    );
  });
});
