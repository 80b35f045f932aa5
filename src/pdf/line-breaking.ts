import type { PDFFont } from 'pdf-lib';
import { measureThaiText } from 'src/pdf/glyphs.js';
import { Lru } from 'src/pdf/lru.js';

// Built once: constructing an ICU segmenter costs more than segmenting a subject.
const wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * The word segmenter is superlinear in input length (95k characters take seconds), so
 * runs without whitespace are fed to it in pieces of at most this many characters.
 */
const SEGMENTER_CHUNK = 1000;

const COMBINING = /^\p{M}/u;
/** ะ า ๅ ำ ฯ ๆ follow their syllable and must not start a line. */
const FOLLOWS_SYLLABLE = /^[\u0E2F\u0E30\u0E32\u0E33\u0E45\u0E46]/;
/** เ แ โ ใ ไ are written before their consonant and must not end a line. */
const PRECEDES_CONSONANT = /[\u0E40-\u0E44]$/;

/** Opening brackets and quotes stay with what follows; a slash joins its neighbours. */
const GLUES_FORWARD = /[([{“‘«"'/]$/;
/** Closing brackets, quotes and punctuation stay with what precedes (ม.ค., ๑/๒๕๖๙). */
const GLUES_BACKWARD = /^[)\]}”’»"'/.,:;!?%]/;

/** Whether a line may break between `before` and `after` without tearing a syllable. */
function canBreakInside(before: string, after: string): boolean {
  return !(
    COMBINING.test(after) ||
    FOLLOWS_SYLLABLE.test(after) ||
    PRECEDES_CONSONANT.test(before) ||
    /[\uD800-\uDBFF]$/.test(before)
  );
}

/** Whether a line may break between two words of an unspaced run. */
function canBreakBetween(before: string, after: string): boolean {
  return (
    canBreakInside(before, after) && !GLUES_FORWARD.test(before) && !GLUES_BACKWARD.test(after)
  );
}

/** Cuts a long unspaced run into segmenter-sized pieces, never inside a syllable. */
function cutForSegmenter(run: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (run.length - start > SEGMENTER_CHUNK) {
    let cut = start + SEGMENTER_CHUNK;
    while (cut > start + 1 && !canBreakInside(run.slice(cut - 1, cut), run.slice(cut, cut + 1))) {
      cut--;
    }
    pieces.push(run.slice(start, cut));
    start = cut;
  }
  pieces.push(run.slice(start));
  return pieces;
}

interface Token {
  text: string;
  /** Whitespace stood before this token in the source. */
  spaced: boolean;
}

/** Recently segmented paragraphs: fitting a stamp wraps the same name at many sizes. */
const tokenCache = new Lru<string, readonly Token[]>(500);
const TOKEN_CACHE_MAX_LENGTH = 2000;

function tokenizeCached(paragraph: string): readonly Token[] {
  if (paragraph.length > TOKEN_CACHE_MAX_LENGTH) return tokenize(paragraph);
  let tokens = tokenCache.get(paragraph);
  if (!tokens) {
    tokens = tokenize(paragraph);
    tokenCache.set(paragraph, tokens);
  }
  return tokens;
}

/** Words of one paragraph: whitespace first, then Thai word boundaries inside each run. */
function tokenize(paragraph: string): Token[] {
  const tokens: Token[] = [];
  for (const match of paragraph.matchAll(/(\s*)(\S+)/g)) {
    let spaced = match[1] !== '';
    for (const piece of cutForSegmenter(match[2])) {
      for (const { segment } of wordSegmenter.segment(piece)) {
        const previous = tokens.at(-1);
        // The segmenter keeps grapheme clusters whole; this also keeps ะ/า after a
        // consonant and a leading เ-ไ with what follows, should a word end there.
        if (previous && !spaced && !canBreakBetween(previous.text, segment)) {
          previous.text += segment;
        } else {
          tokens.push({ text: segment, spaced });
        }
        spaced = false;
      }
    }
  }
  return tokens;
}

/** Thai syllable-safe pieces of one word, for a word wider than the whole line. */
function clusters(word: string): string[] {
  const result: string[] = [];
  for (const { segment } of graphemeSegmenter.segment(word)) {
    const previous = result.at(-1);
    if (previous !== undefined && !canBreakInside(previous, segment)) {
      result[result.length - 1] = previous + segment;
    } else {
      result.push(segment);
    }
  }
  return result;
}

/**
 * Breaks text into lines no wider than maxWidth given a width function. Thai breaks at
 * word boundaries (Intl.Segmenter), other scripts at whitespace; runs of whitespace
 * print as one space; a word wider than a line breaks between syllable clusters; a
 * single cluster wider than the line stays whole. Explicit line breaks are kept.
 */
export function breakLines(
  text: string,
  maxWidth: number,
  widthOf: (text: string) => number,
): string[] {
  const lines: string[] = [];
  const spaceWidth = widthOf(' ');
  for (const paragraph of text.split(/\r\n?|\n|\u2028|\u2029/)) {
    let line = '';
    let lineWidth = 0;
    const place = (piece: string, width: number, spaced: boolean): void => {
      const gap = line !== '' && spaced ? spaceWidth : 0;
      if (line === '' || lineWidth + gap + width <= maxWidth) {
        line += (gap > 0 ? ' ' : '') + piece;
        lineWidth += gap + width;
      } else {
        lines.push(line);
        line = piece;
        lineWidth = width;
      }
    };
    const before = lines.length;
    for (const token of tokenizeCached(paragraph)) {
      const width = widthOf(token.text);
      if (width <= maxWidth) {
        place(token.text, width, token.spaced);
        continue;
      }
      clusters(token.text).forEach((cluster, i) =>
        place(cluster, widthOf(cluster), i === 0 && token.spaced),
      );
    }
    if (line !== '' || lines.length === before) lines.push(line);
  }
  // A blank input has no lines rather than one empty line.
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

/** Lines of text that fit maxWidth when drawn with drawThaiText at this size. */
export function wrapThaiText(
  font: PDFFont,
  text: string,
  size: number,
  maxWidth: number,
): string[] {
  return breakLines(text, maxWidth, (piece) => measureThaiText(font, piece, size));
}
