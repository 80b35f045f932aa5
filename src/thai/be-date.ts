/**
 * Buddhist-era dates and times as clerks write them: parsing every printed form into an
 * ISO Gregorian date plus `HH:MM`, and formatting back in the official or register style
 * (see src/thai/README.md#dates).
 */
import {
  formatIsoDate,
  isValidCivilDate,
  parseIsoDate,
  toBuddhistYear,
  toGregorianYear,
  weekdayOf,
} from 'src/thai/calendar.js';
import { convertDigits, type DigitSet } from 'src/thai/digits.js';
import {
  ERA_BUDDHIST,
  MONTHS,
  MONTH_PATTERN,
  WEEKDAY_PATTERN,
  monthLabel,
  monthNumberOf,
  weekdayIndexOf,
  weekdayLabel,
} from 'src/thai/labels.js';
import { normalizeThaiText, toMatchForm } from 'src/thai/normalize.js';
import { fail, ok, type ParseError, type Result } from 'src/thai/result.js';

export type DateErrorCode =
  | 'empty'
  | 'unrecognised'
  | 'unknown_month'
  | 'missing_year'
  | 'impossible_date'
  | 'invalid_time'
  | 'weekday_mismatch'
  | 'year_out_of_range';

export type DateError = ParseError<DateErrorCode>;

export interface ParsedThaiDate {
  /** ISO Gregorian date. */
  date: string;
  /** `HH:MM` (24-hour) or null when none was written: never default to midnight. */
  time: string | null;
  /** The input as normalised (zero-width removed, ำ composed, spaces folded). */
  raw: string;
}

export interface DateParseOptions {
  /** Lowest accepted Buddhist-era year (policy; default 2400). */
  minYear?: number;
  /** Highest accepted Buddhist-era year (policy; default 2700). */
  maxYear?: number;
}

export const DEFAULT_MIN_YEAR = 2400;
export const DEFAULT_MAX_YEAR = 2700;

/**
 * The years a letter can carry: from พ.ศ. ๒๔๗๕ (the ministries of the constitutional
 * government, older than any letter a register still cites) to พ.ศ. ๒๖๐๐. A letter year
 * outside is an OCR or typing error (๒๑๖๙, ๒๖๙๙, a Gregorian 2026 read as พ.ศ.), reported
 * as `year_out_of_range`, never turned into a date. Policy: callers may pass their own.
 */
export const LETTER_YEARS: Readonly<Required<DateParseOptions>> = { minYear: 2475, maxYear: 2600 };

const TIME_ERROR_MESSAGE = 'เวลาไม่ถูกต้อง ชั่วโมงต้องอยู่ระหว่าง ๐๐–๒๓ และนาทีระหว่าง ๐๐–๕๙';

// ---------------------------------------------------------------------------------------
// Patterns. Matching runs on the "match form" (Thai digits as ASCII, Latin o as 0), which
// keeps offsets, so \d is safe and indices point into the printed text.

