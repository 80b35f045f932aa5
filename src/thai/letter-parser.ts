/**
 * Letter intake: the OCR text of a letter → its fields, in the shape of
 * test/fixtures/letters/*.expected.json (rules in that folder's README).
 *
 * Value conventions:
 * - `kind`: `'external'` (หนังสือภายนอก, Garuda letterhead, เรียน), `'memo'` (หนังสือภายใน /
 *   บันทึกข้อความ: ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน) or `'stamped'` (หนังสือประทับตรา:
 *   ถึง instead of เรียน, the sending agency and the date at the foot). Directives and
 *   notices are not told apart yet and read as `'external'`.
 * - `urgency`: the letter's own speed mark as its Thai label, `'ด่วน' | 'ด่วนมาก' |
 *   'ด่วนที่สุด'`, or for a deadline mark the printed text (`'ด่วนภายใน ๑๕ มกราคม ๒๕๖๙ …'`),
 *   else null.
 * - `secrecy`: `'ลับ' | 'ลับมาก' | 'ลับที่สุด'` or null.
 * - `salutation`: the addressee line, เรียน …, or for a stamped letter ถึง ….
 * - Strings are printed text with whitespace folded; dates are ISO Gregorian of the date as
 *   printed; a suspected year slip is a warning with the suggested date.
 * - `references` items without a reference number (a cabinet resolution, a meeting) have
 *   null number parts and the date they give, if any.
 *
 * Warnings: `year_slip` {suggested}, `cited_date_after_letter_date` {index, date},
 * `letter_date_after_receipt` {index, date}, `invalid_date` {reason} (a date that is not
 * in the calendar), `invalid_reference_number` {reason}, `legacy_encoding` {sample}.
 */
import { parseThaiDate, type DateErrorCode, type DateInText } from 'src/thai/be-date.js';
import {
  checkLetterDates,
  letterYearFromContext,
  letterYearOneDigitOff,
  slipReadDate,
  yearsOneDigitOff,
  type ConsistencyOptions,
  type ConsistencyWarning,
  type DatedItem,
} from 'src/thai/letter-checks.js';
import {
  bareRefLabelEnd,
  clean,
  codeMarksDropped,
  contactStart,
  damagedMarkOnly,
  damagedRefLabelEnd,
  dateOnlyCell,
  headLabelOf,
  datesOf,
  isDigitDustLine,
  isScatteredDustLine,
  isBlank,
  isMarkOnly,
  labelOf,
  leadingMarks,
  lineMatchForm,
  looseDateCell,
  maskSpecks,
  nameTitleRepaired,
  halfParenthesisedName,
  parenthesisedName,
  refLabelEnd,
  resetDateCache,
  serialLookAlikesRead,
  startsBodyParagraph,
  startsWithPersonTitle,
  startsWithUnitWord,
  toLines,
  unitStartRepaired,
  unitWordsToneSpeckDropped,
  yearRepaired,
  type FieldLabel,
  type Line,
} from 'src/thai/letter-text.js';
import { DAMAGED_READING_CONFIDENCE, type ConfidenceField } from 'src/thai/field-confidence.js';
import { daysBetween, formatIsoDate, isValidCivilDate, toBuddhistYear } from 'src/thai/calendar.js';
import { fieldYearsRepaired } from 'src/thai/field-years.js';
import { isExactMonthWord, monthNameAsPrinted } from 'src/thai/labels.js';
import { repairToneMarks } from 'src/thai/tone-marks.js';
import { letterCodeRepaired } from 'src/thai/letter-codes.js';
import { detectLegacyEncoding, normalizeDocumentText } from 'src/thai/normalize.js';
import {
  dropDust,
  positionPostsRepaired,
  repairOfficeWords,
  startsWithPost,
} from 'src/thai/office-words.js';
import {
  extractPrintedStamps,
  resolveDamagedStampDate,
  stampDayRepaired,
  stampYearRepaired,
  type DamagedStampDate,
  type PrintedStamp,
} from 'src/thai/printed-stamps.js';
import {
  findReferenceNumbers,
  parseReferenceNumber,
  type ReferenceErrorCode,
  type ReferenceNumber,
} from 'src/thai/reference-number.js';

export type LetterKind = 'external' | 'memo' | 'stamped';

export interface LetterDate {
  /** The date as printed (without the วันที่ label), whitespace folded. */
  raw: string;
  /** ISO Gregorian date of the printed date; null when it is not a real day. */
  date: string | null;
}

/** An item of อ้างถึง: the cited letter's number parts and date. */
export interface CitedLetter {
  raw: string | null;
  agencyPrefix: string | null;
  agencyNumber: string | null;
  circular: boolean | null;
  serial: number | null;
  date: string | null;
}

export interface Signatory {
  /** The name in parentheses, title kept. */
  name: string;
  /** Every line under the name joined (ปฏิบัติราชการแทน and the principal's post included). */
  position: string | null;
}

export type LetterWarning =
  | ConsistencyWarning
  | { code: 'invalid_date'; field: 'letterDate'; reason: DateErrorCode }
  | { code: 'invalid_reference_number'; field: 'referenceNumber'; reason: ReferenceErrorCode }
  | { code: 'legacy_encoding'; field: string; sample: string }
  /** Added when the text was read from a PDF: the reading was unsure of the field. */
  | { code: 'low_confidence'; field: string; confidence: number };

export interface ParsedLetter {
  kind: LetterKind;
  urgency: string | null;
  secrecy: string | null;
  referenceNumber: ReferenceNumber | null;
  letterDate: LetterDate | null;
  subject: string | null;
  salutation: string | null;
  references: CitedLetter[];
  enclosures: string[];
  signatory: Signatory | null;
  ownerUnit: string | null;
  receiptStamps: PrintedStamp[];
  warnings: LetterWarning[];
}

export type LetterParseOptions = ConsistencyOptions;

type HeaderField = Extract<FieldLabel, 'subject' | 'salutation' | 'to' | 'cited' | 'enclosure'>;
const HEADER_FIELDS: ReadonlySet<FieldLabel> = new Set([
  'subject',
  'salutation',
  'to',
  'cited',
  'enclosure',
]);

interface DateAt {
  line: number;
  d: DateInText;
  text: string;
  /** Read through OCR damage around it (looseDateCell). */
  unsure?: boolean;
}

/** A month's full name, as letters print it, among a date's words (not ก.ย.). */
const fullMonthIn = (date: string): boolean => /[\u0E01-\u0E4E]{5,}/.test(date);

/** Whether the month word of a date is as the table prints it (not read without its marks). */
function monthPrintedInFull(raw: string): boolean {
  const words = raw
    .replace(/[\d\u0E50-\u0E59]+/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\u0E01-\u0E2E]/.test(w) && !/^(?:เดือน|พ\.?ศ\.?|ค\.?ศ\.?)$/.test(w));
  const month = words[0];
  return month === undefined || isExactMonthWord(month);
}

/**
 * A date's day, month and year as the regulation's form prints them, a space between each:
 * OCR of a scan loses the narrow space between a day and its month (`๔มิถุนายน ๒๕๖๙`) or
 * a month's last dot and the year (`มี.ค.๖๙`), which no letter means.
 */
function dateSpaced(raw: string): string {
  return raw
    .replace(/([0-9\u0E50-\u0E59])(?=[\u0E01-\u0E2E\u0E40-\u0E44])/g, '$1 ')
    .replace(/(?<![0-9\u0E50-\u0E59])([\u0E01-\u0E4E.])(?=[0-9\u0E50-\u0E59])/g, '$1 ');
}

/**
 * A reference number's letter code and owner number with the space the form prints between
 * them (มท ๐๓๐๗.๒/ว ๙๖๒), where OCR lost it (`มท๐๓๐๗.๒`): spacing only, every character
 * read is kept. The space after ว is left as read: letters print it both ways.
 */
function codeSpaced(raw: string): string {
  return raw.replace(/^([\u0E01-\u0E2E]{2,4}\.?)(?=[0-9\u0E50-\u0E59])/, '$1 ');
}

/**
 * A reference number's text with the letter code OCR misread (`สฮ ๐๒๑๑.๐๔/ว ๓๓๓`) written as
 * the code it was read as (`letterCodeRepaired`: สธ), as a month's name is written as the table
 * prints it: the clerk sees the code the letter prints, not a code no agency has. The number
 * stays unsure. Only the code's letters at the start change; the rest is as read.
 */
function codeAsPrinted(raw: string, read: string, code: string): string {
  return raw.startsWith(read) ? code + raw.slice(read.length) : raw;
}

/**
 * A circular's reference number whose slash OCR lost before its ว (`มท๐๔๐๕.๓ว๕๑๒` for
 * มท ๐๔๐๕.๓/ว ๕๑๒): ว between the owner number's last digit and the serial is the circular's
 * mark, which only follows the slash, so the slash stood before it. Read with the slash put
 * back (its raw text too, as the form prints it); null for anything else, a number with no ว
 * (where the slash stood cannot be told) or with letters after ว. The caller shows it unsure.
 */
function circularSlashLost(cell: string): ReferenceNumber | null {
  const text = cell.replace(/(?<=[0-9\u0E50-\u0E59])\s*(?=ว\s*\.?\s*[0-9\u0E50-\u0E59]+\s*$)/, '/');
  if (text === cell) return null;
  const parsed = parseReferenceNumber(text);
  return parsed.ok ? parsed.value : null;
}

/** A date's text as read, its parts spaced (dateSpaced). */
function dateReadAt(at: DateAt): string {
  return dateSpaced(clean(at.text.slice(at.d.dateIndex, at.d.end)));
}

/** The letter's date; a month name OCR misread is written as printed (unsure all the same). */
function letterDateOf(at: DateAt): LetterDate {
  return { raw: monthNameRepaired(dateReadAt(at)), date: at.d.date };
}

/** The date text with its month's full name as the table prints it (monthNameAsPrinted). */
function monthNameRepaired(raw: string): string {
  return raw.replace(/[\u0E01-\u0E4E]{5,}/, (word) =>
    /^(?:เดือน|พุทธศักราช)$/.test(word) ? word : (monthNameAsPrinted(word) ?? word),
  );
}

/**
 * A damaged stamp date read in the year after the letter's, on a letter dated in January
 * (the slip window): the letter's year may be last year's typed by habit (year_slip), so the
 * stamp is placed against the letter's date a year later. Only when the stamp's own year was
 * read, and is that next year.
 */
