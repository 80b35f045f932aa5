import { readFileSync } from 'node:fs';
import type { OcrLine, OcrWord } from 'src/modules/files/reading/ocr-pool.js';
import { wordStarts } from 'src/modules/files/reading/ocr-words.js';
import { MONTHS as MONTH_LABELS } from 'src/thai/labels.js';
import {
  featureDistance,
  glyphFeature,
  GRID,
  inkShareIn,
  shapesIn,
  type InkImage,
  type PixelBox,
  inkOf,
  type Shape,
  unionBox,
} from './glyph.js';

/**
 * Thai digits read again from the page's pixels. Tesseract's Thai model collapses ๔ ๖ ๗ ๘ ๙
 * onto ๕ ๐ ๒ with full confidence and never offers the right digit among its alternatives, so
 * its digits cannot be corrected from its own output. Where it read a run of Thai digits, the
 * run's ink shapes are cut from the page and each is matched against templates of the ten
 * digits drawn in common Thai fonts (templates.json, see make-templates.ts). A digit whose
 * best match is barely better than the next keeps a low confidence, so a field holding it is
 * flagged for the clerk.
 */

interface Template {
  digit: string;
  feature: Float32Array;
}

let templates: Template[] | null = null;

function loadTemplates(): Template[] {
  if (templates) return templates;
  const file = JSON.parse(readFileSync(new URL('./templates.json', import.meta.url), 'utf8')) as {
    grid: number;
    templates: { digit: string; grid: string; proportion: number }[];
  };
  if (file.grid !== GRID) throw new Error(`Thai digit templates are ${file.grid}², not ${GRID}²`);
  templates = file.templates.map((t) => {
    const feature = new Float32Array(GRID * GRID + 1);
    const bytes = Buffer.from(t.grid, 'base64');
    for (let i = 0; i < GRID * GRID; i++) feature[i] = bytes[i] / 255;
    feature[GRID * GRID] = t.proportion;
    return { digit: t.digit, feature };
  });
  return templates;
}

export interface DigitMatch {
  digit: string;
  /** The next closest digit: the alternative a field's grammar may choose instead. */
  second: string;
  /**
   * 0.5 when the two best digits match equally well, up to 0.99 when one clearly wins; at
   * most NOT_A_DIGIT_CONFIDENCE for a shape no digit matches well.
   */
  confidence: number;
  /** Distance to the closest template. */
  distance: number;
}

/**
 * Farther than this from every digit template, a shape is not a digit: the ten digits drawn
 * in Sarabun and Taviraj (fonts the templates are not made from) come within 26, Thai letters
 * and the slash in them no closer than 28.
 */
export const NOT_A_DIGIT_DISTANCE = 27;
const NOT_A_DIGIT_CONFIDENCE = 0.3;

/** The closest digit to a glyph feature, with how clearly it beat the next digit. */
export function matchDigit(feature: Float32Array): DigitMatch {
  const best = new Map<string, { distance: number; template: Template }>();
  for (const template of loadTemplates()) {
    const distance = featureDistance(feature, template.feature);
    if (distance < (best.get(template.digit)?.distance ?? Number.POSITIVE_INFINITY)) {
      best.set(template.digit, { distance, template });
    }
  }
  const ranked = [...best].sort((a, b) => a[1].distance - b[1].distance);
  const [digit, { distance }] = ranked[0];
  const margin = ranked[1][1].distance - distance;
  const match: DigitMatch = {
    digit,
    second: ranked[1][0],
    confidence: Math.min(0.99, 0.5 + margin / 2),
    distance,
  };
  const told = digit === '๔' || digit === '๕' ? fourOrFive(feature, match, ranked) : match;
  return distance > NOT_A_DIGIT_DISTANCE
    ? { ...told, confidence: Math.min(told.confidence, NOT_A_DIGIT_CONFIDENCE) }
    : told;
}

/**
 * Where ๕ differs from ๔: the curl it draws up from its bar, in the top fifth of the glyph's
 * middle (from a quarter to three fifths of its width). A ๔ of the looped faces (Sarabun,
 * Taviraj, the templates' Laksaman, Kinnari, Norasi, Garuda, Loma) has no ink there, only its
 * raised tail further right; a ๕ covers 0.14 to 0.7 of it. Whole-glyph templates weigh that
 * small stroke too little: Taviraj's ๕, drawn unlike every template's, came out as ๔ one
 * time in five at 0.99.
 */
const CURL = { top: 0, bottom: 0.2, left: 0.25, right: 0.6 };
/**
 * How much more curl than its face's ๔ makes a glyph a ๕: the ๕ of the nearest template's
 * face (its nearest ๕ template) has that much more, up to CURL_STEP, at least LEAST_STEP.
 * A looped ๔ has 0.06 at most, the thin faces' ๕ from 0.07 (Norasi, Garuda), Sarabun's and
 * Taviraj's from 0.28 on their scans: half the step is the line between the two.
 */
const CURL_STEP = 0.15;
const LEAST_STEP = 0.05;
/**
 * A ๔ template with more ink than this in the curl's place is of a face that draws its bar
 * there (Waree, Umpush): in such a face the curl does not tell ๔ from ๕.
 */
const BAR_IN_CURL = 0.1;
/**
 * A glyph this near a template is printed in that template's face (a face's scanned
 * templates come within 13 of its clean ones); scanned Sarabun and Taviraj digits whose
 * nearest ๔ was one of Waree's or Umpush's were 18 to 23 from it.
 */
const SAME_FACE_DISTANCE = 14;

let curls: Map<Template, number> | null = null;
function curlOf(template: Template): number {
  curls ??= new Map(loadTemplates().map((t) => [t, inkShareIn(t.feature, CURL)]));
  return curls.get(template)!;
}

