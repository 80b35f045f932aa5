import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrWord } from 'src/modules/files/reading/ocr-pool.js';
import { inkFromRgba, type InkImage } from './thai-digits/glyph.js';
import { UNSURE_SPACE, withReferenceSpacing } from './reference-spacing.js';

/** Reference lines printed in Sarabun and Taviraj, and read by an engine that lost their spaces. */
const require = createRequire(import.meta.url);

function register(font: string): string {
  const root = dirname(require.resolve(`@fontsource/${font}/package.json`));
  const family = `spacing-${font}`;
  GlobalFonts.registerFromPath(join(root, 'files', `${font}-thai-400-normal.woff2`), family);
  return family;
}

const SIZE = 40;

/**
 * `printed` drawn on a white strip; the engine's line `read` (the same characters, spaced as
 * the engine spaced them), one word per character, each with the box of its printed glyph.
 */
function scan(family: string, printed: string, read: string): { image: InkImage; line: OcrLine } {
  const width = 1200;
  const height = SIZE * 3;
  const context = createCanvas(width, height).getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#222';
  context.font = `${SIZE}px ${family}`;
  const x = 20;
  const baseline = SIZE * 2;
  context.fillText(printed, x, baseline);
  const boxes: OcrWord['box'][] = [];
  for (let i = 0; i < printed.length; i++) {
    if (printed[i] === ' ') continue;
    const x0 = x + context.measureText(printed.slice(0, i)).width;
    const x1 = x + context.measureText(printed.slice(0, i + 1)).width;
    boxes.push({ x0: Math.floor(x0), y0: SIZE, x1: Math.ceil(x1), y1: Math.round(SIZE * 2.2) });
  }
  const characters = [...read.replace(/\s+/g, '')];
  expect(characters.length).toBe(boxes.length);
  const words: OcrWord[] = characters.map((text, i) => ({
    text,
    confidence: 0.95,
    box: boxes[i],
    symbols: [{ text, confidence: 0.95, box: boxes[i] }],
  }));
  const line: OcrLine = {
    text: read,
    confidence: 0.95,
    box: { x0: boxes[0].x0, y0: SIZE, x1: boxes[boxes.length - 1].x1, y1: SIZE * 2.2 },
    symbols: words.flatMap((w) => w.symbols),
    words,
  };
  const rgba = context.getImageData(0, 0, width, height).data;
  return { image: inkFromRgba(rgba, width, height), line };
}

/** The confidence of the symbol of the line's `index`-th non-space character. */
function confidenceAt(line: OcrLine, text: string): number {
  const index = line.text.indexOf(text);
  const symbol = line.text.slice(0, index).replace(/\s+/g, '').length;
  return line.symbols[symbol].confidence;
}

describe.each(['sarabun', 'taviraj'])('withReferenceSpacing in %s', (font) => {
  const family = register(font);

  it('puts back the space after ว the reading lost, unsure', () => {
    const { image, line } = scan(family, 'ที่ ศธ ๐๔๐๔๗.๑๒/ว ๒๗๑๔', 'ที่ ศธ ๐๔๐๔๗.๑๒/ว๒๗๑๔');
    const spaced = withReferenceSpacing(line, image);
    expect(spaced.text).toBe('ที่ ศธ ๐๔๐๔๗.๑๒/ว ๒๗๑๔');
    expect(confidenceAt(spaced, 'ว ')).toBeLessThanOrEqual(UNSURE_SPACE);
    // The symbols still follow the text's characters.
    expect(spaced.symbols.map((s) => s.text).join('')).toBe(spaced.text.replace(/\s+/g, ''));
  });

  it('puts back the space after a letter code run into its number, unsure', () => {
    const { image, line } = scan(family, 'ที่ มท ๐๒๐๔/๑๒', 'ที่ มท๐๒๐๔/๑๒');
    const spaced = withReferenceSpacing(line, image);
    expect(spaced.text).toBe('ที่ มท ๐๒๐๔/๑๒');
    expect(confidenceAt(spaced, 'ท ๐')).toBeLessThanOrEqual(UNSURE_SPACE);
  });

  it.each([
    // Spaced as printed.
    ['ที่ ศธ ๐๔๐๔๗.๑๒/ว ๒๗๑๔', 'ที่ ศธ ๐๔๐๔๗.๑๒/ว ๒๗๑๔'],
    ['ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗', 'ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗'],
    ['ที่ กษ 0903/ว 3156', 'ที่ กษ 0903/ว 3156'],
    // A space the reading added is no measure's: left as read.
    ['ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗', 'ที่ มท ๐๒๑๐.๕/ว ๑๐๕๕๗'],
    // No reference number: a date, a slash in a word.
    ['ลงวันที่ ๑๒/๒๕๖๙', 'ลงวันที่ ๑๒/๒๕๖๙'],
    ['และ/หรือ', 'และ/หรือ'],
  ])('leaves %j read as %j as it is', (printed, read) => {
    const { image, line } = scan(family, printed, read);
    expect(withReferenceSpacing(line, image)).toBe(line);
  });
});