function slipStampDate(
  damaged: DamagedStampDate,
  letterDate: string | null,
  options: LetterParseOptions,
): string | null {
  if (letterDate === null || damaged.year !== Number(letterDate.slice(0, 4)) + 1) return null;
  const slipped = slipReadDate(letterDate, options);
  return slipped === null ? null : resolveDamagedStampDate(damaged, slipped);
}

/**
 * A letter date whose year OCR read as no letter's year, one digit off (`๓๑ กรกฎาคม ๒๕๙`):
 * the year the letters it cites and its receipt stamps leave it (letterYearOneDigitOff).
 */
function yearOneDigitOffFromContext(
  at: DateAt,
  cited: readonly string[],
  receipts: readonly string[],
  options: LetterParseOptions,
): string | null {
  if (at.d.error?.code !== 'year_out_of_range') return null;
  const printed = lineMatchForm(at.text).slice(at.d.dateIndex, at.d.end);
  const year = /(?<!\d)(\d{3,5})$/.exec(printed);
  if (year === null) return null;
  // Day and month as printed, read in a leap year (the year itself is checked later).
  const dayMonth = parseThaiDate(`${printed.slice(0, year.index)} 2567`);
  if (!dayMonth.ok) return null;
  const [, month, day] = dayMonth.value.date.split('-').map(Number) as [number, number, number];
  return letterYearOneDigitOff(day, month, year[1], cited, receipts, options);
}

// ---------------------------------------------------------------------------------------
// Header fields and their continuation lines.

/** Item numbers of อ้างถึง / สิ่งที่ส่งมาด้วย: ๑. ๒) (๓). */
const ITEM_MARKER = /(?:^|\s)(?:\(\s*(\d{1,2})\s*\)|(\d{1,2})\s*[.)])\s+(?=\S)/g;
const STARTS_WITH_MARKER = /^\s*(?:\(\s*\d{1,2}\s*\)|\d{1,2}\s*[.)])\s+/;
/**
 * An item number starting a line of a numbered field as OCR of a scan reads it: with its
 * digit misread or a speck read as a second digit beside it (๒๓. for ๒.), or the space after
 * it lost (๒.ปฏิทิน), its dot read as a comma (๒, หนังสือ): a number of one or two digits, a
 * dot, a comma or a bracket, then a Thai word.
 */
const LINE_MARKER = /^\s*(?:\(\s*\d{1,2}\s*\)|\d{1,2}\s*[.),])\s*(?=[\u0E01-\u0E2E\u0E40-\u0E44])/;

/**
 * A first item number whose dot OCR read as a comma (อ้างถึง ๑, มติคณะรัฐมนตรี …), read with
 * its dot, so the list is numbered and its next items split; later lines take the comma
 * through LINE_MARKER. Item numbers are dropped from the items, so the text is unchanged.
 */
function commaItemRead(content: string): string {
  return content.replace(/^([0-9\u0E50-\u0E59]{1,2}),(?=\s)/, '$1.');
}
/**
 * An item number OCR of a scan read as Latin letters or signs (`lo.` or `“lo.` for ๒., `b)`):
 * one to three characters that are no Thai letter or digit, then a dot or a bracket and a
 * Thai word. Only taken in a numbered field, after a complete item, for a line that is a
 * whole item of that field by itself (damagedItemLine).
 */
const DAMAGED_LINE_MARKER =
  /^\s*[^\s\u0E01-\u0E59()]{1,3}\s*[.)]\s*(?=[\u0E01-\u0E2E\u0E40-\u0E44])/;
/**
 * An item number whose dot or bracket OCR lost (`2 คู่มือ…`): taken, like a damaged one,
 * only for the number the list expects next, after a complete item, for a whole item.
 */
