/**
 * Receipt stamps printed on paper (ตรารับหนังสือ, ระเบียบงานสารบรรณ ข้อ ๓๘), read back from
 * a letter's OCR text. The stamps this system draws are in src/modules/receipts/.
 *
 * A stamp is a box at the top right of the first page with the receiving unit's name,
 * เลขรับ, วันที่ and เวลา. In OCR text its lines may stand alone, sit before the letter
 * head, or share a line with letter text (the OCR reads across both columns). Stamps are
 * found first and their text is blanked out, so that the letter parser never mistakes a
 * stamp's date for the letter's date.
 *
 * Two shapes are recognised:
 * - anchored: a receipt-number keyword (เลขรับ, เลขที่รับ, รับที่, ทะเบียนรับ …) with a
 *   number, anywhere in the text; the unit is the text before it (same cell) or the line
 *   above; the date and time follow within the next lines;
 * - unanchored, only above the letter head: a date line with optionally a
 *   "<word> <number>" line and a time (the seed's `๑๕ ม.ค. ๒๕๖๘ / กรม ๒๖`). The word is a
 *   register label, not a unit.
 */
import { findTimesInText, LETTER_YEARS, type DateInText } from 'src/thai/be-date.js';
import {
  daysBetween,
  formatIsoDate,
  isValidCivilDate,
  toBuddhistYear,
  toGregorianYear,
} from 'src/thai/calendar.js';
import { monthLabel, monthNumberOf } from 'src/thai/labels.js';
import { PROVINCE_CODES } from 'src/thai/letter-codes.js';
import {
  cellsOf,
  clean,
  contactStart,
  datesFillingCells,
  datesOf,
  isBlank,
  isMarkOnly,
  labelOf,
  leadingMarks,
  maskLine,
  refLabelEnd,
  damagedRefLabelEnd,
  headLabelOf,
  startsCell,
  startsCellAfterTime,
  isBareUnitAbbreviation,
  startsWithUnitWord,
  unitStartRepaired,
  type Cell,
  type Line,
} from 'src/thai/letter-text.js';

export interface PrintedStamp {
  /** The receiving unit as printed, location words dropped; null when the stamp names none. */
  unit: string | null;
  /** เลขรับ: the receiving unit's register number. */
  receiptNumber: number | null;
  /** ISO date as printed (a slipped year is kept). */
  date: string | null;
  /** `HH:MM`, null when the stamp shows no time (never midnight by default). */
  time: string | null;
}

interface Located {
  stamp: PrintedStamp;
  line: number;
  column: number;
  damaged: DamagedStampDate | null;
  /** A part of the stamp was read through damage (a time without its separator …). */
  unsure: boolean;
}

/**
 * What a stamp's date line still tells when OCR damaged it past reading: the day, the month
 * when its abbreviation was read (null when it came out as Latin letters or garble: `NN.`,
 * `N.A.`), and the year (Gregorian) when it can only be one, null when its four digits
 * were misread out of any letter's years (๔๙๙๙, ๔๘๖๙ for ๒๕๖๙). The date itself stays null
 * until `resolveDamagedStampDate` places it against the letter's date.
 */
export interface DamagedStampDate {
  day: number;
  month: number | null;
  year: number | null;
  /**
   * The day's tens digit came out as a Latin letter and only its ๐ read (`bo`, `wo` for
   * ๒๐): `day` is 10, and 20 or 30 may be meant as well.
   */
  tensUnread?: true;
}

/**
 * A Buddhist-era year as a stamp prints it (two or four digits), or with one digit lost
 * (๕๖๙ for ๒๕๖๙): the one year in LETTER_YEARS that putting back a digit can give, else
 * null. Gregorian.
 */
export function stampYearOf(digits: string): number | null {
  if (digits.length === 2) return toGregorianYear(2500 + Number(digits));
  const inRange = (y: number): boolean => y >= LETTER_YEARS.minYear && y <= LETTER_YEARS.maxYear;
  if (digits.length === 4) return inRange(Number(digits)) ? toGregorianYear(Number(digits)) : null;
  if (digits.length !== 3) return null;
  const years = new Set<number>();
  for (let at = 0; at <= 3; at++) {
    for (let d = 0; d <= 9; d++) {
      const y = Number(`${digits.slice(0, at)}${d}${digits.slice(at)}`);
      if (inRange(y)) years.add(y);
    }
  }
  const [only] = years;
  return years.size === 1 && only !== undefined ? toGregorianYear(only) : null;
}

/** Marks and dots: what OCR adds to or drops from a month abbreviation (ก.ุย. for ก.ย.). */
const MARK_OR_DOT = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E.]/g;

/**
 * The month of an abbreviation OCR garbled with marks or dots (กุย., ต.ค, ส.ค.ุ): its
 * letters without them are one abbreviation's only. ม.ค. and มี.ค. (เม.ย. and มิ.ย. when
 * เ is lost) share their letters: those stay unread.
 */
function monthBySkeleton(word: string): number | null {
  const skeleton = word.replace(MARK_OR_DOT, '');
  if (!/^[\u0E01-\u0E2E\u0E40-\u0E44]{2,3}$/.test(skeleton)) return null;
  const months: number[] = [];
  for (let m = 1; m <= 12; m++) {
    if (monthLabel(m).abbreviation.replace(MARK_OR_DOT, '') === skeleton) months.push(m);
  }
  return months.length === 1 ? (months[0] ?? null) : null;
}

/**
 * A stamp's date as OCR of a scan may damage it (match form): a day, a month abbreviation
 * read as Latin letters or garble (it has a dot, or is Latin letters only) or with its
 * marks garbled, and a year of two to four digits; or a real month with a three-digit
 * year. Before the day only วันที่ (also garbled into up to three Latin letters) or the
 * cell's start.
 */
const DAMAGED_DATE =
  /(?<=^|[\s.:]|(?:รับ)?วันที่?)(?<day>\d{1,2}|[A-Za-z][oO])\s+(?<mon>\S{1,6}?(?:\s[^\s\d]{1,3}?)??)\s*(?<year>\d{2,5})(?![\d,/])/g;

function damagedDateIn(
  text: string,
): { index: number; end: number; date: DamagedStampDate } | null {
  for (const m of text.matchAll(DAMAGED_DATE)) {
    const g = m.groups ?? {};
    const before = text.slice(0, m.index).trimEnd();
    const lead = /(?:^|\s)(\S*)$/.exec(before)?.[1] ?? '';
    // ลงวันที่ / ลว.: the stamp's copy of the letter's date, not its own.
    if (/^(?:ลง|ลว)/.test(lead) || /(?:ลง|ลว)\s?วันที่?$/.test(before)) continue;
    // A day whose tens digit OCR read as a Latin letter and its ๐ as o: 10, 20 or 30.
    const tensUnread = /^[A-Za-z][oO]$/.test(g.day ?? '');
    const day = tensUnread ? 10 : Number(g.day);
    const mon = g.mon ?? '';
    const month = monthNumberOf(mon) ?? monthBySkeleton(mon);
    const garbled = month === null && (/\./.test(mon) || /^[A-Za-z]{1,4}$/.test(mon));
    const yearDigits = g.year ?? '';
    const misread = month !== null && monthNumberOf(mon) === null;
    // Five digits (๒๕๙๕๙ for ๒๕๖๙, the engine read one twice) only after an abbreviation: a
    // month in full with them is no stamp's date.
    const yearOverlong = yearDigits.length === 5;
    if (yearOverlong && (month === null || !/\./.test(mon))) continue;
    // วันที่ garbled into Latin letters (`UA 7 ส.ค. 2569`) hides a date read whole otherwise;
    // four letters (`Tull ๑๙ กุย. ๖๘`) only before a date damaged itself: before a date
    // read whole they are as likely a Latin word (`ABCD 7 ส.ค. 2569`).
    const labelGarbled = /^[A-Za-z]{1,3}\.?$/.test(lead);
    const longLabelGarbled = /^[A-Za-z]{4}\.?$/.test(lead) && (garbled || misread || yearOverlong);
    if (lead !== '' && !/^(?:รับ)?วันที่?$/.test(lead) && !labelGarbled && !longLabelGarbled) {
      continue;
    }
    // Digits no letter's year has with the day and month read: four misread (๔๙๙๙ for
    // ๒๕๖๙), or three that putting back a lost digit makes several years of (๒๕๙).
    const yearMisread =
      month !== null &&
      (yearDigits.length === 4 || yearDigits.length === 3) &&
      stampYearOf(yearDigits) === null;
    if (
      !garbled &&
      (month === null ||
        (yearDigits.length !== 3 && !misread && !labelGarbled && !yearMisread && !yearOverlong))
    ) {
      continue;
    }
    // Only with the month read: the day's three readings are placed in it.
    if (tensUnread && month === null) continue;
    const year = stampYearOf(yearDigits);
    if ((year === null && !yearMisread && !yearOverlong) || day < 1 || day > 31) continue;
    if (month !== null && year !== null && !isValidCivilDate(year, month, day)) continue;
    const date: DamagedStampDate = { day, month, year };
    if (tensUnread) date.tensUnread = true;
    return { index: m.index, end: m.index + m[0].length, date };
  }
  return null;
}