/**
 * ๔ or ๕, told by the curl (CURL): the glyph's curl is placed between its nearest ๔
 * template's and a step more (CURL_STEP), and the nearer decides. The confidence says how near: 0.99 at or beyond
 * either, 0.5 halfway, so a glyph between the two stays flagged; no more than the
 * templates' margin over the nearest digit of another kind. A glyph printed in a face
 * whose ๔ has its bar where the curl would be (its nearest ๔ template does, and a ๔ or ๕
 * template of that face is near) is left to the templates; one merely nearest such a ๔
 * (a blurred Taviraj ๕) is told by the curl but stays flagged.
 */
function fourOrFive(
  feature: Float32Array,
  match: DigitMatch,
  ranked: readonly (readonly [string, { distance: number; template: Template }])[],
): DigitMatch {
  const four = ranked.find(([d]) => d === '๔')![1];
  const five = ranked.find(([d]) => d === '๕')![1];
  const barred = curlOf(four.template) > BAR_IN_CURL;
  if (barred && Math.min(four.distance, five.distance) <= SAME_FACE_DISTANCE) return match;
  // A glyph merely nearest a barred ๔ is measured against a looped ๔'s empty curl.
  const fourCurl = barred ? 0 : curlOf(four.template);
  const step = Math.min(CURL_STEP, Math.max(LEAST_STEP, curlOf(five.template) - fourCurl));
  const towardFive = (inkShareIn(feature, CURL) - fourCurl) / step;
  const digit = towardFive >= 0.5 ? '๕' : '๔';
  const other = ranked.find(([d]) => d !== '๔' && d !== '๕')![1].distance;
  return {
    digit,
    second: digit === '๔' ? '๕' : '๔',
    confidence: Math.min(
      barred ? 0.5 : 0.99,
      0.5 + Math.abs(towardFive - 0.5),
      0.5 + (other - Math.min(four.distance, five.distance)) / 2,
    ),
    distance: digit === '๔' ? four.distance : five.distance,
  };
}

/** The digit an ink shape of `width`×`height` pixels shows; `isInk` is in the shape's own box. */
export function readDigitShape(
  width: number,
  height: number,
  isInk: (x: number, y: number) => boolean,
): DigitMatch {
  return matchDigit(glyphFeature({ x0: 0, y0: 0, x1: width, y1: height }, isInk));
}

const THAI_DIGITS = /^[\u0E50-\u0E59«]+$/;
/** A shape lower than this share of the run's tallest is a dot, a mark or a speck. */
const MIN_HEIGHT_SHARE = 0.45;
/** A shape wider than this many digit widths is digits touching each other: it is cut. */
const TOUCHING_WIDTHS = 1.5;
/** A Thai digit's usual width against its height, and the widest (๓ in Norasi: 1.36). */
const TYPICAL_WIDTH = 1.1;
const WIDEST_DIGIT = 1.4;
/** Narrower than this against its height, a shape is no whole digit (the narrowest is 0.7). */
const NARROWEST_DIGIT = 0.5;

interface Run {
  first: number;
  last: number;
  box: PixelBox;
}

const THAI_DIGIT = /[\u0E50-\u0E59]/;

/** What a symbol is, for splitting a word: a Thai digit, an Arabic digit, or anything else. */
function symbolKind(text: string): 'thai' | 'arabic' | 'other' {
  if (THAI_DIGITS.test(text)) return 'thai';
  return /^[0-9]+$/.test(text) ? 'arabic' : 'other';
}

/**
 * Words that mix Thai digits with other characters (`ก.พ.๒๕๖๙`, `ว๑๒๓`) split into pieces of
 * digits and of the rest, placed by their symbols' boxes, so the digits can be read as a run;
 * so are Arabic digits run into a sign (`9.`), so the digit can be read with a Thai number
 * it is glued to (gluedArabicDigits). A word of Arabic digits alone stays whole.
 */
function splitMixed(words: readonly OcrWord[]): OcrWord[] {
  return words.flatMap((word) => {
    if (THAI_DIGITS.test(word.text) || /^[0-9]+$/.test(word.text)) return [word];
    if (!/[0-9\u0E50-\u0E59]/.test(word.text)) return [word];
    if (word.symbols.map((s) => s.text).join('') !== word.text) return [word];
    if (!word.symbols.every((s) => s.box !== undefined)) return [word];
    const pieces: OcrWord[] = [];
    for (const symbol of word.symbols) {
      const box = symbol.box!;
      const last = pieces[pieces.length - 1];
      if (last && symbolKind(last.text) === symbolKind(symbol.text)) {
        last.text += symbol.text;
        last.symbols.push(symbol);
        last.confidence = Math.min(last.confidence, symbol.confidence);
        last.box = unionBox(last.box, box);
      } else {
        pieces.push({
          text: symbol.text,
          confidence: symbol.confidence,
          box: { ...box },
          symbols: [symbol],
        });
      }
    }
    return pieces;
  });
}

/** Consecutive words to read as digits, close enough to be one number. */
function digitRuns(words: readonly OcrWord[], inContext: readonly boolean[]): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  words.forEach((word, i) => {
    if (!THAI_DIGITS.test(word.text) && !inContext[i]) {
      current = null;
      return;
    }
    const height = word.box.y1 - word.box.y0;
    if (current && word.box.x0 - current.box.x1 < height * 0.6) {
      current.last = i;
      current.box = {
        x0: current.box.x0,
        y0: Math.min(current.box.y0, word.box.y0),
        x1: Math.max(current.box.x1, word.box.x1),
        y1: Math.max(current.box.y1, word.box.y1),
      };
    } else {
      current = { first: i, last: i, box: { ...word.box } };
      runs.push(current);
    }
  });
  return runs;
}

/** Vowels above and below, tone marks and the like: what the engine most often drops. */
const MARKS = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;
const bare = (text: string): string => text.replace(MARKS, '').replace(/\s+/g, '');

