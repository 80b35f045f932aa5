import type { OcrLine, OcrWord } from 'src/modules/files/reading/ocr-pool.js';
import { wordStarts } from 'src/modules/files/reading/ocr-words.js';
import { speckFreeRange } from 'src/modules/files/reading/ocr-specks.js';
import { unionBox, type PixelBox } from 'src/modules/files/reading/thai-digits/glyph.js';
import { parseReferenceNumber } from 'src/thai/index.js';

/**
 * A letter's reference line (ที่ มท ๐๒๐๘.๒/ว ๗๐) read again, Thai alone, where the page's
 * reading lost its label or letter code to Latin: read with Thai and English, the short Thai
 * words at the start of the line come out as `# NA ๐๔๐๖.๒/ว ๑๕๘` (ที่ กค), `#1 ชร` or
 * `# Aa 04002/1234` (ที่ ศธ), and the letter is not found. Only that piece of the line, up to
 * the serial, is cropped and read again; the new reading replaces it only when it is what a
 * reference number must be (ที่, two to four Thai letters, a number, a slash, a serial). The
 * digits are then read from the page's pixels like any others, and confidences are the
 * engine's own: nothing is made up.
 */

const DIGIT = '[0-9\\u0E50-\\u0E59]';
/**
 * The start of a line up to a reference number's serial: a few characters (the label and the
 * letter code as read, however wrong), a number, a slash, ว, the serial. A code glued to the
 * number may come as up to three signs or letters before its first digit (`9 YU ญณ๓๕๐๑/๔๔๗`
 * for ที่ ชม ๗๓๕๐๑/๔๔๗); a ว read as one other character keeps its space before the serial
 * (`0903/2 3156` for 0903/ว 3156), and the serial is the segment's too, so that the crop
 * read again holds it.
 */
const SEGMENT = new RegExp(
  `^\\s*(?<head>[^\\s]{1,6}(?:\\s+[^\\s]{1,6})?)\\s*[^\\s/0-9\\u0E50-\\u0E59]{0,3}${DIGIT}[^/\\s]{0,14}\\s*/\\s*(?:ว\\s*\\.?\\s*|[^\\s]\\s{1,2}(?=${DIGIT}))?[^\\s]+`,
);
/**
 * ที่ (or ที, its tone mark lost, or its vowel read as another upper vowel: ทึ, ทิ, ทื, as the
 * parser reads them) and a Thai letter code starting the line: already right.
 */
const THAI_HEAD = /^\s*ท[ีิึื]่?\s*[\u0E01-\u0E2E]{2,4}\.?\s*[0-9\u0E50-\u0E59]/;

/** The label, with or without its tone mark. */
const LABEL = /^\s*ท[ีิึื]่?\s*/;

export interface ReferenceSegment {
  /** The segment's words: the line's first `words`. */
  words: number;
  /** Characters of the line's text the segment covers. */
  length: number;
  /** Pixels of the page around the segment's words. */
  box: PixelBox;
  /**
   * The same words cropped to their own height: the line's box, which another column or a
   * skewed page stretches, brings specks above and below them into `box`, and the Thai
   * model alone reads a letter code beside such a speck as a sign (`ที่ " 04002/1234` for
   * ที่ ศธ). Read when `box` gave no reference number.
   */
  tight: PixelBox;
}

/**
 * The piece of a line to read again: a reference number whose head is not Thai (the label or
 * the letter code read as something else). Null for every other line, and for a reference
 * line that already reads as one.
 */
export function referenceSegment(line: OcrLine): ReferenceSegment | null {
  // Specks the engine read before the label (a lone tone mark, a colon) belong to no word:
  // the segment starts after them, and they go with it (the page drops them anyway).
  const lead = speckFreeRange(line.text).start;
  const match = SEGMENT.exec(line.text.slice(lead));
  if (!match) return null;
  const segment = match[0];
  // Already a reference number after ที่ or ที (its tone mark lost): the page's reading
  // stands. The Thai model alone often runs the code into the digits (สพ๐๐๐๕), and digits
  // in such a word are not read again from the ink.
  if (THAI_HEAD.test(segment) && parseReferenceNumber(segment.replace(LABEL, '')).ok) return null;
  const starts = wordStarts(line.text, line.words);
  if (!starts) return null;
  const length = lead + segment.length;
  const words = starts.filter((start) => start < length).length;
  const own = starts.filter((start) => start >= lead && start < length).length;
  if (own === 0) return null;
  const boxes = line.words.slice(words - own, words).map((word) => word.box);
  const box = boxes.reduce(unionBox);
  // Room around the words: a label's tone mark above, a margin for the line reader.
  const height = line.box.y1 - line.box.y0;
  // The line's box starts at a speck before the label when there is one: not the crop.
  const x0 = Math.max(0, (lead > 0 ? box.x0 : Math.min(box.x0, line.box.x0)) - height / 2);
  const wordsHeight = box.y1 - box.y0;
  return {
    words,
    length,
    box: {
      x0,
      y0: Math.max(0, Math.min(box.y0, line.box.y0) - height / 4),
      x1: box.x1 + height / 2,
      y1: Math.max(box.y1, line.box.y1) + height / 4,
    },
    tight: {
      x0,
      y0: Math.max(0, box.y0 - wordsHeight / 4),
      x1: box.x1 + height / 2,
      y1: box.y1 + wordsHeight / 4,
    },
  };
}

