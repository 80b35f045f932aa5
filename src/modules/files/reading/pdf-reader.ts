import { createRequire } from 'node:module';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { dirname, join } from 'node:path';
import {
  getDocument,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'src/modules/files/reading/pdfjs.js';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import {
  joinWeighted,
  judgeTextLayer,
  normalizeExtractedText,
  weighted,
  type WeightedText,
} from 'src/thai/extracted-text.js';
import { OcrTimeoutError, type OcrLine, type OcrPool } from 'src/modules/files/reading/ocr-pool.js';
import {
  inkFromRgba,
  type InkImage,
  type PixelBox,
} from 'src/modules/files/reading/thai-digits/glyph.js';
import { rereadThaiDigits } from 'src/modules/files/reading/thai-digits/reread.js';
import { speckFreeRange } from 'src/modules/files/reading/ocr-specks.js';
import { withReferenceSpacing } from 'src/modules/files/reading/reference-spacing.js';
import { ppmOf, ppmOfArea } from 'src/modules/files/reading/netpbm.js';
import {
  referenceReread,
  referenceSegment,
  type RereadTaken,
} from 'src/modules/files/reading/reference-line.js';

/**
 * Reading a PDF's text, page by page: the text layer where it is Thai, OCR of the rendered
 * page where there is none or it is garbage (see src/modules/files/README.md#reading). No
 * Nest, no database: the reading job, the CLI and the OCR bench call `readPdf`.
 */

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));

/** Rendering resolution for OCR: Tesseract's models are trained on ~300 dpi text. */
export const OCR_DPI = 300;
/** A page larger than this many pixels at OCR_DPI (an A0 drawing) is rendered smaller. */
const MAX_OCR_PIXELS = 40_000_000;
/** A page whose mean confidence is below this gets a low-confidence warning. */
export const LOW_PAGE_CONFIDENCE = 0.6;
/** An OCR line below this is specks or noise, not text: dropped, with a warning. */
export const NOISE_LINE_CONFIDENCE = 0.3;
/**
 * An OCR page whose kept lines average below this is noise read as text (a blank scan's
 * grain, a photo): all of it is dropped, so nothing is prefilled from it. A page of speckled
 * noise reads at about 0.42; degraded 200 dpi letter scans at 0.70 to 0.92.
 */
export const NOISE_PAGE_CONFIDENCE = 0.5;
/** The highest per-character confidence OCR gives; 1 is the text layer's alone. */
export const MAX_OCR_CONFIDENCE = 0.99;

export type ReadingMethod = 'text_layer' | 'ocr';

export type PageWarning =
  /** Nothing readable on the page. */
  | 'empty_page'
  /** The page had a text layer, but not Thai (legacy font encoding): OCR was used. */
  | 'garbage_text_layer'
  /** Mean confidence below LOW_PAGE_CONFIDENCE. */
  | 'low_confidence'
  /** OCR lines below NOISE_LINE_CONFIDENCE were dropped. */
  | 'noise_dropped'
  /** OCR took longer than its limit: the page has no text. */
  | 'ocr_timeout';

export interface ReadLine {
  text: string;
  /** 0–1: the engine's line confidence; 1 for a text layer. */
  confidence: number;
  /** PDF points, origin at the page's top left. */
  box: { x0: number; y0: number; x1: number; y1: number };
  /** One 0–1 confidence per UTF-16 code unit of `text`; absent when all are 1 (text layer). */
  charConfidences?: number[];
}

export interface ReadPage {
  /** 1-based. */
  pageNumber: number;
  method: ReadingMethod;
  /** The page's lines joined with line feeds. */
  text: string;
  lines: ReadLine[];
  /** 0–1: mean of the line confidences weighted by length; 1 for a text layer, 0 if empty. */
  confidence: number;
  warnings: PageWarning[];
  /** Page size in PDF points. */
  width: number;
  height: number;
}

export type PdfReadFailure = 'encrypted' | 'unreadable' | 'too_many_pages';

/** A PDF that cannot be read at all; `reason` says why. */
export class PdfReadError extends Error {
  constructor(
    readonly reason: PdfReadFailure,
    message: string,
    readonly pageCount?: number,
  ) {
    super(message);
  }
}

export interface ReadPdfOptions {
  /** OCR engines for pages without a usable text layer; without it such pages stay empty. */
  ocr?: OcrPool;
  /** 1-based page numbers to read (default: all); a resumed reading skips pages it has. */
  pages?: readonly number[];
  /** More pages than this and nothing is read (PdfReadError 'too_many_pages'). */
  maxPages?: number;
  /** Rendering resolution for OCR (default OCR_DPI). */
  dpi?: number;
  /** Called as each page finishes, in page order, before the next page starts. */
  onPage?: (page: ReadPage, pageCount: number) => Promise<void> | void;
}

