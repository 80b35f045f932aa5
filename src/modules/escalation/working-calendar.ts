/**
 * Working-time calendar for escalation deadlines (see
 * src/modules/escalation/README.md#working-time): deadlines per speed class are counted in office
 * hours on working days, minus holidays, in Asia/Bangkok.
 *
 * Pure arithmetic on epoch milliseconds. Bangkok is a fixed UTC+7 with no daylight saving,
 * so nothing here reads the machine's time zone.
 *
 * Model: working time is the union of the half-open office windows
 * `[opening, closing)` of every working day. A working day is a Bangkok calendar date whose
 * weekday is an office weekday and which is not a holiday. All durations are measured as the
 * length of working time inside an interval of instants.
 */
import { daysFromCivil, daysInMonth } from 'src/thai/calendar.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const BANGKOK_OFFSET_MS = 7 * 60 * MS_PER_MINUTE;
/** ECMAScript's Date range: ±8.64e15 ms around the epoch. */
const MAX_INSTANT_MS = 8.64e15;
/** Day 0 (1970-01-01) was a Thursday; weekdays use Date#getUTCDay numbering. */
const WEEKDAY_OF_DAY_ZERO = 4;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Office hours shared by every office weekday.
 * `weekdays` uses `Date#getUTCDay` numbering: 0 = Sunday, 1 = Monday … 6 = Saturday.
 * One window per day: the lunch hour is working time, as it is for answering the phone.
 */
export interface OfficeHours {
  /** Opening time `HH:MM` (24-hour, Bangkok). */
  readonly start: string;
  /** Closing time `HH:MM` (24-hour, Bangkok), later than `start` on the same day. */
  readonly end: string;
  readonly weekdays: readonly number[];
}

/** Thai government office hours (เวลาราชการ): Monday–Friday 08:30–16:30. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  start: '08:30',
  end: '16:30',
  weekdays: Object.freeze([1, 2, 3, 4, 5]),
});

export interface WorkingCalendarOptions {
  /** Missing fields fall back to {@link DEFAULT_OFFICE_HOURS}. */
  readonly officeHours?: Partial<OfficeHours>;
  /**
   * Holidays as ISO dates (`YYYY-MM-DD`, Gregorian, Bangkok calendar date). Holidays falling
   * on a non-office weekday are accepted and have no effect.
   */
  readonly holidays: Iterable<string>;
}

/**
 * An immutable working-time calendar.
 *
 * Boundary conventions (all instants are `Date`s, compared as UTC instants):
 * - The office is open on `[opening, closing)`: 08:30:00.000 is working time, 16:30:00.000 is
 *   not.
 * - A duration that ends exactly at closing ends at closing (16:30 of that day), never at the
 *   next opening: adding results are the earliest instant at which the duration has elapsed.
 * - Working minutes are integers; {@link workingMinutesBetween} counts whole elapsed minutes.
 */
export class WorkingCalendar {
  /** Office hours after validation, with weekdays sorted and de-duplicated. */
  readonly officeHours: OfficeHours;
  /** Holidays as given, de-duplicated and sorted. */
  readonly holidays: readonly string[];
  /** Length of one office day in minutes (480 for 08:30–16:30); one working day. */
  readonly workingDayMinutes: number;

  private readonly openingMs: number;
  private readonly closingMs: number;
  private readonly officeDayMs: number;
  private readonly isOfficeWeekday: readonly boolean[];
  private readonly officeWeekdaysPerWeek: number;
  private readonly holidayDays: ReadonlySet<number>;
  /** Sorted day numbers of holidays that fall on office weekdays: the ones that cost a day. */
  private readonly closedOfficeDays: readonly number[];

