import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import fontkit from '@pdf-lib/fontkit';
import type { Font as FontkitFont, GlyphRun, Subset, SubsetStream } from '@pdf-lib/fontkit';
import {
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  type Color,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';

/**
 * Thai text on PDF pages with pdf-lib.
 *
 * pdf-lib shapes text with fontkit (GSUB) but ignores the GPOS offsets, so tone marks
 * land inside the consonant's ascender ("ปู่" prints as "ปู"). Here every glyph is
 * placed at fontkit's own position instead. Reordered glyphs also carry wrong code
 * points in pdf-lib's ToUnicode map, so each run is tagged with ActualText, which
 * makes text extraction (pdftotext, search, copy-paste) return the exact string.
 */

export type SarabunWeight = 'regular' | 'bold';

export interface ThaiFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface DrawThaiTextOptions {
  /** Left end of the baseline, in page user space. */
  x: number;
  y: number;
  size: number;
  color?: Color;
}

/** A small least-recently-used map: Map iterates in insertion order. */
class Lru<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }
}

const SARABUN_FILES: Record<SarabunWeight, string> = {
  regular: '@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf',
  bold: '@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf',
};

const fontBytes = new Map<SarabunWeight, Promise<Uint8Array>>();
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

/** The Sarabun TTF, read from disk once per process. */
export function loadSarabunBytes(weight: SarabunWeight): Promise<Uint8Array> {
  let bytes = fontBytes.get(weight);
  if (!bytes) {
    const path = createRequire(import.meta.url).resolve(SARABUN_FILES[weight]);
    bytes = readFile(path).then((buffer) => new Uint8Array(buffer));
    // A failed read must not poison the cache for the life of the process.
    bytes.catch(() => fontBytes.delete(weight));
    fontBytes.set(weight, bytes);
  }
  return bytes;
}

/**
 * Remembers recent layouts of a parsed font. drawThaiText shapes a line and pdf-lib's
 * encodeText shapes it again; shaping is pure, so the second call and any repeated
 * text (a register repeats its cells) reuse the first result. Only the default
 * feature set is cached.
 */
function memoiseLayout(font: FontkitFont): FontkitFont {
  const shape = font.layout.bind(font);
  const runs = new Lru<string, GlyphRun>(2000);
  font.layout = (text, features) => {
    if (features !== undefined) return shape(text, features);
    let run = runs.get(text);
    if (!run) {
      run = shape(text);
      runs.set(text, run);
    }
    return run;
  };
  return font;
}

/**
 * Font programs already subset, by glyph list. A registry stamps letter after letter
 * with the same unit names and labels, and every digit is in each subset (see
 * embedSarabun), so the glyph list repeats and the subset need not be rebuilt. fontkit
 * also delivers a new subset through a timer, which costs more than the work itself.
 */
const subsetPrograms = new Lru<string, Uint8Array>(64);

/** Replays cached bytes the way pdf-lib listens to fontkit's subset stream. */
function replay(bytes: Uint8Array): SubsetStream {
  const handlers: Partial<Record<'data' | 'end', (data: Uint8Array) => unknown>> = {};
  const stream: SubsetStream = {
    on(event, callback) {
      handlers[event] = callback;
      return stream;
    },
  };
  queueMicrotask(() => {
    handlers.data?.(bytes);
    handlers.end?.(bytes);
  });
  return stream;
}

function cacheSubsetPrograms(font: FontkitFont): void {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = (): Subset => {
    const subset = createSubset();
    const encodeStream = subset.encodeStream.bind(subset);
    subset.encodeStream = () => {
      // fontkit's subset keeps the original glyph ids in inclusion order.
      const key = `${font.postscriptName}:${(subset as unknown as { glyphs: number[] }).glyphs.join(',')}`;
      const cached = subsetPrograms.get(key);
      if (cached) return replay(cached);
      const parts: Uint8Array[] = [];
      return encodeStream()
        .on('data', (data) => parts.push(data))
        .on('end', () => subsetPrograms.set(key, Buffer.concat(parts)));
    };
    return subset;
  };
}