/** A receipt date guessed from the letter's is not taken further than this after it. */
const GUESS_WINDOW_DAYS = 14;

/**
 * The date a damaged stamp date can only have been. A stamp is put on a letter received:
 * on the letter's date (ISO, null when unread) or after it. A read month with a year put
 * back or a misread abbreviation gives the date, unless it falls before the letter's (the
 * day was misread). A month OCR could not read is the first
 * month from the letter's on that has the day, taken only within GUESS_WINDOW_DAYS of the
 * letter: never without the letter's date. A year misread past reading is the letter's
 * year or the next that puts the day and month within GUESS_WINDOW_DAYS after the
 * letter's date, or, when that day falls before the letter's, the day stampDayRepaired
 * reads for it. Null when the reading does not fit: a clerk reads the stamp.
 */
export function resolveDamagedStampDate(
  d: DamagedStampDate,
  letterDate: string | null,
): string | null {
  if (d.tensUnread === true) return tensResolved(d, letterDate);
  if (d.year === null) {
    if (d.month === null || letterDate === null) return null;
    const letterYear = Number(letterDate.slice(0, 4));
    for (const year of [letterYear, letterYear + 1]) {
      if (!isValidCivilDate(year, d.month, d.day)) continue;
      const iso = formatIsoDate(year, d.month, d.day);
      const after = daysBetween(letterDate, iso);
      if (after >= 0 && after <= GUESS_WINDOW_DAYS) return iso;
    }
    // Read in the letter's year, the date falls before the letter's: the day was misread
    // too (`๔ ก.ค.๕๕๖๘` for ๒๔ ก.ค. ๒๕๖๘ on a letter of 22 July), as in a year read whole.
    if (!isValidCivilDate(letterYear, d.month, d.day)) return null;
    return stampDayRepaired(formatIsoDate(letterYear, d.month, d.day), letterDate);
  }
  if (d.month !== null) {
    const iso = formatIsoDate(d.year, d.month, d.day);
    if (letterDate === null || daysBetween(letterDate, iso) >= 0) return iso;
    return stampDayRepaired(iso, letterDate);
  }
  if (letterDate === null) return null;
  for (let month = 1; month <= 12; month++) {
    if (!isValidCivilDate(d.year, month, d.day)) continue;
    const iso = formatIsoDate(d.year, month, d.day);
    const after = daysBetween(letterDate, iso);
    if (after < 0) continue;
    if (after <= GUESS_WINDOW_DAYS) return iso;
    break;
  }
  // No month puts the day as read near the letter's date: the day may be misread as well
  // (๘ for ๑๘ on a letter of the 16th). In the letter's month it falls before the letter's
  // date, and is read again as stampDayRepaired reads such a day.
  const [letterYear, letterMonth] = letterDate.split('-').map(Number) as [number, number];
  if (d.year !== letterYear || !isValidCivilDate(letterYear, letterMonth, d.day)) return null;
  return stampDayRepaired(formatIsoDate(letterYear, letterMonth, d.day), letterDate);
}

/**
 * A day of which only the ๐ read (DamagedStampDate.tensUnread), in a month read: the one of
 * the 10th, 20th and 30th (in the year read, else the letter's or the next) that falls on
 * the letter's date or within GUESS_WINDOW_DAYS after it; null when none or several do.
 */
function tensResolved(d: DamagedStampDate, letterDate: string | null): string | null {
  if (d.month === null || letterDate === null) return null;
  const letterYear = Number(letterDate.slice(0, 4));
  const fits = new Set<string>();
  for (const day of [10, 20, 30]) {
    for (const year of d.year === null ? [letterYear, letterYear + 1] : [d.year]) {
      if (!isValidCivilDate(year, d.month, day)) continue;
      const iso = formatIsoDate(year, d.month, day);
      const after = daysBetween(letterDate, iso);
      if (after >= 0 && after <= GUESS_WINDOW_DAYS) fits.add(iso);
    }
  }
  const [only] = fits;
  return fits.size === 1 && only !== undefined ? only : null;
}

/**
 * Digits OCR of a scan reads one for the other: the engine collapses ๔ ๖ ๗ ๘ ๙ onto ๕ ๐ ๒,
 * and the shapes of ๓ and ๙, ๔ and ๕, ๖ and ๐ differ by one small stroke.
 */
const LOOK_ALIKE_DIGITS: readonly (readonly [string, string])[] = [
  ['4', '5'],
  ['3', '9'],
  ['6', '0'],
  ['7', '2'],
  ['8', '0'],
  ['9', '5'],
];

function lookAlikes(digit: string): string[] {
  return LOOK_ALIKE_DIGITS.flatMap(([a, b]) => (a === digit ? [b] : b === digit ? [a] : []));
}

/**
 * A stamp's date read before the letter's (ISO both), in the same month or the one before:
 * a stamp goes on a letter received, so its day was misread. The days one misread digit
 * away (a look-alike digit in its place), else one lost digit away (๔ for ๒๔), that fall on
 * the letter's date or up to GUESS_WINDOW_DAYS after it: when exactly one does, or exactly
 * one within a week of it (soonest), that date, a guess the caller shows as unsure;
 * otherwise null (a clerk reads the stamp).
 */
export function stampDayRepaired(read: string, letterDate: string): string | null {
  return soonest(stampDayReadings(read, letterDate), letterDate);
}

/**
 * The dates a stamp's day read before the letter's may stand for (stampDayRepaired): the
 * days one look-alike digit away that fit, else those one lost digit away; none when the
 * read date is not before the letter's, or over a month before it.
 */
function stampDayReadings(read: string, letterDate: string): string[] {
  const before = daysBetween(read, letterDate);
  if (before <= 0 || before > 31) return [];
  const [year, month, day] = read.split('-').map(Number) as [number, number, number];
  const digits = String(day);
  const fits = (candidates: string[]): string[] => {
    const dates = new Set<string>();
    for (const c of candidates) {
      const d = Number(c);
      if (c.startsWith('0') || !isValidCivilDate(year, month, d)) continue;
      const iso = formatIsoDate(year, month, d);
      const after = daysBetween(letterDate, iso);
      if (after >= 0 && after <= GUESS_WINDOW_DAYS) dates.add(iso);
    }
    return [...dates];
  };
  const swapped = [...digits].flatMap((digit, i) =>
    lookAlikes(digit).map((other) => digits.slice(0, i) + other + digits.slice(i + 1)),
  );
  const one = fits(swapped);
  if (one.length > 0) return one;
  const lost =
    digits.length === 1
      ? Array.from({ length: 10 }, (_, d) => [`${d}${digits}`, `${digits}${d}`]).flat()
      : [];
  return fits(lost);
}