const ERA = '(?:พ\\s*\\.?\\s*ศ\\s*\\.?|ค\\s*\\.?\\s*ศ\\s*\\.?)';
// OCR may drop the tone mark of ที่ (วันที): accepted.
// รับวันที่ / ลงรับวันที่ are a stamp's own date; ลงวันที่ / ลว. give a letter's date.
const PREFIX = `(?:(?:(?:ลง\\s?)?รับ\\s?)?วันที่?|(?:ลง\\s?)?วันที่?|ลว\\s?\\.?|วัน\\s?(?<wd>${WEEKDAY_PATTERN})\\s*(?:ที่?)?)`;
// Formal documents may write เดือน before the month: วันที่ ๑ เดือนมกราคม พ.ศ. ๒๕๖๙.
const NAMED_DATE = `(?<!\\d)(?<d>\\d{1,2})\\s*(?:เดือน\\s*)?(?<mon>${MONTH_PATTERN})(?![\\u0E01-\\u0E2E])\\s*(?:(?<era>${ERA})\\s*)?(?<y>\\d{2,5})(?!\\d)`;
const SLASHED_DATE = `(?<!\\d)(?<sd>\\d{1,2})\\s*\\/\\s*(?<sm>\\d{1,2})\\s*\\/\\s*(?:(?<sera>${ERA})\\s*)?(?<sy>\\d{4}|\\d{2})(?!\\d)`;
const DATE_BODY = `(?:${NAMED_DATE}|${SLASHED_DATE})`;
const TIME_BODY = `(?<!\\d)(?<h>\\d{1,2})\\s*[.:]\\s*(?<mi>\\d{1,2})(?!\\d)`;
const TIME_SUFFIX = '(?:\\s*(?:น\\s*\\.?|นาฬิกา))';
/** A time written before the date (stamps: เวลา ๐๙.๓๐ น. วันที่ ๗ ก.ค. ๖๗). */
const TIME_FIRST = `(?:(?:เวลา\\s*:?\\s*)?(?<!\\d)(?<bh>\\d{1,2})\\s*[.:]\\s*(?<bmi>\\d{1,2})(?!\\d)${TIME_SUFFIX}?\\.?\\s*,?\\s*)`;

/** A whole input: optional prefix, a date, optionally a time. */
const WHOLE_DATE = new RegExp(
  `^${TIME_FIRST}?(?:${PREFIX}\\s*:?\\s*)?${DATE_BODY}(?:\\s*,?\\s*(?:เวลา\\s*:?\\s*)?${TIME_BODY}${TIME_SUFFIX}?\\.?)?$`,
);
/** A date without a year, to give a precise reason. */
const YEARLESS_DATE = new RegExp(
  `^(?:${PREFIX}\\s*)?(?<!\\d)\\d{1,2}\\s*${MONTH_PATTERN}(?![\\u0E01-\\u0E2E])(?:\\s*${ERA})?$`,
);
/** Day, a Thai word where the month should be, a year: an unknown month word. */
const UNKNOWN_MONTH = new RegExp(
  `^(?:${PREFIX}\\s*)?\\d{1,2}\\s*(?<word>[\\u0E01-\\u0E4E][\\u0E01-\\u0E4E.\\s]*?)\\s*(?:${ERA}\\s*)?\\d{2,4}(?:\\s.*)?$`,
);
/** Slashed or dashed numeric dates for whole inputs (15/01/2569, 15-01-2569, 15.01.2569). */
const NUMERIC_WHOLE = new RegExp(
  `^${TIME_FIRST}?(?:${PREFIX}\\s*)?(?<sd>\\d{1,2})\\s*(?<sep>[-.])\\s*(?<sm>\\d{1,2})\\s*\\k<sep>\\s*(?:(?<sera>${ERA})\\s*)?(?<sy>\\d{4}|\\d{2})(?:\\s*,?\\s*(?:เวลา\\s*)?${TIME_BODY}${TIME_SUFFIX}?\\.?)?$`,
);

/** Date expressions inside running text (letters, stamps). Global, sticky-free. */
// Stamp forms print dotted lines after วันที่ and เวลา: วันที่.....๑๕ ม.ค. ๒๕๖๙
const LEADER = '[\\s.:_…]*';
const DATE_IN_TEXT = new RegExp(`(?:(?<pre>${PREFIX})${LEADER})?${DATE_BODY}`, 'g');
/** Every month word starts with one of these letters (labels.ts MONTHS). */
const DATE_HINT = new RegExp(
  `\\d\\s*(?:เดือน\\s*)?[${[...new Set(MONTHS.flatMap((m) => [m.name, m.abbreviation, ...m.variants]).map((w) => w.charAt(0)))].join('')}]|\\d\\s*\\/\\s*\\d|\\d\\s*[\\u0E01-\\u0E2E][\\u0E01-\\u0E4E]{4,}\\s*\\d`,
);
/** A time inside running text: needs เวลา before it or น. after it to count. */
const TIME_IN_TEXT = new RegExp(
  `(?:(?<at>เวลา)${LEADER})?${TIME_BODY}(?<suffix>${TIME_SUFFIX}\\.?)?`,
  'g',
);