export interface PdfReading {
  pageCount: number;
  /** The pages read, in order (not the ones skipped through `pages`). */
  pages: ReadPage[];
}

/**
 * Reads a PDF buffer: pages with text, lines, confidences and positions. One page is held
 * in memory at a time (its rendering is dropped before the next), so a long scan reads in
 * bounded memory. Throws PdfReadError for an encrypted, broken or over-long PDF.
 */
export async function readPdf(
  bytes: Uint8Array,
  options: ReadPdfOptions = {},
): Promise<PdfReading> {
  const doc = await openPdf(bytes);
  try {
    const pageCount = doc.numPages;
    if (options.maxPages !== undefined && pageCount > options.maxPages) {
      throw new PdfReadError(
        'too_many_pages',
        `PDF has ${pageCount} pages, more than ${options.maxPages}`,
        pageCount,
      );
    }
    const wanted = options.pages
      ? [...new Set(options.pages)].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b)
      : Array.from({ length: pageCount }, (_, i) => i + 1);
    const pages: ReadPage[] = [];
    for (const pageNumber of wanted) {
      const page = await readPage(doc, pageNumber, options);
      pages.push(page);
      await options.onPage?.(page, pageCount);
    }
    return { pageCount, pages };
  } finally {
    await doc.destroy();
  }
}

/** Page count of a PDF, or PdfReadError if it cannot be opened. */
export async function countPdfPages(bytes: Uint8Array): Promise<number> {
  const doc = await openPdf(bytes);
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    return await getDocument({
      // pdf.js detaches the buffer it is given: hand it a copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts') + '/',
      cMapUrl: join(PDFJS_ROOT, 'cmaps') + '/',
      cMapPacked: true,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    // A password, or an encryption dictionary pdf.js cannot use: either way, encrypted.
    if (name === 'PasswordException' || hasEncryptDictionary(bytes)) {
      throw new PdfReadError('encrypted', 'PDF is encrypted');
    }
    throw new PdfReadError('unreadable', `PDF cannot be parsed: ${(error as Error).message}`);
  }
}

function hasEncryptDictionary(bytes: Uint8Array): boolean {
  return /\/Encrypt[\s/<]/.test(Buffer.from(bytes).toString('latin1'));
}

async function readPage(
  doc: PDFDocumentProxy,
  pageNumber: number,
  options: ReadPdfOptions,
): Promise<ReadPage> {
  let page: PDFPageProxy;
  try {
    page = await doc.getPage(pageNumber);
  } catch (error) {
    throw new PdfReadError(
      'unreadable',
      `page ${pageNumber} cannot be parsed: ${(error as Error).message}`,
    );
  }
  try {
    const viewport = page.getViewport({ scale: 1 });
    const size = { width: viewport.width, height: viewport.height };
    const textLines = await textLayerLines(page, size.height);
    const verdict = judgeTextLayer(textLines.map((line) => line.text).join('\n'));
    if (verdict.usable) return finish(pageNumber, 'text_layer', textLines, [], size);
    const warnings: PageWarning[] = verdict.reason === 'empty' ? [] : ['garbage_text_layer'];
    if (!options.ocr) return finish(pageNumber, 'ocr', [], [...warnings, 'empty_page'], size);
    try {
      const lines = await ocrLines(doc, page, options.ocr, options.dpi ?? OCR_DPI);
      let kept = lines.filter((line) => line.confidence >= NOISE_LINE_CONFIDENCE);
      if (meanConfidence(kept) < NOISE_PAGE_CONFIDENCE) kept = [];
      if (kept.length < lines.length) warnings.push('noise_dropped');
      return finish(pageNumber, 'ocr', kept, warnings, size);
    } catch (error) {
      if (!(error instanceof OcrTimeoutError)) throw error;
      return finish(pageNumber, 'ocr', [], [...warnings, 'ocr_timeout'], size);
    }
  } finally {
    page.cleanup();
  }
}

function finish(
  pageNumber: number,
  method: ReadingMethod,
  lines: ReadLine[],
  warnings: PageWarning[],
  size: { width: number; height: number },
): ReadPage {
  const nonEmpty = lines.filter((line) => line.text.trim() !== '');
  const confidence = meanConfidence(nonEmpty);
  const all = [...warnings];
  if (nonEmpty.length === 0 && !all.includes('empty_page')) all.push('empty_page');
  else if (nonEmpty.length > 0 && confidence < LOW_PAGE_CONFIDENCE) all.push('low_confidence');
  return {
    pageNumber,
    method,
    text: nonEmpty.map((line) => line.text).join('\n'),
    lines: nonEmpty,
    confidence: round(confidence),
    warnings: all,
    width: round(size.width),
    height: round(size.height),
  };
}

/** The lines' confidence weighted by their length; 0 for no text. */
function meanConfidence(lines: ReadLine[]): number {
  const length = lines.reduce((sum, line) => sum + line.text.length, 0);
  if (length === 0) return 0;
  return lines.reduce((sum, line) => sum + line.confidence * line.text.length, 0) / length;
}

function round(value: number, places = 3): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/**
 * The text layer as lines: items on one baseline joined (with a space where a gap is
 * wider than a fifth of the text height), a new line at an end of line or a baseline move.
 */
async function textLayerLines(page: PDFPageProxy, pageHeight: number): Promise<ReadLine[]> {
  const content = await page.getTextContent();
  const lines: ReadLine[] = [];
  let parts: string[] = [];
  // In an object: TypeScript does not see the flush closure reset a plain variable.
  const line: { box: ReadLine['box'] | null } = { box: null };
  let baseline = Number.NaN;
  let lastRight = Number.NaN;
  const flush = () => {
    if (line.box) {
      const text = normalizeExtractedText(weighted(parts.join(''))).text.trim();
      if (text !== '') lines.push({ text, confidence: 1, box: roundBox(line.box) });
    }
    parts = [];
    line.box = null;
    baseline = Number.NaN;
    lastRight = Number.NaN;
  };
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const textItem: TextItem = item;
    const [, , , scaleY, x, y] = textItem.transform as number[];
    const height = Math.abs(textItem.height || scaleY || 0);
    if (textItem.str !== '') {
      if (!Number.isNaN(baseline) && Math.abs(y - baseline) > Math.max(2, height * 0.5)) flush();
      if (!Number.isNaN(lastRight) && x - lastRight > height * 0.2) parts.push(' ');
      parts.push(textItem.str);
      const top = pageHeight - y - height;
      const bottom = pageHeight - y + height * 0.25;
      const right = x + textItem.width;
      const current = line.box;
      line.box = current
        ? {
            x0: Math.min(current.x0, x),
            y0: Math.min(current.y0, top),
            x1: Math.max(current.x1, right),
            y1: Math.max(current.y1, bottom),
          }
        : { x0: x, y0: top, x1: right, y1: bottom };
      baseline = y;
      lastRight = right;
    }
    if (textItem.hasEOL) flush();
  }
  flush();
  return lines;
}

