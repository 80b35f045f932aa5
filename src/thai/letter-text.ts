/**
 * The line model and the small recognisers the letter parser and the receipt-stamp
 * extractor share: field labels, speed/secrecy marks, unit names, contact lines, column
 * gaps. Everything here works on one line at a time with precompiled patterns.
 */
import { LETTER_YEARS, findDatesInText, parseThaiDate, type DateInText } from 'src/thai/be-date.js';
import {
  OCR_DROPPED_MARK,
  ocrSkeleton,
  SECRECY_CLASSES,
  SECRECY_PATTERN,
  SPEED_CLASSES,
  SPEED_PATTERN,
  SPEED_WITHIN_LABEL,
  secrecyClassOf,
  speedClassOf,
} from 'src/thai/labels.js';
import { foldWhitespace, toMatchForm } from 'src/thai/normalize.js';

/** One line of the document. `text` and `match` have the same length and offsets. */
export interface Line {
  /** The line as printed after document normalisation (column gaps kept). */
  text: string;
  /** Its match form: Thai digits as ASCII, Latin o in numbers as 0. */
  match: string;
  /**
   * Set when maskSpecks blanked the whole line: a line of a scan's dust, not a blank line of
   * the letter (OCR gives no blank lines), so it separates no block.
   */
  dust?: true;
  /** How many cells at the line's ends maskSpecks blanked as specks (none when unset). */
  specks?: number;
}

/**
 * A Thai vowel or tone mark with no consonant under it (after a space, a dot, a digit, a
 * Latin letter or a sign) is not print: OCR of a scan reads one out of a speck
 * (`๒๙ ก.ุย. ๒๕๖๙`, `งบประมาณ ๊ จำนวน`). The match form has a space there.
 */
const ORPHAN_MARK = /(?<=^|[^\u0E01-\u0E4E])[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]+/gm;

/** The match form of a letter's text: toMatchForm, and a space for each orphan mark. */
export function lineMatchForm(text: string): string {
  return toMatchForm(text).replace(ORPHAN_MARK, (marks) => ' '.repeat(marks.length));
}

export function toLines(document: string): Line[] {
  // The match form keeps offsets and line breaks, so it splits into the same lines.
  const matches = lineMatchForm(document).split('\n');
  return document.split('\n').map((text, i) => ({ text, match: matches[i] ?? text }));
}

/** Blank out [start, end) of a line (kept as spaces so offsets stay valid). */
export function maskLine(line: Line, start: number, end: number = line.text.length): void {
  if (end <= start) return;
  const pad = ' '.repeat(end - start);
  line.text = line.text.slice(0, start) + pad + line.text.slice(end);
  line.match = line.match.slice(0, start) + pad + line.match.slice(end);
}

const NON_SPACE = /\S/;

export function isBlank(line: Line | undefined): boolean {
  return line === undefined || !NON_SPACE.test(line.text);
}

/** Offset of the first non-space character (the length when there is none). */
function leadOf(text: string): number {
  const i = text.search(NON_SPACE);
  return i < 0 ? text.length : i;
}

/** Field text as the output wants it: whitespace runs collapsed, trimmed. */
export const clean = foldWhitespace;

// ---------------------------------------------------------------------------------------
// Column gaps. OCR of a two-column head (ที่ on the left, a stamp on the right) leaves two
// or more spaces between the columns; a single space is just a word break.

export interface Cell {
  start: number;
  end: number;
  text: string;
}

const CELL = /\S+(?: \S+)*/g;