  constructor(options: WorkingCalendarOptions) {
    const problems: string[] = [];
    const start = options.officeHours?.start ?? DEFAULT_OFFICE_HOURS.start;
    const end = options.officeHours?.end ?? DEFAULT_OFFICE_HOURS.end;
    const weekdays = options.officeHours?.weekdays ?? DEFAULT_OFFICE_HOURS.weekdays;

    const openingMinute = parseTimeOfDay(start, 'officeHours.start', problems);
    const closingMinute = parseTimeOfDay(end, 'officeHours.end', problems);
    if (openingMinute !== undefined && closingMinute !== undefined) {
      if (openingMinute >= closingMinute) {
        problems.push(`officeHours.start (${start}) must be earlier than officeHours.end (${end})`);
      }
    }

    const isOfficeWeekday = [false, false, false, false, false, false, false];
    if (!Array.isArray(weekdays) || weekdays.length === 0) {
      // With no office weekday a positive deadline would never fall due.
      problems.push(
        'officeHours.weekdays must list at least one weekday (0 = Sunday … 6 = Saturday)',
      );
    } else {
      // Checked as unknown: the setting comes from a file an administrator edits.
      for (const weekday of weekdays as readonly unknown[]) {
        if (
          typeof weekday === 'number' &&
          Number.isInteger(weekday) &&
          weekday >= 0 &&
          weekday <= 6
        ) {
          isOfficeWeekday[weekday] = true;
        } else {
          problems.push(
            `officeHours.weekdays contains ${String(weekday)}; use 0 = Sunday … 6 = Saturday`,
          );
        }
      }
    }

    const holidayDays = new Map<number, string>();
    if (typeof options.holidays?.[Symbol.iterator] !== 'function') {
      // Required so that a forgotten holiday list fails loudly instead of meaning "none".
      problems.push('holidays must be an iterable of ISO dates (may be empty)');
    } else {
      for (const holiday of options.holidays) {
        const day = parseIsoDate(holiday, problems);
        if (day !== undefined) holidayDays.set(day, holiday);
      }
    }

    if (problems.length > 0 || openingMinute === undefined || closingMinute === undefined) {
      throw new Error(`Invalid working calendar: ${problems.join('; ')}`);
    }

    this.openingMs = openingMinute * MS_PER_MINUTE;
    this.closingMs = closingMinute * MS_PER_MINUTE;
    this.officeDayMs = this.closingMs - this.openingMs;
    this.workingDayMinutes = closingMinute - openingMinute;
    this.isOfficeWeekday = Object.freeze(isOfficeWeekday);
    this.officeWeekdaysPerWeek = isOfficeWeekday.filter(Boolean).length;
    this.officeHours = Object.freeze({
      start,
      end,
      weekdays: Object.freeze(isOfficeWeekday.flatMap((open, weekday) => (open ? [weekday] : []))),
    });
    this.holidayDays = new Set(holidayDays.keys());
    this.holidays = Object.freeze([...holidayDays.values()].sort());
    this.closedOfficeDays = Object.freeze(
      [...holidayDays.keys()]
        .filter((day) => isOfficeWeekday[weekdayOf(day)])
        .sort((a, b) => a - b),
    );
    Object.freeze(this);
  }

  /** Whether the office is open at `t`: a working day and `opening <= time < closing`. */
  isWorkingInstant(t: Date): boolean {
    const { day, timeOfDay } = splitInstant(instantMs(t, 't'));
    return (
      this.isWorkingDayNumber(day) && timeOfDay >= this.openingMs && timeOfDay < this.closingMs
    );
  }

  /** Whether the Bangkok calendar date `isoDate` (`YYYY-MM-DD`) is a working day. */
  isWorkingDay(isoDate: string): boolean {
    const problems: string[] = [];
    const day = parseIsoDate(isoDate, problems);
    if (day === undefined) throw new RangeError(problems.join('; '));
    return this.isWorkingDayNumber(day);
  }

  /**
   * The earliest working instant at or after `t`: `t` itself while the office is open,
   * otherwise the opening of the next working day (today's opening if `t` is before it).
   * This is when a deadline's clock starts running.
   */
  nextOpening(t: Date): Date {
    const ms = instantMs(t, 't');
    const { day, timeOfDay } = splitInstant(ms);
    if (this.isWorkingDayNumber(day) && timeOfDay < this.closingMs) {
      return timeOfDay >= this.openingMs ? new Date(ms) : this.instantAt(day, this.openingMs);
    }
    return this.instantAt(this.nthWorkingDay(day + 1, 1), this.openingMs);
  }

