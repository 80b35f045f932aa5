/**
 * Consistency checks between a letter's date, the dates it cites and its receipt stamps,
 * and the January year-slip rule (see src/thai/README.md#year-slip):
 *
 * - a cited date (อ้างถึง, or a letter enclosed "ลงวันที่ …") after the letter's date fails;
 * - a receipt date before the letter's date fails;
 * - a receipt date in a later calendar year and more than `lateReceiptDays` after the
 *   letter's date fails (letters arrive within days, not a year later).
 *
 * When the letter is dated in January or early February, a check fails, and reading the
 * letter's year as one later makes every check pass, the printed year is a slip (people
 * type last year's year in January): suggest the date one year later, never correct it.
 * Under that reading a receipt date of the same printed year inside the same window may
 * carry the same slip (the seed's provincial stamp `๑๕ ม.ค. ๒๕๖๘`), so it is read one year
 * later too. Otherwise each failed check is reported on its own.
 */
import {
  addYears,
  daysBetween,
  formatIsoDate,
  isValidCivilDate,
  parseIsoDate,
  toGregorianYear,
} from 'src/thai/calendar.js';
import { LETTER_YEARS } from 'src/thai/be-date.js';

export interface DatedItem {
  field: 'references' | 'enclosures' | 'receiptStamps';
  /** Position of the item in its output array. */
  index: number;
  date: string;
}

export type ConsistencyWarning =
  | { code: 'year_slip'; field: 'letterDate'; suggested: string }
  | {
      code: 'cited_date_after_letter_date';
      field: 'references' | 'enclosures';
      index: number;
      date: string;
    }
  | { code: 'letter_date_after_receipt'; field: 'receiptStamps'; index: number; date: string };

export interface ConsistencyOptions {
  /** Last month/day (inclusive) of the year-slip window; policy, default 15 February. */
  yearSlipWindowEnd?: { month: number; day: number };
  /** A receipt this many days after the letter, in a later year, is "long after". */
  lateReceiptDays?: number;
}

const DEFAULT_WINDOW_END = { month: 2, day: 15 };
const DEFAULT_LATE_RECEIPT_DAYS = 183;

function inSlipWindow(iso: string, end: { month: number; day: number }): boolean {
  const d = parseIsoDate(iso);
  if (d === null) return false;
  return d.month < end.month || (d.month === end.month && d.day <= end.day);
}

const yearOf = (iso: string): number => Number(iso.slice(0, 4));

interface Failures {
  citedAfter: DatedItem[];
  receiptBefore: DatedItem[];
  receiptLate: DatedItem[];
}

function check(
  letterDate: string,
  cited: readonly DatedItem[],
  receipts: readonly DatedItem[],
  lateReceiptDays: number,
): Failures {
  return {
    citedAfter: cited.filter((c) => c.date > letterDate),
    receiptBefore: receipts.filter((r) => r.date < letterDate),
    receiptLate: receipts.filter(
      (r) =>
        yearOf(r.date) > yearOf(letterDate) && daysBetween(letterDate, r.date) > lateReceiptDays,
    ),
  };
}

const passes = (f: Failures): boolean =>
  f.citedAfter.length === 0 && f.receiptBefore.length === 0 && f.receiptLate.length === 0;

export function checkLetterDates(
  letterDate: string,
  cited: readonly DatedItem[],
  receipts: readonly DatedItem[],
  options: ConsistencyOptions = {},
): ConsistencyWarning[] {
  const windowEnd = options.yearSlipWindowEnd ?? DEFAULT_WINDOW_END;
  const lateDays = options.lateReceiptDays ?? DEFAULT_LATE_RECEIPT_DAYS;
  const printed = check(letterDate, cited, receipts, lateDays);
  if (passes(printed)) return [];

  if (inSlipWindow(letterDate, windowEnd)) {
    const suggested = addYears(letterDate, 1);
    const shifted = receipts.map((r) =>
      r.date < suggested && yearOf(r.date) === yearOf(letterDate) && inSlipWindow(r.date, windowEnd)
        ? { ...r, date: addYears(r.date, 1) }
        : r,
    );
    if (passes(check(suggested, cited, shifted, lateDays))) {
      return [{ code: 'year_slip', field: 'letterDate', suggested }];
    }
  }

  const warnings: ConsistencyWarning[] = [];
  for (const c of printed.citedAfter) {
    if (c.field === 'receiptStamps') continue;
    warnings.push({
      code: 'cited_date_after_letter_date',
      field: c.field,
      index: c.index,
      date: c.date,
    });
  }
  for (const r of printed.receiptBefore) {
    warnings.push({
      code: 'letter_date_after_receipt',
      field: 'receiptStamps',
      index: r.index,
      date: r.date,
    });
  }
  return warnings;
}