interface DateGroups {
  wd?: string | undefined;
  d?: string | undefined;
  mon?: string | undefined;
  era?: string | undefined;
  y?: string | undefined;
  sd?: string | undefined;
  sm?: string | undefined;
  sera?: string | undefined;
  sy?: string | undefined;
  h?: string | undefined;
  mi?: string | undefined;
  bh?: string | undefined;
  bmi?: string | undefined;
}

function isGregorianEra(era: string | undefined): boolean {
  return era !== undefined && era.trimStart().startsWith('ค');
}

function yearOf(digits: string, era: string | undefined): { gregorian: number; buddhist: number } {
  const n = Number(digits);
  if (isGregorianEra(era)) {
    const gregorian = digits.length === 2 ? 2000 + n : n;
    return { gregorian, buddhist: toBuddhistYear(gregorian) };
  }
  // Two-digit years mean 25xx (see src/thai/README.md#dates): ๖๙ = 2569. Three or five digits are
  // no year at all and fall out of range.
  const buddhist = digits.length === 2 ? 2500 + n : n;
  return { gregorian: toGregorianYear(buddhist), buddhist };
}

const toThai = (n: number): string => convertDigits(String(n), 'thai');

function resolveTime(
  h: string | undefined,
  mi: string | undefined,
): Result<string | null, DateError> {
  if (h === undefined || mi === undefined) return ok(null);
  const hours = Number(h);
  const minutes = Number(mi);
  if (mi.length !== 2 || hours > 23 || minutes > 59)
    return fail('invalid_time', TIME_ERROR_MESSAGE);
  return ok(`${String(hours).padStart(2, '0')}:${mi}`);
}

/** Turn matched groups into a checked ISO date (and time). */
function resolveDate(
  g: DateGroups,
  options: DateParseOptions,
): Result<{ date: string; time: string | null }, DateError> {
  const minYear = options.minYear ?? DEFAULT_MIN_YEAR;
  const maxYear = options.maxYear ?? DEFAULT_MAX_YEAR;
  let day: number;
  let month: number;
  let yearDigits: string;
  let era: string | undefined;
  if (g.d !== undefined && g.mon !== undefined && g.y !== undefined) {
    day = Number(g.d);
    const m = monthNumberOf(g.mon);
    if (m === null) return fail('unknown_month', `ไม่รู้จักชื่อเดือน "${g.mon}"`);
    month = m;
    yearDigits = g.y;
    era = g.era;
  } else if (g.sd !== undefined && g.sm !== undefined && g.sy !== undefined) {
    day = Number(g.sd);
    month = Number(g.sm);
    yearDigits = g.sy;
    era = g.sera;
  } else {
    return fail('unrecognised', 'อ่านวันที่ไม่ได้');
  }
  if (month < 1 || month > 12) {
    return fail('impossible_date', `ไม่มีเดือนที่ ${toThai(month)} (เดือนต้องอยู่ระหว่าง ๑–๑๒)`);
  }
  const { gregorian, buddhist } = yearOf(yearDigits, era);
  if (buddhist < minYear || buddhist > maxYear) {
    return fail(
      'year_out_of_range',
      `ปี พ.ศ. ${toThai(buddhist)} อยู่นอกช่วงที่รับได้ (พ.ศ. ${toThai(minYear)}–${toThai(maxYear)})`,
    );
  }
  if (!isValidCivilDate(gregorian, month, day)) {
    return fail(
      'impossible_date',
      `ไม่มีวันที่ ${toThai(day)} ${monthLabel(month).name} ${toThai(buddhist)} ในปฏิทิน`,
    );
  }
  const date = formatIsoDate(gregorian, month, day);
  if (g.wd !== undefined) {
    const written = weekdayIndexOf(g.wd);
    const actual = weekdayOf(date);
    if (written !== null && written !== actual) {
      return fail(
        'weekday_mismatch',
        `วันที่ ${toThai(day)} ${monthLabel(month).name} ${toThai(buddhist)} เป็นวัน${weekdayLabel(actual).name} ไม่ใช่วัน${g.wd}`,
      );
    }
  }
  // One time only: before the date or after it, never both.
  if (g.bh !== undefined && g.h !== undefined) return fail('unrecognised', 'เขียนเวลาไว้สองแห่ง');
  const time = g.bh !== undefined ? resolveTime(g.bh, g.bmi) : resolveTime(g.h, g.mi);
  if (!time.ok) return time;
  return ok({ date, time: time.value });
}

