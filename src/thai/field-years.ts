/**
 * The Buddhist-era year a subject names (ประจำปีงบประมาณ พ.ศ. ๒๕๖๙, ภัยแล้ง ปี ๒๕๖๙) as OCR
 * of a scan damages it, put back where only one reading is possible:
 * - พ.ศ. read as Latin letters (`WA.`, `na,`) before a year in Thai digits: no print puts
 *   Latin letters with a dot before a Thai-digit Buddhist-era year;
 * - a speck glued after ปี (`ปี.๒๕๖๙`): ปี is a word, not an abbreviation, and takes no dot;
 * - ปี with its vowel lost before a Buddhist-era year (`ประจำป ๒๕๖๙`, `ป 2569`): ป alone is
 *   no word, and a Thai letter with a year after it is ป. only with its dot (ป.๖ is a grade);
 * - พ.ศ. glued to its year (`พ.ศ.๒๕๗๐`): the form prints a space between them, which OCR
 *   drops; only the space is put back;
 * - ประจำปี with its vowel lost before another word or at the end (`ประจำปจังหวัด`,
 *   `ครุภัณฑ์ประจำป`): ประจำป is no word; before ร it may be ประจำประเทศ, left as read;
 * - the year's first digit misread (`๕๕๖๙`) after ปี, พ.ศ. or a ปี… word: every year a letter
 *   names starts with ๒; taken only when the year with ๒ is within a year of the letter's own
 *   date, the years a subject names, so a Gregorian year or a number is never touched.
 * Everything else is kept as read; the caller shows a repaired field as unsure.
 */
import { LETTER_YEARS } from 'src/thai/be-date.js';
import { parseDigits } from 'src/thai/digits.js';

const THAI_YEAR = '[\\u0E50-\\u0E59]{4}(?![\\u0E50-\\u0E590-9])';
/** Latin letters with a dot or a comma (one or two groups) where พ.ศ. stood. */
const ERA_AS_LATIN = new RegExp(
  `(?<=^|\\s)[A-Za-z]{1,3}[.,](?:[A-Za-z]{1,2}[.,]?)?\\s*(?=${THAI_YEAR})`,
  'g',
);
const SPECK_AFTER_PI = new RegExp(
  `(?<=(?:^|[\\s\\u0E01-\\u0E4E])ปี)[.,'\`]\\s*(?=${THAI_YEAR})`,
  'g',
);
/** ป with no mark after it, alone or after ประจำ, then a year of four digits, Thai or Arabic. */
const PI_WITHOUT_VOWEL =
  /(?<=^|\s|ประจำ)ป(?=\s*([\u0E50-\u0E59]{4}|[0-9]{4})(?![\u0E50-\u0E590-9]))/g;
const ERA_GLUED = /(?<=^|\s)พ\.ศ\.(?=[\u0E50-\u0E590-9]{4}(?![\u0E50-\u0E590-9]))/g;
/** ประจำป at the end, before a space or a consonant other than ร (ประจำประเทศ). */
const PRACHAM_PI = /ประจำป(?=$|\s|[\u0E01-\u0E22\u0E24-\u0E2E])/g;
/** A year after the words that name one: ปี, พ.ศ., ปีงบประมาณ, ปีการศึกษา. */
const NAMED_YEAR = new RegExp(`(ปี|พ\\.ศ\\.|ปีงบประมาณ|ปีการศึกษา)(\\s*)(${THAI_YEAR})`, 'g');

export interface YearRepair {
  text: string;
  repaired: boolean;
}

/** `letterYear`: the Buddhist-era year of the letter's date, null when it has none. */
export function fieldYearsRepaired(text: string, letterYear: number | null): YearRepair {
  let out = text
    .replace(ERA_AS_LATIN, 'พ.ศ. ')
    .replace(SPECK_AFTER_PI, ' ')
    .replace(ERA_GLUED, 'พ.ศ. ')
    .replace(PRACHAM_PI, 'ประจำปี')
    .replace(PI_WITHOUT_VOWEL, (pi: string, year: string) => {
      const value = parseDigits(year);
      const buddhist =
        value !== null && value >= LETTER_YEARS.minYear && value <= LETTER_YEARS.maxYear;
      return buddhist ? 'ปี' : pi;
    });
  if (letterYear !== null) {
    out = out.replace(NAMED_YEAR, (whole, word: string, space: string, year: string) => {
      if (year.startsWith('๒')) return whole;
      const repaired = `๒${year.slice(1)}`;
      const value = parseDigits(repaired);
      if (
        value === null ||
        value < LETTER_YEARS.minYear ||
        value > LETTER_YEARS.maxYear ||
        Math.abs(value - letterYear) > 1
      ) {
        return whole;
      }
      return `${word}${space}${repaired}`;
    });
  }
  return { text: out, repaired: out !== text };
}