  /**
   * The earliest instant `r >= start` such that `minutes` of working time lie in `[start, r)`.
   *
   * - Outside office hours, counting begins at the next opening.
   * - A span that ends exactly at closing returns that closing instant (16:30), not the next
   *   opening; so for `minutes > 0` the result is on a working day with a Bangkok time in
   *   `(opening, closing]`, and the minute just before it is working time.
   * - `minutes = 0` returns `start` unchanged, even outside office hours: no time needs to
   *   elapse. This keeps `add(add(t, a), b) = add(t, a + b)` for every `t`; use
   *   {@link nextOpening} for when the clock starts.
   *
   * @param minutes a non-negative integer.
   * @throws RangeError for an invalid date, a negative or fractional count, or a result
   *   beyond the `Date` range.
   */
  addWorkingMinutes(start: Date, minutes: number): Date {
    const startMs = instantMs(start, 'start');
    requireWorkingMinutes(minutes, 'minutes');
    if (minutes === 0) return new Date(startMs);
    // Working time never runs faster than wall time, so this bound also keeps the
    // arithmetic below within safe integers.
    if (startMs + minutes * MS_PER_MINUTE > MAX_INSTANT_MS) {
      throw new RangeError(`Adding ${minutes} working minutes goes beyond the Date range`);
    }

    let remainingMs = minutes * MS_PER_MINUTE;
    const { day, timeOfDay } = splitInstant(startMs);
    if (this.isWorkingDayNumber(day) && timeOfDay < this.closingMs) {
      const from = Math.max(timeOfDay, this.openingMs);
      const leftToday = this.closingMs - from;
      if (remainingMs <= leftToday) return this.instantAt(day, from + remainingMs);
      remainingMs -= leftToday;
    }
    // Whole office days first; the last day gets the rest, in (0, a whole day], so a span
    // filling that day ends at its closing.
    const wholeDays = Math.ceil(remainingMs / this.officeDayMs) - 1;
    const lastDay = this.nthWorkingDay(day + 1, wholeDays + 1);
    return this.instantAt(lastDay, this.openingMs + remainingMs - wholeDays * this.officeDayMs);
  }

  /**
   * {@link addWorkingMinutes} with `hours * 60` minutes; fractional hours are allowed when
   * they make whole minutes (1.5 h = 90 min).
   */
  addWorkingHours(start: Date, hours: number): Date {
    const minutes = hours * 60;
    requireWorkingMinutes(minutes, `hours (${hours} h)`);
    return this.addWorkingMinutes(start, minutes);
  }