const MONTHS = new Set(MONTH_LABELS.flatMap((m) => [m.name, m.abbreviation]).map(bare));
/** A month with its year run into it, no space read between them (`ก.พ.๐๕๗๐`, `มี.ค.69`). */
const MONTH_THEN_YEAR = /^(.+?)[0-9\u0E50-\u0E59]{2,4}$/;
/** Labels a receipt stamp's number or time follows: เลขรับ, รับที่, เลขที่รับ, ทะเบียนรับ, เวลา. */
const NUMBER_LABELS = new Set(['เลขรับ', 'รับที่', 'เลขที่รับ', 'ทะเบียนรับ', 'เวลา'].map(bare));
/** The end of a reference number's owner part, a digit then /, /ว or /ว.: the serial is next. */
const BEFORE_SERIAL = /[0-9\u0E50-\u0E59]\s*\/\s*(ว\s*\.?)?$/;
/**
 * A word holding a reference number's digits: Thai digits, a slash, more digits; or its owner
 * number alone, ending at the slash (`๐ฒ๑๒/ว`, the serial a word of its own); or the number
 * whose serial the engine read as letters to the word's end (`๐๔๐๑ป/อปลปัญ` for ๐๔๐๗/๗๗๗ in
 * Taviraj, whose ๗ the engine reads as ป, อ or ล).
 */
const REFERENCE_WORD =
  /[\u0E50-\u0E59][^\s/]*\/\s*(?:(ว\s*\.?)?[^\s]*[\u0E50-\u0E59]|(ว\s*\.?)?[^\s]*$)/;
/**
 * What the engine makes of Thai digits it did not recognise as digits: Latin letters (wo for
 * ๗๐, bln, bebe), a Thai letter or two (ฒ for ๗, ค่), and a few signs (« © % '); or up to six
 * characters with one or two Thai letters among digits (`๓ป๗๓` for a serial ๗๗๓).
 */