function roundBox(box: ReadLine['box'], scale = 1): ReadLine['box'] {
  return {
    x0: round(box.x0 / scale, 1),
    y0: round(box.y0 / scale, 1),
    x1: round(box.x1 / scale, 1),
    y1: round(box.y1 / scale, 1),
  };
}

/** Renders the page and recognises it; positions come back in PDF points. */
async function ocrLines(
  doc: PDFDocumentProxy,
  page: PDFPageProxy,
  ocr: OcrPool,
  dpi: number,
): Promise<ReadLine[]> {
  const base = page.getViewport({ scale: 1 });
  let scale = dpi / 72;
  const pixels = base.width * base.height * scale * scale;
  if (pixels > MAX_OCR_PIXELS) scale *= Math.sqrt(MAX_OCR_PIXELS / pixels);
  const viewport = page.getViewport({ scale });
  // The document's own canvas factory: a canvas from another copy of @napi-rs/canvas is
  // refused by pdf.js ("not of type Path2D").
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    // The DOM types pdf.js names do not exist on the server; @napi-rs/canvas stands in.
    await page.render({
      canvasContext: entry.context as never,
      canvas: entry.canvas as never,
      viewport,
      // A scan has no background of its own: white, so nothing transparent reads as ink.
      background: 'white',
    }).promise;
    const { width, height } = entry.canvas;
    const rgba = entry.context.getImageData(0, 0, width, height).data;
    const ink = inkFromRgba(rgba, width, height);
    const pixels: PagePixels = { rgba, width, height };
    const recognised = await ocr.recognize(ppmOf(rgba, width, height));
    const lines = await Promise.all(
      recognised.map((line) => rereadReferenceLine(line, pixels, ocr, ink)),
    );
    return linesFromOcr(lines, ink, scale);
  } finally {
    factory.destroy(entry);
  }
}

