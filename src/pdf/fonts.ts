import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import fontkit from '@pdf-lib/fontkit';
import type { Font as FontkitFont, GlyphRun, Subset, SubsetStream } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { Lru } from 'src/pdf/lru.js';

/**
 * The Sarabun fonts for Thai on PDF pages: read once per process, parsed once, subset
 * programs and compressed streams reused across documents.
 */

export type SarabunWeight = 'regular' | 'bold';

export interface ThaiFonts {
  regular: PDFFont;
  bold: PDFFont;
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

export function layout(font: PDFFont, text: string): { run: GlyphRun; unitsPerEm: number } {
  const { font: fk, fontFeatures } = embedderOf(font);
  return { run: fk.layout(text, fontFeatures), unitsPerEm: fk.unitsPerEm };
}