  /**
   * {@link addWorkingMinutes} with `days` office days of {@link workingDayMinutes} each.
   * A working day is a length of working time, not a calendar date: Tuesday 10:00 + 1 is
   * Wednesday 10:00, Friday 10:00 + 1 is Monday 10:00 (without holidays), and from an opening
   * (or from outside office hours) + 1 ends at that working day's closing.
   *
   * @param days a non-negative integer.
   */
  addWorkingDays(start: Date, days: number): Date {
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new RangeError(`days must be a non-negative integer, got ${days}`);
    }
    const minutes = days * this.workingDayMinutes;
    requireWorkingMinutes(minutes, `days (${days})`);
    return this.addWorkingMinutes(start, minutes);
  }

  /**
   * Whole minutes of working time in `[a, b)`, rounded down; 0 when `b <= a`.
   * For every `t` and `m >= 0`: `workingMinutesBetween(t, addWorkingMinutes(t, m)) === m`.
   */
  workingMinutesBetween(a: Date, b: Date): number {
    const fromMs = instantMs(a, 'a');
    const toMs = instantMs(b, 'b');
    if (toMs <= fromMs) return 0;
    const from = splitInstant(fromMs);
    const to = splitInstant(toMs);
    let workingMs: number;
    if (from.day === to.day) {
      workingMs = this.workingMsWithinDay(from.day, from.timeOfDay, to.timeOfDay);
    } else {
      workingMs =
        this.workingMsWithinDay(from.day, from.timeOfDay, MS_PER_DAY) +
        this.workingDaysIn(from.day + 1, to.day) * this.officeDayMs +
        this.workingMsWithinDay(to.day, 0, to.timeOfDay);
    }
    return Math.floor(workingMs / MS_PER_MINUTE);
  }

  private isWorkingDayNumber(day: number): boolean {
    return this.isOfficeWeekday[weekdayOf(day)] && !this.holidayDays.has(day);
  }

  /** Working time on `day` between two times of that day. */
  private workingMsWithinDay(day: number, fromTime: number, toTime: number): number {
    if (!this.isWorkingDayNumber(day)) return 0;
    return Math.max(0, Math.min(toTime, this.closingMs) - Math.max(fromTime, this.openingMs));
  }

  /** Number of working days among day numbers `[from, to)`, in O(log holidays). */
  private workingDaysIn(from: number, to: number): number {
    if (to <= from) return 0;
    const span = to - from;
    const wholeWeeks = Math.floor(span / 7);
    let officeWeekdays = wholeWeeks * this.officeWeekdaysPerWeek;
    for (let day = from + wholeWeeks * 7; day < to; day++) {
      if (this.isOfficeWeekday[weekdayOf(day)]) officeWeekdays++;
    }
    return officeWeekdays - this.closedOfficeDaysIn(from, to);
  }

  private closedOfficeDaysIn(from: number, to: number): number {
    return lowerBound(this.closedOfficeDays, to) - lowerBound(this.closedOfficeDays, from);
  }

  /**
   * The day number of the `n`-th working day (n >= 1) on or after day `from`. Jumps whole
   * weeks and subtracts the holidays passed, so 10,000 working days take a few steps.
   */
  private nthWorkingDay(from: number, n: number): number {
    let day = from;
    let remaining = n;
    for (;;) {
      // Stop a week short so the jump can never overshoot the n-th working day.
      const weeks = Math.floor((remaining - 1) / this.officeWeekdaysPerWeek);
      if (weeks === 0) break;
      const next = day + weeks * 7;
      remaining -= weeks * this.officeWeekdaysPerWeek - this.closedOfficeDaysIn(day, next);
      day = next;
    }
    // Fewer than a week of working days left, plus any holidays in the way.
    for (; ; day++) {
      if (this.isWorkingDayNumber(day) && --remaining === 0) return day;
    }
  }

  private instantAt(day: number, timeOfDay: number): Date {
    const ms = day * MS_PER_DAY + timeOfDay - BANGKOK_OFFSET_MS;
    if (Math.abs(ms) > MAX_INSTANT_MS) {
      throw new RangeError('Working-time result goes beyond the Date range');
    }
    return new Date(ms);
  }
}

function instantMs(t: Date, name: string): number {
  const ms = t instanceof Date ? t.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

function requireWorkingMinutes(minutes: number, name: string): void {
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw new RangeError(`${name} must be a non-negative whole number of minutes, got ${minutes}`);
  }
}

/** Bangkok day number (days since 1970-01-01) and milliseconds since Bangkok midnight. */
function splitInstant(ms: number): { day: number; timeOfDay: number } {
  const local = ms + BANGKOK_OFFSET_MS;
  const day = Math.floor(local / MS_PER_DAY);
  return { day, timeOfDay: local - day * MS_PER_DAY };
}

function weekdayOf(day: number): number {
  return (((day + WEEKDAY_OF_DAY_ZERO) % 7) + 7) % 7;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function parseTimeOfDay(value: unknown, name: string, problems: string[]): number | undefined {
  const match = typeof value === 'string' ? HH_MM.exec(value) : null;
  if (!match) {
    problems.push(`${name} must be HH:MM between 00:00 and 23:59, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Day number of an ISO date, or undefined with the reason pushed onto `problems`. */
function parseIsoDate(value: unknown, problems: string[]): number | undefined {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) {
    problems.push(`holiday ${JSON.stringify(value)} must be an ISO date YYYY-MM-DD`);
    return undefined;
  }
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Buddhist era belongs at the edges (invariant 6); 2569 here means a
  // clerk's BE year slipped through, not the year 2569 CE.
  if (year >= 2400) {
    problems.push(`holiday ${value as string} looks like a Buddhist-era year; use CE (BE − 543)`);
    return undefined;
  }
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) {
    problems.push(`holiday ${value as string} is not a calendar date`);
    return undefined;
  }
  return daysFromCivil(year, month, dayOfMonth);
}