/** Compressed font programs and ToUnicode maps, by content. */
const compressionCached = new WeakSet<object>();
const compressed = new Lru<string, Uint8Array>(64);
/** Font subsets and ToUnicode maps are far smaller; a caller's images are left alone. */
const COMPRESSED_CACHE_MAX_INPUT = 128 * 1024;

/**
 * pdf-lib deflates every font program and ToUnicode map on each save; reuse the
 * result for content seen before. The bytes are pdf-lib's own, so a cached and an
 * uncached rendering are identical.
 */
function cacheCompression(doc: PDFDocument): void {
  const context = doc.context;
  if (compressionCached.has(context)) return;
  compressionCached.add(context);
  const flateStream = context.flateStream.bind(context);
  context.flateStream = (contents, dict = {}) => {
    if (contents.length > COMPRESSED_CACHE_MAX_INPUT) return flateStream(contents, dict);
    const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
    const key = createHash('sha256').update(bytes).digest('base64');
    const cached = compressed.get(key);
    if (cached) return context.stream(cached, { ...dict, Filter: 'FlateDecode' });
    const stream = flateStream(contents, dict);
    compressed.set(key, stream.getContents());
    return stream;
  };
}

/**
 * Parsing the font costs more than stamping a page, so one parsed font serves every
 * document. Sharing is safe: pdf-lib keeps its subset state per document and only reads
 * the parsed font, synchronously.
 */
const cachingFontkit = {
  create(bytes: Uint8Array, postscriptName?: string): FontkitFont {
    if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = memoiseLayout(fontkit.create(bytes));
      cacheSubsetPrograms(font);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

/**
 * Glyphs every subset starts with, in this order: digits of both scripts and the
 * punctuation of dates, times and numbers. Receipt numbers and dates then change no
 * subset's glyph list, so its cached program is reused.
 */
const BASE_GLYPHS = '๐๑๒๓๔๕๖๗๘๙0123456789 .,:/-()น';

/** Embeds one Sarabun weight; always subset, since the full font breaks Sarabun's spacing. */
export async function embedSarabun(doc: PDFDocument, weight: SarabunWeight): Promise<PDFFont> {
  doc.registerFontkit(cachingFontkit);
  cacheCompression(doc);
  const font = await doc.embedFont(await loadSarabunBytes(weight), { subset: true });
  font.encodeText(BASE_GLYPHS);
  return font;
}

export async function embedSarabunFamily(doc: PDFDocument): Promise<ThaiFonts> {
  const regular = await embedSarabun(doc, 'regular');
  const bold = await embedSarabun(doc, 'bold');
  return { regular, bold };
}

interface FontkitEmbedder {
  font: FontkitFont;
  fontFeatures: Parameters<FontkitFont['layout']>[1];
}

/** The fontkit font behind a PDFFont; pdf-lib keeps it private, and its version is pinned. */
function embedderOf(font: PDFFont): FontkitEmbedder {
  const embedder = (font as unknown as { embedder?: Partial<FontkitEmbedder> }).embedder;
  if (!embedder?.font || typeof embedder.font.layout !== 'function') {
    throw new TypeError(
      `Font "${font.name}" is not an embedded TrueType/OpenType font; Thai needs one (see embedSarabun)`,
    );
  }
  return embedder as FontkitEmbedder;
}

function layout(font: PDFFont, text: string): { run: GlyphRun; unitsPerEm: number } {
  const { font: fk, fontFeatures } = embedderOf(font);
  return { run: fk.layout(text, fontFeatures), unitsPerEm: fk.unitsPerEm };
}

/** Width of the text as drawThaiText draws it (fontkit advances, kerning included). */
export function measureThaiText(font: PDFFont, text: string, size: number): number {
  if (text === '') return 0;
  const { run, unitsPerEm } = layout(font, text);
  let advance = 0;
  for (const position of run.positions) advance += position.xAdvance;
  return (advance * size) / unitsPerEm;
}

/** Two decimals are far below a printer dot and keep content streams small. */
function fmt(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** One resource name per font and page, as pdf-lib's drawText keeps, not one per call. */
const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

function fontKey(page: PDFPage, font: PDFFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) fontKeys.set(page, (keys = new Map()));
  let key = keys.get(font);
  if (!key) {
    key = page.node.newFontDictionary(font.name, font.ref);
    keys.set(font, key);
  }
  return key;
}

/**
 * Text operators that put each glyph where fontkit placed it. A TJ array moves the pen
 * between glyphs by the difference from the widths pdf-lib wrote into the font (the
 * glyphs' advance widths), and a text rise (Ts) lifts or lowers a mark; this is the
 * same as one Tm per glyph at a fraction of the bytes.
 */
function glyphOperators(
  run: GlyphRun,
  hex: string,
  unitsPerEm: number,
  size: number,
): PDFOperator[] {
  const operators: PDFOperator[] = [];
  const toThousandths = 1000 / unitsPerEm;
  let parts: string[] = [];
  let glyphs = '';
  const flushGlyphs = (): void => {
    if (glyphs !== '') parts.push(`<${glyphs}>`);
    glyphs = '';
  };
  const flush = (): void => {
    flushGlyphs();
    if (parts.length > 0) {
      operators.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [`[${parts.join(' ')}]`]));
    }
    parts = [];
  };
  let pen = 0; // where fontkit's pen is, in font units from the start
  let at = 0; // where the PDF text position is, in font units from the start
  let rise = 0;
  run.positions.forEach((position, i) => {
    if (position.yOffset !== rise) {
      flush();
      rise = position.yOffset;
      operators.push(
        PDFOperator.of(PDFOperatorNames.SetTextRise, [fmt((rise * size) / unitsPerEm)]),
      );
    }
    const target = pen + position.xOffset;
    const shift = Math.round((at - target) * toThousandths * 100) / 100;
    if (shift !== 0) {
      flushGlyphs();
      parts.push(fmt(shift));
    }
    glyphs += hex.slice(i * 4, i * 4 + 4);
    // Track the position the rounded shift really gives, so rounding never accumulates.
    at = at - shift / toThousandths + run.glyphs[i].advanceWidth;
    pen += position.xAdvance;
  });
  flush();
  return operators;
}