/** A letter reaches the unit that stamps it within days of its date; rarely over a week. */
const RECEIPT_WEEK_DAYS = 7;

/**
 * The one date of several readings of a stamp's day (ISO, each within GUESS_WINDOW_DAYS
 * after the letter's date): the only one, else the only one within a week of the letter's
 * date (๖ for ๑๖ or ๒๖ on a letter of the 14th: the 16th); null when none or several are.
 */
function soonest(dates: string[], letterDate: string): string | null {
  if (dates.length === 1) return dates[0] ?? null;
  const week = dates.filter((iso) => daysBetween(letterDate, iso) <= RECEIPT_WEEK_DAYS);
  return week.length === 1 ? (week[0] ?? null) : null;
}

/**
 * A stamp's date read whole (ISO both) whose year lies two years or more from the letter's:
 * a stamp goes on a letter received, so a digit of its year was misread (๒๕๐๘ for ๒๕๖๘).
 * The years one look-alike digit away (Buddhist era, each digit in turn) that put the day
 * and month on the letter's date or up to GUESS_WINDOW_DAYS after it: when exactly one
 * does, that date, a guess the caller shows as unsure; otherwise null. A year one off the
 * letter's is left alone: a year slip, which the consistency checks handle.
 */
export function stampYearRepaired(read: string, letterDate: string): string | null {
  const [year, month, day] = read.split('-').map(Number) as [number, number, number];
  if (Math.abs(year - Number(letterDate.slice(0, 4))) < 2) return null;
  const digits = String(toBuddhistYear(year));
  const dates = new Set<string>();
  for (const [i, digit] of [...digits].entries()) {
    for (const other of lookAlikes(digit)) {
      const candidate = toGregorianYear(Number(digits.slice(0, i) + other + digits.slice(i + 1)));
      if (!isValidCivilDate(candidate, month, day)) continue;
      const iso = formatIsoDate(candidate, month, day);
      const after = daysBetween(letterDate, iso);
      if (after >= 0 && after <= GUESS_WINDOW_DAYS) dates.add(iso);
    }
  }
  const [only] = dates;
  return dates.size === 1 && only !== undefined ? only : null;
}

// Ordered by preference: where a stamp shows several numbers, the เลขรับ one wins (fixtures
// README: "where a stamp shows both เลขที่รับ and เลขรับที่, the เลขรับ one").
const KEYWORDS = [
  'เลขทะเบียนรับที่',
  'เลขทะเบียนรับ',
  'ทะเบียนรับที่',
  'ทะเบียนรับ',
  'เลขรับที่',
  'เลขรับ',
  'เลขที่รับ',
  'รับที่',
] as const;

function keywordRank(keyword: string): number {
  if (keyword.startsWith('เลขรับ')) return 0;
  if (keyword.includes('ทะเบียนรับ')) return 1;
  if (/^รับที่?$/.test(keyword)) return 2;
  return 3;
}

/**
 * OCR often drops the tone mark of ที่ (เลขรับที), or reads its vowel as another upper vowel
 * (เลขทิรับ, as in a damaged ที่ before a reference number): a keyword may come so.
 */
const withOptionalMaiEk = (keyword: string): string =>
  keyword.replace(/ที่/g, 'ท[\\u0E34-\\u0E37]\\u0E48?');

// Printed stamp forms have dotted lines to write on: เลขรับ.......๑๒๓.......
const LEADER = '[\\s.:_…]*';

const RECEIPT_ANCHOR = new RegExp(
  `(?<=^|[\\s.:(|])(?<kw>${KEYWORDS.map(withOptionalMaiEk).join('|')})(?:หนังสือ)?${LEADER}(?:(?:เลข)?ที่?${LEADER})?(?<num>\\d{1,3}(?:,\\d{3})+|\\d{1,7})(?![\\d,])`,
  'g',
);

/**
 * A receipt keyword OCR damaged (match form, the whole cell with its number): a sign or a
 * letter glued before a long keyword at the cell's start (`ไทะเบียนรับ ๑๘๒๗๔`), or the
 * keyword read as one to four Latin letters (`Fun ๑๑๙๐๒` for รับที่) or as a Thai word of
 * เลข… or …รับ… with a letter misread (`เลขรั้ป ๒๖๐๙`). Only a stamp's shape confirms it
 * (garbledAnchorConfirmed).
 */
const GARBLED_ANCHOR = new RegExp(
  `^(?:[^\\s\\d](?:${KEYWORDS.filter((k) => k.length >= 6)
    .map(withOptionalMaiEk)
    .join(
      '|',
    )})|[A-Za-z]{1,4}|เลข[\\u0E01-\\u0E4E]{1,5}|[\\u0E01-\\u0E4E]{0,4}รับ[\\u0E01-\\u0E4E]{0,3})${LEADER}(?<num>\\d{1,7})$`,
);

/** เลขที่ alone numbers an address or a document, not a receipt. */
const NOT_A_KEYWORD = /^เลขท[\u0E34-\u0E37]\u0E48?\s*\d/;

interface Anchor {
  line: number;
  index: number;
  end: number;
  rank: number;
  number: number;
  /** Found through a damaged keyword (GARBLED_ANCHOR). */
  garbled: boolean;
  /**
   * The number was read with a leading ๐ (`รับที่ ๐๗`): a register numbers from 1 and prints
   * no leading zero, so a digit before it was lost or misread as ๐ (๕๐๗, ๖๖๑).
   */
  zeroLed: boolean;
}

/** Location words that follow a unit's name on a stamp (ศาลากลางจังหวัด…, ถนน…). */
const LOCATION_TOKEN =
  /^(?:ศาลากลาง|ศูนย์ราชการ|ถนน|ถ\.|อาคาร|ตึก|ชั้น|เลขที่|หมู่ที่|หมู่|ม\.\d|ตำบล|ต\.|อ\.|จ\.|ซอย|ซ\.|แขวง|กทม|กรุงเทพ)/;

const PROVINCE_NAMES: ReadonlySet<string> = new Set(PROVINCE_CODES.map(([province]) => province));

/**
 * จ. and a province right after the name, before any address word: the จังหวัด of the unit's
 * full name (สนง.ที่ดิน จ.ตราด is สำนักงานที่ดินจังหวัดตราด), as much the name as a glued
 * จังหวัด…; after an address word (อบต.หนองบัว อ.เมือง จ.ตราด) it is the address.
 */
const namesProvince = (token: string): boolean =>
  token.startsWith('จ.') && PROVINCE_NAMES.has(token.slice(2));

/**
 * A unit's name as the output wants it: the first word kept, trailing location words dropped
 * (its province after จ. kept when it follows the name directly).
 */
function unitName(text: string): string | null {
  const tokens = clean(text).split(' ');
  const kept: string[] = [];
  for (const [i, token] of tokens.entries()) {
    if (i > 0 && LOCATION_TOKEN.test(token) && !namesProvince(token)) break;
    kept.push(token);
  }
  const name = kept
    .join(' ')
    .replace(/[:：]+$/, '')
    .trim();
  return /[\u0E01-\u0E2E]/.test(name) ? name : null;
}

/**
 * A unit word starts the text, or one whose start the scan damaged (unitStartRepaired:
 * `ลงค์การ…`, `ถำเภอ…`); the name is kept as read, the parser repairs it and flags it.
 */
function namesUnit(text: string): boolean {
  return startsWithUnitWord(text) || unitStartRepaired(text) !== null;
}

