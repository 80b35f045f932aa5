import type { OcrLine, OcrSymbol, OcrWord } from 'src/modules/files/reading/ocr-pool.js';
import { wordStarts } from 'src/modules/files/reading/ocr-words.js';
import {
  shapesIn,
  type InkImage,
  type PixelBox,
  type Shape,
} from 'src/modules/files/reading/thai-digits/glyph.js';

/**
 * The spaces of a reference number (ที่ มท ๐๒๐๘.๒/ว ๗๐) as the page's ink shows them. The
 * engine puts a space where its words part, and in a reference number it often loses the one
 * after ว or after the letter code (`/ว๒๗๑๔`, `มท๐๒๐๔`): its word boxes there are no
 * measure (ว's box runs over the space, a digit's starts inside it). The gap is measured on
 * the page instead: the empty columns between the ink of ว (or of the code's last letter)
 * and of the first digit after it, against the two glyphs' height. A printed space there is
 * 0.36 to 0.9 of it on the bench's scans (Sarabun and Taviraj); glyphs of one word stand up
 * to a quarter apart (ว and ๑ printed together: their side bearings). A lost space is put
 * back, and the character before it keeps at most UNSURE_SPACE, so the field is flagged. A
 * space the reading has is left: the narrowest spaces come too near the widest gaps inside
 * a word to take one away.
 */

/** A gap of at least this share of the glyphs' height is a space. */
export const SPACE_GAP = 0.35;
/** The confidence, at most, of a character whose space after it was put right. */
export const UNSURE_SPACE = 0.5;

const DIGIT = '[0-9\\u0E50-\\u0E59]';
/** ว after a reference number's slash, then the serial. */
const AFTER_CIRCULAR = new RegExp(`\\/[ \\t]*(ว)([ \\t]*)(?=${DIGIT})`, 'g');
/**
 * A letter code (two to four Thai consonants, after ที่, at the line's start or after a
 * space or a sign), then an owner number running to a slash.
 */
const AFTER_CODE = new RegExp(
  `(?<=^|[^\\u0E01-\\u0E4E]|ที่|ที)[\\u0E01-\\u0E2E]{1,3}([\\u0E01-\\u0E2E])([ \\t]*)(?=${DIGIT}[0-9\\u0E50-\\u0E59.]*[ \\t]*\\/)`,
  'g',
);

/** A place in the line's text and where on the page its character is. */
interface Located {
  word: number;
  symbol: number;
  /** The symbol's box, or its word's when the symbol starts the word and has none. */
  box: PixelBox;
}

/**
 * The line's characters, each placed on the page: by its symbol's box, or by its word's box
 * for the first character of a word whose symbols have none (digits read again from the ink).
 */
function locate(line: OcrLine): Map<number, Located> | null {
  const starts = wordStarts(line.text, line.words);
  if (starts === null) return null;
  const at = new Map<number, Located>();
  line.words.forEach((word, w) => {
    if (word.symbols.map((s) => s.text).join('') !== word.text) return;
    let offset = starts[w];
    word.symbols.forEach((symbol, s) => {
      // A word's box is as wide as all its digits: its first one is a glyph wide at most.
      const box =
        symbol.box ??
        (s === 0
          ? { ...word.box, x1: Math.min(word.box.x1, word.box.x0 + (word.box.y1 - word.box.y0)) }
          : undefined);
      if (box !== undefined && symbol.text.length === 1)
        at.set(offset, { word: w, symbol: s, box });
      offset += symbol.text.length;
    });
  });
  return at;
}

/**
 * The empty columns between the glyph at `left` and the glyph at `right` (the engine's boxes
 * of the two characters, which only place them: a box may be narrower or wider than its
 * glyph), and the two glyphs' height, on the page. Each glyph is the ink shape its box
 * overlaps most; the gap is 0 where they touch (one shape). Null where it cannot be told.
 */