/**
 * A reference line whose ที่ or letter code was not read as Thai, read again from its crop
 * with the Thai model alone (reference-line.ts); every other line as it was.
 */
async function rereadReferenceLine(
  line: OcrLine,
  page: PagePixels,
  ocr: OcrPool,
  ink: InkImage,
): Promise<OcrLine> {
  const segment = referenceSegment(line);
  if (!segment) return line;
  const digits = (l: OcrLine): OcrLine => rereadThaiDigits(l, ink);
  const read = async (area: Crop): Promise<{ line: OcrLine; taken: RereadTaken }> => {
    if (area.width <= 0 || area.height <= 0) return { line, taken: null };
    const reread = await ocr.recognizeLine(ppmOfArea(page.rgba, page.width, area));
    return referenceReread(line, segment, reread, { x: area.x, y: area.y }, digits);
  };
  const box = cropOf(segment.box, page);
  const first = await read(box);
  if (first.taken === 'number') return first.line;
  // The words cropped to their own height, without the specks the line's box brings in;
  // where the line's box is already as tight, the same pixels would be read twice.
  const tightBox = cropOf(segment.tight, page);
  if (sameCrop(tightBox, box)) return first.line;
  const tight = await read(tightBox);
  return RANK[tight.taken ?? 'none'] > RANK[first.taken ?? 'none'] ? tight.line : first.line;
}

/** A rendered page's pixels, RGBA, row by row. */
interface PagePixels {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Whole pixels of the page a box covers, clipped to the page. */
interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

function cropOf(box: PixelBox, page: PagePixels): Crop {
  const x = Math.floor(box.x0);
  const y = Math.floor(box.y0);
  return {
    x,
    y,
    width: Math.min(page.width, Math.ceil(box.x1)) - x,
    height: Math.min(page.height, Math.ceil(box.y1)) - y,
  };
}

function sameCrop(a: Crop, b: Crop): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** A whole reference number read again beats its code alone, which beats nothing. */
const RANK = { number: 2, code: 1, none: 0 } as const;

/**
 * The engine's lines of a page rendered at `scale` as read lines in PDF points: digits read
 * again from the page's ink, a reference number's spaces measured on it, specks at the ends
 * dropped, empty lines left out.
 */
export function linesFromOcr(recognised: OcrLine[], ink: InkImage, scale: number): ReadLine[] {
  return recognised
    .map((line) => toReadLine(withReferenceSpacing(rereadThaiDigits(line, ink), ink), scale))
    .filter((line): line is ReadLine => line !== null);
}

interface CanvasEntry {
  canvas: Canvas;
  context: SKRSContext2D;
}

interface CanvasFactory {
  create(width: number, height: number): CanvasEntry;
  destroy(entry: CanvasEntry): void;
}

/**
 * An OCR line as text with one confidence per character: each non-space character of the
 * engine's line takes the confidence of the symbol it belongs to, then the line is
 * normalised (the weights follow the characters).
 */
function toReadLine(line: OcrLine, scale: number): ReadLine | null {
  const pieces: WeightedText[] = [];
  let symbol = 0;
  let inSymbol = 0;
  for (const ch of line.text) {
    if (/\s/.test(ch)) {
      pieces.push(weighted(' ', 1));
      continue;
    }
    // Walk the symbols in step with the line's characters; a mismatch falls back to the line.
    let confidence = line.confidence;
    const current = line.symbols[symbol];
    if (current && current.text.slice(inSymbol).startsWith(ch)) {
      confidence = current.confidence;
      inSymbol += ch.length;
      if (inSymbol >= current.text.length) {
        symbol++;
        inSymbol = 0;
      }
    }
    // OCR is never certain: below 1, so a weight of 1 always means a text layer.
    pieces.push(weighted(ch, Math.min(confidence, MAX_OCR_CONFIDENCE)));
  }
  const normalised = normalizeExtractedText(joinWeighted(pieces));
  // Runs of two or more spaces mark a column gap: kept; leading and trailing ones are not,
  // nor the specks the engine read at the line's two ends (ocr-specks.ts).
  const lead = normalised.text.length - normalised.text.trimStart().length;
  const trimmed = normalised.text.trim();
  const range = speckFreeRange(trimmed);
  const kept = trimmed.slice(range.start, range.end);
  const start = lead + range.start + (kept.length - kept.trimStart().length);
  const text = kept.trim();
  if (text === '') return null;
  const charConfidences = normalised.weights
    .slice(start, start + text.length)
    .map((w) => round(w, 2));
  return {
    text,
    confidence: round(line.confidence),
    box: roundBox(line.box, scale),
    charConfidences,
  };
}
