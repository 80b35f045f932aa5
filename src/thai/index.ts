/**
 * The Thai core's public API (invariant 5, see src/thai/README.md#purity: pure, no
 * framework, database or I/O). Everything else in the system calls these; they call nothing
 * outside src/thai.
 */
export type { ParseError, Result } from 'src/thai/result.js';

export {
  convertDigits,
  formatNumber,
  isArabicDigit,
  isThaiDigit,
  parseDigits,
  toArabicDigits,
  toThaiDigits,
  type DigitSet,
  type NumberFormatOptions,
} from 'src/thai/digits.js';

export {
  composeSaraAm,
  decodeTis620Garbage,
  decodeUtf8Garbage,
  detectLegacyEncoding,
  foldWhitespace,
  normalizeDocumentText,
  normalizeThaiText,
  removeZeroWidth,
  SEARCH_FORM_LETTERS,
  searchForm,
  THAI_COMBINING_MARKS,
  toMatchForm,
  type LegacyEncoding,
  type LegacyEncodingFinding,
} from 'src/thai/normalize.js';

export {
  MONTHS,
  SECRECY_CLASSES,
  SPEED_CLASSES,
  SPEED_WITHIN_LABEL,
  WEEKDAYS,
  monthLabel,
  monthNumberOf,
  secrecyClassOf,
  speedClassOf,
  weekdayIndexOf,
  weekdayLabel,
  type MonthLabel,
  type SecrecyClass,
  type SecrecyCode,
  type SecrecyLabel,
  type SpeedClass,
  type SpeedCode,
  type SpeedLabel,
  type WeekdayLabel,
} from 'src/thai/labels.js';

export {
  BUDDHIST_ERA_OFFSET,
  addDays,
  addYears,
  bangkokBuddhistYear,
  bangkokDate,
  bangkokTime,
  daysBetween,
  isLeapYear,
  parseIsoDate,
  toBuddhistYear,
  toGregorianYear,
  weekdayOf,
} from 'src/thai/calendar.js';

export {
  DEFAULT_MAX_YEAR,
  DEFAULT_MIN_YEAR,
  LETTER_YEARS,
  findDatesInText,
  findTimesInText,
  formatThaiDate,
  formatThaiTime,
  parseDateLine,
  parseThaiDate,
  parseThaiTime,
  thaiWeekdayName,
  type DateError,
  type DateErrorCode,
  type DateFormatOptions,
  type DateLineResult,
  type DateParseOptions,
  type DateStyle,
  type ParsedThaiDate,
} from 'src/thai/be-date.js';

export {
  findReferenceNumbers,
  formatReferenceNumber,
  parseRefLine,
  parseReferenceNumber,
  type RefLineResult,
  type ReferenceError,
  type ReferenceErrorCode,
  type ReferenceNumber,
  type ReferenceNumberParts,
} from 'src/thai/reference-number.js';

export {
  parseLetter,
  type CitedLetter,
  type LetterDate,
  type LetterKind,
  type LetterParseOptions,
  type LetterWarning,
  type ParsedLetter,
  type Signatory,
} from 'src/thai/letter-parser.js';
export type { PrintedStamp } from 'src/thai/printed-stamps.js';
export type { ConsistencyOptions } from 'src/thai/letter-checks.js';
export { formatLetterSummary, type SummaryOptions } from 'src/thai/letter-summary.js';