/**
 * Parse a date (and optional time) as a clerk writes it: `๑๒ มกราคม ๒๕๖๙`, `12 ม.ค. 69`,
 * `วันพุธที่ ๑๕ ม. ค. พ.ศ. ๒๕๖๙ เวลา ๑๐.๕๕ น.`, `15/01/2569 10:55`, `ลว. ๓ ก.พ. ๖๙`,
 * `1 January ค.ศ. 2026` is not accepted (Thai month words only). Never throws.
 */
export function parseThaiDate(
  input: string,
  options: DateParseOptions = {},
): Result<ParsedThaiDate, DateError> {
  const raw = normalizeThaiText(input);
  if (raw === '') return fail('empty', 'ไม่ได้ระบุวันที่');
  const text = toMatchForm(raw);
  const m = WHOLE_DATE.exec(text) ?? NUMERIC_WHOLE.exec(text);
  if (m !== null) {
    const resolved = resolveDate(m.groups ?? {}, options);
    return resolved.ok ? ok({ ...resolved.value, raw }) : resolved;
  }
  if (YEARLESS_DATE.test(text)) return fail('missing_year', 'ไม่ได้ระบุปี พ.ศ.');
  const unknown = UNKNOWN_MONTH.exec(text);
  const word = unknown?.groups?.word?.trim();
  // A known month here means the rest of the input is what could not be read.
  if (word !== undefined && monthNumberOf(word) === null) {
    return fail('unknown_month', `ไม่รู้จักชื่อเดือน "${word}"`);
  }
  return fail('unrecognised', 'อ่านวันที่ไม่ได้ รูปแบบที่รับได้ เช่น ๑๒ มกราคม ๒๕๖๙ หรือ 12/01/2569');
}

/** Parse a time on its own: `10.55 น.`, `10:55`, `เวลา ๑๐.๕๕ น.`. */
export function parseThaiTime(input: string): Result<string, DateError> {
  const raw = normalizeThaiText(input);
  if (raw === '') return fail('empty', 'ไม่ได้ระบุเวลา');
  const m = new RegExp(`^(?:เวลา\\s*)?${TIME_BODY}${TIME_SUFFIX}?\\.?$`).exec(toMatchForm(raw));
  if (m?.groups === undefined) return fail('unrecognised', 'อ่านเวลาไม่ได้ รูปแบบที่รับได้ เช่น ๑๐.๕๕ น.');
  const time = resolveTime(m.groups.h, m.groups.mi);
  if (!time.ok) return time;
  return time.value === null ? fail('unrecognised', 'อ่านเวลาไม่ได้') : ok(time.value);
}

/** What the CLI prints for one input line: the values, or the reason it was rejected. */
export type DateLineResult =
  { input: string; date: string; time: string | null } | { input: string; error: DateError };

export function parseDateLine(input: string, options: DateParseOptions = {}): DateLineResult {
  const r = parseThaiDate(input, options);
  return r.ok ? { input, date: r.value.date, time: r.value.time } : { input, error: r.error };
}

// ---------------------------------------------------------------------------------------
// Finding dates and times inside running text (used by the letter parser).