/** Could this cell be a stamp's unit line? Letter structure (fields, marks, dates) is not. */
function unitCandidate(line: Line, cellStart: number, firstOfBlock: boolean): string | null {
  const cellText = line.text.slice(cellStart).trim();
  const cellMatch = line.match.slice(cellStart).trim();
  if (cellText === '' || cellText.length > 120) return null;
  const probe: Line = { text: cellText, match: cellMatch };
  if (labelOf(probe) !== null || refLabelEnd(cellMatch) !== null) return null;
  if (isMarkOnly(probe) !== null || contactStart(cellText) !== null) return null;
  if (datesOf(probe).length > 0 || /^\(/.test(cellText)) return null;
  if (namesUnit(cellText)) return unitName(cellText);
  // A stamp box's first line without a unit word (สารบรรณกลาง): accept short Thai text only.
  if (firstOfBlock && !/\d/.test(cellMatch) && cellText.length <= 60) return unitName(cellText);
  return null;
}

function lastCellStart(text: string, before: number = text.length): number | null {
  const cells = cellsOf(text.slice(0, before));
  const last = cells[cells.length - 1];
  return last === undefined ? null : last.start;
}

/** Where the cell holding the character before `at` ends: the next column gap or the end. */
function cellEndAt(text: string, at: number): number {
  for (const c of cellsOf(text)) if (at - 1 >= c.start && at - 1 < c.end) return c.end;
  return at;
}

/** A stamp's text lines up in a column: cells further than this from it belong to others. */
const COLUMN_SLACK = 15;

function cellNear(text: string, column: number): Cell | null {
  let best: Cell | null = null;
  for (const c of cellsOf(text)) {
    if (Math.abs(c.start - column) > COLUMN_SLACK) continue;
    if (best === null || Math.abs(c.start - column) < Math.abs(best.start - column)) best = c;
  }
  return best;
}

/** A cell a scan left after a stamp's number: one or two characters, no digit (`ศา`, `i`). */
const SPECK_AFTER_NUMBER = /^[^\s\d\u0E50-\u0E59]{1,2}$/;

/**
 * Whether the stamp's keyword at `index` ends its line: the last cell is its own, specks
 * after it (SPECK_AFTER_NUMBER) left out. A stamp is the rightmost thing on its lines.
 */
function endsLine(text: string, index: number): boolean {
  const last = cellsOf(text)
    .filter((c) => c.start <= index || !SPECK_AFTER_NUMBER.test(c.text))
    .at(-1);
  return last !== undefined && index >= last.start;
}

/** A division's name, printed under its unit's on a stamp (อบต.แม่กาษา / งานสารบรรณ). */
const DIVISION = /^(?:งาน|ฝ่าย|กลุ่ม|แผนก)/;

/** Signs a scan left before a stamp's unit in its cell: `. สำนักงาน…`, `: . | กอง…`. */
const SPECKS_BEFORE_UNIT = /^\s*(?:[^\s\p{L}\p{N}\p{M}]{1,2} +)+/u;

/**
 * The cell without the specks before a unit word at its start (a sign alone, one or two
 * characters, a space after it): a unit's name starts with a letter. Any other cell as it is.
 */
function unitCellOf(cell: Cell): Cell {
  const m = SPECKS_BEFORE_UNIT.exec(cell.text);
  if (m === null || !startsWithUnitWord(cell.text.slice(m[0].length))) return cell;
  return { start: cell.start + m[0].length, end: cell.end, text: cell.text.slice(m[0].length) };
}

/** วันที่ as OCR garbles it on a stamp: one to three Latin letters, perhaps a sign before. */
const GARBLED_DATE_LABEL = /^(?:[^\s\p{L}\p{N}\p{M}]{1,2} )?[A-Za-z]{1,3}\.? +$/u;

/**
 * Where the cell holding a date starts when only วันที่ garbled into a speck stands before
 * the date in it (`กรมการปกครอง      © Jui ๑๙ มี.ค. ๒๕๖๙`: a stamp's line beside the head's);
 * null otherwise.
 */
function garbledLabelStart(line: Line, index: number): number | null {
  const cell = cellsOf(line.text.slice(0, index)).at(-1);
  if (cell === undefined || !/\S {2,}$|^\s*$/.test(line.text.slice(0, cell.start))) return null;
  return GARBLED_DATE_LABEL.test(line.match.slice(cell.start, index)) ? cell.start : null;
}

/** ลงวันที่ / ลว. on a stamp copy the letter's date; the stamp's own date is the other one. */
const isStampOwnDate = (d: DateInText): boolean => !/^(?:ลง\s?วันที่?|ลว)/.test(d.prefix ?? '');

/** Cells of a line that hold a date and nothing else but a time or dotted lines. */
function dateCells(line: Line): DateInText[] {
  return datesFillingCells(line, true);
}

function findAnchors(lines: Line[]): Anchor[] {
  const anchors: Anchor[] = [];
  for (const [no, line] of lines.entries()) {
    if (!/\d/.test(line.match)) continue;
    for (const m of /รับ/.test(line.match) ? line.match.matchAll(RECEIPT_ANCHOR) : []) {
      const g = m.groups ?? {};
      anchors.push({
        line: no,
        index: m.index,
        end: m.index + m[0].length,
        rank: keywordRank(g.kw ?? ''),
        number: Number((g.num ?? '').replace(/,/g, '')),
        garbled: false,
        zeroLed: /^0\d/.test(g.num ?? ''),
      });
    }
    if (anchors.at(-1)?.line === no) continue;
    for (const cell of cellsOf(line.text)) {
      const text = line.match.slice(cell.start, cell.end);
      const m = GARBLED_ANCHOR.exec(text);
      if (m === null || NOT_A_KEYWORD.test(text)) continue;
      const number = Number(m.groups?.num);
      if (number === 0) continue;
      anchors.push({
        line: no,
        index: cell.start,
        end: cell.end,
        rank: 3,
        number,
        garbled: true,
        zeroLed: /^0\d/.test(m.groups?.num ?? ''),
      });
    }
  }
  return anchors;
}

/**
 * Anchors of one stamp: on the same line without a column gap between them (เลขที่รับ 229
 * เลขรับที่ 520), or on the next line in the same column while the stamp has no date yet.
 * Anchors a column gap apart are stamps side by side.
 */
function groupAnchors(lines: Line[], anchors: Anchor[]): Anchor[][] {
  const groups: Anchor[][] = [];
  for (const a of anchors) {
    const group = groups.find((g) => {
      const last = g[g.length - 1];
      const head = g[0];
      if (last === undefined || head === undefined) return false;
      const text = lines[a.line]?.text ?? '';
      if (last.line === a.line) return !/ {2,}/.test(text.slice(last.end, a.index));
      const after = lines[last.line]?.match.slice(last.end) ?? '';
      return (
        a.line === last.line + 1 &&
        Math.abs(a.index - head.index) <= COLUMN_SLACK &&
        datesOf({ text: '', match: after }).length === 0
      );
    });
    if (group === undefined) groups.push([a]);
    else group.push(a);
  }
  return groups;
}

interface Spot<T> {
  line: number;
  item: T;
}

/** The candidate nearest the stamp's column, then nearest its anchor line. */
function nearest<T extends { index: number }>(
  spots: Spot<T>[],
  column: number,
  line: number,
): Spot<T> | null {
  let best: Spot<T> | null = null;
  const cost = (s: Spot<T>): number =>
    Math.abs(s.item.index - column) * 10 + Math.abs(s.line - line);
  for (const s of spots) if (best === null || cost(s) < cost(best)) best = s;
  return best;
}

const startsBlock = (lines: Line[], no: number): boolean => no === 0 || isBlank(lines[no - 1]);

interface UnitAt {
  name: string;
  line: number;
  start: number;
}

/**
 * The unit in the stamp's column above its number: a line with a unit word (สำนักงาน…,
 * กลุ่มงาน…), possibly wrapped onto the next line, or a short Thai line at the top of the
 * stamp's block (สารบรรณกลาง).
 */
function unitAbove(lines: Line[], from: number, column: number): UnitAt | null {
  const parts: Cell[] = [];
  for (let no = from; no >= 0 && no > from - 3; no--) {
    const line = lines[no];
    if (line === undefined || isBlank(line)) return null;
    const near = cellNear(line.text, column);
    if (near === null) return null;
    const cell = unitCellOf(near);
    const probe: Line = { text: cell.text, match: line.match.slice(cell.start, cell.end) };
    // A register's label and number (กรม ๒๖) above a stamp is another stamp, not its unit.
    if (NUMBER_ONLY.test(probe.match.trim())) return null;
    if (namesUnit(cell.text)) {
      if (unitCandidate(probe, 0, false) === null) return null;
      // A unit printed on two lines (โรงพยาบาลขอนแก่น / งานสารบรรณ): take the line above too.
      // The specks before the name are the stamp's too: blanked with it.
      let top = { no, cell, start: near.start };
      const upper = lines[no - 1];
      const upperNear = upper === undefined || isBlank(upper) ? null : cellNear(upper.text, column);
      const upperCell = upperNear === null ? null : unitCellOf(upperNear);
      if (upper !== undefined && upperCell !== null && startsWithUnitWord(upperCell.text)) {
        const upperProbe: Line = {
          text: upperCell.text,
          match: upper.match.slice(upperCell.start, upperCell.end),
        };
        if (
          unitCandidate(upperProbe, 0, false) !== null &&
          !NUMBER_ONLY.test(upperProbe.match.trim())
        ) {
          top = { no: no - 1, cell: upperCell, start: upperNear?.start ?? upperCell.start };
        }
      }
      const cells = top.no === no ? [cell, ...parts] : [top.cell, cell, ...parts];
      const name = unitName(cells.map((c) => c.text).join(' '));
      return name === null ? null : { name, line: top.no, start: top.start };
    }
    // A line without a unit word: the second line of a wrapped name, or the box's first line.
    if (/\d/.test(probe.match) || cell.text.length > 60) return null;
    if (unitCandidate(probe, 0, true) === null) return null;
    // The box's first line: a blank line above it, or only text in other columns (the
    // addressee's line a stamp is set beside, with no blank line between).
    const above = lines[no - 1];
    if (startsBlock(lines, no) || (above !== undefined && cellNear(above.text, column) === null)) {
      if (parts.length > 0) return null;
      const name = unitName(cell.text);
      return name === null ? null : { name, line: no, start: cell.start };
    }
    parts.unshift(cell);
  }
  return null;
}

/**
 * A stamp's time after its เวลา as OCR damages it (match form): the separator lost
 * (`0850 น.`) or read with spaces (`16 . 10`), the suffix น. read as a digit glued after the
 * minutes (`16 . 101`), the leading ๐ read as อ (`อ๙.๕๕`, the two differ by a stroke).
 * Only a time within office hours (OFFICE_HOURS) counts: a receipt is stamped by a clerk at
 * work, and `o.oo` (a ๐๙.๐๐ whose ๙ was lost) is no reading of it.
 */
const DAMAGED_TIME =
  /เวลา[\s.:_…]*(?:(?<h>[0-9อ]?\d)\s*[.:,]\s*(?<mi>\d{2})\d?|(?<h4>[0-9อ]\d)(?<mi4>\d{2}))(?!\d)/g;

/** Hours a receipt is stamped in: government offices open 08.30–16.30, clerks come early. */
const OFFICE_HOURS = { first: 7, last: 18 } as const;

/**
 * A stamp's time read whole but outside office hours (`เวลา ๑.๕๐ น.` for ๑๑.๕๐): a clerk
 * stamps a letter at work, so a digit was lost or misread. Kept as read, shown unsure.
 */
function outsideOfficeHours(t: { time: string } | undefined): boolean {
  if (t === undefined) return false;
  const hour = Number(t.time.slice(0, 2));
  return hour < OFFICE_HOURS.first || hour > OFFICE_HOURS.last;
}

export function damagedStampTime(match: string): { index: number; time: string } | null {
  for (const m of match.matchAll(DAMAGED_TIME)) {
    const g = m.groups ?? {};
    const hour = Number((g.h ?? g.h4 ?? '').replace('อ', '0'));
    const minute = Number(g.mi ?? g.mi4);
    if (hour < OFFICE_HOURS.first || hour > OFFICE_HOURS.last || minute > 59) continue;
    const pad = (n: number): string => String(n).padStart(2, '0');
    return { index: m.index, time: `${pad(hour)}:${pad(minute)}` };
  }
  return null;
}

/**
 * A time ending a stamp's line with its suffix น. as read or as Latin letters and a dot
 * (`U.`, `u.`, `UW.`), whatever its label became; within office hours, with no running text
 * (a Thai word of six letters or more) before it on the line.
 */
const SUFFIXED_TIME =
  /(?<!\d)(?<h>\d{1,2})\s*[.:]\s*(?<mi>\d{2})\s*(?:น\s*\.?|[A-Za-z]{1,2}\.)\s*$/;

export function suffixedTime(match: string): { index: number; time: string } | null {
  const m = SUFFIXED_TIME.exec(match);
  if (m === null || /[\u0E01-\u0E4E]{6,}/.test(match.slice(0, m.index))) return null;
  const hour = Number(m.groups?.h);
  const minute = Number(m.groups?.mi);
  if (hour < OFFICE_HOURS.first || hour > OFFICE_HOURS.last || minute > 59) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return { index: m.index, time: `${pad(hour)}:${pad(minute)}` };
}

function anchoredStamp(lines: Line[], group: Anchor[]): Located | null {
  const first = group[0];
  const lastAnchor = group[group.length - 1];
  if (first === undefined || lastAnchor === undefined) return null;
  const best = group.reduce((a, b) => (b.rank < a.rank ? b : a));
  const anchorLine = lines[first.line];
  const lastLine = lines[lastAnchor.line];
  if (anchorLine === undefined || lastLine === undefined) return null;
  const column = first.index;
  const numberEndsLine = endsLine(lastLine.text, lastAnchor.index);
  /**
   * A damaged date in the stamp's column (or, when the number ends its line, in the last
   * cell) within two lines of its last keyword.
   */
  const damagedBelow = (): {
    line: number;
    start: number;
    end: number;
    date: DamagedStampDate;
  } | null => {
    for (let no = lastAnchor.line; no <= lastAnchor.line + 2; no++) {
      const line = lines[no];
      if (line === undefined || (no > lastAnchor.line && isBlank(line))) break;
      if (no > lastAnchor.line && startsLetterHead(line)) break;
      const spans: { start: number; end: number }[] = [];
      if (no === lastAnchor.line) spans.push({ start: lastAnchor.end, end: line.match.length });
      else {
        const near = cellNear(line.text, column);
        if (near !== null) spans.push(near);
        // The reader sets out each line from its own first word: a number that ends its line
        // may stand in another column than its date line (a speck before one of them, letter
        // text before the other). The stamp is the rightmost thing on its lines.
        const last = cellsOf(line.text).at(-1);
        if (numberEndsLine && last !== undefined && last.start !== near?.start) spans.push(last);
      }
      for (const { start, end } of spans) {
        const found = damagedDateIn(line.match.slice(start, end));
        // The date's cell is the stamp's, its label (วันที่ or what OCR made of it) too.
        if (found !== null) return { line: no, start, end: start + found.end, date: found.date };
      }
    }
    return null;
  };

  // The date: right after the number in the same cell; else the nearest in the stamp's
  // column on the next lines; else above the number (๑๖ ม.ค. ๖๙ / รับที่ ๒๑๔).
  const after = datesOf(lastLine).filter((d) => d.index >= lastAnchor.end && isStampOwnDate(d));
  let date: Spot<DateInText> | null;
  // Dates found after a วันที่ OCR garbled: read whole, but placed like a damaged one.
  const afterGarbledLabel = new Set<DateInText>();
  const inCell = after.find((d) => !/ {2,}/.test(lastLine.text.slice(lastAnchor.end, d.index)));
  if (inCell !== undefined) {
    date = { line: lastAnchor.line, item: inCell };
  } else {
    const below: Spot<DateInText>[] = after.map((item) => ({ line: lastAnchor.line, item }));
    for (let no = lastAnchor.line + 1; no <= lastAnchor.line + 3; no++) {
      const line = lines[no];
      if (line === undefined || isBlank(line)) break;
      for (const item of datesOf(line)) {
        if (!isStampOwnDate(item)) continue;
        if (startsCellAfterTime(line, item.index)) below.push({ line: no, item });
        else {
          const label = garbledLabelStart(line, item.index);
          if (label === null) continue;
          const labelled = { ...item, index: label };
          afterGarbledLabel.add(labelled);
          below.push({ line: no, item: labelled });
        }
      }
      // The box ends above the letter's head: OCR drops the blank line between them, and the
      // letter's own date under its ที่ line is not the stamp's (a stamp may share the ที่
      // line itself, in its own column).
      if (startsLetterHead(line)) break;
    }
    date = nearest(below, column, lastAnchor.line);
    // A stamp's own date line OCR damaged (`วันที่ ๑ กุย. ๒๕๖๙`) still says where its date
    // is: the letter's date above the box, which OCR left with no blank line between them
    // and a speck where the unit's cell begins, is then not taken for it.
    if (date === null && damagedBelow() === null) {
      const above: Spot<DateInText>[] = [];
      for (let no = first.line - 1; no >= first.line - 2 && no >= 0; no--) {
        const line = lines[no];
        if (line === undefined || isBlank(line)) break;
        // The stamp's unit heads its box: a date above it is not the stamp's but the letter's,
        // which OCR often leaves with no blank line between it and the stamp.
        const cell = cellNear(line.text, column);
        const probe = cell && { text: cell.text, match: line.match.slice(cell.start, cell.end) };
        if (probe && startsWithUnitWord(probe.text) && unitCandidate(probe, 0, false)) break;
        for (const item of dateCells(line)) above.push({ line: no, item });
      }
      const inColumn = above.filter((s) => Math.abs(s.item.index - column) <= COLUMN_SLACK);
      date = nearest(inColumn, column, first.line);
    }
  }
  const dateAbove = date !== null && date.line < first.line;

  // A date OCR damaged past reading (a month in Latin letters, a year with a digit lost):
  // what it still tells is kept, to be placed against the letter's date later.
  let damaged: { line: number; start: number; end: number; date: DamagedStampDate } | null = null;
  const garbledIso = date !== null && afterGarbledLabel.has(date.item) ? date.item.date : null;
  if (date !== null && garbledIso !== null) {
    const [year, month, day] = garbledIso.split('-').map(Number) as [number, number, number];
    damaged = {
      line: date.line,
      start: date.item.index,
      end: date.item.end,
      date: { day, month, year },
    };
  } else if (date !== null && date.item.date === null) {
    const line = lines[date.line]?.match ?? '';
    // From the word before the date (a label OCR garbled): a number earlier on the line (the
    // other stamp's เลขรับ ๒๒ beside it) would take the day for its own year.
    const from = line.slice(0, date.item.dateIndex).search(/\S*\s*$/);
    const found = damagedDateIn(line.slice(from, date.item.end));
    if (found !== null && from + found.end > date.item.index) {
      damaged = {
        line: date.line,
        start: date.item.index,
        end: from + found.end,
        date: found.date,
      };
    }
  } else if (date === null) {
    damaged = damagedBelow();
  }

  // The unit: text before the keyword in the same cell, else the stamp's column above.
  let unit: UnitAt | null = null;
  if (anchorLine.text.slice(0, first.index).trim() !== '') {
    let start = lastCellStart(anchorLine.text, first.index) ?? 0;
    // Letter text sharing the cell (ที่ มท …/๒๖๓ เลขรับ ๑๒; ด่วนที่สุด กองคลัง เลขรับ ๑๒).
    const ref = refLabelEnd(anchorLine.match.slice(start));
    if (ref !== null) {
      const serialEnd = /^[^/]*\/\s*(?:ว\s*\.?\s*)?\d+/.exec(anchorLine.match.slice(start));
      start = serialEnd === null ? first.index : start + serialEnd[0].length;
    } else {
      const marks = leadingMarks({
        text: anchorLine.text.slice(start),
        match: anchorLine.match.slice(start),
      });
      start += marks.end;
    }
    const specks = SPECKS_BEFORE_UNIT.exec(anchorLine.text.slice(start, first.index))?.[0];
    if (specks !== undefined && namesUnit(anchorLine.text.slice(start + specks.length)))
      start += specks.length;
    const candidate = anchorLine.text.slice(start, first.index);
    const lead = candidate.length - candidate.trimStart().length;
    if (isBareUnitAbbreviation(candidate)) {
      // สลค. เลขรับ ๙๙๒๑: an abbreviation right before the keyword names the stamp's unit.
      unit = { name: candidate.trim(), line: first.line, start: start + lead };
    } else if (candidate.trim() !== '' && namesUnit(candidate)) {
      const probe: Line = { text: candidate, match: anchorLine.match.slice(start, first.index) };
      const name = unitCandidate(probe, 0, false);
      if (name !== null) unit = { name, line: first.line, start: start + lead };
    }
  }
  const unitLine = dateAbove && date !== null ? date.line - 1 : first.line - 1;
  unit ??= unitAbove(lines, unitLine, column);
  /** The second line of a unit set out in another column than its first (blanked too). */
  let split: { line: number; start: number } | null = null;
  // The reader sets out each line from its own first word, so a stamp line with nothing
  // before it starts at column 0 whatever its place on the paper, and one after specks or
  // letter text somewhere else: the columns of a stamp's lines need not agree. A stamp is
  // the rightmost thing on its lines; when its number ends its line, the last cell of the
  // line above is its unit if it names one. A speck after the number (a cell of one or two
  // characters, no digit: `รับที่ ๓๔๒๗          ศา`) still leaves it ending its line.
  if (unit === null && endsLine(anchorLine.text, first.index)) {
    const above = lines[unitLine];
    const lastCell = above === undefined ? undefined : cellsOf(above.text).at(-1);
    const last = lastCell === undefined ? undefined : unitCellOf(lastCell);
    if (last !== undefined && last.start !== column && startsWithUnitWord(last.text)) {
      unit = unitAbove(lines, unitLine, last.start);
      // A unit printed on two lines, its division under its name, whose second line the
      // reader set out after specks (`อบต.แม่กาษา` over `ว   :   งานสารบรรณ`): the name
      // stands in the stamp's column on the line above.
      const top = unit?.line === unitLine ? lines[unitLine - 1] : undefined;
      const near = top === undefined || isBlank(top) ? null : cellNear(top.text, column);
      const cell = near === null ? null : unitCellOf(near);
      if (unit !== null && top !== undefined && cell !== null && DIVISION.test(unit.name)) {
        const probe: Line = { text: cell.text, match: top.match.slice(cell.start, cell.end) };
        const name = startsWithUnitWord(cell.text) ? unitCandidate(probe, 0, false) : null;
        if (name !== null && !NUMBER_ONLY.test(probe.match.trim())) {
          split = { line: unitLine, start: unit.start };
          unit = { name: `${name} ${unit.name}`, line: unitLine - 1, start: near?.start ?? 0 };
        }
      }
    }
  }

  // The time: right after the number or the date, else in the stamp's column just below.
  // A stamp's date line OCR could not read still stands between its number and its time:
  // without a date, the time may be two lines below the number. A time labelled เวลา on a
  // line of the stamp's that holds something else (an unreadable date) is the stamp's too.
  const times: Spot<{ index: number; time: string }>[] = [];
  const fromLine = Math.min(date?.line ?? lastAnchor.line, lastAnchor.line);
  const toLine = Math.max(date?.line ?? lastAnchor.line, lastAnchor.line) + 1;
  const unreadDateLine = lines[lastAnchor.line + 1];
  const timeLastLine =
    date === null && unreadDateLine !== undefined && !startsLetterHead(unreadDateLine)
      ? toLine + 1
      : toLine;
  for (let no = fromLine; no <= timeLastLine; no++) {
    const line = lines[no];
    if (line === undefined || (no > lastAnchor.line && isBlank(line))) break;
    const stampLine = no <= lastAnchor.line || cellNear(line.text, column) !== null;
    for (const t of findTimesInText(line.match)) {
      if (t.time === null || (no === lastAnchor.line && t.index < lastAnchor.end)) continue;
      const afterAnchor = no === lastAnchor.line;
      const afterDate = date !== null && no === date.line && t.index >= date.item.end;
      const labelled = stampLine && line.match.startsWith('เวลา', t.index);
      if (
        no > toLine
          ? labelled
          : afterAnchor || afterDate || labelled || startsCell(line.text, t.index)
      ) {
        times.push({ line: no, item: { index: t.index, time: t.time } });
      }
    }
  }
  // Without a time read whole, a labelled one OCR damaged, on the same lines.
  let timeGuessed = false;
  if (times.length === 0) {
    for (let no = fromLine; no <= timeLastLine; no++) {
      const line = lines[no];
      if (line === undefined || (no > lastAnchor.line && isBlank(line))) break;
      const cell = no === lastAnchor.line ? null : cellNear(line.text, column);
      if (no > lastAnchor.line && cell === null) continue;
      const from = cell?.start ?? lastAnchor.end;
      const found = damagedStampTime(line.match.slice(from, cell?.end));
      if (found === null) continue;
      times.push({ line: no, item: { index: from + found.index, time: found.time } });
      timeGuessed = true;
      break;
    }
  }
  // The reader sets out each line from its own first word: a stamp's เวลา line that shares
  // a line with the letter's address (`ถนนอัษฎางค์ กทม. ๑๐๒๐๐ เวลา ๐๙.๔๐ น.`) lies in no
  // column of the stamp's. Within the two lines under the stamp's date (or number), a time
  // with its เวลา that ends its line is the stamp's when the stamp has none of its own.
  if (times.length === 0) {
    const below = date?.line ?? lastAnchor.line;
    for (let no = below + 1; no <= below + 2; no++) {
      const line = lines[no];
      if (line === undefined || isBlank(line) || startsLetterHead(line)) break;
      const t = findTimesInText(line.match).at(-1);
      if (t === undefined || t.time === null || !line.match.startsWith('เวลา', t.index)) continue;
      const endsLine = /^\s*(?:[^\s\d]{1,3}\.?)?\s*$/.test(line.match.slice(t.end));
      if (!endsLine || datesOf(line).some((d) => d.index < t.index)) continue;
      times.push({ line: no, item: { index: t.index, time: t.time } });
      timeGuessed = true;
      break;
    }
  }
  // The line right under the stamp's date (read or damaged) is its time's, with เวลา or
  // น. OCR damaged (`4วลา ๐๙.๑๐ U.`, `เวงลา ๑๑.๓๐ น.`, `1381 15.30 u.`): a time ending the
  // line with its suffix, read or as Latin letters and a dot, is the stamp's when the line
  // holds no date and no running text before it.
  if (times.length === 0) {
    const no = (date?.line ?? damaged?.line ?? lastAnchor.line) + 1;
    const line = lines[no];
    const found = line === undefined || startsLetterHead(line) ? null : suffixedTime(line.match);
    if (line !== undefined && found !== null && !datesOf(line).some((d) => d.index < found.index)) {
      times.push({ line: no, item: found });
      timeGuessed = true;
    }
  }
  const time = nearest(times, date?.item.index ?? column, date?.line ?? lastAnchor.line);

  // A keyword OCR damaged makes a stamp only in a stamp's shape: a unit above the number or
  // before it, and the stamp's own date below it in the register style (or damaged).
  const garbled = group.some((a) => a.garbled);
  if (garbled) {
    const dateLine = date === null ? undefined : lines[date.line];
    const ownDate =
      date === null || dateLine === undefined
        ? damaged !== null
        : !dateAbove && isRegisterStyle(dateLine, date.item);
    if (unit === null || !ownDate) return null;
  }

  // Blank out what the stamp owns, cell by cell, so a stamp beside it keeps its text.
  const spans = new Map<number, number>();
  const own = (no: number, start: number): void => {
    spans.set(no, Math.min(spans.get(no) ?? start, start));
  };
  if (split !== null) own(split.line, split.start);
  if (unit !== null) {
    own(unit.line, unit.start);
    for (let no = unit.line + 1; no < first.line; no++) {
      const cell = cellNear(lines[no]?.text ?? '', column);
      const isDateLine = date !== null && dateAbove && no === date.line;
      if (cell !== null && !isDateLine) own(no, cell.start);
    }
  }
  for (const a of group) own(a.line, a.index);
  if (date !== null) own(date.line, date.item.index);
  if (time !== null) own(time.line, time.item.index);
  const ends = new Map<number, number>();
  if (split !== null) ends.set(split.line, lines[split.line]?.text.length ?? 0);
  for (const a of group) ends.set(a.line, Math.max(ends.get(a.line) ?? 0, a.end));
  if (date !== null) ends.set(date.line, Math.max(ends.get(date.line) ?? 0, date.item.end));
  if (damaged !== null && date === null) {
    own(damaged.line, damaged.start);
    ends.set(damaged.line, Math.max(ends.get(damaged.line) ?? 0, damaged.end));
  }
  for (const [no, start] of spans) {
    const line = lines[no];
    if (line === undefined) continue;
    const lastOwned = Math.max(ends.get(no) ?? 0, start + 1);
    maskLine(line, start, cellEndAt(line.text, lastOwned));
  }

  const top = [...spans.entries()].sort((x, y) => x[0] - y[0])[0];
  return {
    stamp: {
      unit: unit?.name ?? null,
      receiptNumber: best.number,
      date: garbledIso === null ? (date?.item.date ?? null) : null,
      time: time?.item.time ?? null,
    },
    line: top?.[0] ?? first.line,
    column: top?.[1] ?? first.index,
    damaged: damaged?.date ?? null,
    unsure:
      (timeGuessed && time !== null) || garbled || best.zeroLed || outsideOfficeHours(time?.item),
  };
}

/**
 * A damaged date (damagedDateIn) that is a whole cell of its line, the last, with nothing
 * after it but dotted lines: as a DateInText without a date, and what it still tells.
 */
function damagedDateCell(line: Line): { d: DateInText; date: DamagedStampDate } | null {
  const cell = cellsOf(line.text).at(-1);
  if (cell === undefined) return null;
  const text = line.match.slice(cell.start, cell.end);
  const found = damagedDateIn(text);
  if (found === null || !/^[\s._…]*$/.test(text.slice(found.end))) return null;
  const start = cell.start + found.index;
  return {
    d: {
      index: cell.start,
      end: cell.start + found.end,
      dateIndex: start,
      prefix: null,
      date: null,
      error: null,
    },
    date: found.date,
  };
}

/** The date of a stamp written as its own cell, the last on its line. */
function dateCell(line: Line): DateInText | null {
  const cells = dateCells(line);
  return cells[cells.length - 1] ?? null;
}

/**
 * The sender's address the head prints under its name (ระเบียบงานสารบรรณ: ที่ตั้ง with its
 * postcode): a street or area word and a five-digit postcode at the end, perhaps with a
 * speck after it (๑๐๒๐๐ 0, ๑๐๔๐๐1). No stamp has one.
 */
const ADDRESS_LINE =
  /(?:^|\s)(?:ถนน|ถ\.|ซอย|ตำบล|ต\.|อำเภอ|อ\.|แขวง|เขต|จังหวัด|กทม\.?|กรุงเทพ)[^]*\s[1-9]\d{4}(?:\s?[^\s\d\u0E01-\u0E4E]|\s?\d)?\s*$/;

/**
 * Whether a line starts the letter's head: its ที่ line, บันทึกข้อความ, ส่วนราชการ, เรื่อง,
 * เรียน or ถึง, or the sender's address. As OCR may have damaged them: a ที่ lost or garbled
 * before a whole reference number, a label without its marks (เรอง).
 */
function startsLetterHead(line: Line): boolean {
  if (isBlank(line)) return false;
  const cell = cellsOf(line.text)[0];
  if (cell === undefined) return false;
  const probe: Line = { text: line.text.slice(cell.start), match: line.match.slice(cell.start) };
  const marks = leadingMarks(probe);
  const rest: Line = { text: probe.text.slice(marks.end), match: probe.match.slice(marks.end) };
  if (refLabelEnd(rest.match) !== null || damagedRefLabelEnd(rest.match) !== null) return true;
  const label = headLabelOf(rest)?.label;
  if (
    label === 'memoHead' ||
    label === 'unit' ||
    label === 'subject' ||
    label === 'salutation' ||
    label === 'to'
  ) {
    return true;
  }
  return ADDRESS_LINE.test(line.match.slice(cell.start, cell.end));
}

/** Line index where the letter head starts (startsLetterHead). */
export function letterHeadLine(lines: Line[]): number {
  for (const [no, line] of lines.entries()) {
    if (startsLetterHead(line)) return no;
  }
  return lines.length;
}

const NUMBER_ONLY = /^(?:[\u0E01-\u0E4E.]{1,15}\s*)?(\d{1,7})$/;

/** A date in the register style (๑๕ ม.ค. ๒๕๖๙, 15/01/2569), not a full month name. */
function isRegisterStyle(line: Line, d: DateInText): boolean {
  return !/[\u0E01-\u0E4E]{5,}/.test(line.match.slice(d.dateIndex, d.end));
}

/**
 * The blocks of lines a stamp without a keyword may fill: runs of lines between blank lines,
 * one above the head ending where the head starts. Below the head (strict) a block is a
 * stamp's only when short; OCR gives no blank lines, so in a longer one each line whose
 * last cell is a register-style date alone starts a block of it and the two lines under it
 * (`๑๕ ม.ค. ๒๕๖๙` over `กรม ๒๖`).
 */
function stampBlocks(
  lines: Line[],
  headLine: number,
): { start: number; end: number; strict: boolean }[] {
  const blocks: { start: number; end: number; strict: boolean }[] = [];
  let no = 0;
  while (no < lines.length) {
    if (isBlank(lines[no])) {
      no++;
      continue;
    }
    const start = no;
    const strict = start >= headLine;
    // A block above the head ends where the head starts, even without a blank line.
    const end = strict ? lines.length : headLine;
    while (no < end && !isBlank(lines[no])) no++;
    if (!strict || no - start <= 5) {
      blocks.push({ start, end: no, strict });
      continue;
    }
    for (let k = start; k < no; k++) {
      const line = lines[k];
      const d = line === undefined ? null : dateCell(line);
      if (line === undefined || d === null || d.date === null || d.prefix !== null) continue;
      if (!isRegisterStyle(line, d) || labelOf(line) !== null) continue;
      blocks.push({ start: k, end: Math.min(k + 3, no), strict });
    }
  }
  return blocks;
}

/**
 * Stamps without a receipt keyword (see the module comment). Above the letter head a date
 * block is enough; further down, where the letter has dates of its own, only an unlabelled
 * register-style date with a number or a time beside it counts.
 */
function unanchoredStamps(lines: Line[], headLine: number): Located[] {
  const found: Located[] = [];
  for (const { start: blockStart, end: blockEnd, strict } of stampBlocks(lines, headLine)) {
    const block = lines.slice(blockStart, blockEnd);
    // The date: a cell that is only a date (a line of letter marks may share the line).
    let date: { cellLine: number; d: DateInText } | null = null;
    for (const [k, line] of block.entries()) {
      const d = dateCell(line);
      if (d === null) continue;
      const labelled = labelOf(line) !== null || refLabelEnd(line.match) !== null;
      if (strict && (labelled || d.prefix !== null || !isRegisterStyle(line, d))) continue;
      date = { cellLine: k, d };
      break;
    }
    // Above the head, a register's date OCR damaged past reading (๑๕ UA. ๒๕๖๘): kept for
    // the letter's date to place, when a number or a time beside it makes it a stamp.
    let damaged: DamagedStampDate | null = null;
    if (!strict && (date === null || date.d.date === null)) {
      for (const [k, line] of block.entries()) {
        if (date !== null && k !== date.cellLine) continue;
        const cell = damagedDateCell(line);
        if (cell === null) continue;
        date = { cellLine: k, d: cell.d };
        damaged = cell.date;
        break;
      }
    }
    if (date === null) continue;
    const dateLine = block[date.cellLine];
    if (dateLine === undefined) continue;
    let receiptNumber: number | null = null;
    let time: string | null = null;
    let unit: string | null = null;
    let unitAt: { line: number; column: number } | null = null;
    const owned: { line: Line; start: number }[] = [{ line: dateLine, start: date.d.index }];
    const dateTimes = findTimesInText(dateLine.match.slice(date.d.end));
    if (dateTimes[0] !== undefined) time = dateTimes[0].time;
    // A second date in the block starts another stamp (one OCR could not find the number
    // of): what follows it is that stamp's.
    const nextDate = block.findIndex((line, k) => k > date.cellLine && dateCell(line) !== null);
    for (const [k, line] of block.entries()) {
      if (nextDate >= 0 && k >= nextDate) break;
      if (k === date.cellLine || isMarkOnly(line) !== null) continue;
      const cells = cellsOf(line.text);
      const cell = cells[cells.length - 1];
      if (cell === undefined) continue;
      const cellMatch = line.match.slice(cell.start, cell.end);
      const number = NUMBER_ONLY.exec(cellMatch);
      const times = findTimesInText(cellMatch);
      // Register numbers start at 1: a lone 0 is a speck (or a ๐ read from one).
      if (number?.[1] !== undefined && Number(number[1]) > 0 && receiptNumber === null) {
        receiptNumber = Number(number[1]);
        owned.push({ line, start: cell.start });
      } else if (times[0] !== undefined && time === null && times[0].index === 0) {
        time = times[0].time;
        owned.push({ line, start: cell.start });
      } else if (unit === null && k < date.cellLine) {
        const name = unitCandidate(line, cell.start, k === 0);
        if (name !== null) {
          unit = name;
          unitAt = { line: blockStart + k, column: cell.start };
          owned.push({ line, start: cell.start });
        }
      }
    }
    // Without a number or a time: above the head a unit or the register style will do (a
    // full month name alone is more likely the letter's); below it, nothing will.
    const withItems = receiptNumber !== null || time !== null;
    const accepted =
      strict || damaged !== null
        ? withItems
        : withItems || unit !== null || isRegisterStyle(dateLine, date.d);
    if (!accepted) continue;
    for (const o of owned) maskLine(o.line, o.start);
    found.push({
      stamp: { unit, receiptNumber, date: date.d.date, time },
      line: unitAt?.line ?? blockStart + date.cellLine,
      column: unitAt?.column ?? date.d.index,
      damaged,
      unsure: false,
    });
  }
  return found;
}

/**
 * Find every receipt stamp, in order of appearance, and blank its text out of `lines`
 * (mutated) so the letter parser reads the letter alone. `damagedDates`, when given, gets
 * per stamp what its unreadable date still tells (or null), for resolveDamagedStampDate;
 * `unsure`, per stamp, whether a part of it was read through damage.
 */
export function extractPrintedStamps(
  lines: Line[],
  damagedDates?: (DamagedStampDate | null)[],
  unsure?: boolean[],
): PrintedStamp[] {
  const located: Located[] = [];
  for (const group of groupAnchors(lines, findAnchors(lines))) {
    const stamp = anchoredStamp(lines, group);
    if (stamp !== null) located.push(stamp);
  }
  located.push(...unanchoredStamps(lines, letterHeadLine(lines)));
  located.sort((a, b) => a.line - b.line || a.column - b.column);
  damagedDates?.push(...located.map((l) => l.damaged));
  unsure?.push(...located.map((l) => l.unsure));
  return located.map((l) => l.stamp);
}