const MISREAD_DIGITS =
  /^(?:[A-Za-z«©%'\u0E50-\u0E59]{1,6}|[\u0E01-\u0E59«©%']{1,3}|(?=(?:[^\u0E01-\u0E4E]*[\u0E01-\u0E4E]){1,2}[^\u0E01-\u0E4E]*$)[\u0E01-\u0E59«©%']{4,6})$/;

/**
 * A reference number's letter code read as a word of its own (after its label, ที่ชย, or with
 * none): two to four Thai consonants, or Latin letters where the engine misread them (YU).
 */
const CODE_APART = /^(?:[\u0E01-\u0E2E]{2,5}|[A-Za-z]{2,4})$/;

/**
 * The line's words grouped as the engine spaced them: its Thai "words" are mostly single
 * characters, so a month or a label is a run of words with no space in the line between them.
 */
function spacedTokens(
  words: readonly OcrWord[],
  starts: readonly number[],
): { text: string; first: number; last: number }[] {
  const tokens: { text: string; first: number; last: number }[] = [];
  words.forEach((word, i) => {
    const last = tokens[tokens.length - 1];
    if (last && starts[i] === starts[i - 1] + words[i - 1].text.length) {
      last.text += word.text;
      last.last = i;
    } else {
      tokens.push({ text: word.text, first: i, last: i });
    }
  });
  return tokens;
}

/**
 * Words where a number must stand, whatever the engine read there: the day before a Thai
 * month and the year after it (past a พ.ศ.), the serial after a reference number's slash, the
 * number after a receipt stamp's label or เวลา. Only what looks like misread digits counts
 * (Arabic digits, which the engine reads well, never do); the shapes are matched against the
 * digits and kept only if most of them are digits (readRun).
 */
function digitContexts(words: readonly OcrWord[], starts: readonly number[]): boolean[] {
  const marked = words.map(() => false);
  const tokens = spacedTokens(words, starts);
  const mark = (t: number): void => {
    const token = tokens[t];
    if (!token || THAI_DIGITS.test(token.text) || !MISREAD_DIGITS.test(token.text)) return;
    for (let i = token.first; i <= token.last; i++) marked[i] = true;
  };
  tokens.forEach((token, t) => {
    const text = bare(token.text);
    if (MONTHS.has(text)) {
      mark(t - 1);
      mark(/^พ\.?ศ\.?$/.test(bare(tokens[t + 1]?.text ?? '')) ? t + 2 : t + 1);
    } else if (MONTHS.has(MONTH_THEN_YEAR.exec(text)?.[1] ?? '')) {
      // The year run into its month (`ก.พ.๐๕๗๐`): the day is still before them.
      mark(t - 1);
    } else if (NUMBER_LABELS.has(text)) {
      mark(t + 1);
    } else if (BEFORE_SERIAL.test((tokens[t - 1]?.text ?? '') + token.text)) {
      // ว read apart from the slash: the serial follows it.
      mark(/^ว\.?$/.test(tokens[t + 1]?.text ?? '') ? t + 2 : t + 1);
    }
    // A reference number read as one word (๐๐๑ฒ.๕/ฒ๐๑): the pieces between its digits. Not
    // the letters before its first digit: the label and the letter code run into the number
    // (`ที่ขก๐๕๑๕/ว๑๕`) are single Thai letters too, and taken as digits they made the run
    // start at ท, its shapes far from every digit, and the number kept the engine's ๕ for ๔.
    if (REFERENCE_WORD.test(token.text)) {
      let from = token.first;
      while (from <= token.last && !THAI_DIGIT.test(words[from].text)) from++;
      // With the letter code a word of its own before it (`ชย ฒ๘๓๐๒/ว`, `YU ญณ๓๕๐๑/`), one or
      // two letters before the first digit are the number's own digits, misread.
      const lead = words
        .slice(token.first, from)
        .map((w) => w.text)
        .join('');
      if (lead.length <= 2 && CODE_APART.test(bare(tokens[t - 1]?.text ?? ''))) from = token.first;
      for (let i = from; i <= token.last; i++) {
        const piece = words[i].text;
        if (piece !== 'ว' && MISREAD_DIGITS.test(piece) && piece.length <= 2) marked[i] = true;
      }
    }
  });
  return marked;
}

/**
 * A single Arabic digit run into a word of Thai digits, no space between (`๐๕๑๒9.๓` for
 * ๐๘๑๖.๓, the ๖ split by the engine into ๒ and 9): in a number printed in one digit system,
 * a digit of the other is as likely a Thai digit the engine cut in two. It is read with the
 * Thai digits; readRun tells it apart from a number that really mixes them (`1๐๐๔`), whose
 * Arabic digit is a glyph of its own that no Thai digit matches.
 */
function gluedArabicDigits(words: readonly OcrWord[], starts: readonly number[]): boolean[] {
  const glued = (i: number, j: number): boolean =>
    j >= 0 &&
    j < words.length &&
    THAI_DIGITS.test(words[j].text) &&
    (j < i
      ? starts[i] === starts[j] + words[j].text.length
      : starts[j] === starts[i] + words[i].text.length);
  return words.map((word, i) => /^[0-9]$/.test(word.text) && (glued(i, i - 1) || glued(i, i + 1)));
}

/**
 * A cut into another count of digits replaces the one the width gives when its pieces are,
 * on average, this much nearer their digits.
 */
const BETTER_CUT = 4;
/**
 * The widest piece such a cut makes, against the shapes' middle height: the widest digit
 * (๓ in Sarabun, 1.4) with a scan's blur on both sides.
 */
const WIDEST_PIECE = 1.6;
/** A shape taller than this against the shapes' middle height is not kept whole by such a cut. */
const TALLEST_WHOLE = 1.25;

/**
 * Shapes wider than TOUCHING_WIDTHS digits cut at the columns with least ink, into as many
 * digits as the width gives, or as many as read clearly better.
 */
export function cutTouching(shapes: Shape[], labels: Int32Array, region: PixelBox): Shape[] {
  // A digit's width is measured on the run's shapes where there are several (the narrower
  // ones are single digits); Thai digits are 0.7–1.4 times as wide as they are tall in the
  // templates' fonts, so the middle height caps it: a shape wider than 1.5 such digits is
  // digits run together. The tallest is no measure: it may be digits with a speck above.
  // Nor is a shape narrower than any digit: a sliver of the neighbouring word's letter cut
  // off at the region's edge (a serial's `bln` and a year had each digit cut in ten).
  const heights = shapes.map((s) => s.y1 - s.y0).sort((a, b) => a - b);
  const middleHeight = heights[Math.floor(heights.length / 2)];
  const widths = shapes
    .filter(
      (s) => s.y1 - s.y0 >= 0.7 * middleHeight && s.x1 - s.x0 >= NARROWEST_DIGIT * middleHeight,
    )
    .map((s) => s.x1 - s.x0)
    .sort((a, b) => a - b);
  const digitWidth = Math.min(
    widths.length > 1 ? widths[Math.floor(widths.length / 4)] : middleHeight * TYPICAL_WIDTH,
    middleHeight * WIDEST_DIGIT,
  );
  const pieces: Shape[] = [];
  for (const shape of shapes) {
    const width = shape.x1 - shape.x0;
    const parts = Math.round(width / digitWidth);
    if (width < TOUCHING_WIDTHS * digitWidth || parts < 2) {
      pieces.push(shape);
      continue;
    }
    const inShape = inkOf({ labels, region }, shape.id);
    const cut = (count: number, reach: number): Shape[] => {
      const out: Shape[] = [];
      let from = shape.x0;
      for (let k = 1; k < count; k++) {
        const target = shape.x0 + Math.round((width * k) / count);
        const at = thinnestColumn(shape, target - reach, target + reach + 1, inShape);
        out.push(ownHeight({ ...shape, x0: from, x1: at }, labels, region));
        from = at;
      }
      out.push(ownHeight({ ...shape, x0: from }, labels, region));
      return out;
    };
    // The width measured on the run's other shapes may be no digit's: a digit cut at the
    // region's edge is narrower (a sliver of a ๓ cut each ๓ after it in three), and a face
    // narrower than the templates' (Taviraj, whose digits run together: a whole year one
    // shape) has no lone digit to measure. A year's ๒๕๖๙ so cut in three had read ๒๘๙, a
    // ๕๖ cut in three ๕๙๕. Every other count whose pieces are all digit-sized (one piece: the
    // shape whole) is tried, and the one whose pieces read nearest their digits is taken if
    // it is clearly nearer than the width's count.
    const distance = (cutPieces: Shape[]): number =>
      cutPieces.reduce(
        (sum, piece) =>
          sum + matchDigit(glyphFeature(piece, inkOf({ labels, region }, piece.id))).distance,
        0,
      ) / cutPieces.length;
    let best = cut(parts, Math.round(digitWidth * 0.3));
    let nearest = distance(best) - BETTER_CUT;
    // Whole only at a digit's height: a shape with a stroke of dust rising from it is cut.
    const fewest = Math.max(
      shape.y1 - shape.y0 > TALLEST_WHOLE * middleHeight ? 2 : 1,
      Math.ceil(width / (WIDEST_PIECE * middleHeight)),
    );
    const most = Math.floor(width / (NARROWEST_DIGIT * middleHeight));
    for (let count = fewest; count <= most; count++) {
      if (count === parts) continue;
      const other = count === 1 ? [shape] : cut(count, Math.round((width / count) * 0.3));
      const otherDistance = distance(other);
      if (otherDistance <= nearest) {
        nearest = otherDistance;
        best = other;
      }
    }
    pieces.push(...best);
  }
  return pieces;
}

/** The first column of `from` to `to` (exclusive) where `shape` has least ink. */
function thinnestColumn(
  shape: PixelBox,
  from: number,
  to: number,
  inShape: (x: number, y: number) => boolean,
): number {
  let cut = from;
  let least = Number.POSITIVE_INFINITY;
  for (let x = from; x < to; x++) {
    let ink = 0;
    for (let y = shape.y0; y < shape.y1; y++) if (inShape(x, y)) ink++;
    if (ink < least) {
      least = ink;
      cut = x;
    }
  }
  return cut;
}

/**
 * A piece cut from a wider shape, its top and bottom those of its own ink: the whole shape's
 * reach the speck or stroke that joined the digits (a bar over the first of `๒๑๐` run
 * together on a degraded scan), and a digit drawn in the bottom of a box too tall for it
 * is far from every template (๑ and ๐ read as ๘ and ๖).
 */
function ownHeight(piece: Shape, labels: Int32Array, region: PixelBox): Shape {
  const ink = inkOf({ labels, region }, piece.id);
  let y0 = piece.y1;
  let y1 = piece.y0;
  for (let y = piece.y0; y < piece.y1; y++) {
    for (let x = piece.x0; x < piece.x1; x++) {
      if (!ink(x, y)) continue;
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y + 1);
      break;
    }
  }
  return y1 > y0 ? { ...piece, y0, y1 } : piece;
}

/** A word that starts with a Thai letter: a month or a label, not a sign. */
const THAI_LETTER_FIRST = /^[\u0E01-\u0E2E\u0E40-\u0E44]/;

/** A dot's box is a quarter of a digit wide; one this share of a digit's width holds more. */
const DIGIT_SIZED_DOT = 0.8;

/**
 * A dot the engine read after digits (an owner number's `.`) whose own box is as wide as a
 * digit: the engine read a digit and the dot after it as the dot alone (`๐๓๐.๑` for
 * ๐๓๐๗.๑, the `.` boxed over the ๗), so the run's region reaches over the dot's box. The dot
 * itself is too small to be a digit's shape and stays in the text after the run.
 */
function digitInDot(
  after: OcrWord,
  engineWords: readonly OcrWord[],
  run: Run,
  words: readonly OcrWord[],
): boolean {
  // A digit's width as the engine boxed the run (its boxes' heights are the line's in a
  // reference line read again alone, far taller than the digits).
  const digits = words.slice(run.first, run.last + 1).reduce((n, w) => n + w.text.length, 0);
  const digitWidth = (run.box.x1 - run.box.x0) / digits;
  return (
    engineWords.includes(after) &&
    /^[.,]$/.test(after.text) &&
    after.box.x1 - after.box.x0 >= DIGIT_SIZED_DOT * digitWidth
  );
}

/** What readRun answers when an Arabic digit read with the run is a glyph of its own. */
const ARABIC_GLYPH = 'arabic glyph';

/**
 * The digits of one run as the page's pixels show them, or null to keep the engine's;
 * ARABIC_GLYPH when one of the Arabic digits at `arabic` (boxes) is a glyph of its own.
 */
function readRun(
  image: InkImage,
  line: OcrLine,
  words: readonly OcrWord[],
  engineWords: readonly OcrWord[],
  run: Run,
  now: Date,
  arabic: readonly PixelBox[] = [],
): DigitMatch[] | null | typeof ARABIC_GLYPH {
  const height = run.box.y1 - run.box.y0;
  const before = words[run.first - 1];
  const after = words[run.last + 1];
  // Up to a whole digit back to the word before: the engine's box for a first ๐ often covers
  // only its right side, and a ๐ cut in half is far from every digit (ที่ นร ๐๗๑๒ had lost its ๐).
  const x0 = before ? Math.max(before.box.x1, run.box.x0 - height) : run.box.x0 - height / 2;
  // Half a digit beyond the run at most, as at the line's end: past a column gap the next
  // word is far, and specks in the gap would make the shapes outnumber the digits.
  // Not short of the run's own box where the engine's next word starts inside it: a day glued
  // to its month (`๒สิงหาคม`, the ๒'s box over ๒๗ and the ส's from the ๗'s middle) had its ๗
  // cut at the ส's box and read as ๕. A piece of a word split at its digits (`๒.`) has its
  // symbol's box, which the engine draws loosely over the whole word: no measure of the run;
  // nor a sign after the digits (`(๑)`), whose box over the digit's brought the ) in as a ๙.
  const limit = after
    ? Math.min(after.box.x0, run.box.x1 + (after.box.x0 - run.box.x1) / 2, run.box.x1 + height / 2)
    : run.box.x1 + height / 2;
  const glued = after && engineWords.includes(after) && THAI_LETTER_FIRST.test(after.text);
  const x1 = glued
    ? Math.max(limit, run.box.x1)
    : after && digitInDot(after, engineWords, run, words)
      ? Math.min(after.box.x1, words[run.last + 2]?.box.x0 ?? after.box.x1)
      : limit;
  const region = {
    x0,
    y0: Math.min(line.box.y0, run.box.y0),
    x1,
    y1: Math.max(line.box.y1, run.box.y1),
  };
  const found = shapesIn(image, region);
  if (found.shapes.length === 0) return null;
  // The region is as tall as the line, which on a skewed page reaches the lines above and
  // below at its far end: a shape is the run's only if half of it lies where the engine saw
  // the digits (a piece of the line above had read as a ๗ before a ๑).
  const inside = found.shapes.filter((s) => {
    const centre = (s.x0 + s.x1) / 2;
    const overlap = Math.min(s.y1, run.box.y1) - Math.max(s.y0, run.box.y0);
    return centre >= x0 && centre <= x1 && overlap * 2 >= s.y1 - s.y0;
  });
  if (inside.length === 0) return null;
  const tallest = Math.max(...inside.map((s) => s.y1 - s.y0));
  const glyphs = inside.filter((s) => s.y1 - s.y0 >= MIN_HEIGHT_SHARE * tallest);
  const pieces = cutTouching(glyphs, found.labels, found.region).sort((a, b) => a.x0 - b.x0);
  const engineDigits = words.slice(run.first, run.last + 1).reduce((n, w) => n + w.text.length, 0);
  // Far more or fewer shapes than digits read: the cut is not the number's; keep the engine's.
  if (
    pieces.length === 0 ||
    pieces.length > engineDigits * 2 + 1 ||
    pieces.length * 2 + 1 < engineDigits
  ) {
    return null;
  }
  const matches = pieces.map((piece) => matchDigit(glyphFeature(piece, inkOf(found, piece.id))));
  // An Arabic digit read with the run must be ink of a Thai digit's shape (one near a
  // digit, over its box); a glyph of its own there, far from every Thai digit, or none,
  // means the number really mixes the two systems, and its Thai digits are read without it.
  const over = (piece: Shape, box: PixelBox): boolean => piece.x0 < box.x1 && piece.x1 > box.x0;
  const partOfThaiDigit = (box: PixelBox): boolean =>
    pieces.some((piece, i) => over(piece, box) && matches[i].distance <= NOT_A_DIGIT_DISTANCE) &&
    !pieces.some((piece, i) => over(piece, box) && matches[i].distance > NOT_A_DIGIT_DISTANCE);
  if (!arabic.every(partOfThaiDigit)) return ARABIC_GLYPH;
  // A letter of the neighbouring word caught at either end of the region, beyond where the
  // engine saw the digits, is not a digit (a scanned ๒ can be as far from the templates).
  const stray = (piece: Shape, match: DigitMatch): boolean => {
    const centre = (piece.x0 + piece.x1) / 2;
    const outside = centre < run.box.x0 || centre > run.box.x1;
    return outside && match.distance > NOT_A_DIGIT_DISTANCE;
  };
  const trimmed = (m: readonly DigitMatch[], p: readonly Shape[] = pieces): DigitMatch[] => {
    let first = 0;
    let last = m.length - 1;
    while (first <= last && stray(p[first], m[first])) first++;
    while (last >= first && stray(p[last], m[last])) last--;
    return m.slice(first, last + 1);
  };
  let kept = trimmed(matches);
  // The word before's box reaching into the first digit cut it at the region's edge (`ชร`
  // boxed over the ๐ of ๐๐๑๗): half a ๐ is far from every digit, and it was dropped as the
  // word's letter (the number lost a digit) or read as another digit. The cut shape is taken
  // whole, reaching a digit's height back past that box, if it is no wider than a digit and
  // near one; a digit is so added only where the engine read one more than are kept. The
  // edge may have cut the digit into several pieces (a ๑'s loop and its stem, each far from
  // every digit, behind a slash boxed over it): every piece cut at that edge within the
  // whole shape's columns is that digit's, not a digit of its own.
  const whole =
    pieces[0].x0 <= found.region.x0 && matches[0].distance > NOT_A_DIGIT_DISTANCE
      ? wholeShape(image, pieces[0], height)
      : null;
  if (whole !== null) {
    const rest = pieces
      .map((piece, i) => ({ piece, match: matches[i] }))
      .slice(1)
      .filter(({ piece }) => !(piece.x0 <= found.region.x0 && piece.x1 <= whole.shape.x1));
    const withWhole = trimmed(
      [whole.match, ...rest.map((r) => r.match)],
      [whole.shape, ...rest.map((r) => r.piece)],
    );
    if (withWhole.length <= Math.max(kept.length, engineDigits)) kept = withWhole;
  }
  // So at the right edge: the box of the slash after a number starts inside its last digit,
  // and a ๕ cut there lost its raised tail and read as ๔, far from it too. The shape is taken
  // on to a digit's width (measured on the run's other digits), cut off at its thinnest
  // column where it runs into the slash, and kept only if it is then near a digit.
  const lastAt = pieces.length - 1;
  const widths = pieces
    .filter((_, i) => i !== lastAt && matches[i].distance <= NOT_A_DIGIT_DISTANCE)
    .map((p) => p.x1 - p.x0)
    .sort((a, b) => a - b);
  const tail =
    lastAt > 0 &&
    widths.length > 0 &&
    pieces[lastAt].x1 >= found.region.x1 &&
    matches[lastAt].distance > NOT_A_DIGIT_DISTANCE &&
    whole === null
      ? lastDigitWhole(image, pieces[lastAt], widths[Math.floor(widths.length / 2)])
      : null;
  if (tail !== null) {
    const withTail = trimmed([...matches.slice(0, lastAt), tail]);
    if (withTail.length <= Math.max(kept.length, engineDigits)) kept = withTail;
  }
  if (kept.length === 0) return null;
  // A run the engine did not read as Thai digits (wo, ฒ, a short word after a month) is
  // taken as digits only if most of its shapes are digits; otherwise it is what it said.
  const misread = words.slice(run.first, run.last + 1).some((w) => !THAI_DIGITS.test(w.text));
  const digitShapes = kept.filter((m) => m.distance <= NOT_A_DIGIT_DISTANCE).length;
  if (misread && digitShapes * 2 <= kept.length) return null;
  return plausibleYear(engineWhereNoDigit(kept, words.slice(run.first, run.last + 1)), now);
}

/**
 * The whole ink shape a piece cut at a region's left edge belongs to, found again over a
 * region reaching `reach` further left, matched as a digit: null unless it is no wider than
 * the widest digit against its height and near a digit.
 */
function wholeShape(
  image: InkImage,
  piece: Shape,
  reach: number,
): { match: DigitMatch; shape: Shape } | null {
  const found = shapesIn(image, { x0: piece.x0 - reach, y0: piece.y0, x1: piece.x1, y1: piece.y1 });
  const shape = found.shapes
    .filter((s) => s.x1 >= piece.x1 - 1 && s.x0 < piece.x0)
    .sort((a, b) => b.area - a.area)[0];
  if (!shape || shape.x1 - shape.x0 > WIDEST_DIGIT * (shape.y1 - shape.y0)) return null;
  const match = matchDigit(glyphFeature(shape, inkOf(found, shape.id)));
  return match.distance <= NOT_A_DIGIT_DISTANCE ? { match, shape } : null;
}

/**
 * The last digit of a run whose piece was cut at the region's right edge, taken on to the
 * width of a digit of the run: its whole shape, cut at its thinnest column if it runs on
 * into the sign after it. Null unless it is then near a digit.
 */
function lastDigitWhole(image: InkImage, piece: Shape, digitWidth: number): DigitMatch | null {
  const margin = (piece.y1 - piece.y0) / 4;
  const widest = Math.round(piece.x0 + DIGIT_RUN_ON * digitWidth);
  if (widest <= piece.x1) return null;
  const found = shapesIn(image, {
    x0: piece.x0,
    y0: piece.y0 - margin,
    x1: piece.x0 + 2 * digitWidth,
    y1: piece.y1 + margin,
  });
  const shape = found.shapes
    .filter((s) => s.x0 <= piece.x0 + 1 && s.x1 > piece.x1)
    .sort((a, b) => b.area - a.area)[0];
  if (!shape) return null;
  const inShape = inkOf(found, shape.id);
  const x1 = shape.x1 > widest ? thinnestColumn(shape, piece.x1, widest, inShape) : shape.x1;
  const part = ownHeight({ ...shape, x1 }, found.labels, found.region);
  const match = matchDigit(glyphFeature(part, (x, y) => x < x1 && inShape(x, y)));
  return match.distance <= NOT_A_DIGIT_DISTANCE ? match : null;
}

/** A digit cut at the region's right edge is taken on to this many of the run's digit widths. */
const DIGIT_RUN_ON = 1.25;

/** A run's stretches of words between its glued Arabic digits, each a run of its own. */
function withoutArabic(run: Run, words: readonly OcrWord[], arabic: readonly boolean[]): Run[] {
  const parts: Run[] = [];
  let current: Run | null = null;
  for (let i = run.first; i <= run.last; i++) {
    if (arabic[i]) {
      current = null;
      continue;
    }
    const box = words[i].box;
    if (current) {
      current.last = i;
      current.box = unionBox(current.box, box);
    } else {
      current = { first: i, last: i, box: { ...box } };
      parts.push(current);
    }
  }
  return parts;
}

/**
 * The digits the engine reads other digits as (๔ ๖ ๗ ๘ ๙ come back as ๕ ๐ ๒): where it
 * reads one of these, the digit may be another.
 */
const ENGINE_COLLAPSED = new Set(['๕', '๐', '๒']);

/**
 * A shape no digit matches (a digit blotted by a speck, or run into a stroke beside it) says
 * little about the digit there: where the engine read the run as Thai digits one for one
 * with the shapes and read a digit it never collapses others onto (๑ ๓ ๔ ๖ ๗ ๘ ๙), the
 * engine's digit stays in its place, with the low confidence of a shape that is not a digit,
 * so the field is still flagged. Where it read ๕ ๐ or ๒ the nearest template is kept.
 */
function engineWhereNoDigit(matches: DigitMatch[], words: readonly OcrWord[]): DigitMatch[] {
  const engine = [...words.map((w) => w.text).join('')];
  if (engine.length !== matches.length || !engine.every((ch) => THAI_DIGIT.test(ch))) {
    return matches;
  }
  return matches.map((match, i) =>
    match.distance > NOT_A_DIGIT_DISTANCE &&
    engine[i] !== match.digit &&
    !ENGINE_COLLAPSED.has(engine[i])
      ? {
          ...match,
          digit: engine[i],
          second: match.digit,
          confidence: Math.min(match.confidence, NOT_A_DIGIT_CONFIDENCE),
        }
      : match,
  );
}

const THAI_ZERO = 0x0e50;
/** A Buddhist Era year a letter can carry: this many years either side of the present. */
const YEAR_SPAN = 5;

function valueOf(digits: readonly string[]): number {
  return Number(digits.map((d) => d.charCodeAt(0) - THAI_ZERO).join(''));
}

/**
 * Four digits that read as a Buddhist Era year (๒๔๐๐–๒๖๙๙) but far from the present — ๒๔๖๙
 * for ๒๕๖๙, ๔ and ๕ differing by one small stroke — are checked against the matches' second
 * choices: if changing exactly one digit to its second choice gives the only year within
 * YEAR_SPAN of the present, that digit is taken, its confidence kept at most 0.5 so the field
 * is still flagged. Otherwise the digits stay as matched.
 */
export function plausibleYear(matches: DigitMatch[], now: Date): DigitMatch[] {
  if (matches.length !== 4) return matches;
  const digits = matches.map((m) => m.digit);
  const year = valueOf(digits);
  const present = now.getFullYear() + 543;
  if (year < 2400 || year > 2699 || Math.abs(year - present) <= YEAR_SPAN) return matches;
  const fits: number[] = [];
  matches.forEach((match, i) => {
    const changed = [...digits];
    changed[i] = match.second;
    if (Math.abs(valueOf(changed) - present) <= YEAR_SPAN) fits.push(i);
  });
  if (fits.length !== 1) return matches;
  const at = fits[0];
  const corrected = [...matches];
  corrected[at] = {
    ...matches[at],
    digit: matches[at].second,
    second: matches[at].digit,
    confidence: Math.min(matches[at].confidence, 0.5),
  };
  return corrected;
}

/**
 * The line with each run of Thai digits replaced by the digits its ink shapes match, the
 * symbols (and so the per-character confidences) following. Lines without Thai digits, and
 * runs that cannot be cut cleanly, are returned as the engine read them.
 */
export function rereadThaiDigits(line: OcrLine, image: InkImage, now = new Date()): OcrLine {
  return withThaiDigitsAmongArabic(withThaiRunsRead(line, image, now), image);
}

/** The line with each run of Thai digits read from the page's pixels (rereadThaiDigits). */
function withThaiRunsRead(line: OcrLine, image: InkImage, now: Date): OcrLine {
  const words = splitMixed(line.words);
  // Where each word sits in the line's text, to find its context and replace a run in place.
  const starts = wordStarts(line.text, words);
  if (starts === null) return line;
  const arabic = gluedArabicDigits(words, starts);
  const contexts = digitContexts(words, starts).map((marked, i) => marked || arabic[i]);
  const runs = digitRuns(words, contexts);
  if (runs.length === 0) return line;
  const reads: { run: Run; digits: DigitMatch[] }[] = [];
  for (const run of runs) {
    const boxes = words
      .slice(run.first, run.last + 1)
      .flatMap((w, k) => (arabic[run.first + k] ? [w.box] : []));
    const digits = readRun(image, line, words, line.words, run, now, boxes);
    if (digits === ARABIC_GLYPH) {
      for (const part of withoutArabic(run, words, arabic)) {
        const partDigits = readRun(image, line, words, line.words, part, now);
        if (partDigits !== null && partDigits !== ARABIC_GLYPH)
          reads.push({ run: part, digits: partDigits });
      }
    } else if (digits !== null) {
      reads.push({ run, digits });
    }
  }
  let text = line.text;
  const replaced = [...words];
  // From the last run backwards, so earlier text positions stay valid.
  for (const { run, digits } of [...reads].reverse()) {
    const from = starts[run.first];
    const to = starts[run.last] + words[run.last].text.length;
    const value = digits.map((d) => d.digit).join('');
    text = text.slice(0, from) + value + text.slice(to);
    const word: OcrWord = {
      text: value,
      confidence: Math.min(...digits.map((d) => d.confidence)),
      box: run.box,
      symbols: digits.map((d) => ({ text: d.digit, confidence: d.confidence })),
    };
    replaced.splice(run.first, run.last - run.first + 1, word);
  }
  return { ...line, text, words: replaced, symbols: replaced.flatMap((w) => w.symbols) };
}

/**
 * A number printed mixing Thai and Arabic digits (`2๗8`) that the engine, reading Arabic
 * digits well, read as Arabic alone (`28`): the Thai digit is dropped and the box of the
 * Arabic digit beside it stretched over both. Inside a word of Arabic digits, Arabic digits
 * are far from every Thai digit template (32 and more on the test set's scans) and a Thai
 * digit near one (under NOT_A_DIGIT_DISTANCE): where the word's ink holds exactly one shape
 * far from every Thai digit for each Arabic digit read, and one or more shapes near a Thai
 * digit between them, those are digits the engine dropped, and they are put back in their places.
 * Shapes in another word's box are that word's; a Thai digit put back keeps at most 0.5, so
 * the field is flagged. Anything else (a glyph the engine read as two, a Thai letter) leaves
 * the word as read.
 */
function withThaiDigitsAmongArabic(line: OcrLine, image: InkImage): OcrLine {
  const starts = wordStarts(line.text, line.words);
  if (starts === null) return line;
  let text = line.text;
  const words = [...line.words];
  for (let i = words.length - 1; i >= 0; i--) {
    const word = thaiDigitsPutBack(line, i, image);
    if (word === null) continue;
    text = text.slice(0, starts[i]) + word.text + text.slice(starts[i] + words[i].text.length);
    words[i] = word;
  }
  if (words.every((word, i) => word === line.words[i])) return line;
  return { ...line, text, words, symbols: words.flatMap((w) => w.symbols) };
}

/** Shorter than this share of the Arabic digits' middle height, a shape is no Thai digit. */
const THAI_AMONG_ARABIC_HEIGHT = 0.6;

/** The line's word at `index`, of Arabic digits, with the Thai digits its ink shows put back, or null. */
function thaiDigitsPutBack(line: OcrLine, index: number, image: InkImage): OcrWord | null {
  const word = line.words[index];
  if (!/^[0-9]+$/.test(word.text)) return null;
  if (word.symbols.map((s) => s.text).join('') !== word.text) return null;
  const others = line.words.filter((_, k) => k !== index).map((w) => w.box);
  const region = {
    x0: word.box.x0,
    y0: Math.min(line.box.y0, word.box.y0),
    x1: word.box.x1,
    y1: Math.max(line.box.y1, word.box.y1),
  };
  const found = shapesIn(image, region);
  const inside = (x: number, y: number, box: PixelBox): boolean =>
    x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
  const own = found.shapes.filter((s) => {
    const cx = (s.x0 + s.x1) / 2;
    const cy = (s.y0 + s.y1) / 2;
    const overlap = Math.min(s.y1, word.box.y1) - Math.max(s.y0, word.box.y0);
    return overlap * 2 >= s.y1 - s.y0 && !others.some((box) => inside(cx, cy, box));
  });
  if (own.length <= word.text.length) return null;
  const matched = own
    .map((shape) => ({
      shape,
      match: matchDigit(glyphFeature(shape, inkOf(found, shape.id))),
    }))
    .sort((a, b) => a.shape.x0 - b.shape.x0);
  const arabic = matched.filter((m) => m.match.distance > NOT_A_DIGIT_DISTANCE);
  if (arabic.length !== word.text.length) return null;
  const heights = arabic.map((m) => m.shape.y1 - m.shape.y0).sort((a, b) => a - b);
  const middle = heights[Math.floor(heights.length / 2)];
  const thai = matched.filter(
    (m) =>
      m.match.distance <= NOT_A_DIGIT_DISTANCE &&
      m.shape.y1 - m.shape.y0 >= THAI_AMONG_ARABIC_HEIGHT * middle,
  );
  // Specks (too small for a digit) are neither: with one, the count no longer holds. A Thai
  // digit stands between two Arabic ones: at the word's edge a shape near a Thai digit is as
  // likely dust or a stroke beside a lone digit the engine read (`0` for a speck, `๑0`).
  if (thai.length === 0 || arabic.length + thai.length !== matched.length) return null;
  const first = matched.indexOf(arabic[0]);
  const last = matched.indexOf(arabic[arabic.length - 1]);
  if (thai.some((m) => matched.indexOf(m) < first || matched.indexOf(m) > last)) return null;
  let next = 0;
  const symbols = matched.map(({ shape, match }) =>
    match.distance > NOT_A_DIGIT_DISTANCE
      ? word.symbols[next++]
      : {
          text: match.digit,
          confidence: Math.min(match.confidence, 0.5),
          box: { x0: shape.x0, y0: shape.y0, x1: shape.x1, y1: shape.y1 },
        },
  );
  return {
    ...word,
    text: symbols.map((s) => s.text).join(''),
    confidence: Math.min(word.confidence, ...symbols.map((s) => s.confidence)),
    symbols,
  };
}