function shift<T extends { box?: PixelBox }>(item: T, dx: number, dy: number): T {
  if (!item.box) return item;
  const { x0, y0, x1, y1 } = item.box;
  return { ...item, box: { x0: x0 + dx, y0: y0 + dy, x1: x1 + dx, y1: y1 + dy } };
}

/**
 * What comes before ที่ (or ที) in a reading: nothing, or a speck or a stray letter or two
 * read from the crop's edge (`ทที่`, `๊:`), and spaces.
 */
const BEFORE_LABEL = /^.*?(?=ท[ีิึื])/;
const MAX_SPECKS = 3;

/**
 * The line with its segment replaced by the Thai reading of the crop at `origin` (page
 * pixels), if that reading, its digits read again from the page (`digits`), is a reference
 * number with its label: ที่, a Thai letter code, a number, a slash, a serial. Up to three
 * characters read before the label, and specks after the serial, are left out (the crop holds the segment alone).
 * Otherwise the line as it was.
 */
export function withReferenceReread(
  line: OcrLine,
  segment: ReferenceSegment,
  reread: OcrLine[],
  origin: { x: number; y: number },
  digits: (line: OcrLine) => OcrLine = (l) => l,
): OcrLine {
  return referenceReread(line, segment, reread, origin, digits).line;
}

/** What a reading of the crop gave the line: a whole reference number, its code alone, nothing. */
export type RereadTaken = 'number' | 'code' | null;

/** withReferenceReread, telling also what was taken from the new reading. */
export function referenceReread(
  line: OcrLine,
  segment: ReferenceSegment,
  reread: OcrLine[],
  origin: { x: number; y: number },
  digits: (line: OcrLine) => OcrLine = (l) => l,
): { line: OcrLine; taken: RereadTaken } {
  const unchanged = { line, taken: null };
  const first = reread[0];
  if (!first) return unchanged;
  const words: OcrWord[] = reread
    .flatMap((l) => l.words)
    .map((word) => ({
      ...shift(word, origin.x, origin.y),
      symbols: word.symbols.map((symbol) => shift(symbol, origin.x, origin.y)),
    }));
  const candidate = digits({
    ...shift(first, origin.x, origin.y),
    text: reread.map((l) => l.text).join(' '),
    words,
    symbols: words.flatMap((word) => word.symbols),
  });
  const lead = BEFORE_LABEL.exec(candidate.text);
  if (!lead || lead[0].replace(/\s+/g, '').length > MAX_SPECKS) return unchanged;
  const match = SEGMENT.exec(candidate.text.slice(lead[0].length));
  const text = match?.[0].trim() ?? '';
  if (!match || !THAI_HEAD.test(text) || !parseReferenceNumber(text.replace(LABEL, '')).ok) {
    const code = withCodeReread(line, segment, candidate, lead[0].length);
    return { line: code, taken: code === line ? null : 'code' };
  }
  // The candidate's words inside the segment, by where they sit in its text.
  const from = lead[0].length + (match[0].length - match[0].trimStart().length);
  const to = lead[0].length + match[0].length;
  const starts = wordStarts(candidate.text, candidate.words);
  if (!starts) return unchanged;
  const inside = candidate.words.filter((_, i) => starts[i] >= from && starts[i] < to);
  const kept = line.words.slice(segment.words);
  const all = [...inside, ...kept];
  return {
    line: {
      ...line,
      text: text + line.text.slice(segment.length),
      words: all,
      symbols: all.flatMap((word) => word.symbols),
    },
    taken: 'number',
  };
}

/**
 * ที่ (or ที) and a Thai letter code as whole words, a number after them. The code may carry
 * vowels or tone marks the engine read over or under its letters (`สฮิ`, `มุท`): see CODE_MARKS.
 */
const LABEL_AND_CODE =
  /^(\s*)(ท[ีิึื]่?)\s*((?:[\u0E01-\u0E2E][\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]*){2,4})(?=\s+[0-9\u0E50-\u0E59]|(?<glued>[ะ.]?[0-9\u0E50-\u0E59]))/;
/**
 * Marks above and below a letter. A letter code is consonants alone, so marks read on one are
 * specks or a misread stroke; they are dropped, only from a code of two letters (every
 * ministry's and province's), so a longer word with a vowel is still no code.
 */
const CODE_MARKS = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;
/**
 * Two letters, as the page read a letter code however wrong (Thai consonants with the marks
 * read on them, or Latin letters), running into a digit: `มุท๐๒๐` for มท ๐๒๐…. Two only, as
 * a code taken from the Thai reading: a third letter may be a misread ๐ (อ).
 */
const CODE_RUN_INTO_NUMBER =
  /^(?:[\u0E01-\u0E2E][\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]*|[A-Za-z]){2}(?=[0-9\u0E50-\u0E59])/;
