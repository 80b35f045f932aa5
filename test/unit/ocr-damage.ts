/**
 * What OCR of a scanned letter does to its text, one class at a time, applied the same way
 * to any letter: so the letter parser can be checked on letters the OCR bench never scans.
 * Every damage is deterministic (no randomness): a failure names the letter and the class.
 */
import type { ParsedLetter } from 'src/thai/letter-parser.js';
import { MONTHS } from 'src/thai/labels.js';

export type Damage = (text: string) => string;

const lines = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');

/** Tone marks written over an upper vowel are lost (เรื่อง → เรือง, ที่ → ที, สิ้น → สิน). */
export const dropTonesOverVowels: Damage = (text) =>
  text.replace(/([\u0E31\u0E34-\u0E37])[\u0E48-\u0E4B]/g, '$1');

/**
 * The labels of the head lose their upper vowels and tone marks too (เรื่อง → เรอง, เรียน →
 * เรยน, อ้างถึง → อางถง, สิ่งที่ส่งมาด้วย → สงทสงมาดวย, ที่ → ท, ขอแสดงความนับถือ →
 * ขอแสดงความนบถอ): the word at the start of a line, only when it is one of the letter's
 * labels, the rest of the line as printed.
 */
const skeleton = (word: string): string => word.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '');
const LABEL_WORDS = [
  'สิ่งที่ส่งมาด้วย',
  'อ้างถึง',
  'เรื่อง',
  'กราบเรียน',
  'เรียน',
  'ส่วนราชการ',
  'ขอแสดงความนับถือ',
  'ที่',
];
export const labelsLoseMarks: Damage = (text) =>
  lines(text)
    .map((line) => {
      const lead = /^\s*/.exec(line)?.[0] ?? '';
      const rest = line.slice(lead.length);
      const word = LABEL_WORDS.find(
        (w) => rest.startsWith(w) && /^(?:\s|:|$)/.test(rest.slice(w.length)),
      );
      return word === undefined ? line : lead + skeleton(word) + rest.slice(word.length);
    })
    .join('\n');

const MONTH_NAMES = MONTHS.map((m) => m.name);
/** Full month names lose the marks above and below their letters (พฤศจิกายน → พฤศจกายน). */
export const monthsLoseMarks: Damage = (text) =>
  MONTH_NAMES.reduce((t, m) => t.split(m).join(skeleton(m)), text);

/**
 * Speed and secrecy marks printed on a line of their own lose their marks (ด่วนมาก → ดวนมาก,
 * ด่วนที่สุด → ดวนทสด, ลับ → ลบ).
 */
export const marksLoseMarks: Damage = (text) =>
  lines(text)
    .map((line) =>
      /^\s*(?:ด่วน\s?(?:ที่สุด|มาก)?|ลับ\s?(?:ที่สุด|มาก)?)\s*$/.test(line) ? skeleton(line) : line,
    )
    .join('\n');

/** A space inside each label word at a line's start (เรื่อง → เรื่ อง, สิ่งที่ → สิ่ง ที่). */
export const spaceInsideLabels: Damage = (text) =>
  lines(text)
    .map((line) =>
      line.replace(
        /^(\s*)(เรื่|เรีย|อ้าง|สิ่ง|ขอแสดง)(?=(?:อง|น|ถึง|ที่ส่งมาด้วย|ความนับถือ)(?:\s|:|$))/,
        (_m, lead: string, head: string) => `${lead}${head} `,
      ),
    )
    .join('\n');

/** OCR of a page does not keep its blank lines. */
export const dropBlankLines: Damage = (text) =>
  lines(text)
    .filter((l) => l.trim() !== '')
    .join('\n');

/**
 * Specks in the margins: on every other line a Latin letter, a digit or a mark after a
 * column gap at the end, on every third a speck before the line, and a line of specks
 * between paragraphs.
 */