/**
 * Draws one line of text at fontkit's layout positions (GPOS included), inside a
 * `/Span <</ActualText …>> BDC … EMC` so extraction returns `text` exactly.
 * Line breaks and tabs are drawn as spaces; use wrapThaiText for several lines.
 * Returns the advance width drawn.
 */
export function drawThaiText(
  page: PDFPage,
  font: PDFFont,
  text: string,
  options: DrawThaiTextOptions,
): number {
  const line = text.replace(/[\t\n\r\v\f\u2028\u2029]/g, ' ');
  if (line === '') return 0;
  const { x, y, size, color = rgb(0, 0, 0) } = options;
  const { run, unitsPerEm } = layout(font, line);
  // encodeText lays the text out again with the same font and features, so its glyphs
  // match run.glyphs one for one; it also adds them to the document's font subset.
  const hex = font.encodeText(line).asString();
  if (hex.length !== run.glyphs.length * 4) {
    throw new Error(`Glyph count mismatch while drawing "${line}"`);
  }
  page.pushOperators(
    pushGraphicsState(),
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
      PDFName.of('Span'),
      `<</ActualText ${PDFHexString.fromText(line).toString()}>>`,
    ]),
    beginText(),
    setFontAndSize(fontKey(page, font), size),
    setFillingColor(color),
    PDFOperator.of(PDFOperatorNames.SetTextMatrix, ['1 0 0 1', fmt(x), fmt(y)]),
    ...glyphOperators(run, hex, unitsPerEm, size),
    endText(),
    PDFOperator.of(PDFOperatorNames.EndMarkedContent),
    popGraphicsState(),
  );
  let advance = 0;
  for (const position of run.positions) advance += position.xAdvance;
  return (advance * size) / unitsPerEm;
}

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
