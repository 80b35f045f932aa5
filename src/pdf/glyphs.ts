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
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import type { GlyphRun } from '@pdf-lib/fontkit';
import { layout } from 'src/pdf/fonts.js';

/**
 * Thai text on PDF pages with pdf-lib.
 *
 * pdf-lib shapes text with fontkit (GSUB) but ignores the GPOS offsets, so tone marks
 * land inside the consonant's ascender ("ปู่" prints as "ปู"). Here every glyph is
 * placed at fontkit's own position instead. Reordered glyphs also carry wrong code
 * points in pdf-lib's ToUnicode map, so each run is tagged with ActualText, which
 * makes text extraction (pdftotext, search, copy-paste) return the exact string.
 */

export interface DrawThaiTextOptions {
  /** Left end of the baseline, in page user space. */
  x: number;
  y: number;
  size: number;
  color?: Color;
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
  if (!keys) fontKeys.set(page, (keys = new Map<PDFFont, PDFName>()));
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