export interface DateInText {
  /** Offset of the whole match (prefix included) in the text. */
  index: number;
  /** Offset just past the match. */
  end: number;
  /** Offset where the date itself starts (after วันที่ / ลงวันที่ / ลว.). */
  dateIndex: number;
  /** The prefix word as matched (วันที่, ลงวันที่, ลว., วันพุธที่ …), or null. */
  prefix: string | null;
  /** ISO date, or null when the expression is not a real date (kept so callers can warn). */
  date: string | null;
  error: DateError | null;
}

/**
 * Every date expression in `matchText` (the match form of a line, see toMatchForm).
 * Invalid dates are returned with `date: null` and the reason.
 */
export function findDatesInText(matchText: string, options: DateParseOptions = {}): DateInText[] {
  const found: DateInText[] = [];
  // Most lines with digits hold no date (๑ ฉบับ, telephone numbers); skip the full pattern
  // unless a digit is followed by the first letter of a month word, a slash, or a long Thai
  // word and a number (a month name with its first letter misread).
  if (!DATE_HINT.test(matchText)) return found;
  for (const m of matchText.matchAll(DATE_IN_TEXT)) {
    const g = (m.groups ?? {}) as DateGroups & { pre?: string };
    const resolved = resolveDate(g, options);
    const dayGroup = g.d ?? g.sd ?? '';
    const dateIndex =
      g.pre === undefined ? m.index : matchText.indexOf(dayGroup, m.index + g.pre.length);
    found.push({
      index: m.index,
      end: m.index + m[0].length,
      dateIndex,
      prefix: g.pre ?? null,
      date: resolved.ok ? resolved.value.date : null,
      error: resolved.ok ? null : resolved.error,
    });
  }
  return found;
}

export interface TimeInText {
  index: number;
  end: number;
  /** `HH:MM`, or null when the written time is impossible (25.00 น.). */
  time: string | null;
}

/** Times in running text that carry เวลา before them or น. after them. */
export function findTimesInText(matchText: string): TimeInText[] {
  const found: TimeInText[] = [];
  for (const m of matchText.matchAll(TIME_IN_TEXT)) {
    const g = m.groups ?? {};
    if (g.at === undefined && g.suffix === undefined) continue;
    const time = resolveTime(g.h, g.mi);
    found.push({ index: m.index, end: m.index + m[0].length, time: time.ok ? time.value : null });
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Formatting.

/** `official`: ๑๒ มกราคม ๒๕๖๙ (letters); `register`: ๑๒ ม.ค. ๒๕๖๙ (registers, stamps). */
export type DateStyle = 'official' | 'register';

export interface DateFormatOptions {
  style?: DateStyle;
  digits?: DigitSet;
  /** Write พ.ศ. before the year. */
  era?: boolean;
  /** Start with the weekday: วันจันทร์ที่ ๑๒ มกราคม ๒๕๖๙. */
  weekday?: boolean;
}

/** Format an ISO date in Thai with the Buddhist-era year. Throws on a malformed ISO date. */
export function formatThaiDate(iso: string, options: DateFormatOptions = {}): string {
  const civil = parseIsoDate(iso);
  if (civil === null) throw new RangeError(`not an ISO date: ${iso}`);
  const label = monthLabel(civil.month);
  const month = (options.style ?? 'official') === 'official' ? label.name : label.abbreviation;
  const year = `${options.era === true ? `${ERA_BUDDHIST} ` : ''}${toBuddhistYear(civil.year)}`;
  const weekday = options.weekday === true ? `วัน${weekdayLabel(weekdayOf(iso)).name}ที่ ` : '';
  return weekday + convertDigits(`${civil.day} ${month} ${year}`, options.digits ?? 'thai');
}

/** Format `HH:MM` as written in letters and stamps: `๑๐.๕๕ น.`. */
export function formatThaiTime(time: string, options: { digits?: DigitSet } = {}): string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (m === null) throw new RangeError(`not an HH:MM time: ${time}`);
  return convertDigits(`${m[1]}.${m[2]} น.`, options.digits ?? 'thai');
}

/** Thai weekday name of an ISO date (`พุธ`). */
export function thaiWeekdayName(iso: string): string {
  return weekdayLabel(weekdayOf(iso)).name;
}