const BARE_LINE_MARKER = /^\s*(\d{1,2})\s+(?=[\u0E01-\u0E2E\u0E40-\u0E44])/;
/** Words a wrapped cited/enclosed item continues with. */
const CONTINUATION =
  /^(?:ที่?\s|ที่?[\u0E01-\u0E2E]{2,4}\s*\d|ลงวันที่?|ลว\.?|ด่วน|ลับ|จำนวน|\(|และ|พร้อม|ฉบับ|เรื่อง)/;
/** What an enclosure is counted in (จำนวน ๑ ฉบับ), the longer words before their prefixes. */
const COUNTED_IN = 'ฉบับ|ชุด|แผ่นดิสก์|แผ่นซีดี|แผ่น|เล่ม|หน้า|รายการ';
/**
 * จำนวน as OCR of a scan may read it before a quantity: with a speck read as a tone mark
 * over one of its letters (จำนว่น, จำน้วน), or its ำ read as า, the small circle lost or
 * read as a tone mark (จานวน, จ้านวน). Only before a number and what it counts, where no
 * other word stands.
 */
const QUANTITY_WORD =
  'จ[\\u0E48-\\u0E4B]?(?:ำ|[\\u0E48-\\u0E4B]?า)น[\\u0E48-\\u0E4B]?ว[\\u0E48-\\u0E4B]?น';
/**
 * An item that ends with its quantity (… จำนวน ๑ ฉบับ) or a year is complete, also with a
 * scan's specks glued after it (`จำนวน ๑ ชุด-`): nothing is printed after a quantity. After
 * a quantity, short words of signs, Latin letters or Arabic digits (`ฉบับ 7,`) are specks
 * too, as DUST_AFTER_QUANTITY drops them.
 */
const COMPLETE_ITEM = new RegExp(
  `(?:(?:${COUNTED_IN})\\s*\\)?(?: ?[^\\s\\u0E01-\\u0E59()]{1,3})(?: [^\\s\\u0E01-\\u0E59()]{1,3})*|(?:${COUNTED_IN}|\\d{2,4})\\s*\\)?(?:[-–'\`".,:;|_~]{1,2})?)\\s*$`,
);

/** An enclosure line that is a whole item on its own: … จำนวน ๑ ชุด. */
const QUANTITY_ITEM = new RegExp(`${QUANTITY_WORD}\\s*\\d+\\s*(?:${COUNTED_IN})\\s*\\)?\\s*$`);

/**
 * Whether a line continues the current header field: 'continue' (a wrapped line),
 * 'item' (the next item of an unnumbered enclosure list, one item a line) or 'stop'.
 */
function continuesField(
  field: HeaderField,
  parts: readonly string[],
  line: Line,
): 'continue' | 'item' | 'stop' {
  const text = line.text.trim();
  const match = line.match.trim();
  if (field === 'salutation' || field === 'to') return 'stop';
  if (isMarkOnly(line) !== null) return 'stop';
  if (field === 'subject') return startsBodyParagraph(text) ? 'stop' : 'continue';
  if (STARTS_WITH_MARKER.test(match)) return 'continue';
  if (numberedItemLine(field, parts, line) !== null) return 'continue';
  if (startsBodyParagraph(text)) return 'stop';
  if (CONTINUATION.test(match)) return 'continue';
  const last = lineMatchForm(parts[parts.length - 1] ?? '');
  if (!COMPLETE_ITEM.test(last)) return 'continue';
  return field === 'enclosure' && QUANTITY_ITEM.test(match) ? 'item' : 'stop';
}

interface Item {
  text: string;
  match: string;
}

/**
 * A line that starts the next item of a numbered field (its first part starts with ๑.), the
 * item number as OCR read it at the line's start: the line with that number written as the
 * one the list expects, so the items split there whatever digits were read (the numbers
 * are dropped from the items). Null when the field is not numbered or the line does not
 * start with an item number.
 */
function numberedItemLine(field: HeaderField, parts: readonly string[], line: Line): string | null {
  const first = parts.find((p) => p !== ITEM_BREAK);
  if (first === undefined || !STARTS_WITH_MARKER.test(lineMatchForm(first))) return null;
  const marker = LINE_MARKER.exec(line.match) ?? damagedItemMarker(field, parts, line);
  if (marker === null) return null;
  const expected = splitItems(clean(parts.join(' '))).length + 1;
  return `${expected}. ${clean(line.text.slice(marker[0].length))}`;
}

/**
 * The item number of a line read as Latin letters or signs (DAMAGED_LINE_MARKER), or the
 * number the list expects next without its dot (BARE_LINE_MARKER), when the
 * item before it is complete and the rest of the line is a whole item: a citation with a
 * reference number or a date (ลงวันที่ …, a resolution's เมื่อวันที่ …), an enclosure with its
 * quantity. Null otherwise.
 */
function damagedItemMarker(
  field: HeaderField,
  parts: readonly string[],
  line: Line,
): RegExpExecArray | null {
  const bare = BARE_LINE_MARKER.exec(line.match);
  const next = splitItems(clean(parts.join(' '))).length + 1;
  const marker = DAMAGED_LINE_MARKER.exec(line.match) ?? (Number(bare?.[1]) === next ? bare : null);
  if (marker === null) return null;
  const last = lineMatchForm(parts[parts.length - 1] ?? '');
  if (!COMPLETE_ITEM.test(last)) return null;
  const text = line.text.slice(marker[0].length);
  const match = line.match.slice(marker[0].length);
  if (startsBodyParagraph(text)) return null;
  const whole =
    field === 'cited'
      ? findReferenceNumbers(text, match).length > 0 ||
        /(?:^|\s)(?:ลง\s?วันที่?|ลว\.)/.test(match) ||
        datesOf({ text, match }).some((d) => d.date !== null)
      : field === 'enclosure' && QUANTITY_ITEM.test(match);
  return whole ? marker : null;
}

/** Split a field's text into its numbered items (numbers dropped), or one item. */
function splitItems(text: string): Item[] {
  const match = lineMatchForm(text);
  if (!STARTS_WITH_MARKER.test(match)) return text === '' ? [] : [{ text, match }];
  const cuts: { at: number; contentAt: number }[] = [];
  let expected = 1;
  for (const m of match.matchAll(ITEM_MARKER)) {
    const n = Number(m[1] ?? m[2]);
    if (n !== expected) continue;
    expected++;
    cuts.push({ at: m.index, contentAt: m.index + m[0].length });
  }
  return cuts.map((c, k) => {
    const end = cuts[k + 1]?.at ?? text.length;
    return {
      text: clean(text.slice(c.contentAt, end)),
      match: clean(match.slice(c.contentAt, end)),
    };
  });
}

/** Enclosure items: numbered (๑. … ๒. …) or one unnumbered item per ITEM_BREAK. */
function enclosureItems(parts: readonly string[]): Item[] {
  const groups: string[][] = [[]];
  for (const part of parts) {
    if (part === ITEM_BREAK) groups.push([]);
    else groups[groups.length - 1]?.push(part);
  }
  return groups.flatMap((g) => splitItems(clean(g.join(' '))));
}

/** The date a cited letter carries: after ลงวันที่/ลว./วันที่ first, else the first one. */
function citedDate(dates: readonly DateInText[]): string | null {
  const prefixed = dates.find((d) => d.prefix !== null && d.date !== null);
  return (prefixed ?? dates.find((d) => d.date !== null))?.date ?? null;
}

/**
 * The letters cited, and whether a letter code among them was repaired (as codeRepaired does a head’s):
 * such a reference is shown as unsure.
 */
function referencesOf(text: string): {
  references: CitedLetter[];
  codeRepaired: boolean;
  /** Per reference with no date, the day and month of a date whose year OCR damaged. */
  yearLost: (DayMonth | null)[];
} {
  const out: CitedLetter[] = [];
  const yearLost: (DayMonth | null)[] = [];
  let codeRepaired = false;
  const items = splitItems(text);
  const numbered = items.length > 0 && STARTS_WITH_MARKER.test(lineMatchForm(text));
  for (const item of items) {
    const refs = findReferenceNumbers(item.text, item.match);
    const dates = datesOf({ text: item.text, match: item.match });
    if (refs.length === 0) {
      out.push({
        raw: null,
        agencyPrefix: null,
        agencyNumber: null,
        circular: null,
        serial: null,
        date: citedDate(dates),
      });
      yearLost.push(out[out.length - 1]?.date === null ? yearLostDate(dates, item.match) : null);
      continue;
    }
    // Unnumbered fields that cite several letters give one item per reference number.
    const used = numbered ? refs.slice(0, 1) : refs;
    for (const [k, ref] of used.entries()) {
      const until = used[k + 1]?.index ?? item.text.length;
      const after = dates.filter((d) => d.index >= ref.end && d.index < until);
      const date =
        citedDate(after) ?? (k === 0 ? citedDate(dates.filter((d) => d.index < ref.index)) : null);
      // The citation names the letter's sender before its number (หนังสือกรมควบคุมโรค ที่ …):
      // a code OCR misread is repaired from that name as a head's is (codeRepaired).
      const named = item.text.slice(used[k - 1]?.end ?? 0, ref.index);
      const code = letterCodeRepaired(ref.value.agencyPrefix, named);
      if (code !== null) codeRepaired = true;
      const raw = codeSpaced(ref.value.raw);
      out.push({
        ...ref.value,
        raw: code === null ? raw : codeAsPrinted(raw, ref.value.agencyPrefix, code),
        ...(code === null ? {} : { agencyPrefix: code }),
        date,
      });
      const near = after.length > 0 || k > 0 ? after : dates.filter((d) => d.index < ref.index);
      yearLost.push(date === null ? yearLostDate(near, item.match) : null);
    }
  }
  return { references: out, codeRepaired, yearLost };
}

interface DayMonth {
  day: number;
  month: number;
  /** The year's digits as read (ASCII). */
  year: string;
}

/**
 * The day and month of the first date among `dates` whose year OCR read as no letter's year
 * (`ลงวันที่ ๘ กรกฎาคม ๖๘๖๙`, `๒๒ ตุลาคม ๒๕๙`: a digit lost or misread), the month read in
 * full; null when there is none.
 */
function yearLostDate(dates: readonly DateInText[], match: string): DayMonth | null {
  for (const d of dates) {
    if (d.error?.code !== 'year_out_of_range') continue;
    const printed = match.slice(d.dateIndex, d.end);
    const year = /(?<!\d)\d{1,5}$/.exec(printed);
    if (year === null || !fullMonthIn(printed)) continue;
    // Day and month as printed, read in a leap year (the year is placed later).
    const dayMonth = parseThaiDate(`${printed.slice(0, year.index)} 2567`);
    if (!dayMonth.ok) continue;
    const [, month, day] = dayMonth.value.date.split('-').map(Number) as [number, number, number];
    return { day, month, year: year[0] };
  }
  return null;
}

/** How far before the letter a cited letter whose year was lost may be placed. */
const CITED_YEAR_LOST_DAYS = 183;

/**
 * A cited letter's date whose year OCR damaged, placed against the letter's own date: a
 * letter cites letters sent before it, so the day and month in the letter's year or the
 * year before, whichever falls on or before the letter's date, when that is within 183 days
 * of it and its Buddhist-era year is one digit off the year read (`๒๕๙` for ๒๕๖๙); else null
 * (an older citation's year cannot be told, and a year read two digits off may hide a
 * misread day too).
 */
function citedYearPlaced(lost: DayMonth, letterDate: string): string | null {
  const year = Number(letterDate.slice(0, 4));
  const nearRead = yearsOneDigitOff(lost.year);
  for (const y of [year, year - 1]) {
    if (!isValidCivilDate(y, lost.month, lost.day)) continue;
    const iso = formatIsoDate(y, lost.month, lost.day);
    const before = daysBetween(iso, letterDate);
    if (before < 0) continue;
    const near = nearRead.includes(toBuddhistYear(y));
    return near && before <= CITED_YEAR_LOST_DAYS ? iso : null;
  }
  return null;
}

/**
 * An item's text without the words that hold no letter and no digit: a tone mark or a vowel
 * on its own (า: ๆ is a word's repeat sign and stays), a dot or a quote a scan left between the item's name and its quantity (`… ๊ จำนวน ๑
 * ชุด`). Dashes are kept (๒๐ - ๒๔ มีนาคม), except a lone one right before the quantity
 * after a word that is no number (`(ลับมาก) - จำนวน ๑ ชุด`): no range ends there.
 */
const STARTS_QUANTITY = new RegExp(`^${QUANTITY_WORD}`);

/** A word of Thai vowels and marks alone (า, ิ์): no consonant carries it, so no word. */
const NO_CONSONANT = /^[\u0E47-\u0E4E\u0E30-\u0E3A\u0E40-\u0E45]+$/;

function withoutStrayMarks(text: string): string {
  const words = text
    .split(' ')
    .filter((word) => /[\p{L}\p{N}\-–]/u.test(word) && !NO_CONSONANT.test(word));
  return words
    .filter(
      (word, i) =>
        !/^[-–]$/.test(word) ||
        !STARTS_QUANTITY.test(words[i + 1] ?? '') ||
        /[0-9\u0E50-\u0E59]$/.test(words[i - 1] ?? ''),
    )
    .join(' ');
}

// A sign between จำนวน and its number, or between the number and what it counts, is a speck
// (จำนวน'1 ฉบับ, จำนวน ๒๐๐“แผ่น): the form prints a space there.
const QUANTITY_SPACED = new RegExp(
  `${QUANTITY_WORD}\\s*(['"\`‘’“”,.:;]?)\\s*([0-9\\u0E50-\\u0E59]+)\\s*(['"\`‘’“”,.:;]?)\\s*(${COUNTED_IN})`,
  'g',
);
/**
 * Specks after an item's quantity: words of one to three signs, Latin letters or digits, the
 * first one maybe glued to the counting word (ฉบับ,).
 */
const DUST_AFTER_QUANTITY = new RegExp(
  `(จำนวน [0-9\\u0E50-\\u0E59]+ (?:${COUNTED_IN})\\)?)(?: ?[^\\s\\u0E01-\\u0E59()]{1,3})(?: [^\\s\\u0E01-\\u0E59()]{1,3})*$`,
);

/**
 * A dash glued before จำนวน after a word that is no number (`ภาคเกษตร -จำนวน ๑ ชุด`): a speck
 * as a lone one is (withoutStrayMarks); after a number it may close a range.
 */
const DASH_BEFORE_QUANTITY = new RegExp(
  `(?<=[^\\s0-9\\u0E50-\\u0E59] )[-–](?=${QUANTITY_WORD}\\s*['"\`‘’“”,.:;]?\\s*[0-9\\u0E50-\\u0E59])`,
);

/**
 * A straight quote or a backtick glued after the item's last Thai word before its quantity
 * (`ร่างกำหนดการเยือน' จำนวน ๑ ฉบับ`): a speck; print opens and closes its quotes in pairs,
 * curly or double.
 */
const QUOTE_BEFORE_QUANTITY = new RegExp(
  `(?<=[\\u0E01-\\u0E4E])['\`](?= ${QUANTITY_WORD}\\s*[0-9\\u0E50-\\u0E59])`,
);

/**
 * An enclosure item's quantity as the form prints it, จำนวน ๑ ฉบับ with a space either side
 * of the number (OCR of a scan drops those spaces: จำนวน1ฉบับ), and without the specks a
 * scan leaves after it (`จำนวน ๑ ฉบับ 7`): nothing is printed after an item's quantity.
 * Digits are kept as read; จำนวน read with a speck for a tone mark (QUANTITY_WORD) is
 * written as the word, a sign before the number (จำนวน'1) dropped, and `markDropped` says
 * so: the item is then a guess.
 */
/**
 * A quote glued before จำนวน and its number (`กำหนดการพิธี "จำนวน ๑ ชุด`), the item's only
 * quote: a speck, as print opens and closes its quotes in pairs and quotes no quantity.
 */
const LONE_QUOTE_BEFORE_QUANTITY = new RegExp(
  `(?<=\\s)["'\`‘’“”](?=${QUANTITY_WORD}\\s*[0-9\\u0E50-\\u0E59])`,
);

function loneQuoteDropped(item: string): string {
  const quotes = item.match(/["'`‘’“”]/g)?.length ?? 0;
  return quotes === 1 ? item.replace(LONE_QUOTE_BEFORE_QUANTITY, '') : item;
}

function quantityTidied(item: string): { text: string; markDropped: boolean } {
  let markDropped = false;
  const text = loneQuoteDropped(item)
    .replace(DASH_BEFORE_QUANTITY, '')
    .replace(QUOTE_BEFORE_QUANTITY, '')
    .replace(
      QUANTITY_SPACED,
      (word: string, speck: string, count: string, counted: string, unit: string) => {
        markDropped ||= !word.startsWith('จำนวน') || speck !== '' || counted !== '';
        return `จำนวน ${count} ${unit}`;
      },
    )
    .replace(DUST_AFTER_QUANTITY, '$1');
  return { text, markDropped };
}

/**
 * The words an enclosed letter is named with, as OCR of a scan reads them without the tone
 * mark over their upper vowel (the labels' own damage, README Letter parser): ที before a
 * letter code and its number (ที สธ ๐๔๑๐.๖/ว ๘๘), วันที before a day (ลงวันที ๒๘ มกราคม),
 * ด่วนทีสุด, and เรือง standing alone between two words (ประกาศจังหวัด เรือง ห้ามเผา…). Each
 * is put back only where the grammar around it allows nothing else; the item is then a
 * guess.
 */
const ITEM_KEYWORDS: readonly (readonly [RegExp, string])[] = [
  [
    /(?<=^|\s)ที(?![\u0E48-\u0E4B])(?=\s?[\u0E01-\u0E2E]{2,4}\.?\s?[0-9\u0E50-\u0E59]+(?:\.[0-9\u0E50-\u0E59]+)*\s?\/)/g,
    'ที่',
  ],
  [/วันที(?![\u0E48-\u0E4B])(?=\s?[0-9\u0E50-\u0E59])/g, 'วันที่'],
  [/(?<=^|\s)ด่?วนที่?สุด(?=\s|$)/g, 'ด่วนที่สุด'],
  [/(?<=\S\s)เรือง(?=\s\S)/g, 'เรื่อง'],
];

function itemKeywordsRestored(item: string): { text: string; restored: boolean } {
  let text = item;
  for (const [pattern, word] of ITEM_KEYWORDS) text = text.replace(pattern, word);
  return { text, restored: text !== item };
}

/** Dates of letters enclosed (… ลงวันที่ ๑๗ ธันวาคม ๒๕๖๘): cited dates for the checks. */
function enclosureLetterDates(items: readonly string[]): DatedItem[] {
  const out: DatedItem[] = [];
  for (const [index, item] of items.entries()) {
    for (const d of datesOf({ text: item, match: lineMatchForm(item) })) {
      if (d.date !== null && d.prefix !== null && /^(?:ลง\s?วันที่?|ลว)/.test(d.prefix)) {
        out.push({ field: 'enclosures', index, date: d.date });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------

interface Head {
  speed: string | null;
  secrecy: string | null;
  memoHead: boolean;
  reference: ReferenceNumber | null;
  referenceError: ReferenceErrorCode | null;
  referenceLine: number;
  unit: string | null;
  dateField: DateAt | null;
  /**
   * A date labelled วันที่ above the reference line of a letter that is not a memo: an
   * external letter prints its date without a label, so this is a receipt stamp's date
   * unless the head has no other.
   */
  labelledAboveReference: DateAt | null;
  dateLines: DateAt[];
  end: number;
  /** ส่วนราชการ was read through a label OCR damaged. */
  unitUnsure: boolean;
  /** The reference number was read without its ที่ or with look-alike letters for digits. */
  referenceUnsure: boolean;
  /** Speed or secrecy marks read without their own marks (ดวนมาก, ลบ). */
  marksUnsure: Set<'urgency' | 'secrecy'>;
}

/** A memo's head (บันทึกข้อความ or ส่วนราชการ read so far): its วันที่ line may abbreviate. */
const memoSoFar = (head: Head): boolean => head.memoHead || head.unit !== null;

function readHead(lines: Line[]): Head {
  const head: Head = {
    speed: null,
    secrecy: null,
    memoHead: false,
    reference: null,
    referenceError: null,
    referenceLine: -1,
    unit: null,
    dateField: null,
    labelledAboveReference: null,
    dateLines: [],
    end: lines.length,
    unitUnsure: false,
    referenceUnsure: false,
    marksUnsure: new Set(),
  };
  let unitParts: string[] | null = null;
  for (let no = 0; no < lines.length; no++) {
    const line = lines[no];
    if (line === undefined || isBlank(line)) {
      unitParts = null;
      continue;
    }
    const framed = isMarkOnly(line);
    if (framed !== null) {
      head.speed ??= framed.speed;
      head.secrecy ??= framed.secrecy;
      continue;
    }
    const damagedMark = damagedMarkOnly(line);
    if (damagedMark !== null) {
      if (head.speed === null && damagedMark.speed !== null) {
        head.speed = damagedMark.speed;
        head.marksUnsure.add('urgency');
      }
      if (head.secrecy === null && damagedMark.secrecy !== null) {
        head.secrecy = damagedMark.secrecy;
        head.marksUnsure.add('secrecy');
      }
      continue;
    }
    const marks = leadingMarks(line);
    const rest: Line = { text: line.text.slice(marks.end), match: line.match.slice(marks.end) };
    if (marks.speed !== null || marks.secrecy !== null) {
      head.speed ??= marks.speed;
      head.secrecy ??= marks.secrecy;
      if (rest.text.trim() === '') continue;
    }
    const label = headLabelOf(rest);
    if (label !== null && HEADER_FIELDS.has(label.label)) {
      head.end = no;
      break;
    }
    // A letter code with a mark read over it (สข์) is read without it, and unsure.
    const unmarked = head.reference === null ? codeMarksDropped(rest.match) : null;
    const refMatch = unmarked ?? rest.match;
    const printedEnd = refLabelEnd(refMatch) ?? bareRefLabelEnd(refMatch);
    const refEnd = printedEnd ?? (label === null ? damagedRefLabelEnd(refMatch) : null);
    if (refEnd !== null && head.reference === null && head.referenceError === null) {
      rest.match = refMatch;
      unitParts = null;
      head.referenceLine = no;
      head.referenceUnsure = printedEnd === null || unmarked !== null;
      const afterLabel: Line = { text: rest.text.slice(refEnd), match: rest.match.slice(refEnd) };
      // A serial read as look-alike letters (ว wo for ว ๗๐) is read as digits, and unsure.
      const lookAlike = serialLookAlikesRead(afterLabel.match);
      if (lookAlike !== null) {
        afterLabel.match = lookAlike;
        head.referenceUnsure = true;
      }
      const found = findReferenceNumbers(afterLabel.text, afterLabel.match)[0];
      if (
        found !== undefined &&
        found.index === afterLabel.match.length - afterLabel.match.trimStart().length
      ) {
        head.reference = found.value;
        // A memo puts วันที่ on the same line: ที่ รอ ๐๐๑๗.๓/๑๒๓ วันที่ ๑๕ มกราคม ๒๕๖๙.
        const tail: Line = {
          text: afterLabel.text.slice(found.end),
          match: afterLabel.match.slice(found.end),
        };
        const dated = datesOf(tail).find((d) => d.prefix !== null && /^วันที่?/.test(d.prefix));
        if (dated !== undefined) head.dateField = { line: no, d: dated, text: tail.text };
        else {
          const loose = looseDateCell(tail, { abbreviated: memoSoFar(head) });
          if (loose !== null)
            head.dateField = { line: no, d: loose, text: tail.text, unsure: true };
        }
      } else {
        const cell = afterLabel.text.trim().split(/\s{2,}/)[0] ?? '';
        const parsed = parseReferenceNumber(cell);
        if (printedEnd === null) {
          // Without its ที่ only the whole grammar makes a line a reference number; a memo's
          // date may still end the line.
          head.referenceLine = -1;
          head.referenceUnsure = false;
          const loose = looseDateCell(rest, { abbreviated: memoSoFar(head) });
          if (loose !== null)
            head.dateLines.push({ line: no, d: loose, text: rest.text, unsure: true });
          continue;
        }
        const slashLost = parsed.ok ? null : circularSlashLost(cell);
        if (parsed.ok) head.reference = parsed.value;
        else if (slashLost !== null) {
          head.reference = slashLost;
          head.referenceUnsure = true;
        } else head.referenceError = parsed.error.code;
        const dated = datesOf(afterLabel).find((d) => d.prefix !== null && /^วันที่?/.test(d.prefix));
        const loose =
          dated === undefined ? looseDateCell(afterLabel, { abbreviated: memoSoFar(head) }) : null;
        if (dated !== undefined) head.dateField = { line: no, d: dated, text: afterLabel.text };
        else if (loose !== null)
          head.dateField = { line: no, d: loose, text: afterLabel.text, unsure: true };
      }
      continue;
    }
    if (label?.label === 'memoHead') {
      head.memoHead = true;
      const after: Line = {
        text: rest.text.slice(label.contentStart),
        match: rest.match.slice(label.contentStart),
      };
      const moreMarks = leadingMarks(after);
      head.speed ??= moreMarks.speed;
      head.secrecy ??= moreMarks.secrecy;
      continue;
    }
    if (label?.label === 'unit') {
      unitParts = [label.content];
      head.unit = label.content;
      head.unitUnsure = 'damaged' in label;
      continue;
    }
    if (label?.label === 'date') {
      unitParts = null;
      // ลงวันที่ / ลว. date a cited letter (a stamp's copy of the letter's date), never this one.
      const d = datesOf(rest).find((x) => !/^(?:ลง\s?วันที่?|ลว)/.test(x.prefix ?? ''));
      const memo = memoSoFar(head);
      // A letter prints its date with the month in full and no label: a วันที่ line with an
      // abbreviated month under that date in a letter's head is a stamp's whose number OCR
      // garbled (`เลขรั้ป ๒๖๐๙` over `วันที๑๕ ก.ย. ๒๕๖๙`), not the letter's.
      const underLetterDate =
        d !== undefined &&
        !memo &&
        !fullMonthIn(rest.text.slice(d.dateIndex, d.end)) &&
        head.dateLines.some(
          (x) => x.line > head.referenceLine && fullMonthIn(x.text.slice(x.d.dateIndex, x.d.end)),
        );
      if (d !== undefined && head.referenceLine < 0 && !memo)
        head.labelledAboveReference ??= { line: no, d, text: rest.text };
      else if (d !== undefined && head.dateField === null && !underLetterDate)
        head.dateField = { line: no, d, text: rest.text };
      continue;
    }
    const alone = dateOnlyCell(rest);
    if (alone !== null) {
      unitParts = null;
      head.dateLines.push({ line: no, d: alone, text: rest.text });
      continue;
    }
    const loose = looseDateCell(rest, { abbreviated: memoSoFar(head) });
    if (loose !== null) {
      unitParts = null;
      head.dateLines.push({ line: no, d: loose, text: rest.text, unsure: true });
      continue;
    }
    if (unitParts !== null) {
      // ส่วนราชการ wrapped onto the next line.
      unitParts.push(clean(rest.text));
      head.unit = unitParts.join(' ');
    }
  }
  return head;
}

/**
 * A reference number whose letter code OCR misread into a code the system does not know,
 * read with the one known code a letter off that the head's own text names the owner of
 * (`letterCodeRepaired`; the receipt stamps are already blanked out of the head). The raw
 * text stays as read; the number is unsure.
 */
function codeRepaired(head: Head, lines: readonly Line[]): void {
  const reference = head.reference;
  if (reference === null) return;
  const text = lines
    .slice(0, head.end)
    .map((l) => l.text)
    .join('\n');
  const code = letterCodeRepaired(reference.agencyPrefix, text);
  if (code === null) return;
  head.reference = {
    ...reference,
    agencyPrefix: code,
    raw: codeAsPrinted(reference.raw, reference.agencyPrefix, code),
  };
  head.referenceUnsure = true;
}

/** Marks, among a field's lines, where an unnumbered enclosure list starts a new item. */
const ITEM_BREAK = '\u0000';

interface Fields {
  /** The lines of each field (whitespace folded), ITEM_BREAK between unnumbered items. */
  values: Map<HeaderField, string[]>;
  /** Fields whose label OCR damaged (เรอง for เรื่อง): what they hold is unsure. */
  damaged: Set<HeaderField>;
  bodyStart: number;
}

/**
 * A short run of Latin letters where a label stood, then a Thai word; not an acronym in
 * capitals (ICT, SMS), which a subject may wrap before.
 */
const LATIN_LABEL = /^\s*[A-Za-z][a-z]{0,3}\.?\s+(?=[\u0E01-\u0E4E])/;

/**
 * The addressee of a line that starts with a label OCR read as Latin letters, when what
 * follows names a post or a unit (ผู้ว่าราชการจังหวัด…, นายอำเภอ…): a subject does not go
 * on with Latin letters and then an addressee. Null otherwise.
 */
function lostSalutation(line: Line): string | null {
  const m = LATIN_LABEL.exec(line.text);
  if (m === null) return null;
  const rest = clean(line.text.slice(m[0].length));
  return startsWithPost(rest) || startsWithUnitWord(rest) ? rest : null;
}

/**
 * Whether line `no` is a line of dust with a digit in it (isDigitDustLine) right before a
 * header field not read yet: a scan's dust between two fields, which would otherwise end
 * the header and lose the fields after it (an enclosure list after เรียน).
 */
function dustBeforeLabel(
  lines: readonly Line[],
  no: number,
  values: ReadonlyMap<HeaderField, string[]>,
): boolean {
  const line = lines[no];
  if (line === undefined || !(isDigitDustLine(line) || isScatteredDustLine(line))) return false;
  const after = nextLineAfter(lines, no);
  const label = after === undefined ? null : headLabelOf(after);
  return (
    label !== null && HEADER_FIELDS.has(label.label) && !values.has(label.label as HeaderField)
  );
}

function nextLineAfter(lines: readonly Line[], no: number): Line | undefined {
  let next = no + 1;
  while (next < lines.length && isBlank(lines[next])) next++;
  return lines[next];
}

/**
 * Whether line `no` is a line of dust (isDigitDustLine, isScatteredDustLine) between two
 * items of a numbered citation or enclosure list: the line after it starts with the next
 * item's number. Nothing of the letter is printed between two items.
 */
function dustBeforeItem(
  lines: readonly Line[],
  no: number,
  field: HeaderField | null,
  parts: readonly string[] | undefined,
): boolean {
  const line = lines[no];
  if (field === null || parts === undefined || line === undefined) return false;
  if (!(isDigitDustLine(line) || isScatteredDustLine(line))) return false;
  const after = nextLineAfter(lines, no);
  return (
    after !== undefined &&
    LINE_MARKER.test(after.match) &&
    numberedItemLine(field, parts, after) !== null
  );
}

/**
 * A subject line's last cell far from its text (four spaces or more) holding a number and
 * no Thai letter (`ระยะท้าย                10`, `สวัสดิการ           ๊ 30`): a speck or a
 * stamp's digit the scan set on the line. A subject is typed as running text, with no
 * column gap before its own words; after a word a number follows (ปี, พ.ศ., ครั้งที่ …) the
 * number stays. The line without it, or null when there is none.
 */
const STRAY_NUMBER_CELL = /^(?<text>.*\S)\s{4,}(?<cell>\S{1,3}(?: \S{1,4})?)\s*$/;
const NUMBER_WORD_END = /(?:ที่?|ปี|พ\.ศ\.|ค\.ศ\.|ฉบับ|ครั้ง|เขต|ภาค|ข้อ|รุ่น|ระยะ|งวด|ไตรมาส|ชั้น)$/;

function withoutStrayNumber(text: string): string | null {
  return strayCellDropped(text, STRAY_NUMBER_CELL, NUMBER_WORD_END);
}

/**
 * `text` without the number in its last cell (`cell`: a line's text, then that cell), or null
 * when the cell holds no digit, holds a Thai letter, is longer than five characters, or
 * follows a word a number belongs to (`wordEnd`).
 */
function strayCellDropped(text: string, cell: RegExp, wordEnd: RegExp): string | null {
  const m = cell.exec(text);
  const number = m?.groups?.cell;
  const before = m?.groups?.text;
  if (number === undefined || before === undefined) return null;
  if (!/[0-9\u0E50-\u0E59]/.test(number) || /[\u0E01-\u0E2E\u0E40-\u0E44]/.test(number)) {
    return null;
  }
  if (number.replace(/\s/g, '').length > 5 || wordEnd.test(before)) return null;
  return before;
}

function readFields(lines: Line[], start: number): Fields {
  const values = new Map<HeaderField, string[]>();
  const damaged = new Set<HeaderField>();
  let current: HeaderField | null = null;
  let no = start;
  for (; no < lines.length; no++) {
    const line = lines[no];
    if (line === undefined || isBlank(line)) {
      current = null;
      continue;
    }
    const label = headLabelOf(line);
    if (
      label !== null &&
      HEADER_FIELDS.has(label.label) &&
      !values.has(label.label as HeaderField)
    ) {
      current = label.label as HeaderField;
      // The label's content has its spaces folded: the column gap is read on the line.
      const gapped = current === 'subject' ? withoutStrayNumber(line.text) : null;
      const stray = gapped === null ? null : clean(gapped.slice(label.contentStart));
      const content =
        current === 'cited' || current === 'enclosure'
          ? commaItemRead(label.content)
          : (stray ?? label.content);
      values.set(current, content === '' ? [] : [content]);
      if ('damaged' in label || stray !== null) damaged.add(current);
      continue;
    }
    // เรียน read as Latin letters (Bou) right under the subject, before a post or a unit.
    const addressee =
      current === 'subject' && !values.has('salutation') ? lostSalutation(line) : null;
    if (addressee !== null) {
      current = 'salutation';
      values.set(current, [addressee]);
      damaged.add(current);
      continue;
    }
    if (dustBeforeLabel(lines, no, values)) continue;
    const parts = current === null ? undefined : values.get(current);
    if (dustBeforeItem(lines, no, current, parts)) continue;
    const next =
      current === null || parts === undefined ? 'stop' : continuesField(current, parts, line);
    if (next === 'stop' || parts === undefined) break;
    if (next === 'item') parts.push(ITEM_BREAK);
    const stray = current === 'subject' ? withoutStrayNumber(line.text) : null;
    if (stray !== null) damaged.add('subject');
    parts.push(
      (current === null ? null : numberedItemLine(current, parts, line)) ??
        clean(stray ?? line.text),
    );
  }
  return { values, damaged, bodyStart: no };
}

/**
 * A first cell where เรื่อง stood, garbled past reading (`1๐`, `Tos`): up to four characters
 * and no Thai word (two Thai letters in a row), then the subject's Thai text.
 */
const GARBLED_SUBJECT_LABEL = /^\s*(?<cell>\S{1,4})\s+(?<text>[\u0E01-\u0E2E\u0E40-\u0E44].*)$/;

/**
 * The subject of a letter whose เรื่อง OCR garbled past reading (`1๐  ขออนุญาตนำนักเรียน…`,
 * its label blanked as a speck): the one line between the head and เรียน. The form prints
 * the subject right under the letter's date (a memo's ที่/วันที่ line) and right above
 * เรียน, and nothing else there: the line must come after the reference number's line and
 * the date's, with nothing but blank lines between it and เรียน. Null when the head read
 * no reference number nor date, when the line is one of the head's, or when what starts it
 * is a word, or the line is dust.
 */
function lostSubject(lines: readonly Line[], head: Head): string | null {
  const first = lines[head.end];
  const label = first === undefined ? null : headLabelOf(first);
  if (label?.label !== 'salutation' && label?.label !== 'to') return null;
  let no = head.end - 1;
  while (no >= 0 && isBlank(lines[no])) no--;
  const line = lines[no];
  const dateLine = Math.max(head.dateField?.line ?? -1, ...head.dateLines.map((d) => d.line));
  const headAbove = Math.max(head.referenceLine, dateLine);
  if (line === undefined || headAbove < 0 || no <= headAbove) return null;
  // A subject is running text: a Thai word of four letters or more, not a line of dust.
  if (!/[\u0E01-\u0E4E]{4,}/.test(line.text) || isScatteredDustLine(line)) return null;
  const m = GARBLED_SUBJECT_LABEL.exec(line.text);
  const cell = m?.groups?.cell;
  const text = m?.groups?.text;
  if (cell !== undefined && text !== undefined) {
    return /[\u0E01-\u0E2E\u0E40-\u0E44][\u0E30-\u0E4E]*[\u0E01-\u0E2E]/.test(cell)
      ? null
      : clean(text);
  }
  // The label read as specks and blanked: the line starts with the subject's text.
  return (line.specks ?? 0) > 0 && /^\s{2,}[\u0E01-\u0E2E\u0E40-\u0E44]/.test(line.text)
    ? clean(line.text)
    : null;
}

interface Foot {
  signatory: Signatory | null;
  /** The signatory's name came from a line with one parenthesis lost. */
  signatoryUnsure: boolean;
  /** A stray number was left out of the owning unit's lines. */
  ownerUnitUnsure: boolean;
  ownerUnit: string | null;
  speed: string | null;
  secrecy: string | null;
  marksUnsure: Set<'urgency' | 'secrecy'>;
  date: DateAt | null;
}

/** Two to four words of Thai letters, nothing that reads as a note (ตามสิ่งที่ส่งมาด้วย). */
function looksLikeName(text: string): boolean {
  const words = text.split(' ');
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    text.length <= 50 &&
    /^[\u0E01-\u0E4E. ]+$/.test(text) &&
    !/ตาม|รายละเอียด|สำเนา|ลงชื่อ|แนบ|ฉบับ|จำนวน|หน้า/.test(text)
  );
}

function isFootStructure(line: Line): boolean {
  const label = labelOf(line);
  return (
    label !== null ||
    isMarkOnly(line) !== null ||
    damagedMarkOnly(line) !== null ||
    dateOnlyCell(line) !== null ||
    parenthesisedName(line) !== null ||
    refLabelEnd(line.match) !== null
  );
}

/** The closing line (ขอแสดงความนับถือ …) after the body; -1 when there is none. */
function findClosing(lines: Line[], bodyStart: number): number {
  for (let no = bodyStart; no < lines.length; no++) {
    const line = lines[no];
    if (line !== undefined && headLabelOf(line)?.label === 'closing') return no;
  }
  return -1;
}

/**
 * The signature line: a name in parentheses; with a personal title, or right after the
 * closing. -1 when there is none.
 */
function findSignature(lines: Line[], bodyStart: number, closing: number): number {
  let signature = -1;
  let firstParen = -1;
  for (let no = closing >= 0 ? closing + 1 : bodyStart; no < lines.length; no++) {
    const line = lines[no];
    if (line === undefined) continue;
    const name = parenthesisedName(line);
    if (name === null) continue;
    if (firstParen < 0) firstParen = no;
    if (startsWithPersonTitle(name)) {
      signature = no;
      break;
    }
  }
  if (signature < 0 && closing >= 0) signature = firstParen;
  // No closing (memos, stamped letters) and no title: a short name in parentheses, the rank
  // printed above it (พันตำรวจเอก / (วิชัย สายทอง)).
  if (signature < 0 && firstParen >= 0) {
    for (let no = firstParen; no < lines.length; no++) {
      const line = lines[no];
      const name = line === undefined ? null : parenthesisedName(line);
      if (name !== null && looksLikeName(name)) {
        signature = no;
        break;
      }
    }
  }
  if (signature < 0) signature = findHalfParenthesisedSignature(lines, bodyStart, closing);
  return signature;
}

/**
 * A signature whose scan lost one parenthesis (`(นางสาวกุลยา ตันติเตมิท`): a titled name
 * with one parenthesis, after the closing, or where there is none (memos, stamped letters)
 * right above a post (ผู้อำนวยการ…), so a note in the body that opens a parenthesis is not
 * taken for it.
 */
function findHalfParenthesisedSignature(lines: Line[], bodyStart: number, closing: number): number {
  for (let no = closing >= 0 ? closing + 1 : bodyStart; no < lines.length; no++) {
    const line = lines[no];
    if (line === undefined || halfParenthesisedName(line) === null) continue;
    if (closing >= 0) return no;
    const next = lines.slice(no + 1).find((l) => !isBlank(l) && l.dust !== true);
    if (next !== undefined && startsWithPost(clean(next.text))) return no;
  }
  return -1;
}

/**
 * Whether the Buddhist-era year of `iso` is printed anywhere in the letter's own text (stamps
 * are masked out by then) but on line `except`, its date line.
 */
function yearPrintedElsewhere(lines: Line[], iso: string, except: number): boolean {
  const year = new RegExp(`(?<!\\d)${toBuddhistYear(Number(iso.slice(0, 4)))}(?!\\d)`);
  return lines.some((line, no) => no !== except && year.test(line.match));
}

/** The foot date of a stamped letter: the last date line after the body, before the contacts. */
function findStampedLetterDate(lines: Line[], bodyStart: number): DateAt | null {
  let date: DateAt | null = null;
  for (let no = bodyStart; no < lines.length; no++) {
    const line = lines[no];
    if (line === undefined) continue;
    if (contactStart(line.text) === 0) break;
    const d = dateOnlyCell(line);
    const loose = d === null ? looseDateCell(line) : null;
    if (d !== null) date = { line: no, d, text: line.text };
    else if (loose !== null) date = { line: no, d: loose, text: line.text, unsure: true };
  }
  return date;
}

/** The first contact line (โทร. …) from `from`: it ends the owning unit's block. -1 when none. */
function findContactLine(lines: Line[], from: number): number {
  for (let no = from; no < lines.length; no++) {
    const line = lines[no];
    if (line !== undefined && contactStart(line.text) !== null && labelOf(line) === null) return no;
  }
  return -1;
}

/**
 * Whether a line under a position's first line goes on with it: the acting phrase
 * (ปฏิบัติราชการแทน, รักษาราชการแทน …) or the post it acts for (ปลัดกระทรวง…, ผู้ว่าราชการ…).
 */
const ACTING = /^(?:ปฏิบัติราชการแทน|รักษาราชการแทน|ทำการแทน|รักษาการในตำแหน่ง|รักษาการแทน)/;
function continuesPosition(text: string): boolean {
  return ACTING.test(text) || startsWithPost(text);
}

/**
 * The signatory: the name on the signature line and the position printed below it, up to a
 * blank line, a foot structure or a contact line. Without a blank line before the contacts,
 * the position's first line is followed only by the acting phrase and the post it acts for
 * (continuesPosition), or by anything after a line ending in แทน: any other line begins the
 * owning unit, also one whose unit word OCR damaged (สำนัถนโยบาย…, ภองควบคุม…). Returns the
 * position's line numbers too.
 */
function readSignatory(
  lines: Line[],
  signature: number,
  contact: number,
): { signatory: Signatory | null; positionLines: number[]; nameUnsure: boolean } {
  const positionLines: number[] = [];
  const sigLine = lines[signature];
  const whole = sigLine === undefined ? null : parenthesisedName(sigLine);
  const name = whole ?? (sigLine === undefined ? null : halfParenthesisedName(sigLine));
  let blankBeforeContact = false;
  for (let no = signature + 1; no < (contact >= 0 ? contact : lines.length); no++) {
    if (isBlank(lines[no]) && lines[no]?.dust !== true) blankBeforeContact = true;
  }
  const parts: string[] = [];
  for (let no = signature + 1; no < lines.length; no++) {
    const line = lines[no];
    // The position is printed right under the name: a line of dust between them (a stain
    // beside the signature) is skipped, a blank line of the letter is not.
    if (parts.length === 0 && line?.dust === true) continue;
    if (line === undefined || isBlank(line) || isFootStructure(line)) break;
    if (contactStart(line.text) !== null) break;
    const previous = parts[parts.length - 1];
    // Dust between the acting phrase and the post it acts for, or before such a post: the
    // block's lines are printed one under the other, nothing between them.
    if (previous !== undefined && (isDigitDustLine(line) || isScatteredDustLine(line))) {
      const after = nextLineAfter(lines, no);
      const afterText = after === undefined || isBlank(after) ? null : clean(after.text);
      if (afterText !== null && (/แทน$/.test(previous) || continuesPosition(afterText))) continue;
    }
    // A number far right of a position's line is a speck or a stamp's digits (as on a unit's).
    const text = clean(unitWithoutStrayNumber(line.text) ?? line.text);
    if (
      !blankBeforeContact &&
      contact >= 0 &&
      previous !== undefined &&
      !/แทน$/.test(previous) &&
      (startsWithUnitWord(text) || !continuesPosition(text))
    ) {
      break;
    }
    parts.push(text);
    positionLines.push(no);
  }
  const signatory =
    name === null ? null : { name, position: parts.length > 0 ? parts.join(' ') : null };
  return { signatory, positionLines, nameUnsure: whole === null && name !== null };
}

/**
 * A unit line's last cell four spaces or more from the name, a number with no Thai letter
 * (`กลุ่มงานการเจ้าหน้าที่           0300`): a speck or a stamp's digits the scan set on the
 * line. A unit's name is typed as running text; a division's number follows its word with
 * one space (กลุ่มงาน ๒), and one after an ordinal, a district or a region stays. The line
 * without it, or null when there is none.
 */
const UNIT_NUMBER_WORD_END = /(?:(?:^|\s|ครั้ง)ที่?|เขต|ภาค|ชั้น|รุ่น)$/;
const UNIT_STRAY_CELL = /^(?<text>.*\S)\s{4,}(?<cell>\S{1,5}(?: \S{1,4})?)\s*$/;

/**
 * A far cell of Arabic digits glued to bare Thai consonants (`08จฐจ`): no word of a unit's
 * name mixes the two, so it is a speck or a stamp's digits read with strokes as letters.
 */
const MIXED_SPECK_CELL = /^(?=\S*[0-9])(?=\S*[\u0E01-\u0E2E])[0-9\u0E01-\u0E2E]{2,5}$/;

function unitWithoutStrayNumber(text: string): string | null {
  const m = UNIT_STRAY_CELL.exec(text);
  const cell = m?.groups?.cell;
  if (cell !== undefined && MIXED_SPECK_CELL.test(cell)) return m?.groups?.text ?? null;
  return strayCellDropped(text, UNIT_STRAY_CELL, UNIT_NUMBER_WORD_END);
}

/** A line of the owning unit, cleaned; `unsure.stray` is set when a stray number was left out. */
function unitLineOf(text: string, unsure: { stray: boolean }): string {
  const bare = unitWithoutStrayNumber(text);
  if (bare !== null) unsure.stray = true;
  return clean(bare ?? text);
}

/** The owning unit, in lines: the block just above the first contact line. */
function readUnitAboveContact(
  lines: Line[],
  bodyStart: number,
  contact: number,
  taken: Set<number>,
  unsure: { stray: boolean },
): string[] {
  const unitParts: string[] = [];
  const contactLine = lines[contact];
  const at = contactLine === undefined ? null : contactStart(contactLine.text);
  if (contactLine !== undefined && at !== null && at > 0)
    unitParts.push(clean(contactLine.text.slice(0, at)));
  for (let no = contact - 1; no >= bodyStart; no--) {
    const line = lines[no];
    if (line === undefined || isBlank(line) || taken.has(no) || isFootStructure(line)) break;
    unitParts.unshift(unitLineOf(line.text, unsure));
  }
  return unitParts;
}

/**
 * The owning unit, in lines, when there is no telephone line: the first block below line
 * `after` (the signature, its position or the stamped letter's date), which must start with a
 * unit word except in a stamped letter.
 */
function readUnitBelow(
  lines: Line[],
  after: number,
  kind: LetterKind,
  unsure: { stray: boolean },
): string[] {
  const unitParts: string[] = [];
  if (after < 0) return unitParts;
  let no = after + 1;
  while (no < lines.length && isBlank(lines[no])) no++;
  for (; no < lines.length; no++) {
    const line = lines[no];
    if (line === undefined || isBlank(line) || isFootStructure(line)) break;
    if (unitParts.length === 0 && !startsWithUnitWord(line.text) && kind !== 'stamped') break;
    unitParts.push(unitLineOf(line.text, unsure));
  }
  return unitParts;
}

/** Marks repeated at the foot (ลับ is printed at the top and the bottom of each page). */
function readFootMarks(
  lines: Line[],
  footStart: number,
): { speed: string | null; secrecy: string | null; unsure: Set<'urgency' | 'secrecy'> } {
  let speed: string | null = null;
  let secrecy: string | null = null;
  const unsure = new Set<'urgency' | 'secrecy'>();
  for (let no = footStart; no < lines.length; no++) {
    const line = lines[no];
    if (line === undefined) continue;
    const marks = isMarkOnly(line);
    if (marks !== null) {
      speed ??= marks.speed;
      secrecy ??= marks.secrecy;
      continue;
    }
    const damaged = damagedMarkOnly(line);
    if (damaged?.speed != null && speed === null) {
      speed = damaged.speed;
      unsure.add('urgency');
    }
    if (damaged?.secrecy != null && secrecy === null) {
      secrecy = damaged.secrecy;
      unsure.add('secrecy');
    }
  }
  return { speed, secrecy, unsure };
}

/**
 * The foot of a letter, step by step: the closing, the signature, a stamped letter's date,
 * the first contact line, the signatory's position, the owning unit, repeated marks.
 */
function readFoot(lines: Line[], bodyStart: number, kind: LetterKind): Foot {
  const closing = findClosing(lines, bodyStart);
  const signature = findSignature(lines, bodyStart, closing);

  let searchFrom = signature >= 0 ? signature + 1 : closing >= 0 ? closing + 1 : bodyStart;
  const date = kind === 'stamped' ? findStampedLetterDate(lines, bodyStart) : null;
  if (date !== null) searchFrom = Math.max(searchFrom, date.line + 1);
  const contact = findContactLine(lines, searchFrom);

  const { signatory, positionLines, nameUnsure } =
    signature >= 0
      ? readSignatory(lines, signature, contact)
      : { signatory: null, positionLines: [], nameUnsure: false };

  const taken = new Set([signature, closing, date?.line ?? -1, ...positionLines]);
  const unitUnsure = { stray: false };
  const unitParts =
    contact >= 0
      ? readUnitAboveContact(lines, bodyStart, contact, taken, unitUnsure)
      : readUnitBelow(
          lines,
          Math.max(signature, date?.line ?? -1, ...positionLines),
          kind,
          unitUnsure,
        );
  const unit = unitParts.filter((p) => p !== '').join(' ');

  const footStart = [closing, signature, date?.line ?? -1].find((n) => n >= 0) ?? lines.length;
  const { speed, secrecy, unsure } = readFootMarks(lines, footStart);
  return {
    signatory,
    ownerUnit: unit === '' ? null : unit,
    speed,
    secrecy,
    marksUnsure: unsure,
    signatoryUnsure: nameUnsure,
    ownerUnitUnsure: unitUnsure.stray && unit !== '',
    date,
  };
}

/** Fields a repair may touch: the confidence fields, the stamps' units, the enclosures. */
type RepairedField = ConfidenceField | 'receiptStamps' | 'enclosures' | 'references';

/**
 * A dot glued after a subject's last word when that word has a vowel (การประเมิน.): a scan's
 * speck. A subject ends with no full stop; an abbreviation does end with its dot, but Thai
 * abbreviations are consonants alone (สพฐ., กทม.) or dotted letters (ก.พ.), both kept.
 */
const TRAILING_DOT = /(?<=(?:^|\s)[^\s.]*[\u0E47\u0E30-\u0E3A\u0E40-\u0E44][^\s.]*)\.$/;

/** TRAILING_DOT, or a dot glued after a closing bracket (`ขอนแก่น (กลุ่มงานอำนวยการ).`). */
const UNIT_TRAILING_DOT = new RegExp(`${TRAILING_DOT.source}|(?<=\\))\\.$`);

/**
 * ศักดิ์, สวัสดิ์ and ฤทธิ์ ending a word of a name with their ์ lost (สมศักดิ, ศรีสวัสดิ,
 * เรืองฤทธิ): no Thai name ends a word in those letters without it, and OCR drops the small
 * mark over the ิ. Inside a word the letters stay as read (ศักดินา is a word, ฤทธิเดช a
 * name).
 */
const KARAN_LOST = /(ศักดิ|สวัสดิ|ฤทธิ)(?=$|\s)/g;

/**
 * ว่าที่ before a rank (ว่าที่ร้อยตรี) with the tone mark over its ที lost (ว่าทีร้อยตรี), as
 * OCR drops it from every ที่: ว่าที is no word, so a name starting with it is the title.
 */
const WATHI_LOST = /^ว่าที(?![\u0E48-\u0E4B])(?=[\u0E01-\u0E2E])/;

const SPECK_FOR_SPACE = /(?<=[\u0E01-\u0E4E])\s?[-_~]\s?(?=[\u0E01-\u0E2E\u0E40-\u0E44])/g;

/**
 * ที่ of an ordinal glued to its noun before the number (ภาคเรียนที ๒, ครั้งที ๓) with the
 * tone mark OCR drops from every ที่: a word ending in ที before a number is the ordinal,
 * but นาที, วินาที and ทันที, which are words of their own.
 */
const ORDINAL_MARK_LOST =
  /(?<=[\u0E01-\u0E4E])(?<!นา|ทัน)ที(?![\u0E31\u0E34-\u0E3A\u0E47-\u0E4E])(?=\s?[0-9\u0E50-\u0E59])/g;

/**
 * The office words' marks, then the tone marks of free text's compounds and of an
 * ordinal's ที่, put back.
 */
function repairWords(text: string): { text: string; repaired: boolean } {
  const office = repairOfficeWords(text);
  const tones = repairToneMarks(office.text);
  const ordinal = tones.text.replace(ORDINAL_MARK_LOST, 'ที่');
  return {
    text: ordinal,
    repaired: office.repaired || tones.repaired || ordinal !== tones.text,
  };
}

/**
 * A speck after the ทุก… that ends an addressee (ทุกภาค 7, ทุกโรงเรียน.): a lone digit or a
 * dot. ทุก closes the group the letter is sent to; no number or abbreviation follows it.
 */
const SPECK_AFTER_ALL = /(ทุก[\u0E01-\u0E4E]+)(?:\s?\.|\s[0-9\u0E50-\u0E59])$/;

/**
 * The fields that name units and posts, and the subject, cleared of a scan's dust and with
 * the marks OCR lost from office words put back (office-words.ts), in place. Returns the
 * fields whose marks were put back: their reading is a guess, shown as unsure. A stamp's
 * unit counts for the stamps; the enclosures get their words put back, their dust stays.
 */
function repairFieldWords(letter: Omit<ParsedLetter, 'warnings'>): Set<RepairedField> {
  const repaired = new Set<RepairedField>();
  const repair = (
    value: string | null,
    field: RepairedField,
    dust: 'end' | 'all',
  ): string | null => {
    const bare = value === null ? null : dropDust(value, dust);
    if (bare === null) return null;
    const r = repairWords(bare);
    if (r.repaired) repaired.add(field);
    return r.text;
  };
  // A unit's start as the scan damaged it (`.กอง…`, `ภองควบคุม…`): a guess, shown as unsure.
  const unitStarted = (value: string | null, field: RepairedField): string | null => {
    const started = value === null ? null : unitStartRepaired(value);
    const read = started ?? value;
    // Its divisions after a space likewise (`… ก๋องความร่วมมือ…`).
    const divisions = read === null ? null : unitWordsToneSpeckDropped(read);
    if (started !== null || divisions !== null) repaired.add(field);
    return divisions ?? read;
  };
  letter.subject = repair(letter.subject, 'subject', 'end');
  if (letter.subject !== null && TRAILING_DOT.test(letter.subject)) {
    letter.subject = letter.subject.replace(TRAILING_DOT, '');
    repaired.add('subject');
  }
  if (letter.subject !== null) {
    const date = letter.letterDate?.date ?? null;
    const year = date === null ? null : toBuddhistYear(Number(date.slice(0, 4)));
    const r = fieldYearsRepaired(letter.subject, year);
    if (r.repaired) repaired.add('subject');
    letter.subject = r.text;
  }
  letter.salutation = repair(letter.salutation, 'salutation', 'all');
  if (letter.salutation !== null && SPECK_AFTER_ALL.test(letter.salutation)) {
    letter.salutation = letter.salutation.replace(SPECK_AFTER_ALL, '$1');
    repaired.add('salutation');
  }
  letter.ownerUnit = repair(unitStarted(letter.ownerUnit, 'ownerUnit'), 'ownerUnit', 'all');
  // A unit's name ends with no full stop either, nor after its bracketed division.
  if (letter.ownerUnit !== null && UNIT_TRAILING_DOT.test(letter.ownerUnit)) {
    letter.ownerUnit = letter.ownerUnit.replace(/\.$/, '');
    repaired.add('ownerUnit');
  }
  if (letter.signatory !== null) {
    // Thai names have no hyphen: one between two Thai words is a speck where the space was
    // (นายสมชาย-วงศ์ทอง).
    const spaced = letter.signatory.name
      .replace(SPECK_FOR_SPACE, ' ')
      .replace(KARAN_LOST, '$1\u0E4C')
      .replace(WATHI_LOST, 'ว่าที่');
    const name = nameTitleRepaired(spaced) ?? spaced;
    if (name !== letter.signatory.name) repaired.add('signatory');
    const read = letter.signatory.position;
    const started = read === null ? null : positionPostsRepaired(read);
    if (started !== null) repaired.add('signatory');
    const position = read === null ? null : repair(started ?? read, 'signatory', 'all');
    letter.signatory = { name, position };
  }
  letter.receiptStamps = letter.receiptStamps.map((s) => ({
    ...s,
    unit: repair(unitStarted(s.unit, 'receiptStamps'), 'receiptStamps', 'all'),
  }));
  // An enclosure names documents by the units and regulations they come from (สำเนาหนังสือ
  // สำนักงาน…, ปฏิทินการปิดบัญชีสิ้นปีงบประมาณ); its dust is already dropped after the quantity.
  letter.enclosures = letter.enclosures.map((item) => {
    const r = repairWords(item);
    if (r.repaired) repaired.add('enclosures');
    return r.text;
  });
  return repaired;
}

function legacyWarnings(document: string, letter: Omit<ParsedLetter, 'warnings'>): LetterWarning[] {
  const fields: [string, string | null][] = [
    ['subject', letter.subject],
    ['salutation', letter.salutation],
    ['ownerUnit', letter.ownerUnit],
    [
      'signatory',
      letter.signatory === null
        ? null
        : `${letter.signatory.name} ${letter.signatory.position ?? ''}`,
    ],
    ['enclosures', letter.enclosures.join(' ')],
  ];
  return detectLegacyEncoding(document).map((f) => ({
    code: 'legacy_encoding' as const,
    field: fields.find(([, value]) => value?.includes(f.sample) === true)?.[0] ?? 'text',
    sample: f.sample,
  }));
}

/**
 * Parse the OCR text of a letter. Never throws; absent fields are null or [], never guessed.
 */
export function parseLetter(text: string, options: LetterParseOptions = {}): ParsedLetter {
  resetDateCache();
  const document = normalizeDocumentText(text);
  const lines = toLines(document);
  maskSpecks(lines);
  const damagedStampDates: (DamagedStampDate | null)[] = [];
  const stampsUnsure: boolean[] = [];
  const receiptStamps = extractPrintedStamps(lines, damagedStampDates, stampsUnsure);
  const head = readHead(lines);
  codeRepaired(head, lines);
  const fields = readFields(lines, head.end);
  if (!fields.values.has('subject')) {
    const lost = lostSubject(lines, head);
    if (lost !== null) {
      fields.values.set('subject', [lost]);
      fields.damaged.add('subject');
    }
  }

  const memo = memoSoFar(head);
  const kind: LetterKind = memo
    ? 'memo'
    : fields.values.has('to') && !fields.values.has('salutation')
      ? 'stamped'
      : 'external';
  const foot = readFoot(lines, Math.max(fields.bodyStart, head.end), kind);

  const field = (name: HeaderField): string | null => {
    const parts = fields.values.get(name);
    if (parts === undefined) return null;
    const value = clean(parts.filter((p) => p !== ITEM_BREAK).join(' '));
    return value === '' ? null : value;
  };

  let dateAt: DateAt | null = head.dateField;
  if (dateAt === null) {
    // Letters print the full month name (๑๒ มกราคม ๒๕๖๙); a register-style date line left
    // in the head is more likely a clerk's note, so it only counts when there is no other.
    const afterRef = head.dateLines.filter((d) => d.line > head.referenceLine);
    const candidates = afterRef.length > 0 ? afterRef : head.dateLines;
    const official = candidates.filter((d) =>
      /[\u0E01-\u0E4E]{5,}/.test(d.text.slice(d.d.dateIndex, d.d.end)),
    );
    dateAt =
      afterRef.length === 0 && head.labelledAboveReference !== null
        ? head.labelledAboveReference
        : (official[official.length - 1] ?? candidates[candidates.length - 1] ?? null);
  }
  if (dateAt === null || kind === 'stamped') dateAt = foot.date ?? dateAt;
  if (dateAt !== null && dateAt.d.date === null) {
    const repaired = yearRepaired(
      { text: dateAt.text, match: lineMatchForm(dateAt.text) },
      dateAt.d,
    );
    if (repaired !== null) dateAt = { ...dateAt, d: repaired, unsure: true };
  }
  const citedText = field('cited');
  const citedLetters = citedText === null ? null : referencesOf(citedText);
  const references = citedLetters?.references ?? [];
  let letterDate = dateAt === null ? null : letterDateOf(dateAt);
  // A year OCR misread far from those of the letters cited and the stamps: read with theirs.
  const citedDates = references.flatMap((r) => (r.date === null ? [] : [r.date]));
  const stampDates = receiptStamps.flatMap((s) => (s.date === null ? [] : [s.date]));
  let letterYearGuessed = false;
  if (dateAt !== null && letterDate !== null && letterDate.date === null) {
    const year = yearOneDigitOffFromContext(dateAt, citedDates, stampDates, options);
    if (year !== null) {
      letterDate = { ...letterDate, date: year };
      dateAt = { ...dateAt, d: { ...dateAt.d, date: year, error: null }, unsure: true };
    }
  }
  if (dateAt !== null && letterDate?.date != null) {
    const year = letterYearFromContext(letterDate.date, citedDates, stampDates, options);
    // A year the letter prints again elsewhere is no misreading of it: the date around it
    // that disagrees is the misread one (a stamp's ๒๔๗๙ for ๒๕๖๙).
    if (year !== null && !yearPrintedElsewhere(lines, letterDate.date, dateAt.line)) {
      letterDate = { ...letterDate, date: year };
      letterYearGuessed = true;
    }
  }
  // A stamp date OCR damaged (its month in Latin letters, a year digit lost) is placed
  // against the letter's date when only one date fits; a guess, shown as unsure.
  let stampGuessed = stampsUnsure.includes(true);
  for (const [i, s] of receiptStamps.entries()) {
    const damaged = damagedStampDates[i];
    if (s.date === null && damaged != null) {
      s.date =
        resolveDamagedStampDate(damaged, letterDate?.date ?? null) ??
        slipStampDate(damaged, letterDate?.date ?? null, options);
      stampGuessed ||= s.date !== null;
    } else if (s.date !== null && letterDate?.date != null) {
      // A stamp read as dated a few days before the letter it was put on: a misread day;
      // years away from it: a misread digit of its year.
      const repaired =
        stampDayRepaired(s.date, letterDate.date) ?? stampYearRepaired(s.date, letterDate.date);
      if (repaired !== null) {
        s.date = repaired;
        stampGuessed = true;
      }
    }
  }

  // A cited letter's date whose year OCR damaged, placed before the letter's: a guess.
  let citedYearGuessed = false;
  if (letterDate?.date != null) {
    for (const [i, lost] of (citedLetters?.yearLost ?? []).entries()) {
      const ref = references[i];
      if (lost === null || ref === undefined || ref.date !== null) continue;
      ref.date = citedYearPlaced(lost, letterDate.date);
      citedYearGuessed ||= ref.date !== null;
    }
  }

  const enclosureText = field('enclosure');
  const tidied = (
    enclosureText === null ? [] : enclosureItems(fields.values.get('enclosure') ?? [])
  ).map((i) => {
    const quantity = quantityTidied(withoutStrayMarks(i.text));
    const keywords = itemKeywordsRestored(quantity.text);
    return { text: keywords.text, markDropped: quantity.markDropped || keywords.restored };
  });
  const enclosures = tidied.map((t) => t.text).filter((t) => t !== '');

  const letter: Omit<ParsedLetter, 'warnings'> = {
    kind,
    urgency: head.speed ?? foot.speed,
    secrecy: head.secrecy ?? foot.secrecy,
    referenceNumber:
      head.reference === null ? null : { ...head.reference, raw: codeSpaced(head.reference.raw) },
    letterDate,
    subject: field('subject'),
    salutation: kind === 'stamped' ? field('to') : (field('salutation') ?? field('to')),
    references,
    enclosures,
    signatory: foot.signatory,
    ownerUnit: memo ? head.unit : foot.ownerUnit,
    receiptStamps,
  };
  if (memo && letter.ownerUnit !== null) {
    const at = contactStart(letter.ownerUnit);
    if (at !== null) letter.ownerUnit = clean(letter.ownerUnit.slice(0, at)) || null;
  }
  const repaired = repairFieldWords(letter);

  const warnings: LetterWarning[] = [];
  if (dateAt !== null && dateAt.d.error !== null) {
    warnings.push({ code: 'invalid_date', field: 'letterDate', reason: dateAt.d.error.code });
  }
  if (head.referenceError !== null) {
    warnings.push({
      code: 'invalid_reference_number',
      field: 'referenceNumber',
      reason: head.referenceError,
    });
  }
  if (letterDate?.date != null) {
    const cited: DatedItem[] = [
      ...references.flatMap((r, index) =>
        r.date === null ? [] : [{ field: 'references' as const, index, date: r.date }],
      ),
      ...enclosureLetterDates(enclosures),
    ];
    const receipts: DatedItem[] = receiptStamps.flatMap((s, index) =>
      s.date === null ? [] : [{ field: 'receiptStamps' as const, index, date: s.date }],
    );
    warnings.push(...checkLetterDates(letterDate.date, cited, receipts, options));
  }
  // A field read through a label OCR damaged is shown as unsure, whatever the reader said.
  const unsure: [RepairedField, boolean][] = [
    ['subject', fields.damaged.has('subject') && letter.subject !== null],
    [
      'salutation',
      letter.salutation !== null &&
        fields.damaged.has(
          kind === 'stamped' ? 'to' : fields.values.has('salutation') ? 'salutation' : 'to',
        ),
    ],
    ['ownerUnit', letter.ownerUnit !== null && (memo ? head.unitUnsure : foot.ownerUnitUnsure)],
    ['signatory', foot.signatoryUnsure && letter.signatory !== null],
    ['referenceNumber', head.referenceUnsure && letter.referenceNumber !== null],
    [
      'letterDate',
      letterDate !== null &&
        (letterYearGuessed ||
          dateAt?.unsure === true ||
          (dateAt !== null && !monthPrintedInFull(dateReadAt(dateAt)))),
    ],
    [
      'urgency',
      head.speed !== null ? head.marksUnsure.has('urgency') : foot.marksUnsure.has('urgency'),
    ],
    [
      'secrecy',
      head.secrecy !== null ? head.marksUnsure.has('secrecy') : foot.marksUnsure.has('secrecy'),
    ],
  ];
  if (stampGuessed) unsure.push(['receiptStamps', true]);
  if (tidied.some((t) => t.markDropped)) unsure.push(['enclosures', true]);
  if (citedLetters?.codeRepaired === true || citedYearGuessed) unsure.push(['references', true]);
  for (const name of repaired) unsure.push([name, true]);
  for (const [name, flagged] of unsure) {
    if (flagged)
      warnings.push({
        code: 'low_confidence',
        field: name,
        confidence: DAMAGED_READING_CONFIDENCE,
      });
  }
  warnings.push(...legacyWarnings(document, letter));
  return { ...letter, warnings };
}