const SPECKS = ['0', 'a', '.', '&', '0 0', 'Ei', '7', '“'];
export const addSpecks: Damage = (text) =>
  lines(text)
    .flatMap((line, i) => {
      if (line.trim() === '') return i % 4 === 0 ? ['a     vw        0 a'] : [line];
      let out = line;
      if (i % 2 === 0) out = `${out}       ${SPECKS[i % SPECKS.length]}`;
      if (i % 3 === 0) {
        // In the margin: over the line's indent when it has one, so its columns stay put.
        const speck = SPECKS[(i + 3) % SPECKS.length] ?? '';
        const indent = out.length - out.trimStart().length;
        out =
          indent >= speck.length + 2
            ? speck + out.slice(speck.length)
            : `${speck}      ${out.trimStart()}`;
      }
      return [out];
    })
    .join('\n');

/**
 * Thai digits of the reference number (ที่ line) read as Latin look-alikes: ๐ → o, ๗ → w
 * (`wo` for ๗๐).
 */
export const latinDigitsInReference: Damage = (text) =>
  lines(text)
    .map((line) =>
      /^\s*ที่\s/.test(line)
        ? line.replace(/(?<=ที่\s*[\u0E01-\u0E2E]{2,4}\.?\s*[^\s]*)[๐๗]/g, (d) =>
            d === '๐' ? 'o' : 'w',
          )
        : line,
    )
    .join('\n');

/** The ที่ label itself garbled into a speck (`#1 ชร 0033.004/4519`). */
export const garbledReferenceLabel: Damage = (text) =>
  lines(text)
    .map((line) => line.replace(/^(\s*)ที่(?=\s*[\u0E01-\u0E2E]{2,4}\.?\s*[\d๐-๙])/, '$1#1'))
    .join('\n');

/** A memo's วันที่, in its own column of the ที่ line, read as Latin letters (`WN ๑๑ …`). */
export const garbledDateLabel: Damage = (text) =>
  lines(text)
    .map((line) => line.replace(/^(\s*ที่\s.*\S {2,})วันที่(?=\s*[\d๐-๙])/, '$1WN'))
    .join('\n');

export const compose =
  (...damages: Damage[]): Damage =>
  (text) =>
    damages.reduce((t, d) => d(t), text);

/** A scanned page as OCR reads it: every class above at once. */
export const scanned: Damage = compose(
  latinDigitsInReference,
  labelsLoseMarks,
  dropBlankLines,
  dropTonesOverVowels,
  spaceInsideLabels,
  addSpecks,
);

/** The fields a clerk's form is prefilled with, as comparable values. */
export function prefill(p: ParsedLetter, text: Damage = (t) => t) {
  const s = (v: string | null | undefined) => (v == null ? null : text(v));
  return {
    kind: p.kind,
    urgency: p.urgency,
    secrecy: p.secrecy,
    reference: p.referenceNumber && [
      p.referenceNumber.agencyPrefix,
      p.referenceNumber.agencyNumber,
      p.referenceNumber.circular,
      p.referenceNumber.serial,
    ],
    date: p.letterDate?.date ?? null,
    subject: s(p.subject),
    salutation: s(p.salutation),
    references: p.references.map((r) => [r.serial, r.date]),
    enclosures: p.enclosures.length,
    signatory: s(p.signatory?.name),
    ownerUnit: s(p.ownerUnit),
    stamps: p.receiptStamps.map((st) => [st.receiptNumber, st.date]),
  };
}

export const DAMAGES: Record<string, Damage> = {
  'blank lines dropped': dropBlankLines,
  'tone marks over upper vowels dropped': dropTonesOverVowels,
  'labels without their marks': labelsLoseMarks,
  'a space inside each label': spaceInsideLabels,
  'specks in the margins': compose(dropBlankLines, addSpecks),
  'Latin look-alike digits in the reference number': latinDigitsInReference,
  'the ที่ label garbled': garbledReferenceLabel,
  'month names without their marks': monthsLoseMarks,
  'a memo date label garbled': garbledDateLabel,
  'speed and secrecy marks without their marks': marksLoseMarks,
  'all at once': scanned,
};
