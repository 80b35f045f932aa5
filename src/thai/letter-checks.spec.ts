import { describe, expect, it } from 'vitest';
import {
  checkLetterDates,
  letterYearFromContext,
  letterYearOneDigitOff,
  type DatedItem,
} from 'src/thai/letter-checks.js';

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

describe('letterYearFromContext', () => {
  it('reads a misread year with the one year of the letters cited and the stamps', () => {
    // ๒๕๓๐ for ๒๕๗๐: cited in March, stamped in April of 2027.
    expect(letterYearFromContext('1987-04-02', ['2027-03-20'], ['2027-04-05'])).toBe('2027-04-02');
    // Citations alone: the letter comes after them.
    expect(letterYearFromContext('1990-06-15', ['2028-05-30', '2028-01-11'], [])).toBe(
      '2028-06-15',
    );
    // A stamp alone: the letter comes before it, not long before, here in the year before.
    expect(letterYearFromContext('2002-12-28', [], ['2031-01-04'])).toBe('2030-12-28');
  });

  it('changes nothing where the printed date fits, or is one year off, or fits no year', () => {
    // A letter of 2027 citing one of 2019: in order, nothing to read again.
    expect(letterYearFromContext('2027-05-10', ['2019-08-01'], [])).toBeNull();
    // One year off in January is the slip checkLetterDates suggests, not a misread.
    expect(letterYearFromContext('2026-01-08', [], ['2027-01-12'])).toBeNull();
    // The day and month do not fit between the cited date and the stamp in their year.
    expect(letterYearFromContext('1985-09-01', ['2027-09-10'], ['2027-09-20'])).toBeNull();
    // Nothing around it.
    expect(letterYearFromContext('1985-09-01', [], [])).toBeNull();
    // After the stamp in its year, and long before it in the year before.
    expect(letterYearFromContext('1985-09-01', [], ['2027-08-15'])).toBeNull();
    // 29 February in a year that has none.
    expect(letterYearFromContext('1988-02-29', ['2027-02-01'], [])).toBeNull();
  });
});

describe('letterYearOneDigitOff', () => {
  it('reads a year with a digit lost, gained or misread in the one year the stamps leave', () => {
    // ๒๕๙ for ๒๕๖๙: 31 July, stamped 4 August 2026.
    expect(letterYearOneDigitOff(31, 7, '259', [], ['2026-08-04'])).toBe('2026-07-31');
    // ๒๕๕๗๐ for ๒๕๗๐ (a digit gained), cited in March 2027, stamped in April.
    expect(letterYearOneDigitOff(2, 4, '25570', ['2027-03-20'], ['2027-04-05'])).toBe('2027-04-02');
    // ๒๖๖๘ for ๒๕๖๘ (out of range): 28 December, stamped 5 January of the next year.
    expect(letterYearOneDigitOff(28, 12, '2668', [], ['2026-01-05'])).toBe('2025-12-28');
  });

  it('takes nothing without a stamp, or where several years or none fit', () => {
    // Cited letters alone bound it from below only.
    expect(letterYearOneDigitOff(31, 7, '259', ['2026-07-01'], [])).toBeNull();
    // ๒๕๗ is one digit off ๒๕๖๗ and ๒๕๗๐ …, but not off ๒๕๖๙, the year before the stamp.
    expect(letterYearOneDigitOff(10, 1, '257', [], ['2026-06-30'])).toBeNull();
    // A wider late-receipt policy lets two years fit: none is taken.
    expect(
      letterYearOneDigitOff(10, 1, '256', [], ['2026-06-30'], { lateReceiptDays: 900 }),
    ).toBeNull();
    // ๒๘๙ is two digits off ๒๕๖๙: no year one digit off it fits the stamp.
    expect(letterYearOneDigitOff(10, 6, '289', [], ['2026-06-12'])).toBeNull();
    // Two digits are a year already (๖๙), and a day the month lacks.
    expect(letterYearOneDigitOff(10, 6, '69', [], ['2026-06-12'])).toBeNull();
    expect(letterYearOneDigitOff(31, 6, '259', [], ['2026-07-04'])).toBeNull();
  });
});
