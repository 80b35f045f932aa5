import { describe, expect, it } from 'vitest';
import { checkLetterDates, type DatedItem } from 'src/thai/letter-checks.js';

const cited = (date: string, index = 0): DatedItem => ({ field: 'references', index, date });
const enclosed = (date: string, index = 0): DatedItem => ({ field: 'enclosures', index, date });
const received = (date: string, index = 0): DatedItem => ({ field: 'receiptStamps', index, date });

describe('checkLetterDates', () => {
  it('passes consistent dates, including a December letter received in January', () => {
    expect(checkLetterDates('2025-12-28', [cited('2025-11-03')], [received('2026-01-05')])).toEqual(
      [],
    );
    expect(checkLetterDates('2026-01-14', [cited('2026-01-09')], [received('2026-01-16')])).toEqual(
      [],
    );
    expect(checkLetterDates('2026-01-14', [], [])).toEqual([]);
  });

  it('suggests the next year when a January letter cites a later date (the slip)', () => {
    expect(checkLetterDates('2025-01-05', [cited('2025-12-22')], [])).toEqual([
      { code: 'year_slip', field: 'letterDate', suggested: '2026-01-05' },
    ]);
  });

  it('suggests the next year when a January letter is received a year later', () => {
    expect(checkLetterDates('2025-01-08', [], [received('2026-01-13')])).toEqual([
      { code: 'year_slip', field: 'letterDate', suggested: '2026-01-08' },
    ]);
  });

  it('treats a stamp with the same slip as consistent (the seed letter)', () => {
    const stamps = [
      received('2025-01-15', 0),
      received('2026-01-15', 1),
      received('2025-01-15', 2),
    ];
    expect(
      checkLetterDates('2025-01-12', [cited('2025-11-19'), enclosed('2025-12-17')], stamps),
    ).toEqual([{ code: 'year_slip', field: 'letterDate', suggested: '2026-01-12' }]);
  });

  it('uses enclosed letters’ dates as cited dates', () => {
    expect(checkLetterDates('2025-02-03', [enclosed('2026-01-28')], [])).toEqual([
      { code: 'year_slip', field: 'letterDate', suggested: '2026-02-03' },
    ]);
  });

  it('does not suggest a slip outside January and early February', () => {
    expect(checkLetterDates('2026-03-10', [cited('2026-03-15')], [])).toEqual([
      { code: 'cited_date_after_letter_date', field: 'references', index: 0, date: '2026-03-15' },
    ]);
    expect(checkLetterDates('2025-02-20', [cited('2025-12-01')], [])).toEqual([
      { code: 'cited_date_after_letter_date', field: 'references', index: 0, date: '2025-12-01' },
    ]);
  });

  it('makes the window configurable', () => {
    expect(
      checkLetterDates('2025-02-20', [cited('2025-12-01')], [], {
        yearSlipWindowEnd: { month: 2, day: 28 },
      }),
    ).toEqual([{ code: 'year_slip', field: 'letterDate', suggested: '2026-02-20' }]);
  });

  it('reports each failed check when a year later does not fix everything', () => {
    // A stamp before the letter's date stays before it a year later too.
    expect(
      checkLetterDates('2026-01-10', [cited('2026-01-20', 1)], [received('2025-12-30', 0)]),
    ).toEqual([
      { code: 'cited_date_after_letter_date', field: 'references', index: 1, date: '2026-01-20' },
      { code: 'letter_date_after_receipt', field: 'receiptStamps', index: 0, date: '2025-12-30' },
    ]);
  });

  it('reports a receipt before the letter date', () => {
    expect(checkLetterDates('2026-04-20', [], [received('2026-04-18')])).toEqual([
      { code: 'letter_date_after_receipt', field: 'receiptStamps', index: 0, date: '2026-04-18' },
    ]);
  });

  it('does not warn about a late receipt on its own', () => {
    expect(checkLetterDates('2025-06-01', [], [received('2026-06-05')])).toEqual([]);
  });
});