/** A word that starts a reference number's owner number. */
const NUMBER_WORD = /^[0-9\u0E50-\u0E59]/;

/**
 * The first `length` characters of a word as a word of their own, when its symbols end
 * exactly there: their text, their lowest confidence, the box around them. Null otherwise.
 */
function wordHead(word: OcrWord, length: number): OcrWord | null {
  const symbols: OcrWord['symbols'] = [];
  let read = 0;
  for (const symbol of word.symbols) {
    if (read >= length) break;
    symbols.push(symbol);
    read += symbol.text.length;
  }
  if (read !== length || symbols.length === 0) return null;
  const boxes = symbols.map((symbol) => symbol.box);
  const box = boxes.every((b) => b !== undefined) ? boxes.reduce(unionBox) : word.box;
  return {
    text: word.text.slice(0, length),
    confidence: Math.min(...symbols.map((symbol) => symbol.confidence)),
    box,
    symbols,
  };
}

/**
 * The line with only its label and letter code taken from the Thai reading, when that reading
 * lost the number or the slash (`ที่กค ๑๕๐๒๒๓๐. ป` for a line the page read `ที NA
 * ๐๔๐๒.๒/ว ๓๐`): the Thai model alone reads the short Thai words right and the digits and
 * the slash worse than the page's reading did. Taken only when the page read no Thai code,
 * the reading has ที่ and a code of two to four Thai letters as whole words with a number
 * after them, and the page's segment has its number from a word of its own on; the page's
 * words from that number on stay as they were.
 */
function withCodeReread(
  line: OcrLine,
  segment: ReferenceSegment,
  candidate: OcrLine,
  leadLength: number,
): OcrLine {
  if (THAI_HEAD.test(line.text.slice(speckFreeRange(line.text).start))) return line;
  const head = LABEL_AND_CODE.exec(candidate.text.slice(leadLength));
  if (!head) return line;
  const code = head[3].replace(CODE_MARKS, '');
  if (code !== head[3] && [...code].length !== 2) return line;
  const from = leadLength + head[1].length;
  const to = leadLength + head[0].length;
  const starts = wordStarts(candidate.text, candidate.words);
  if (!starts) return line;
  const inside = candidate.words.filter((_, i) => starts[i] >= from && starts[i] < to);
  const last = inside.length === 0 ? -1 : candidate.words.indexOf(inside[inside.length - 1]);
  if (last < 0) return line;
  // The code ends a word, or a word running on into the digits (`พณะ๐๓๐๕/ว`: the gap
  // before the number read as ะ or a dot, or nothing) is cut where the code's symbols end.
  const codeAt = to - head[3].length;
  if (starts[last] + candidate.words[last].text.length !== to) {
    // Only a word that starts with the code, and a code of two letters (every ministry's
    // and province's): a digit glued after it may have been read as a letter (๐ as อ),
    // and ที่ glued to it is left as it was.
    const cut =
      head.groups?.glued === undefined || starts[last] < codeAt || [...code].length !== 2
        ? null
        : wordHead(candidate.words[last], to - starts[last]);
    if (cut === null) return line;
    inside[inside.length - 1] = cut;
  }
  // The code's words without the marks read on them, their symbols in step with the text.
  const taken = inside.map((word, k) => {
    // The last may be a piece cut from a word: its start is that word's.
    const at = k === inside.length - 1 ? starts[last] : starts[candidate.words.indexOf(word)];
    if (at < codeAt) return word;
    const symbols = word.symbols
      .map((symbol) => ({ ...symbol, text: symbol.text.replace(CODE_MARKS, '') }))
      .filter((symbol) => symbol.text !== '');
    return { ...word, text: word.text.replace(CODE_MARKS, ''), symbols };
  });
  const lineStarts = wordStarts(line.text, line.words);
  const pageLead = speckFreeRange(line.text).start;
  const page = SEGMENT.exec(line.text.slice(pageLead));
  if (!lineStarts || !page?.groups?.head) return line;
  // The owner number starts after what the page read for the label and the code (`1 NA`),
  // or at the digits the page read glued to the code (`ที มุท๐๒๐๕/๑๒`): they are the number's.
  const headAt = pageLead + page.index + page[0].indexOf(page.groups.head);
  const twoWords = /^(\S+\s+)(\S+)$/.exec(page.groups.head);
  const glued = twoWords === null ? null : CODE_RUN_INTO_NUMBER.exec(twoWords[2]);
  const numberAt =
    twoWords !== null && glued !== null
      ? headAt + twoWords[1].length + glued[0].length
      : headAt + page.groups.head.length;
  const number = lineStarts.findIndex(
    (start, i) => start >= numberAt && i < segment.words && NUMBER_WORD.test(line.words[i].text),
  );
  if (number <= 0) return line;
  const all = [...taken, ...line.words.slice(number)];
  return {
    ...line,
    text: `${head[2]} ${code} ${line.text.slice(lineStarts[number])}`,
    words: all,
    symbols: all.flatMap((word) => word.symbols),
  };
}
