import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  bangkokBuddhistYear,
  bangkokDate,
  bangkokTime,
  civilFromDays,
  daysBetween,
  daysFromCivil,
  daysInMonth,
  isLeapYear,
  parseIsoDate,
  toBuddhistYear,
  toGregorianYear,
  weekdayOf,
} from 'src/thai/calendar.js';

describe('Buddhist era', () => {
  it('is CE + 543', () => {
    expect(toBuddhistYear(2026)).toBe(2569);
    expect(toGregorianYear(2569)).toBe(2026);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
  ])('isLeapYear(%d) = %j', (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
  });

  it('knows the length of February', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 13)).toBe(0);
  });

  it('agrees with Date.UTC on day numbers', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1800-01-01'), max: new Date('2300-12-31'), noInvalidDate: true }),
        (d) => {
          const y = d.getUTCFullYear();
          const m = d.getUTCMonth() + 1;
          const day = d.getUTCDate();
          const n = daysFromCivil(y, m, day);
          expect(n).toBe(Math.floor(Date.UTC(y, m - 1, day) / 86_400_000));
          expect(civilFromDays(n)).toEqual({ year: y, month: m, day });
          expect(weekdayOf(addDays('1970-01-01', n))).toBe(
            new Date(Date.UTC(y, m - 1, day)).getUTCDay(),
          );
        },
      ),
    );
  });

  it('parses only real ISO dates', () => {
    expect(parseIsoDate('2026-01-12')).toEqual({ year: 2026, month: 1, day: 12 });
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-1-12')).toBeNull();
  });

  it('adds years keeping the day, 29 February becoming 28 February', () => {
    expect(addYears('2025-01-12', 1)).toBe('2026-01-12');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2025-12-28', '2026-01-05')).toBe(8);
    expect(daysBetween('2026-01-05', '2025-12-28')).toBe(-8);
  });

  it('knows weekdays of the seed letter', () => {
    // The seed letter's date: 12 Jan 2569 is a Monday; 12 Jan 2568 was a Sunday.
    expect(weekdayOf('2026-01-12')).toBe(1);
    expect(weekdayOf('2025-01-12')).toBe(0);
  });
});

describe('Asia/Bangkok helpers', () => {
  it('turns the year at midnight Bangkok time, not UTC', () => {
    const instant = new Date('2025-12-31T17:30:00Z');
    expect(bangkokDate(instant)).toBe('2026-01-01');
    expect(bangkokTime(instant)).toBe('00:30');
    expect(bangkokBuddhistYear(instant)).toBe(2569);
  });

  it('is still the old year a minute before', () => {
    const instant = new Date('2025-12-31T16:59:00Z');
    expect(bangkokDate(instant)).toBe('2025-12-31');
    expect(bangkokTime(instant)).toBe('23:59');
    expect(bangkokBuddhistYear(instant)).toBe(2568);
  });

  it('rejects an invalid instant', () => {
    expect(() => bangkokDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