export function cellsOf(text: string): Cell[] {
  return [...text.matchAll(CELL)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

/** True when [0, index) of the line holds only spaces, or a column gap just before index. */
export function startsCell(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return before.trim() === '' || /\S {2,}$/.test(before);
}

/**
 * startsCell, or only a time stands between the cell's start and index (a stamp that
 * prints เวลา ๐๙.๓๐ น. before วันที่ ๗ ก.ค. ๖๗). `line.match` is searched for the time.
 */
export function startsCellAfterTime(line: Line, index: number): boolean {
  if (startsCell(line.text, index)) return true;
  const cells = cellsOf(line.text.slice(0, index));
  const start = cells[cells.length - 1]?.start ?? 0;
  return TIME_ONLY.test(line.match.slice(start, index));
}

// ---------------------------------------------------------------------------------------
// Scanner specks. Dust and stains on a scanned page come back from OCR as short runs of
// Latin letters, digits or punctuation, or a lone Thai letter, in the margins: a cell of
// their own at a line's start or end (after a column gap), or a line of nothing else. They
// are blanked before the letter is read, so a name in parentheses or a date is alone on its
// line again. What carries meaning is never a speck: Thai digits, two Thai letters in a row
// (a word or a letter code), a Thai letter with its vowel or tone mark (ที่) or its
// abbreviation dot (น.), two digits in a row, an item number (1. or 2)), brackets.

const SPECK_CELL_MAX = 3;

function isSpeckCell(text: string): boolean {
  const bare = text.replace(/\s+/g, '');
  return (
    bare.length <= SPECK_CELL_MAX &&
    !/\d\d/.test(text) &&
    !/[\u0E50-\u0E59]|[\u0E01-\u0E2E\u0E40-\u0E44][\u0E01-\u0E4E]*[\u0E01-\u0E2E]|[\u0E01-\u0E2E][\u0E30-\u0E4E.]|^\(?\d[.)]|[()]/.test(
      bare,
    )
  );
}

/**
 * A scattered cell of a dust line: short, no digits that mean anything, no Thai word. A lone
 * Thai letter with a mark (ร่, ณี่) counts here: on a line of three or more such cells it is
 * dust, not a label.
 */
function isScatteredSpeck(text: string): boolean {
  return (
    text.replace(/\s+/g, '').length <= SPECK_CELL_MAX &&
    !/[\u0E50-\u0E59]|\d\d|[\u0E01-\u0E2E][\u0E30-\u0E4E]*[\u0E01-\u0E2E]/.test(text) &&
    // A bracket with a digit or a Thai letter is an item number ((๑), 2), (ก)); with Latin
    // letters or signs only (`Iv)`) it is dust like them.
    !(/[()]/.test(text) && /[\d\u0E01-\u0E4E]/.test(text))
  );
}

/** Whether every token of a line is a speck (a line of dust). */
function isSpeckLine(text: string): boolean {
  const cells = cellsOf(text);
  if (cells.length === 0) return false;
  if (cells.every((c) => c.text.split(' ').every((t) => isSpeckCell(t)))) return true;
  return cells.length >= 3 && cells.every((c) => c.text.split(' ').every(isScatteredSpeck));
}

/**
 * A line of scattered dust that carries a digit (`i  a  ฆ  ๑7  ๐  จ  ม`, `ง4  ๕ซ่  Ig  ส`):
 * three words or more, none longer than three characters, no Thai word (two letters in a
 * row), no item number opening it (one further on, among the specks, is one of them). maskSpecks keeps such a line, a Thai digit being never a speck on
 * its own; the header fields skip it only when a label follows (`dustBeforeLabel` in the
 * parser), where nothing of the letter is printed between two fields.
 */
export function isDigitDustLine(line: Line): boolean {
  const tokens = line.text.split(/\s+/).filter((t) => t !== '');
  return (
    tokens.length >= 3 &&
    tokens.every(
      (t, i) =>
        t.length <= SPECK_CELL_MAX &&
        !/[\u0E01-\u0E2E\u0E40-\u0E44][\u0E30-\u0E4E]*[\u0E01-\u0E2E]/.test(t) &&
        // An item number opens its line; among specks further on it is one (`a  6.  a`).
        !(i === 0 && /^\(?[\d\u0E50-\u0E59]{1,2}[.)]$/.test(t)) &&
        !/[()]/.test(t),
    )
  );
}

/**
 * A line of short cells scattered across the page (`<4       สม ๕9        oy        i`,
 * `{ds        ไว        ๐`, `£4      ๑ฉ๑7      sa      ๐`): three cells or more apart by
 * column gaps (the specks maskSpecks blanked at its ends among them), no word longer than
 * four characters, no bracket, no item number opening it, no Thai word but two bare letters
 * (สม, ไว: three letters, or two with a vowel or tone mark read over them, ข้อ, are print).
 * A scan's dust and a stamp's broken strokes read so; a line of the letter is running text,
 * or a label with its content. Looser than isDigitDustLine, so the parser skips it only
 * right before a header field not read yet or the next item of a numbered list.
 */
const MARKED = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

export function isScatteredDustLine(line: Line): boolean {
  // Cells maskSpecks already blanked at the line's ends count among them.
  if (cellsOf(line.text).length + (line.specks ?? 0) < 3) return false;
  const tokens = line.text.split(/\s+/).filter((t) => t !== '');
  return tokens.every(
    (t, i) =>
      t.length <= SPECK_CELL_MAX + 1 &&
      !/[\u0E01-\u0E2E\u0E40-\u0E44][\u0E30-\u0E4E]*[\u0E01-\u0E2E][\u0E30-\u0E4E]*[\u0E01-\u0E2E]/.test(
        t,
      ) &&
      !(/[\u0E01-\u0E2E\u0E40-\u0E44][\u0E30-\u0E4E]*[\u0E01-\u0E2E]/.test(t) && MARKED.test(t)) &&
      !(i === 0 && /^\(?[\d\u0E50-\u0E59]{1,2}[.)]$/.test(t)) &&
      !/[()]/.test(t),
  );
}

/** Words a lone number in the next column belongs to (เลขรับ   5, จำนวน   1, เขต   2). */
const TAKES_A_NUMBER =
  /(?:^|\s)(?:เลข(?:ที่)?รับ(?:ที่?)?|รับที่?|ทะเบียนรับ|เลขที่|ที่|จำนวน|ข้อ|หน้า|เขต|ชั้น|หมู่(?:ที่)?|ครั้งที่|ฉบับที่)\s*[:.]?$/;

/**
 * Blank the specks of each line in place: a whole line of them, or a cell of them at either
 * end of a line that has a column gap before (or after) it. Offsets stay valid.
 */
export function maskSpecks(lines: Line[]): void {
  for (const line of lines) {
    if (isBlank(line)) continue;
    if (isSpeckLine(line.text)) {
      maskLine(line, 0);
      line.dust = true;
      continue;
    }
    const cells = cellsOf(line.text);
    while (
      cells.length > 1 &&
      isSpeckCell(cells[cells.length - 1].text) &&
      !TAKES_A_NUMBER.test(cells[cells.length - 2].text)
    ) {
      const last = cells.pop()!;
      maskLine(line, last.start, last.end);
      line.specks = (line.specks ?? 0) + 1;
    }
    while (cells.length > 1 && isSpeckCell(cells[0].text)) {
      const first = cells.shift()!;
      maskLine(line, first.start, first.end);
      line.specks = (line.specks ?? 0) + 1;
    }
    maskSignsBeforeLabel(line);
  }
}

/** Signs a scan leaves at a line's start, glued to the word after them or apart. */
const LEADING_SIGNS =
  /^\s*[-–|.:_~'`"•,;]+(?:\s+[-–|.:_~'`"•,;]+)*\s*(?=[\u0E01-\u0E2E\u0E40-\u0E44])/;
/** A receipt stamp's keywords, which start their lines as labels do. */
const STAMP_KEYWORD = /^(?:เลข(?:ที่?)?รับ|รับที่?\s*[:.]?\s*\d|ทะเบียนรับ|เวลา\s*\d)/;

/**
 * Signs read before a date's วันที่ or a stamp's keyword (`- | วันที 24 ส.ค. 2570`,
 * `.วันที่ ๑๕ …`, `- เลขรับ ๘๘๑`): print sets nothing before them on their line, and the signs
 * hid the label (the line started with them) and moved where its field starts. Blanked in
 * place. Signs before any other word stay (a dash may open a unit's name as a speck or as
 * print alike), and so do those before a header's label, which its own reading flags.
 */
function maskSignsBeforeLabel(line: Line): void {
  const signs = LEADING_SIGNS.exec(line.match);
  if (signs === null) return;
  const end = signs[0].length;
  const bare = { ...line, match: ' '.repeat(end) + line.match.slice(end) };
  if (labelOf(bare)?.label === 'date' || STAMP_KEYWORD.test(line.match.slice(end))) {
    maskLine(line, 0, end);
  }
}

// ---------------------------------------------------------------------------------------
// Labels.

export type FieldLabel =
  | 'subject'
  | 'salutation'
  | 'to'
  | 'cited'
  | 'enclosure'
  | 'unit'
  | 'date'
  | 'memoHead'
  | 'copies'
  | 'closing';

// OCR of Thai often drops a tone mark written over an upper vowel (ที่ → ที, เรื่อง → เรือง,
// สิ่ง → สิง): labels and the words that start a date accept the mark as missing.
// Longest first where one label starts another (สิ่งที่ส่งมาด้วย before สิ่ง…; เรียน vs เรื่อง differ).
const LABELS: readonly (readonly [FieldLabel, RegExp])[] = [
  ['enclosure', /^(?:สิ่?งที่?ส่งมาด้วย|สิ่?งที่?แนบมาด้วย|สิ่?งที่?ส่งมาพร้อมนี้?)\s*[:：]?\s*/],
  ['cited', /^อ้างถึง\s*[:：]?\s*/],
  ['subject', /^เรื่?อง\s*[:：]?\s*/],
  // คำขึ้นต้น (ระเบียบงานสารบรรณ ภาคผนวก ๘): เรียน for most addressees, กราบเรียน for the
  // Prime Minister, the President of the Privy Council and their peers, กราบทูล / ทูล for
  // members of the royal family, นมัสการ for monks. The addressee is what follows the word.
  [
    'salutation',
    /^(?:ขอพระราชทานกราบบังคมทูล|ขอประทานกราบทูล|กราบทูล|กราบเรียน|ทูล(?=\s|[:：])|นมัสการ(?=\s|[:：])|เรียน(?!รู้))\s*[:：]?\s*/,
  ],
  ['to', /^ถึง(?=\s|[:：]|$)\s*[:：]?\s*/],
  ['unit', /^ส่วนราชการ(?!ที่)\s*[:：]?\s*/],
  ['memoHead', /^บันทึก\s?ข้อความ\s*/],
  ['copies', /^สำเนา\s?ส่ง\s*[:：]?\s*/],
  [
    'closing',
    /^(?:ขอแสดงความนับถือ(?:อย่างสูง|อย่างยิ่ง)?|ด้วยความเคารพ(?:อย่างสูง|อย่างยิ่ง)?|ขอแสดงความเคารพ(?:อย่างสูง|อย่างยิ่ง)?|ควรมิควรแล้วแต่จะ(?:ทรง)?(?:พระกรุณา)?โปรด\S*|ขอนมัสการด้วยความเคารพ(?:อย่างยิ่ง)?)\s*$/,
  ],
  ['date', /^วันที่?(?=\s*\d)\s*/],
];

export interface LabelMatch {
  label: FieldLabel;
  /** Offset in the line where the field content starts. */
  contentStart: number;
  content: string;
}

/** The field label a line starts with (after leading spaces), on the match form. */
/** First letters of every label: most lines are rejected on one character. */
const LABEL_INITIALS = new Set(['ส', 'อ', 'เ', 'ถ', 'บ', 'ข', 'ด', 'ว', 'ก', 'ท', 'น', 'ค']);

export function labelOf(line: Line): LabelMatch | null {
  const lead = leadOf(line.match);
  if (!LABEL_INITIALS.has(line.match.charAt(lead))) return null;
  const rest = line.match.slice(lead);
  for (const [label, re] of LABELS) {
    const m = re.exec(rest);
    if (m !== null) {
      const contentStart = lead + m[0].length;
      return { label, contentStart, content: clean(line.text.slice(contentStart)) };
    }
  }
  return null;
}

/**
 * Labels as OCR of a scanned head reads them: without the marks above and below their
 * consonants (เรื่อง → เรอง, อ้างถึง → อางถง, สิ่งที่ส่งมาด้วย → สงทสงมาดวย), with a space
 * inside (เรื่ อง), the longer ones with one letter lost or added. Matched on the consonant
 * skeleton of the line's start, and only as a whole word (a space, a colon or the line's
 * end after it), also with a speck glued before it (.เรียน). Callers use this in the head
 * and header fields only, where a label is expected, and treat what it labels as unsure.
 */
const DAMAGED_LABELS: readonly (readonly [FieldLabel, string])[] = [
  ['enclosure', 'สิ่งที่ส่งมาด้วย'],
  ['enclosure', 'สิ่งที่แนบมาด้วย'],
  ['cited', 'อ้างถึง'],
  // Its อ read as ถ, ล or ฮ, the same round head with a tail a speck or a blur adds.
  ['cited', 'ถ้างถึง'],
  ['cited', 'ล้างถึง'],
  ['cited', 'ฮ้างถึง'],
  ['subject', 'เรื่อง'],
  ['salutation', 'กราบเรียน'],
  ['salutation', 'เรียน'],
  ['unit', 'ส่วนราชการ'],
  ['closing', 'ขอแสดงความนับถือ'],
].map(([label, word]) => [label as FieldLabel, ocrSkeleton(word)] as const);
/** Skeletons this long or longer may also have one letter lost, added or misread. */
const DAMAGED_LABEL_EDIT_FROM = 7;

/** Whether two strings differ by at most one letter lost, added or misread. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export interface DamagedLabelMatch extends LabelMatch {
  damaged: true;
}

/** The signs a scan's specks read as before a label (a class's inside, for a RegExp). */
const SPECK_SIGNS = '.,\'`"|_~\\-–—:;*•';

/**
 * A speck OCR glues before a label (.เรียน, 'เรื่อง), or leaves one space before it (`-
 * อ้างถึง`, `' เรื่อง`): one or two signs, never a letter or a digit, so an item number
 * (๑. ๒)) is not one; or a round speck read as a zero or an o one space before it (`0
 * เรียน`): no item is numbered zero, and an item number has its dot or bracket; or a Latin
 * letter or an Arabic digit with a quote or a bar glued after it (`7” แรื่อง`), which no
 * item number has, or glued to the label itself (`1เรือง`): an item number is parted from
 * its text by a dot or a bracket, and no word of the letter glues a Latin letter or an
 * Arabic digit to a Thai one. A round one glued (`0เรียน`, `o`) may be the label's own
 * round letter misread (อ) and stays.
 */
const GLUED_SPECK = new RegExp(
  `^(?:[${SPECK_SIGNS}]{1,2} ?|[0oO\\u0E50] |[0-9A-Za-z]['"\`‘’“”|_~:;*•] ?|[1-9A-NP-Za-np-z])(?=[\\u0E01-\\u0E2E\\u0E40-\\u0E44])`,
);

/** A speck after the closing: one or two signs, Latin letters or Arabic digits, apart. */
const CLOSING_SPECK = /^\s+[^\s\u0E01-\u0E59]{1,2}\s*$/;

export function damagedLabelOf(line: Line): DamagedLabelMatch | null {
  const start = leadOf(line.match);
  const lead = start + (GLUED_SPECK.exec(line.match.slice(start))?.[0].length ?? 0);
  // The skeleton of the line's first characters and where each skeleton letter was.
  const skeleton: string[] = [];
  const at: number[] = [];
  for (let i = lead; i < line.match.length && skeleton.length < 24; i++) {
    const c = line.match.charAt(i);
    if (c === ' ' || OCR_DROPPED_MARK.test(c)) continue;
    if (!/[\u0E01-\u0E2E\u0E30-\u0E33\u0E40-\u0E44]/.test(c)) break;
    skeleton.push(c);
    at.push(i);
  }
  const read = skeleton.join('');
  // เ with a speck beside it reads as แ (เรียน → แรียน): a label's เ may come as แ.
  const asRead = read.startsWith('แ') ? `เ${read.slice(1)}` : read;
  for (const [label, word] of DAMAGED_LABELS) {
    const lengths =
      word.length >= DAMAGED_LABEL_EDIT_FROM
        ? [word.length, word.length - 1, word.length + 1]
        : [word.length];
    for (const n of lengths) {
      if (n > read.length) continue;
      const prefix = (word.startsWith('เ') ? asRead : read).slice(0, n);
      const near = word.length >= DAMAGED_LABEL_EDIT_FROM && withinOneEdit(prefix, word);
      if (prefix !== word && !near) continue;
      let end = (at[n - 1] ?? lead) + 1;
      while (end < line.match.length && OCR_DROPPED_MARK.test(line.match.charAt(end))) end++;
      const after = line.match.slice(end);
      // The closing stands alone on its line, but for a speck a space after it (`… 0`).
      const closingEnds = after.trim() === '' || CLOSING_SPECK.test(after);
      if (label === 'closing' ? !closingEnds : !/^(?:\s|[:：]|$)/.test(after)) continue;
      const sep = /^\s*[:：]?\s*/.exec(after)?.[0].length ?? 0;
      const contentStart = end + sep;
      return { label, contentStart, content: clean(line.text.slice(contentStart)), damaged: true };
    }
  }
  return null;
}

/**
 * The label a head or header line starts with: as printed (labelOf), else as OCR damaged it
 * (damagedLabelOf).
 */
export function headLabelOf(line: Line): LabelMatch | DamagedLabelMatch | null {
  return labelOf(line) ?? damagedLabelOf(line);
}

/** `ที่` followed by something that reads as a reference number (ที่ประชุม is not). */
// A sign a scan left one space before ที่ (`- ที่ ตช …`) is a speck, as before a head label;
// so are one or two signs or a bracket alone across a gap before it (`)          ที่ ตซ …`):
// nothing is printed left of a reference number, and maskSpecks keeps brackets.
const REF_LABEL = new RegExp(
  `^\\s*(?:[${SPECK_SIGNS}]{1,2} |[${SPECK_SIGNS}()[\\]]{1,2} {2,})?ที่?\\s*[:.]?\\s*(?=[\\u0E01-\\u0E2E]{2,4}\\.?\\s*\\d)`,
);

export function refLabelEnd(match: string): number | null {
  const m = REF_LABEL.exec(match);
  return m === null ? null : m[0].length;
}

/**
 * A reference number whose ที่ OCR damaged: read as ท or ที, with its vowel read as another
 * upper vowel (ทิ ทึ ทื, often glued to the code: `ทึกห ๐๔๐๗/๗๗๗`), or as a speck of one or two
 * Latin letters, digits or signs (`#1 ชร 0033.004/4519`), or lost; or whose digits it read
 * as look-alike letters (serialLookAlikesRead). Only the whole grammar after it counts
 * (letter code, owner number, `/`, optional ว, serial), so an address line (กทม. ๑๐๒๐๐)
 * is never taken.
 */
const DAMAGED_REF_LABEL =
  /^\s*(?:ท[\u0E34-\u0E37]?่?|[^\s\u0E01-\u0E4E]{1,2})?\s*[:.]?\s*(?=[\u0E01-\u0E2E]{2,4}\.?\s*[\doOwlI][\doOwlI.\s]*\/\s*(?:ว\s*\.?\s*)?[\doOwlI])/;

export function damagedRefLabelEnd(match: string): number | null {
  const m = DAMAGED_REF_LABEL.exec(match);
  return m === null ? null : m[0].length;
}

/**
 * Latin letters OCR reads for digits of a reference number: o/O for ๐ or 0, w for ๗ (`wo`
 * for ๗๐), l/I for 1. Read as digits only where the grammar demands one: the owner number
 * and the serial.
 */
const SERIAL_LOOK_ALIKES: Readonly<Record<string, string>> = {
  o: '0',
  O: '0',
  w: '7',
  l: '1',
  I: '1',
};

/**
 * The match form of a reference number (from its letter code on) with the look-alike
 * letters of its owner number and serial read as the digits they stand for (`มท 0208.2/ว
 * wo` → `มท 0208.2/ว 70`), or null when there are none or the number is not all digits and
 * look-alikes. Offsets are kept.
 */
export function serialLookAlikesRead(match: string): string | null {
  const m =
    /^(\s*[\u0E01-\u0E2E]{2,4}\.?\s*)([0-9oOwlI][0-9oOwlI.\s]*?)(\s*\/\s*(?:ว\s*\.?\s*)?)([0-9oOwlI]+)(?=\s|$)/.exec(
      match,
    );
  if (m === null) return null;
  const [whole, code = '', owner = '', slash = '', serial = ''] = m;
  if (!/[oOwlI]/.test(owner + serial)) return null;
  const digits = (s: string) => s.replace(/[oOwlI]/g, (c) => SERIAL_LOOK_ALIKES[c] ?? c);
  return code + digits(owner) + slash + digits(serial) + match.slice(whole.length);
}

/**
 * A letter code is consonants alone (มท, ศธ, สข); a tone mark or ์ OCR reads over one of
 * them (`สข์ ๐๐๑๘.๔/๙๙`) is a speck. The match form of a line that starts, after its ที่ or
 * a speck for it, with such a code before a number, with the marks taken out of the code
 * (moved after it as spaces, so offsets past the code are kept), or null when there are
 * none. Vowels are never taken out: a word with a vowel is a word, not a code.
 */
const CODE_WITH_MARKS =
  /^(\s*(?:ที่?|[^\s\u0E01-\u0E4E]{1,2})?\s*[:.]?\s*)((?:[\u0E01-\u0E2E][\u0E48-\u0E4C]?){2,4})(?=\.?\s*[\doOwlI])/;

export function codeMarksDropped(match: string): string | null {
  const m = CODE_WITH_MARKS.exec(match);
  if (m === null) return null;
  const [whole, lead = '', code = ''] = m;
  const consonants = code.replace(/[\u0E48-\u0E4C]/g, '');
  if (consonants === code) return null;
  return lead + consonants.padEnd(code.length, ' ') + match.slice(whole.length);
}

/**
 * `ที่` followed by a number without letters before it: a bare serial (ที่ ๒๖๓) or an owner
 * number and serial with the letter code missing (ที่ ๐๒๑๐.๕/๒๖๓, ที่ /ว ๑๒). In a letter's
 * head this is a reference number that is wrong, not a line to skip.
 */
const BARE_REF_LABEL = /^\s*ที่\s*[:.]?\s*(?=(?:\d[\d.\s]*)?\/\s*(?:ว\s*\.?\s*)?\d|\d+\s*(?: {2}|$))/;

export function bareRefLabelEnd(match: string): number | null {
  const m = BARE_REF_LABEL.exec(match);
  return m === null ? null : m[0].length;
}

// ---------------------------------------------------------------------------------------
// Speed and secrecy marks.

const MARK_TOKEN = new RegExp(
  `^(?:(?<within>${SPEED_WITHIN_LABEL}.*)|(?<speed>${SPEED_PATTERN})|(?<secrecy>${SECRECY_PATTERN}))(?=\\s|$|[(\\[])`,
);

export interface Marks {
  speed: string | null;
  secrecy: string | null;
  /** Offset in the line just past the marks (and the spaces after them). */
  end: number;
}

/** Signs OCR glues before a mark at a line's start: quotes, a bar, a dot. */
const SPECK_BEFORE_MARK = /^['"`|.,:;‘’“”]{1,2}(?=[ดล])/;

/**
 * Speed and secrecy marks at the start of a line (ด่วนที่สุด, ลับ, both, in either order).
 * The labels come back as in the table (ด่วน ที่สุด → ด่วนที่สุด); a ด่วนภายใน mark keeps
 * its printed date and time.
 */
export function leadingMarks(line: Line): Marks {
  const lead = leadOf(line.match);
  let speed: string | null = null;
  let secrecy: string | null = null;
  // A speck OCR glued before the mark ('ด่วนที่สุด): taken only when a mark follows.
  let pos = lead + (SPECK_BEFORE_MARK.exec(line.match.slice(lead))?.[0].length ?? 0);
  // Every mark starts with ด (ด่วน…) or ล (ลับ…).
  const first = line.match.charAt(pos);
  if (first !== 'ด' && first !== 'ล') return { speed, secrecy, end: lead };
  for (;;) {
    const rest = line.match.slice(pos);
    const m = MARK_TOKEN.exec(rest);
    if (m?.groups === undefined) break;
    const g = m.groups;
    if (g.within !== undefined) {
      speed ??= clean(line.text.slice(pos, pos + m[0].length));
    } else if (g.speed !== undefined) {
      speed ??= speedClassOf(g.speed)?.label ?? null;
    } else if (g.secrecy !== undefined) {
      secrecy ??= secrecyClassOf(g.secrecy)?.label ?? null;
    }
    pos += m[0].length;
    pos += line.match.slice(pos).length - line.match.slice(pos).trimStart().length;
    // Brackets some agencies put around a mark: (ลับ) or [ด่วนที่สุด].
    const closing = /^[)\]]\s*/.exec(line.match.slice(pos));
    if (closing !== null) pos += closing[0].length;
  }
  return { speed, secrecy, end: speed === null && secrecy === null ? lead : pos };
}

/** A line that holds only marks: ด่วนที่สุด / ลับ / ด่วนมาก ลับมาก. */
/** Brackets, bars and rules some agencies and OCR draw around a mark: (ลับ) | ด่วน | -ลับ-. */
const MARK_FRAME = /[()[\]|*\-–—"“”]/g;

export function isMarkOnly(line: Line): Marks | null {
  if (!line.match.includes('ด่วน') && !line.match.includes('ลับ')) return null;
  const bare: Line = {
    text: line.text.replace(MARK_FRAME, ' '),
    match: line.match.replace(MARK_FRAME, ' '),
  };
  const marks = leadingMarks(bare);
  if (marks.speed === null && marks.secrecy === null) return null;
  return bare.match.slice(marks.end).trim() === '' ? marks : null;
}

/**
 * A line that is one speed or secrecy mark as OCR of a scan reads it: without its marks
 * above and below (ดวนมาก, ดวนทสุด, ลบ) or with a space inside. Only a whole line of its own
 * counts (marks are printed alone at the head and the foot), and the caller treats the
 * mark as unsure. Both kinds on one line, or a mark read as printed, are isMarkOnly's.
 */
const DAMAGED_MARKS: readonly { skeleton: string; speed: string | null; secrecy: string | null }[] =
  [
    ...SPEED_CLASSES.map((c) => ({
      skeleton: ocrSkeleton(c.label),
      speed: c.label,
      secrecy: null,
    })),
    ...SECRECY_CLASSES.map((c) => ({
      skeleton: ocrSkeleton(c.label),
      speed: null,
      secrecy: c.label,
    })),
  ];

const GLUED_MARK_SPECK = /(?<=[\u0E01-\u0E4E])[^\s\u0E01-\u0E59()]{1,2}$/;

export function damagedMarkOnly(
  line: Line,
): { speed: string | null; secrecy: string | null } | null {
  // A speck a word apart from the mark (`ลบ 0`, `. ดวนมาก`) is no part of it; a Thai digit
  // is never a speck (ลบ ๕).
  const text = line.text.replace(MARK_FRAME, ' ');
  const match = line.match.replace(MARK_FRAME, ' ');
  const kept = [...text.matchAll(/\S+/g)].filter(
    (w) => !(isSpeckCell(w[0]) && !/[\u0E01-\u0E2E]/.test(w[0])),
  );
  const words = kept.map((w, i) => {
    // A speck glued after the mark (`ลบมาก63`): Latin letters, Arabic digits or signs, one
    // or two; a Thai digit is never one.
    const glued = i === kept.length - 1 ? (GLUED_MARK_SPECK.exec(w[0])?.[0].length ?? 0) : 0;
    return match.slice(w.index, w.index + w[0].length - glued);
  });
  const bare = ocrSkeleton(words.join(''));
  if (bare.length < 2 || bare.length > 8) return null;
  const found = DAMAGED_MARKS.find((m) => m.skeleton === bare);
  return found === undefined ? null : { speed: found.speed, secrecy: found.secrecy };
}

// ---------------------------------------------------------------------------------------
// Units, people, contacts.

/**
 * Abbreviated unit names as clerks write them on stamps and feet, always with their dot:
 * สนจ. (สำนักงานจังหวัด), สถจ. (สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด), ทถ. (ท้องถิ่น),
 * อบต./อบจ., ทต./ทม./ทน. (เทศบาลตำบล/เมือง/นคร), สสจ./สสอ. (สาธารณสุขจังหวัด/อำเภอ),
 * รพ./รพ.สต. (โรงพยาบาล/ส่งเสริมสุขภาพตำบล), สพป./สพม./สพฐ. (เขตพื้นที่การศึกษา), ศธจ.,
 * พมจ., ปภ., ปศจ., กษจ., สภ. (สถานีตำรวจภูธร), บก./บช./กก. (ตำรวจ), สนง. (สำนักงาน) …
 * Position abbreviations (ผอ., ผวจ., นอ.) are people, not units, and are not listed.
 */
const UNIT_ABBREVIATIONS = [
  'สนจ',
  'สถจ',
  'สถอ',
  'สถ',
  'ทถ',
  'อบต',
  'อบจ',
  'ทต',
  'ทม',
  'ทน',
  'สสจ',
  'สสอ',
  'รพ',
  'รพสต',
  'สพป',
  'สพม',
  'สพฐ',
  'ศธจ',
  'ศธภ',
  'พมจ',
  'ปภ',
  'ปศจ',
  'ปศอ',
  'กษจ',
  'กษอ',
  'สภ',
  'สภ.อ',
  'บก',
  'บช',
  'กก',
  'สนง',
  'สป',
  'สปจ',
  'สรจ',
  'สคจ',
  'ยธจ',
  'สตง',
  'สตช',
  'กทม',
];
const UNIT_ABBREVIATION = new RegExp(
  `^(?:${[...UNIT_ABBREVIATIONS]
    .sort((a, b) => b.length - a.length)
    .map((a) => [...a.replace('.', '')].join('\\.?'))
    .join('|')})\\.\\s?(?=[\\u0E01-\\u0E2E\\u0E40-\\u0E44])`,
);

/**
 * Whether text starts with a listed unit abbreviation and its dot (สนจ.ร้อยเอ็ด, อบต. บ้านใหม่),
 * a name after it that may open with a vowel written before its consonant (ทต.โคกสี).
 */
export function startsWithUnitAbbreviation(text: string): boolean {
  return UNIT_ABBREVIATION.test(text.trimStart());
}

/**
 * A unit named by an abbreviation alone, listed or not (สลค., กพร., รพ.สต.): Thai consonants
 * only, each group closed by a dot, nothing after. Only a place that already says "a unit
 * stands here" (the cell before a stamp's receipt keyword) may take it for one.
 */
const BARE_UNIT_ABBREVIATION = /^[\u0E01-\u0E2E]{2,6}\.(?:[\u0E01-\u0E2E]{1,4}\.)*$/;

export function isBareUnitAbbreviation(text: string): boolean {
  return BARE_UNIT_ABBREVIATION.test(text.trim());
}

/** Words a unit name starts with (สำนักงาน…, กลุ่มงาน…, อบต.…). */
const UNIT_START =
  /^(?:สำนักงาน|สำนัก|กอง|กลุ่ม|ฝ่าย|ศูนย์|ส่วน|งาน|แผนก|หน่วย|กรม|กระทรวง|จังหวัด|อำเภอ|ที่ว่าการ|ที่ทำการ|ศาลากลาง|องค์การ|องค์กร|เทศบาล|อบต|อบจ|โรงเรียน|โรงพยาบาล|วิทยาลัย|มหาวิทยาลัย|สถาบัน|สถานี|สภา|คณะ|ศาล|ตำรวจ|ค่าย|กองบัญชาการ|สาธารณสุข|ด่าน)/;

export function startsWithUnitWord(text: string): boolean {
  return UNIT_START.test(text.trimStart()) || startsWithUnitAbbreviation(text);
}

/**
 * Unit words whose first letter OCR reads as a look-alike that differs from it by a small
 * stroke (ก as ภ, อ as ล or ถ: ภองควบคุม…, ลงค์การ…, ถำเภอ…). Read so, none is a word; ก
 * as ถ is left out (ถอง is one).
 */
const MISREAD_UNIT_STARTS: readonly (readonly [string, string])[] = [
  ['กองบัญชาการ', 'ภ'],
  ['กระทรวง', 'ภ'],
  ['กลุ่ม', 'ภ'],
  ['กอง', 'ภ'],
  ['กรม', 'ภ'],
  ['องค์การ', 'ลถ'],
  ['องค์กร', 'ลถ'],
  ['อำเภอ', 'ลถ'],
];

/**
 * A lone consonant glued before a unit word of four letters or more with more of the name
 * after it (`จสำนักการสอบสวน…`): a speck read as a letter, as no Thai word starts with a
 * consonant before these words. Short unit words (กอง, งาน, กรม) are left out: a letter
 * before them may spell a word.
 */
const LETTER_BEFORE_UNIT_WORD =
  /^[\u0E01-\u0E2E](?=(?:สำนัก|กลุ่ม|ศูนย์|ฝ่าย|หน่วย|กระทรวง|จังหวัด|อำเภอ|องค์การ|องค์กร|เทศบาล|โรงเรียน|โรงพยาบาล|วิทยาลัย|มหาวิทยาลัย|สถาบัน|สถานี)[\u0E01-\u0E2E\u0E40-\u0E44])/;

/**
 * A unit's name as a scan damaged its start: signs glued before its unit word (`.กอง…`), a
 * lone consonant glued before a long one (`จสำนัก…`), the
 * unit word's first letter read as a look-alike (`ภองควบคุม…`), or a speck read as a tone
 * mark over it (`ก้องมาตรฐาน…`), with more of the name after the word. The name as printed,
 * or null when nothing changes.
 */
export function unitStartRepaired(text: string): string | null {
  const trimmed = text.trimStart();
  if (startsWithUnitWord(trimmed)) return null;
  const glued = /^[^\s\p{L}\p{N}\p{M}]{1,2}(?=[\u0E01-\u0E2E\u0E40-\u0E44])/u.exec(trimmed);
  if (glued !== null && startsWithUnitWord(trimmed.slice(glued[0].length))) {
    return trimmed.slice(glued[0].length);
  }
  if (LETTER_BEFORE_UNIT_WORD.test(trimmed)) return trimmed.slice(1);
  for (const [word, lookAlikes] of MISREAD_UNIT_STARTS) {
    const rest = trimmed.slice(word.length);
    if (!lookAlikes.includes(trimmed.charAt(0)) || !/^[\u0E01-\u0E2E\u0E40-\u0E44]/.test(rest)) {
      continue;
    }
    if (trimmed.slice(1, word.length) === word.slice(1)) return word + rest;
  }
  return unitToneSpeckDropped(trimmed);
}

/**
 * A unit word with a speck read as a tone mark over one of its letters (`ก้องมาตรฐาน…`,
 * `ก๋องความร่วมมือ…`): the word the letters spell without it, when more of the name is
 * glued after the word (ก้อง is a word, but no unit's name starts with it). Null otherwise.
 */
function unitToneSpeckDropped(trimmed: string): string | null {
  const head = /^[^\s]*/.exec(trimmed)?.[0] ?? '';
  for (let i = 1; i < head.length; i++) {
    if (!/[\u0E48-\u0E4B]/.test(head.charAt(i))) continue;
    const bare = trimmed.slice(0, i) + trimmed.slice(i + 1);
    const word = UNIT_START.exec(bare)?.[0];
    if (word === undefined || i > word.length) continue;
    if (/^[\u0E01-\u0E2E\u0E40-\u0E44]/.test(bare.slice(word.length))) return bare;
  }
  return null;
}

/**
 * A unit's name whose later division (after a space: `กรมเอเชียตะวันออก ก๋องความร่วมมือ…`)
 * starts with a unit word read with a speck as a tone mark over it, as unitToneSpeckDropped
 * reads one at the name's start: the name without that mark. Null when nothing changes.
 */
export function unitWordsToneSpeckDropped(text: string): string | null {
  const words = text.split(' ');
  let changed = false;
  for (let k = 1; k < words.length; k++) {
    const dropped = unitToneSpeckDropped(words.slice(k).join(' '));
    const word = dropped?.split(' ')[0];
    if (word === undefined) continue;
    words[k] = word;
    changed = true;
  }
  return changed ? words.join(' ') : null;
}

/** Personal titles a signatory's name starts with. */
const PERSON_TITLE =
  /^(?:นาย|นาง|นางสาว|น\.ส\.|ว่าที่|ดร\.|ศ\.|รศ\.|ผศ\.|พล|พ\.ต|พ\.อ|ร\.ต|ร\.อ|จ\.ส|ส\.ต|ด\.ต|พัน|ร้อย|จ่า|สิบ|พระ|หม่อม|ม\.ร\.ว|ม\.ล|คุณ|เรือ|นาวา|นพ\.|พญ\.|ทพ\.|ภก\.|Mr|Mrs|Ms|Dr)/;

export function startsWithPersonTitle(text: string): boolean {
  return PERSON_TITLE.test(text.trimStart());
}

/** Titles with า that OCR reads as ำ (a speck for its small circle) or as ว (its loop). */
const TITLES_WITH_AA = ['นางสาว', 'นายแพทย์'];

/**
 * A signatory's name whose title has its า misread (นางสำวสุดา, นวยแพทย์ธงชัย): the name
 * with its title as printed. Only one letter off the title, and only า read as ำ or ว: no
 * Thai name starts so after นาง or นาย, while a consonant off would be another title with a
 * name (นางสายใจ is นาง สายใจ). Null when nothing changes.
 */
export function nameTitleRepaired(name: string): string | null {
  if (TITLES_WITH_AA.some((t) => name.startsWith(t))) return null;
  for (const title of TITLES_WITH_AA) {
    const read = name.slice(0, title.length);
    if (read.length !== title.length || name.length === title.length) continue;
    const off = [...title].flatMap((c, i) => (c === read[i] ? [] : [i]));
    const [at] = off;
    if (off.length !== 1 || at === undefined) continue;
    if (title[at] === 'า' && 'ำว'.includes(read[at] ?? '')) return title + name.slice(title.length);
  }
  return null;
}

/** A line that is a name in parentheses: the signature block. */
const PAREN_LINE =
  /^\s*(?:[^\s\u0E01-\u0E59()]{1,2} ?)?\(\s*([^()]{2,80}?)\s*\)(?: ?[^\s\u0E01-\u0E59()]{1,2})?\s*$/;
/** Quotes and box rules a scan leaves at a word's edge: no name has them. */
const NAME_EDGE_DUST = /^['"`|[\]_~‘’“”]+|['"`|[\]_~‘’“”]+$/g;

/**
 * Whether a word of a Thai name in parentheses is a speck: no Thai consonant and no two
 * Latin letters in a row (`(นายสมชาย ใจดี 7)`, `( . นางสาวสุดา ทองดี)`, a lone tone mark).
 * A lone Thai letter is a word of the name (นายสมชาย ณ ระนอง).
 */
function isNameSpeck(word: string): boolean {
  return !/[\u0E01-\u0E2E]/.test(word) && !/[A-Za-z]{2}/.test(word);
}

/**
 * The one cell of a line that holds a parenthesis, when the line's other cells, across a
 * column gap, are short cells with no Thai word (`ก.`, `0`, `๊`, `00`): a scan's specks in
 * the margin beside a signature. Else the line as it is.
 */
function parenthesisedCell(text: string): string {
  const cells = cellsOf(text);
  const withParen = cells.filter((c) => /[()]/.test(c.text));
  const [cell] = withParen;
  if (cells.length < 2 || withParen.length !== 1 || cell === undefined) return text;
  // A run of round specks read as zeros (`00`) is no number: nothing is numbered zero.
  const short = (c: Cell): boolean =>
    c === cell ||
    (c.text.replace(/\s/g, '').length <= SPECK_CELL_MAX &&
      (!/[\u0E01-\u0E2E][\u0E01-\u0E4E]*[\u0E01-\u0E2E]|\d\d/.test(c.text) ||
        /^[0oO\u0E50]+$/.test(c.text)));
  return cells.every(short) ? cell.text : text;
}

/**
 * The name of a line that is a name in parentheses: the signature block. A speck a scan
 * left beside the parentheses (`' (นายสมชาย ใจดี)`, `(…) 7`) or among the name's words, and
 * quotes at a word's edge, are not part of it; a name in Latin letters is kept as it is.
 */
export function parenthesisedName(line: Line): string | null {
  const m = PAREN_LINE.exec(line.text) ?? PAREN_LINE.exec(parenthesisedCell(line.text));
  return m?.[1] === undefined ? null : nameOf(m[1]);
}

/** A name's words without the specks and edge dust a scan left among them. */
function nameOf(text: string): string | null {
  if (!/[\u0E01-\u0E2E]/.test(text)) return null;
  const words = clean(text)
    .split(' ')
    .map((w) => (/[\u0E01-\u0E2E]/.test(w) ? w.replace(NAME_EDGE_DUST, '') : w))
    .filter((w) => w !== '' && !isNameSpeck(w));
  return words.length === 0 ? null : words.join(' ');
}

/** A name in parentheses with one of them lost: `(นางสาวกุลยา ตันติเตมิท`, `นายสมชาย ใจดี)`. */
const HALF_PAREN_LINE =
  /^\s*(?:[^\s\u0E01-\u0E59()]{1,2} ?)?(?:\(\s*([^()]{2,60}?)|([^()]{2,60}?)\s*\))(?: ?[^\s\u0E01-\u0E59()]{1,2})?\s*$/;

/**
 * The name of a signature line whose scan lost one parenthesis, when what is left is a
 * person's name: a personal title first, no digit, at most four words. Else null. Weaker
 * evidence than `parenthesisedName`: the caller looks for it only where a signature must be.
 */
export function halfParenthesisedName(line: Line): string | null {
  const m = HALF_PAREN_LINE.exec(parenthesisedCell(line.text));
  const read = m?.[1] ?? m?.[2];
  if (read === undefined || /[0-9๐-๙]/.test(read)) return null;
  const name = nameOf(read);
  if (name === null || name.split(' ').length > 4) return null;
  return startsWithPersonTitle(name) ? name : null;
}

/**
 * Telephone, fax, e-mail, web and coordinator (ผู้ประสานงาน) lines at the foot, and where they
 * start inside a line: the owning unit ends before them.
 */
const CONTACT =
  /(?:^|\s)(?:โทร(?:ศัพท์|สาร)?\.?|ผู้ประสานงาน|ผู้รับผิดชอบ|ติดต่อ|แฟกซ์|Fax|FAX|Tel\.?|TEL\.?|ไปรษณีย์อิเล็กทรอนิกส์|อีเมล|อีเมล์|E-?mail|e-?mail|www\.|http)/;

/**
 * Telephone labels as OCR of a scanned foot reads them: โทร. run into the unit name before
 * it (…พัฒนาการผลิตโทร. ๐ ๓๕๕๓), with a speck of one or two signs glued before it
 * (`'โทร.๐ ๒๓๕๔`), or read as the Latin look-alike ns. (โ lost or read as a capital, ท → n
 * or N, ร → s: `TNs. ๐ …`). Only
 * followed by a number, so สถานีโทรทัศน์ stays a unit.
 */
const CONTACT_READ =
  /(?:(?<=[\u0E01-\u0E4E])โทร(?:ศัพท์|สาร)?\.?|(?:^|(?<=\s))(?:['"`‘’“”|.,:;_~-]{1,2}โทร(?:ศัพท์|สาร)?\.?|[A-Z]?[nN]s\.))\s*(?=[0-9๐-๙]|[oO][\s0-9๐-๙])/;

/** Offset where a contact entry starts in the line, or null. */
export function contactStart(text: string): number | null {
  const m = CONTACT.exec(text);
  const read = CONTACT_READ.exec(text);
  const at = m === null ? null : m.index + (m[0].length - m[0].trimStart().length);
  if (read === null) return at;
  return at === null ? read.index : Math.min(at, read.index);
}

/** Openings of a body paragraph: a header field never continues with these. */
const BODY_OPENER =
  /^(?:ตามที่|ตามหนังสือ|ตามมติ|ตามระเบียบ|ตามประกาศ|ตามคำสั่ง|ตามบันทึก|ตาม\s|ด้วย|อนุสนธิ|เนื่องด้วย|เนื่องจาก|ในการนี้|จึงเรียน|จึงกราบเรียน|จึงกราบทูล|จึงขอ|โดยที่|ข้าพเจ้า|กระผม|ดิฉัน|บัดนี้|สืบเนื่อง)/;

export function startsBodyParagraph(text: string): boolean {
  return BODY_OPENER.test(text.trimStart());
}

// ---------------------------------------------------------------------------------------
// Dates on a line.

/** The dates of a line that are real (date !== null) or not, in order. */
// The parser asks about the same line text several times (head, foot, stamps); a date scan
// is the dearest recogniser, so results are kept per text for the length of one parse
// (parseLetter calls resetDateCache), which also keeps memory bounded.
const DATE_CACHE = new Map<string, DateInText[]>();
const NO_DATES: DateInText[] = [];

export function resetDateCache(): void {
  DATE_CACHE.clear();
}

export function datesOf(line: Line): readonly DateInText[] {
  if (!/\d/.test(line.match)) return NO_DATES;
  let dates = DATE_CACHE.get(line.match);
  if (dates === undefined) {
    dates = findDatesInText(line.match, LETTER_YEARS);
    DATE_CACHE.set(line.match, dates);
  }
  return dates;
}

/**
 * Dates that fill a whole cell of the line (optionally after วันที่ / รับ, with dotted lines
 * or, when `timeAfter`, a time after them), from the line's one cached date scan.
 */
export function datesFillingCells(line: Line, timeAfter: boolean): DateInText[] {
  const dates = datesOf(line);
  if (dates.length === 0) return NO_DATES;
  const out: DateInText[] = [];
  for (const cell of cellsOf(line.text)) {
    const inside = dates.filter((d) => d.index >= cell.start && d.end <= cell.end);
    const d = inside[0];
    if (inside.length !== 1 || d === undefined) continue;
    const before = line.match.slice(cell.start, d.index).trim();
    const after = line.match.slice(d.end, cell.end);
    // A stamp may print its time first: เวลา ๐๙.๓๐ น. วันที่ ๗ ก.ค. ๖๗.
    const timeBefore = timeAfter && TIME_ONLY.test(before);
    if (before !== '' && !timeBefore && !/^รับ(?:วันที่)?$/.test(before)) continue;
    if (/^[\s._…]*$/.test(after)) out.push(d);
    else if (timeAfter && TIME_ONLY.test(after)) out.push(d);
  }
  return out;
}

const TIME_ONLY = /^\s*(?:เวลา[\s.:_…]*)?\d{1,2}\s*[.:]\s*\d{2}\s*(?:น\s*\.?|นาฬิกา)?[\s._…]*$/;

/**
 * The date of a line that holds a date on its own: the whole line, or one of its column
 * cells (OCR may put another column on the same row), optionally after วันที่. Dates
 * inside other text (an address such as "ศูนย์ราชการเฉลิมพระเกียรติ ๘๐ พรรษา ๕ ธันวาคม
 * ๒๕๕๐") do not count. Offsets are those of the line.
 */
export function dateOnlyCell(line: Line): DateInText | null {
  const dates = datesOf(line);
  // The whole line first: OCR spreads a date's own words with wide spaces (๑๒  มกราคม  ๒๕๖๙).
  const only = dates.length === 1 ? dates[0] : undefined;
  if (
    only !== undefined &&
    line.match.slice(0, only.index).trim() === '' &&
    /^[\s._…]*$/.test(line.match.slice(only.end))
  ) {
    return only;
  }
  return datesFillingCells(line, false)[0] ?? null;
}

/**
 * A letter date as OCR of a scanned head may leave it: at the end of its line or cell, after
 * a วันที่ label garbled into a speck (`WN ๑๑ พฤศจิกายน ๒๕๖๙`, `ul ๙ เมษายน ๒๕๖๙`) or a speck
 * glued to its day (`ไ!๒๘ ธันวาคม ๒๕๖๘`: at most one Thai letter, so ลง or ถึง are words),
 * with specks after it (`๒๒ กรกฎาคม ๒๕๖๙ 7`, a sign glued to the year and short cells of
 * Latin letters or signs across a column gap), with พ.ศ. read as Latin letters (`WA. ๒๕๖๙`)
 * or a speck read as a mark between the day's digits (`๑่๔`). Only a real date with a full
 * month name counts, as letters print it; with `abbreviated` (a memo's head, whose วันที่
 * line may print ๕ มี.ค. ๖๙) also an abbreviated month after a garbled label of Latin
 * letters. Two digits after the date are more than a speck (a number, a time): no date. The
 * text is kept as read; the caller treats the date as unsure.
 */
export function looseDateCell(
  line: Line,
  options: { abbreviated?: boolean } = {},
): DateInText | null {
  const tidied = dateDamageTidied(line);
  const probe: Line = tidied === null ? line : { text: line.text, match: tidied.match };
  const dates = (tidied === null ? datesOf(line) : findDatesInText(tidied.match, LETTER_YEARS))
    .map((d) => (d.date === null ? (yearRepaired(probe, d) ?? d) : d))
    .filter((d) => d.date !== null);
  const d = dates[dates.length - 1];
  // ลงวันที่ / ลว. date another letter.
  if (d === undefined || /^(?:ลง|ลว)/.test(d.prefix ?? '')) return null;
  if (!onlySpecksAfter(probe.match.slice(d.end))) return null;
  const before = probe.match.slice(0, d.index);
  // The date's own cell starts after a column gap, or the line starts with it.
  const lead = /(?:^|\S {2,})\s*(\S{1,3}\s*)?$/.exec(before);
  if (lead === null) return null;
  const speck = lead[1] ?? '';
  if (speck !== '' && !isSpeckBeforeDate(speck)) return null;
  const monthWord = probe.match.slice(d.dateIndex, d.end);
  const fullMonth = /[\u0E01-\u0E4E]{4,}/.test(monthWord);
  const labelGarbled = /^[A-Za-z]{1,3}\.?\s+$/.test(speck);
  if (!fullMonth && !(options.abbreviated === true && labelGarbled)) return null;
  if (tidied === null) return d;
  // A day whose first digit was moved over the mark between them starts at that digit.
  const at = (i: number): number => (tidied.shifted.has(i) ? i - 1 : i);
  return { ...d, index: at(d.index), dateIndex: at(d.dateIndex) };
}

/** Latin letters with a dot or a comma where พ.ศ. stands, between a month and a year. */
const ERA_AS_LATIN_IN_DATE =
  /(?<=[\u0E01-\u0E4E.]\s*)[A-Za-z]{1,3}[.,](?:[A-Za-z]{1,2}[.,]?)?(?=\s*\d{4}(?!\d))/g;
const ERA_OF_LENGTH = ['', 'พ', 'พศ', 'พ.ศ', 'พ.ศ.'];
/**
 * A speck read as a sign between a month's full name and its year (`ตุลาคม.2569`): after
 * four Thai letters or marks, so an abbreviation's own dot (`ต.ค.2569`) is not one.
 */
const SIGN_BEFORE_YEAR = /(?<=[\u0E01-\u0E4E]{4}\s*)[.,'`"|:;](?=\s*\d{4}(?!\d))/g;

/**
 * What a speck over or between a day's two digits is read as: a mark (`๑่๔`), or a vowel
 * written before its consonant (`3ไ1` for 31): no word puts either between two digits.
 */
const SPECK_BETWEEN_DIGITS = new RegExp(`${OCR_DROPPED_MARK.source}|[\u0E40-\u0E44]`);

/**
 * The match form of a date line with three kinds of OCR damage undone, offsets kept: พ.ศ.
 * read as Latin letters becomes พ.ศ. (padded), a sign glued between a month's name and its
 * year becomes a space, and a mark or a leading vowel read between two digits (`๑่๔`, `3ไ1`:
 * a speck over the day) is moved before them (the first digit one place on, in `shifted`). Null when the line has none
 * of them.
 */
function dateDamageTidied(line: Line): { match: string; shifted: Set<number> } | null {
  let match = line.match
    .replace(ERA_AS_LATIN_IN_DATE, (latin) =>
      (ERA_OF_LENGTH[latin.length] ?? 'พ.ศ.').padEnd(latin.length, ' '),
    )
    .replace(SIGN_BEFORE_YEAR, ' ');
  const shifted = new Set<number>();
  for (let i = 1; i + 1 < match.length; i++) {
    if (
      SPECK_BETWEEN_DIGITS.test(line.text.charAt(i)) &&
      /\d/.test(match.charAt(i - 1)) &&
      /\d/.test(match.charAt(i + 1))
    ) {
      match = `${match.slice(0, i - 1)} ${match.charAt(i - 1)}${match.slice(i + 1)}`;
      shifted.add(i);
    }
  }
  return match === line.match ? null : { match, shifted };
}

/**
 * A speck before a date in its cell: one to three characters, at most one of them a Thai
 * letter (a word such as ลง or ถึง is not a speck), no digit glued to the day.
 */
function isSpeckBeforeDate(speck: string): boolean {
  const token = speck.trim();
  const glued = token === speck;
  if (glued && /\d/.test(token)) return false;
  return (token.match(/[\u0E01-\u0E2E\u0E30\u0E32-\u0E33\u0E40-\u0E45]/g) ?? []).length <= 1;
}

/**
 * What may follow a letter date on its line: signs glued to the year (`๒๕๖๙"`), then up to
 * three short cells of Latin letters or signs, or of a Thai consonant alone (`2569 ว`), with
 * one digit at most among them.
 */
function onlySpecksAfter(after: string): boolean {
  const rest = after.replace(/^[^\s\w\u0E01-\u0E4E]{1,2}/, '').trim();
  if (rest === '') return true;
  if ((rest.match(/\d/g) ?? []).length > 1) return false;
  const cells = rest.split(/\s+/);
  return (
    cells.length <= 3 &&
    cells.every((c) => (c.length <= 3 && !/[\u0E01-\u0E4E]/.test(c)) || LONE_LETTER.test(c))
  );
}

/** A Thai consonant alone, a speck as maskSpecks takes one; ณ alone is a word. */
const LONE_LETTER = /^(?!ณ)[\u0E01-\u0E2E]$/;

/**
 * A date whose Buddhist-era year OCR misread in its first digit, read with the year it can
 * only have been: every year a letter carries starts with ๒ (๒๔๗๕–๒๖๐๐), and OCR of a scan
 * reads that ๒ as another digit, often with the year glued to the month
 * (`กุมภาพันธ์๕๕๖๙`). Four digits whose first is not ๒ get it, and only when that gives a
 * year in LETTER_YEARS. Null for any other date: a year with a digit lost or doubled, or
 * wrong in its later digits, stays out of range (a clerk must read it). The caller treats
 * the date as unsure.
 */
export function yearRepaired(line: Line, d: DateInText): DateInText | null {
  if (d.error?.code !== 'year_out_of_range') return null;
  const printed = line.match.slice(d.dateIndex, d.end);
  const year = /(?<!\d)(\d{4})$/.exec(printed);
  if (year === null || year[1].startsWith('2')) return null;
  // Day and month as printed, the year as it must have been.
  const repaired = parseThaiDate(
    `${printed.slice(0, printed.length - 4)} 2${year[1].slice(1)}`,
    LETTER_YEARS,
  );
  return repaired.ok ? { ...d, date: repaired.value.date, error: null } : null;
}