export function inkGap(
  image: InkImage,
  left: PixelBox,
  right: PixelBox,
): { gap: number; height: number } | null {
  const reach = Math.max(left.y1 - left.y0, right.y1 - right.y0);
  const region = {
    x0: Math.floor(left.x0 - reach / 2),
    y0: Math.floor(Math.min(left.y0, right.y0)),
    x1: Math.ceil(right.x1 + reach / 2),
    y1: Math.ceil(Math.max(left.y1, right.y1)),
  };
  const found = shapesIn(image, region);
  // Specks (a few pixels) are neither glyph nor gap.
  const shapes = found.shapes.filter((s) => s.area >= MIN_GLYPH_AREA);
  const overlap = (s: PixelBox, box: PixelBox): number =>
    Math.min(s.x1, box.x1) - Math.max(s.x0, box.x0);
  const glyphAt = (box: PixelBox, not?: Shape): Shape | undefined =>
    shapes
      .filter((s) => s !== not && overlap(s, box) > 0)
      .sort((x, y) => overlap(y, box) - overlap(x, box) || y.area - x.area)[0];
  const a = glyphAt(left);
  if (!a) return null;
  // The right glyph is another shape where there is one; the left's alone where they touch.
  const b = glyphAt(right, a) ?? (overlap(a, right) > 0 ? a : undefined);
  if (!b || b.x1 <= a.x1) return null;
  const height = Math.max(a.y1 - a.y0, b.y1 - b.y0);
  if (a === b) return { gap: 0, height };
  // Other ink between them (a speck, a mark's stem) closes the gap where it stands.
  let from = a.x1;
  for (const s of shapes) {
    if (s === a || s === b || s.x0 > from || s.x1 <= from || s.x1 > b.x0) continue;
    if (s.y1 - s.y0 >= GLYPH_HEIGHT_SHARE * height) from = s.x1;
  }
  return { gap: Math.max(0, b.x0 - from), height };
}

/** Fewer pixels than this are a speck. */
const MIN_GLYPH_AREA = 20;
/** Ink lower than this share of the glyphs' height between them is a speck, not a glyph. */
const GLYPH_HEIGHT_SHARE = 0.5;

/** A place where a reference number has or lacks a space, and the ink's gap there. */
interface SpaceSite {
  /** The character before the space (ว, or the code's last letter) in the line's text. */
  at: number;
  /** Its word and symbol in the line. */
  word: number;
  symbol: number;
  /** Whitespace characters the reading has after it. */
  spaces: number;
  /** The ink's gap after it against the glyphs' height. */
  share: number;
}

/** The places after a reference number's ว and letter code, measured on the page. */
function referenceSpaceSites(line: OcrLine, image: InkImage): SpaceSite[] {
  if (!line.text.includes('/')) return [];
  const located = locate(line);
  if (located === null) return [];
  const sites: SpaceSite[] = [];
  for (const pattern of [AFTER_CIRCULAR, AFTER_CODE]) {
    for (const m of line.text.matchAll(pattern)) {
      const whitespace = m[m.length - 1];
      const at = m.index + m[0].length - whitespace.length - 1;
      const left = located.get(at);
      const right = located.get(at + 1 + whitespace.length);
      if (!left || !right) continue;
      const measured = inkGap(image, left.box, right.box);
      if (measured === null || measured.height <= 0) continue;
      sites.push({
        at,
        word: left.word,
        symbol: left.symbol,
        spaces: whitespace.length,
        share: measured.gap / measured.height,
      });
    }
  }
  return sites;
}

/**
 * The line with the spaces after a reference number's ว and after its letter code as the ink
 * shows them (see the module comment); the line as it was where the ink agrees or cannot tell.
 */
export function withReferenceSpacing(line: OcrLine, image: InkImage): OcrLine {
  const changes = referenceSpaceSites(line, image).filter(
    (site) => site.spaces === 0 && site.share >= SPACE_GAP,
  );
  if (changes.length === 0) return line;
  let text = line.text;
  const unsure = new Set<string>();
  // From the last backwards, so earlier positions stay valid.
  for (const change of changes.sort((a, b) => b.at - a.at)) {
    const from = change.at + 1;
    text = `${text.slice(0, from)} ${text.slice(from)}`;
    unsure.add(`${change.word}:${change.symbol}`);
  }
  const words: OcrWord[] = line.words.map((word, w) => ({
    ...word,
    symbols: word.symbols.map((symbol, s): OcrSymbol =>
      unsure.has(`${w}:${s}`)
        ? { ...symbol, confidence: Math.min(symbol.confidence, UNSURE_SPACE) }
        : symbol,
    ),
  }));
  return { ...line, text, words, symbols: words.flatMap((word) => word.symbols) };
}
