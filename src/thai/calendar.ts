/**
 * Gregorian calendar arithmetic on ISO dates (`YYYY-MM-DD`) and the Buddhist era.
 *
 * Inside the system dates are ISO Gregorian (invariant 6); BE = CE + 543 (see
 * src/thai/README.md#dates). The arithmetic is done by hand on day numbers: Node's th-TH locale
 * already formats in the Buddhist calendar, so mixing Intl in would add 543 twice.
 *
 * The modern reckoning (year starts 1 January, in force since BE 2484 / CE 1941) is used
 * for every year; before that the Thai year began on 1 April, so dates in January–March of
 * BE 2483 and earlier would be one BE year off. Letters in this system are modern.
 */

export const BUDDHIST_ERA_OFFSET = 543;

export function toBuddhistYear(gregorianYear: number): number {
  return gregorianYear + BUDDHIST_ERA_OFFSET;
}

export function toGregorianYear(buddhistYear: number): number {
  return buddhistYear - BUDDHIST_ERA_OFFSET;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse a strict ISO date; null when malformed or not a real day. */
export function parseIsoDate(iso: string): CivilDate | null {
  const m = ISO_DATE.exec(iso);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidCivilDate(year, month, day) ? { year, month, day } : null;
}

function requireIsoDate(iso: string): CivilDate {
  const civil = parseIsoDate(iso);
  if (civil === null) throw new RangeError(`not an ISO date: ${iso}`);
  return civil;
}

export function isoToDays(iso: string): number {
  const { year, month, day } = requireIsoDate(iso);
  return daysFromCivil(year, month, day);
}

export function daysToIso(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return formatIsoDate(year, month, day);
}

export function addDays(iso: string, days: number): string {
  return daysToIso(isoToDays(iso) + days);
}

/** Same month and day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(iso: string, years: number): string {
  const { year, month, day } = requireIsoDate(iso);
  const target = year + years;
  return formatIsoDate(target, month, Math.min(day, daysInMonth(target, month)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return isoToDays(to) - isoToDays(from);
}

/** Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(iso: string): number {
  return (((isoToDays(iso) + 4) % 7) + 7) % 7;
}

/** Asia/Bangkok is UTC+7 all year: Thailand has no daylight saving time. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

function bangkokFields(instant: Date): Date {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid instant');
  return new Date(t + BANGKOK_OFFSET_MS);
}

/** The calendar date (ISO) of an instant in Asia/Bangkok: 31 Dec 17:30 UTC is 1 Jan there. */
export function bangkokDate(instant: Date): string {
  const b = bangkokFields(instant);
  return formatIsoDate(b.getUTCFullYear(), b.getUTCMonth() + 1, b.getUTCDate());
}

/** The Asia/Bangkok wall-clock time `HH:MM` of an instant. */
export function bangkokTime(instant: Date): string {
  const b = bangkokFields(instant);
  return `${String(b.getUTCHours()).padStart(2, '0')}:${String(b.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * The Buddhist-era year of an instant in Asia/Bangkok: the register year (see
 * src/modules/registers/README.md#numbering).
 */
export function bangkokBuddhistYear(instant: Date): number {
  return toBuddhistYear(bangkokFields(instant).getUTCFullYear());
}