/**
 * A letter's date whose year was misread (๒๕๒๓ for ๒๕๖๙, a year cut to ๒๕) read with the
 * year of the dates around it: the letters it cites come before it and its receipt stamps
 * after it. When its printed date fails that order and the year is two or more years from
 * every one of theirs (one year off is the January slip, checkLetterDates' matter), the one
 * year among theirs that puts its day and month after every cited date and before every
 * stamp (within `lateReceiptDays`) is the year; null when none or several do. The caller
 * shows the date as unsure and keeps the printed text.
 */
export function letterYearFromContext(
  letterDate: string,
  cited: readonly string[],
  receipts: readonly string[],
  options: ConsistencyOptions = {},
): string | null {
  const lateDays = options.lateReceiptDays ?? DEFAULT_LATE_RECEIPT_DAYS;
  const printed = parseIsoDate(letterDate);
  const around = [...cited, ...receipts];
  if (printed === null || around.length === 0) return null;
  if (fitsAround(letterDate, cited, receipts, lateDays)) return null;
  // A stamp early in a year may be on a letter of the year before.
  const years = new Set([...around.map(yearOf), ...receipts.map((r) => yearOf(r) - 1)]);
  if (around.some((d) => Math.abs(yearOf(d) - printed.year) < 2)) return null;
  return onlyFittingDate(years, printed.month, printed.day, cited, receipts, lateDays);
}

/**
 * Whether a letter dated `iso` comes on or after every date it cites and on or before every
 * receipt stamp, at most `lateDays` before each.
 */
function fitsAround(
  iso: string,
  cited: readonly string[],
  receipts: readonly string[],
  lateDays: number,
): boolean {
  return (
    cited.every((c) => daysBetween(c, iso) >= 0) &&
    receipts.every((r) => daysBetween(iso, r) >= 0 && daysBetween(iso, r) <= lateDays)
  );
}

/** The one date of `month` and `day` in `years` (Gregorian) that fits around; null otherwise. */
function onlyFittingDate(
  years: Iterable<number>,
  month: number,
  day: number,
  cited: readonly string[],
  receipts: readonly string[],
  lateDays: number,
): string | null {
  const found = [...years]
    .filter((y) => isValidCivilDate(y, month, day))
    .map((y) => formatIsoDate(y, month, day))
    .filter((iso) => fitsAround(iso, cited, receipts, lateDays));
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** Every Buddhist-era year of `LETTER_YEARS` one digit off `digits`: one lost, gained or misread. */
export function yearsOneDigitOff(digits: string): number[] {
  const years = new Set<string>();
  for (let at = 0; at <= digits.length; at++) {
    for (let d = 0; d <= 9; d++) {
      years.add(`${digits.slice(0, at)}${d}${digits.slice(at)}`);
      if (at < digits.length) years.add(`${digits.slice(0, at)}${d}${digits.slice(at + 1)}`);
    }
    if (at < digits.length) years.add(`${digits.slice(0, at)}${digits.slice(at + 1)}`);
  }
  return [...years]
    .filter((y) => y.length === 4 && y !== digits)
    .map(Number)
    .filter((y) => y >= LETTER_YEARS.minYear && y <= LETTER_YEARS.maxYear);
}

/**
 * A letter's date whose Buddhist-era year OCR read as no letter's year (`digits`, ASCII:
 * ๒๕๙ with a digit lost, ๒๕๕๖๙ with one gained, ๒๖๖๙ with one misread): of the years one
 * digit off it, the one that puts the printed day and month (`month` 1–12) after every cited
 * date and on or before every receipt stamp (within `lateReceiptDays`), when exactly one
 * does. The stamps bound it from above: with cited letters alone every later year fits and
 * none is taken. Null otherwise; the caller shows the date as unsure.
 */
export function letterYearOneDigitOff(
  day: number,
  month: number,
  digits: string,
  cited: readonly string[],
  receipts: readonly string[],
  options: ConsistencyOptions = {},
): string | null {
  if (!/^\d{3,5}$/.test(digits) || receipts.length === 0) return null;
  const lateDays = options.lateReceiptDays ?? DEFAULT_LATE_RECEIPT_DAYS;
  const years = yearsOneDigitOff(digits).map(toGregorianYear);
  return onlyFittingDate(years, month, day, cited, receipts, lateDays);
}

/**
 * The letter's date one year later when it may carry the January slip (dated within the
 * slip window, `yearSlipWindowEnd`): what a receipt stamp of the next year is to be placed
 * against. Null outside the window.
 */
export function slipReadDate(letterDate: string, options: ConsistencyOptions = {}): string | null {
  return inSlipWindow(letterDate, options.yearSlipWindowEnd ?? DEFAULT_WINDOW_END)
    ? addYears(letterDate, 1)
    : null;
}
