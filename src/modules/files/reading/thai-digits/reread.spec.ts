import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrWord } from 'src/modules/files/reading/ocr-pool.js';
import {
  glyphFeature,
  GRID,
  inkFromRgba,
  inkOf,
  otsuThreshold,
  shapesIn,
  type InkImage,
} from './glyph.js';
import {
  cutTouching,
  matchDigit,
  plausibleYear,
  rereadThaiDigits,
  type DigitMatch,
} from './reread.js';

/**
 * The digit reader on real glyphs: text drawn in Sarabun and Taviraj (fonts the templates are
 * not made from), as the engine would have misread it.
 */
const require = createRequire(import.meta.url);

function register(font: string): string {
  const root = dirname(require.resolve(`@fontsource/${font}/package.json`));
  const family = `test-${font}`;
  GlobalFonts.registerFromPath(join(root, 'files', `${font}-thai-400-normal.woff2`), family);
  return family;
}

interface Drawn {
  image: InkImage;
  /** Left and right of each drawn piece of text, in pixels. */
  spans: { x0: number; x1: number }[];
  top: number;
  bottom: number;
}

/** A white page of the given size to print on in dark grey, in `font`. */
function page(width: number, height: number, font: string): SKRSContext2D {
  const context = createCanvas(width, height).getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#222';
  context.font = font;
  return context;
}

/**
 * Pieces of text drawn on one line, a gap between them, as a grey scan binarised; `spread`
 * thickens the strokes by that many pixels, as a blurred scan's threshold does.
 */
function draw(family: string, pieces: string[], size = 44, spread = 0): Drawn {
  const width = 1400;
  const height = size * 3;
  const context = page(width, height, `${size}px ${family}`);
  const spans: Drawn['spans'] = [];
  let x = 20;
  for (const piece of pieces) {
    const measured = context.measureText(piece).width;
    context.fillText(piece, x, size * 2);
    if (spread > 0) {
      context.strokeStyle = '#222';
      context.lineWidth = spread;
      context.strokeText(piece, x, size * 2);
    }
    spans.push({ x0: x, x1: x + measured });
    x += measured + size;
  }
  const rgba = context.getImageData(0, 0, width, height).data;
  return { image: inkFromRgba(rgba, width, height), spans, top: size, bottom: size * 2.4 };
}

function word(text: string, box: OcrWord['box'], confidence = 0.99): OcrWord {
  return { text, confidence, box, symbols: [...text].map((ch) => ({ text: ch, confidence })) };
}

function line(words: OcrWord[], text = words.map((w) => w.text).join(' ')): OcrLine {
  return {
    text,
    confidence: 0.9,
    box: {
      x0: Math.min(...words.map((w) => w.box.x0)),
      y0: Math.min(...words.map((w) => w.box.y0)),
      x1: Math.max(...words.map((w) => w.box.x1)),
      y1: Math.max(...words.map((w) => w.box.y1)),
    },
    symbols: words.flatMap((w) => w.symbols),
    words,
  };
}

describe('rereadThaiDigits', () => {
  it.each(['sarabun', 'taviraj'])('reads the ten Thai digits in %s the engine misread', (font) => {
    const family = register(font);
    const drawn = draw(family, ['ที่', '๐๑๒๓๔๕๖๗๘๙']);
    const [label, digits] = drawn.spans;
    const engine = line([
      word('ที่', { x0: label.x0, y0: drawn.top, x1: label.x1, y1: drawn.bottom }),
      // What Tesseract's Thai model makes of them: ๔ ๖ ๗ ๘ ๙ collapsed onto ๕ ๐ ๒.
      word('๐๑๒๓๕๕๐๒๕๕', { x0: digits.x0, y0: drawn.top, x1: digits.x1, y1: drawn.bottom }),
    ]);
    const read = rereadThaiDigits(engine, drawn.image);
    expect(read.text).toBe('ที่ ๐๑๒๓๔๕๖๗๘๙');
    // The symbols follow the new text, one per character, the label's untouched.
    expect(read.symbols.map((s) => s.text).join('')).toBe('ที่๐๑๒๓๔๕๖๗๘๙');
    expect(read.symbols.slice(0, 3).every((s) => s.confidence === 0.99)).toBe(true);
    for (const symbol of read.symbols.slice(3)) {
      expect(symbol.confidence).toBeGreaterThanOrEqual(0.5);
      expect(symbol.confidence).toBeLessThanOrEqual(0.99);
    }
  });

  it('reads a year the engine split into single-digit words, in place in the line', () => {
    const family = register('sarabun');
    const drawn = draw(family, ['เมษายน', '๒๕๖๙']);
    const [month, year] = drawn.spans;
    const step = (year.x1 - year.x0) / 4;
    const engine = line(
      [
        word('เมษายน', { x0: month.x0, y0: drawn.top, x1: month.x1, y1: drawn.bottom }),
        ...['๒', '๕', '๐', '๕'].map((digit, i) =>
          word(digit, {
            x0: Math.round(year.x0 + i * step),
            y0: drawn.top,
            x1: Math.round(year.x0 + (i + 1) * step),
            y1: drawn.bottom,
          }),
        ),
      ],
      'เมษายน ๒๕๐๕',
    );
    expect(rereadThaiDigits(engine, drawn.image).text).toBe('เมษายน ๒๕๖๙');
  });

  it('drops a letter of the word before caught at the edge of the digits', () => {
    const family = register('taviraj');
    const drawn = draw(family, ['เมษายน', '๒๕๖๙'], 44);
    const [month, year] = drawn.spans;
    // The engine's box for the month ends early: its last letter lies in the digits' reach.
    const early = { x0: month.x0, y0: drawn.top, x1: month.x1 - 30, y1: drawn.bottom };
    const engine = line(
      [
        word('เมษาย', early),
        word('๒๕๐๕', { x0: year.x0 - 25, y0: drawn.top, x1: year.x1, y1: drawn.bottom }),
      ],
      'เมษาย ๒๕๐๕',
    );
    expect(rereadThaiDigits(engine, drawn.image).text).toBe('เมษาย ๒๕๖๙');
  });

  it.each([
    ['sarabun', 'ที่', '๔๗', '๕๒'],
    ['taviraj', 'มีนาคม', '๑๘', '๑๕'],
    ['sarabun', 'เมษายน', '๙', '๕'],
  ])(
    'reads %s digits after a sliver of the word before caught at the edge (%s %s)',
    (font, before, digits, engineRead) => {
      const family = register(font);
      const drawn = draw(family, [before, digits], 44);
      const [left, right] = drawn.spans;
      // The engine's boxes: the word before ends a few pixels short of its ink, the number
      // starts well before its own: the digits' region cuts a sliver off the word's last
      // letter, which must not be taken for the width of a digit.
      const short = { x0: left.x0, y0: drawn.top, x1: Math.round(left.x1) - 4, y1: drawn.bottom };
      const wide = { x0: Math.round(left.x1) - 2, y0: drawn.top, x1: right.x1, y1: drawn.bottom };
      const engine = line([word(before, short), word(engineRead, wide)], `${before} ${engineRead}`);
      expect(rereadThaiDigits(engine, drawn.image).text).toBe(`${before} ${digits}`);
    },
  );

  it.each([
    ['sarabun', '๑๕', '๑๕', 'ก'],
    ['taviraj', '๒๗', '๒๕', 'ข'],
    ['sarabun', '๓๐', '๓๐', 'ม'],
  ])(
    'leaves out a letter of the line above in a skewed line’s reach (%s %s)',
    (font, digits, engineRead, letterAbove) => {
      const family = register(font);
      const size = 44;
      const context = page(900, size * 4, `${size}px ${family}`);
      const x = 100;
      context.fillText('จำนวน', x - 200, size * 3);
      context.fillText(digits, x, size * 3);
      // The line above, over the digits: on a skewed page the line's box reaches it.
      context.fillText(letterAbove, x + 4, size * 1.6);
      const width = context.measureText(digits).width;
      const image = inkFromRgba(context.getImageData(0, 0, 900, size * 4).data, 900, size * 4);
      const bottom = size * 3 + 8;
      const engine = line(
        [
          word('จำนวน', { x0: x - 200, y0: size * 2.2, x1: x - 200 + 150, y1: bottom }),
          word(engineRead, { x0: x, y0: size * 2.2, x1: x + width, y1: bottom }),
          // A word far right on the same line, higher up as the page is skewed.
          word('ฉบับ', { x0: 700, y0: size * 0.5, x1: 800, y1: size * 1.8 }),
        ],
        `จำนวน ${engineRead} ฉบับ`,
      );
      expect(rereadThaiDigits(engine, image).text).toBe(`จำนวน ${digits} ฉบับ`);
    },
  );

  it.each([
    ['sarabun', 'นร', '๐๗๑๒', '๐๕๑๒'],
    ['taviraj', 'พม', '๐๒๐๑', '๐๒๐๑'],
    ['sarabun', 'มิถุนายน', '๒๕๖๙', '๒๕๐๕'],
  ])(
    'reads a first digit whole when the engine boxed only its right side (%s %s %s)',
    (font, before, digits, engineRead) => {
      const family = register(font);
      const drawn = draw(family, [before, digits], 44);
      const [left, right] = drawn.spans;
      // Boxes as tight as the engine's around the digits' ink (size 44, baseline at 88).
      const firstWidth = (right.x1 - right.x0) / digits.length;
      const engine = line(
        [
          word(before, { x0: left.x0, y0: 62, x1: left.x1, y1: drawn.bottom }),
          // The engine's box starts three quarters into the first digit.
          word(engineRead, {
            x0: Math.round(right.x0 + firstWidth * 0.75),
            y0: 62,
            x1: right.x1,
            y1: 91,
          }),
        ],
        `${before} ${engineRead}`,
      );
      expect(rereadThaiDigits(engine, drawn.image).text).toBe(`${before} ${digits}`);
    },
  );

  it.each([
    ['sarabun', 'ชร', '๐๐๑๗', '๐๐๑๕', 0.5],
    ['taviraj', 'นร', '๐๑๐๕', '๐๑๐๕', 0.6],
    ['sarabun', 'สธ', '๐๘๑๘', '๐๕๑๕', 0.4],
    ['taviraj', 'อว', '๐๗๐๑', '๐๒๐๑', 0.5],
    // A slash boxed over a serial's first ๑ cuts it in two pieces, each far from every
    // digit: both are the one ๑, not a ๑ and another digit.
    ['sarabun', '/', '๑๑๐๒', '๑๑๐๒', 0.2],
    ['sarabun', '/', '๑๑๐๒', '๑๑๐๒', 0.3],
    ['taviraj', '/', '๑๑๐๒', '๑๑๐๒', 0.2],
    ['taviraj', '/', '๑๑๐๒', '๑๑๐๒', 0.3],
  ])(
    'reads a first digit whole when the box of the word before reaches into it (%s %s %s)',
    (font, before, digits, engineRead, into) => {
      const family = register(font);
      const drawn = draw(family, [before, digits], 44);
      const [left, right] = drawn.spans;
      const firstWidth = (right.x1 - right.x0) / digits.length;
      // The letter code's box runs on over part of the first digit, the number's box starts
      // there: cut at the code's box, the ๐ was half a ring and the number lost it.
      const cut = Math.round(right.x0 + firstWidth * into);
      const engine = line(
        [
          word(before, { x0: left.x0, y0: 62, x1: cut, y1: drawn.bottom }),
          word(engineRead, { x0: cut, y0: 62, x1: right.x1, y1: 91 }),
        ],
        `${before} ${engineRead}`,
      );
      expect(rereadThaiDigits(engine, drawn.image).text).toBe(`${before} ${digits}`);
    },
  );

  it.each([
    ['sarabun', 'นร', '๐๑๐๕', '๑๐๕'],
    ['taviraj', 'ชร', '๐๐๑๗', '๐๑๕'],
  ])(
    'adds no digit the engine did not read where the word before’s box cuts one (%s %s)',
    (font, before, digits, engineRead) => {
      const family = register(font);
      const drawn = draw(family, [before, digits], 44);
      const [left, right] = drawn.spans;
      const firstWidth = (right.x1 - right.x0) / digits.length;
      const cut = Math.round(right.x0 + firstWidth * 0.5);
      // The engine read one digit fewer than are printed: a digit the engine did not see
      // is not made up from half a shape at the region's edge.
      const engine = line(
        [
          word(before, { x0: left.x0, y0: 62, x1: cut, y1: drawn.bottom }),
          word(engineRead, { x0: Math.round(right.x0 + firstWidth), y0: 62, x1: right.x1, y1: 91 }),
        ],
        `${before} ${engineRead}`,
      );
      expect(rereadThaiDigits(engine, drawn.image).text).toBe(`${before} ${digits.slice(1)}`);
    },
  );

  it.each([
    ['sarabun', 'นร', '๐๑๐๕', '๐๑๐๕', 0.7],
    ['taviraj', 'มท', '๐๒๐๕', '๐๒๐๕', 0.7],
    ['sarabun', 'ศธ', '๐๒๑๕', '๐๒๑๕', 0.6],
    ['sarabun', 'กค', '๐๔๑๙', '๐๕๑๒', 0.7],
  ])(
    'reads a last digit whole when the slash’s box after it starts inside it (%s %s %s)',
    (font, code, digits, engineRead, into) => {
      const family = register(font);
      const size = 44;
      const drawn = draw(family, [code, `${digits}/ว`], size);
      const [left, right] = drawn.spans;
      const measure = createCanvas(10, 10).getContext('2d');
      measure.font = `${size}px ${family}`;
      const at = (n: number): number =>
        Math.round(right.x0 + measure.measureText(`${digits}/ว`.slice(0, n)).width);
      const lastWidth = at(digits.length) - at(digits.length - 1);
      // The slash's box starts inside the last digit: the region stops there.
      const cut = Math.round(at(digits.length - 1) + lastWidth * into);
      const engine = line(
        [
          word(code, { x0: left.x0, y0: 62, x1: left.x1, y1: drawn.bottom }),
          word(engineRead, { x0: right.x0, y0: 62, x1: cut, y1: 91 }),
          word('/', { x0: cut, y0: 55, x1: at(digits.length + 1), y1: 95 }),
          word('ว', { x0: at(digits.length + 1), y0: 62, x1: right.x1, y1: 91 }),
        ],
        `${code} ${engineRead}/ว`,
      );
      expect(rereadThaiDigits(engine, drawn.image).text).toBe(`${code} ${digits}/ว`);
    },
  );

  it('reads the digits of a word glued to letters, placed by its symbols', () => {
    const family = register('sarabun');
    const size = 44;
    const drawn = draw(family, ['ก.พ.๒๕๖๙'], size);
    const [glued] = drawn.spans;
    // Each symbol's box from the width of the text before it, as drawn.
    const measure = createCanvas(10, 10).getContext('2d');
    measure.font = `${size}px ${family}`;
    const read = 'ก.พ.๒๕๐๕';
    const printed = 'ก.พ.๒๕๖๙';
    const symbols = [...read].map((text, i) => ({
      text,
      confidence: 0.99,
      box: {
        x0: Math.round(glued.x0 + measure.measureText(printed.slice(0, i)).width),
        y0: drawn.top,
        x1: Math.round(glued.x0 + measure.measureText(printed.slice(0, i + 1)).width),
        y1: drawn.bottom,
      },
    }));
    const engine = line([
      {
        text: read,
        confidence: 0.99,
        box: { x0: glued.x0, y0: drawn.top, x1: glued.x1, y1: drawn.bottom },
        symbols,
      },
    ]);
    const reread = rereadThaiDigits(engine, drawn.image);
    expect(reread.text).toBe('ก.พ.๒๕๖๙');
    expect(reread.symbols.map((s) => s.text).join('')).toBe('ก.พ.๒๕๖๙');
  });

  it('reads a day glued to its month whole where the month’s box starts inside its digits', () => {
    const family = register('sarabun');
    const size = 44;
    const drawn = draw(family, ['๒๗สิงหาคม'], size);
    const [glued] = drawn.spans;
    const measure = createCanvas(10, 10).getContext('2d');
    measure.font = `${size}px ${family}`;
    const at = (n: number): number =>
      Math.round(glued.x0 + measure.measureText('๒๗'.slice(0, n)).width);
    // The engine read one digit, its box over both, and started the month in the ๗'s middle.
    const middleOfSeven = Math.round((at(1) + at(2)) / 2);
    const engine = line(
      [
        word('๒', { x0: at(0), y0: drawn.top, x1: at(2), y1: drawn.bottom }),
        word('สิงหาคม', { x0: middleOfSeven, y0: drawn.top, x1: glued.x1, y1: drawn.bottom }),
      ],
      '๒สิงหาคม',
    );
    expect(rereadThaiDigits(engine, drawn.image).text).toBe('๒๗สิงหาคม');
  });

  it('does not reach over a sign whose box starts inside the digit’s', () => {
    const family = register('sarabun');
    const size = 44;
    const drawn = draw(family, ['(๑)'], size);
    const [item] = drawn.spans;
    const measure = createCanvas(10, 10).getContext('2d');
    measure.font = `${size}px ${family}`;
    const at = (n: number): number =>
      Math.round(item.x0 + measure.measureText('(๑)'.slice(0, n)).width);
    // The engine's box for ๑ runs over the ), whose own box starts inside it.
    const engine = line(
      [
        word('(', { x0: at(0), y0: drawn.top, x1: at(1), y1: drawn.bottom }),
        word('๑', { x0: at(1), y0: drawn.top, x1: at(3), y1: drawn.bottom }),
        word(')', { x0: at(2) - 2, y0: drawn.top, x1: at(3), y1: drawn.bottom }),
      ],
      '(๑)',
    );
    expect(rereadThaiDigits(engine, drawn.image).text).toBe('(๑)');
  });

  /**
   * Pieces drawn in `font`; the engine's line reads the one at `at` one word per character as
   * `misread` says, every other piece as one word as printed.
   */
  function ownerNumberLine(
    font: string,
    pieces: string[],
    at: number,
    misread: string,
  ): Drawn & { engine: OcrLine } {
    const family = register(font);
    const size = 44;
    const drawn = draw(family, pieces, size);
    const measure = createCanvas(10, 10).getContext('2d');
    measure.font = `${size}px ${family}`;
    const printed = pieces[at];
    const span = drawn.spans[at];
    const x = (n: number): number =>
      Math.round(span.x0 + measure.measureText(printed.slice(0, n)).width);
    const box = (x0: number, x1: number): OcrWord['box'] => ({
      x0,
      y0: drawn.top,
      x1,
      y1: drawn.bottom,
    });
    const words = pieces.flatMap((piece, k) =>
      k === at
        ? [...misread].map((ch, i) => word(ch, box(x(i), x(i + 1))))
        : [word(piece, box(drawn.spans[k].x0, drawn.spans[k].x1))],
    );
    const text = pieces.map((piece, k) => (k === at ? misread : piece)).join(' ');
    return { ...drawn, engine: line(words, text) };
  }

  it('reads a letter the engine read inside an owner number that ends its word at the slash', () => {
    // The ๗ read as ฒ; the serial a word of its own.
    const { engine, image } = ownerNumberLine('sarabun', ['นร', '๐๗๑๒/ว', '๒๐๔'], 1, '๐ฒ๑๒/ว');
    expect(rereadThaiDigits(engine, image).text).toBe('นร ๐๗๑๒/ว ๒๐๔');
  });

  it.each([
    ['sarabun', ['ที่', 'ชย', '๗๘๓๐๒/ว', '๐๔๔'], 'ฒ๘๓๐๒/ว'],
    ['taviraj', ['ที่', 'ชย', '๗๘๓๐๒/ว', '๐๔๔'], 'ฒ๘๓๐๒/ว'],
    ['sarabun', ['ที่', 'ชม', '๗๓๕๐๑/', '๔๔๗'], 'ญ๓๕๐๑/'],
    ['sarabun', ['YU', '๗๓๕๐๑/', '๔๔๗'], 'ญ๓๕๐๑/'],
  ])(
    'reads the misread first digit of an owner number after its code, a word apart (%s, %s)',
    (font, pieces, misread) => {
      const { engine, image } = ownerNumberLine(font, pieces, pieces.length - 2, misread);
      expect(rereadThaiDigits(engine, image).text).toBe(pieces.join(' '));
    },
  );

  it('leaves letters before an owner number alone where no code stands apart before it', () => {
    // The code run into the number: its letters are the code, never digits.
    const pieces = ['ที่', 'ชย๗๘๓๐๒/ว', '๐๔๔'];
    const { engine, image } = ownerNumberLine('sarabun', pieces, 1, 'ชย๗๘๓๐๒/ว');
    expect(rereadThaiDigits(engine, image).text).toBe('ที่ ชย๗๘๓๐๒/ว ๐๔๔');
  });

  it.each([
    ['sarabun', 'ที่ขก๐๔๑๘/ว๑๕', 'ที่ขก๐๕๑๕/ว๑๕'],
    ['taviraj', 'ที่ขก๐๔๑๘/ว๑๕', 'ที่ขก๐๕๑๕/ว๑๕'],
    ['sarabun', 'ที่นร๐๗๐๔/๒๖', 'ที่นร๐๒๐๕/๒๐'],
    ['taviraj', 'ที่สธ๐๙๑๖.๒/ว๓๔', 'ที่สธ๐๕๑๐.๒/ว๓๕'],
  ])(
    'reads a reference number run into its label and code, the letters left as read (%s, %s)',
    (font, printed, misread) => {
      const family = register(font);
      const size = 44;
      const drawn = draw(family, [printed], size);
      const [span] = drawn.spans;
      const measure = createCanvas(10, 10).getContext('2d');
      measure.font = `${size}px ${family}`;
      const at = (n: number): number =>
        Math.round(span.x0 + measure.measureText(printed.slice(0, n)).width);
      // One engine word per character, no spaces: the whole line is one token.
      const words = [...misread].map((ch, i) =>
        word(ch, {
          x0: at(i),
          y0: drawn.top,
          x1: Math.max(at(i + 1), at(i) + 1),
          y1: drawn.bottom,
        }),
      );
      expect(rereadThaiDigits(line(words, misread), drawn.image).text).toBe(printed);
    },
  );

  it('keeps the engine’s reading where the page shows no shapes to read', () => {
    const family = register('sarabun');
    const drawn = draw(family, ['ที่']);
    const blank = { x0: 600, y0: drawn.top, x1: 800, y1: drawn.bottom };
    const engine = line([word('๒๕๖๙', blank)]);
    expect(rereadThaiDigits(engine, drawn.image)).toEqual(engine);
  });

  it('leaves lines without Thai digits as they are', () => {
    const family = register('sarabun');
    const drawn = draw(family, ['เรียน', '2569']);
    const [text, arabic] = drawn.spans;
    const engine = line([
      word('เรียน', { x0: text.x0, y0: drawn.top, x1: text.x1, y1: drawn.bottom }),
      word('2569', { x0: arabic.x0, y0: drawn.top, x1: arabic.x1, y1: drawn.bottom }),
    ]);
    expect(rereadThaiDigits(engine, drawn.image)).toBe(engine);
  });
});

describe('rereadThaiDigits where a number must stand', () => {
  /** A drawn piece as the engine gives Thai text: one word per character, no spaces. */
  function characters(text: string, span: { x0: number; x1: number }, drawn: Drawn): OcrWord[] {
    const step = (span.x1 - span.x0) / text.length;
    return [...text].map((ch, i) =>
      word(ch, {
        x0: Math.round(span.x0 + i * step),
        y0: drawn.top,
        x1: Math.round(span.x0 + (i + 1) * step),
        y1: drawn.bottom,
      }),
    );
  }
  const whole = (text: string, span: { x0: number; x1: number }, drawn: Drawn): OcrWord =>
    word(text, { x0: span.x0, y0: drawn.top, x1: span.x1, y1: drawn.bottom });

  it.each(['sarabun', 'taviraj'])(
    'reads a day the engine took for a Thai letter, before a month read letter by letter (%s)',
    (font) => {
      const drawn = draw(register(font), ['๗', 'กันยายน', '๒๕๖๙']);
      const [day, month, year] = drawn.spans;
      const engine = line(
        [whole('ฒ', day, drawn), ...characters('กันยายน', month, drawn), whole('๒๕๖๙', year, drawn)],
        'ฒ กันยายน ๒๕๖๙',
      );
      const read = rereadThaiDigits(engine, drawn.image);
      expect(read.text).toBe('๗ กันยายน ๒๕๖๙');
      // The month's letters keep the engine's confidence; the day has the digit reader's.
      expect(read.symbols.map((s) => s.text).join('')).toBe('๗กันยายน๒๕๖๙');
      expect(read.symbols[0].confidence).toBeLessThanOrEqual(0.99);
    },
  );

  it('reads a serial the engine read as Latin letters after a reference number’s /ว', () => {
    const drawn = draw(register('sarabun'), ['มท', '๐๒๐๘.๒/ว', '๗๐']);
    const [prefix, owner, serial] = drawn.spans;
    const engine = line([
      whole('มท', prefix, drawn),
      whole('๐๒๐๘.๒/ว', owner, drawn),
      whole('wo', serial, drawn),
    ]);
    expect(rereadThaiDigits(engine, drawn.image).text).toBe('มท ๐๒๐๘.๒/ว ๗๐');
  });

  /**
   * One engine word per printed character, boxed where the character is drawn, each read as
   * `read[i]` (a digit misread as two Thai letters comes as two words sharing its box).
   */
  function misread(
    family: string,
    printed: string,
    read: readonly string[],
    span: { x0: number; x1: number },
    drawn: Drawn,
  ): OcrWord[] {
    const measure = createCanvas(10, 10).getContext('2d');
    measure.font = `44px ${family}`;
    const at = (n: number): number =>
      Math.round(span.x0 + measure.measureText(printed.slice(0, n)).width);
    return [...printed].flatMap((_, i) => characters(read[i], { x0: at(i), x1: at(i + 1) }, drawn));
  }

  it.each(['sarabun', 'taviraj'])(
    'reads a serial the engine read as digits and a Thai letter after /ว (%s)',
    (font) => {
      const family = register(font);
      const drawn = draw(family, ['รง', '๐๒๐๒/ว', '๗๗๓']);
      const [prefix, owner, serial] = drawn.spans;
      const engine = line(
        [
          whole('รง', prefix, drawn),
          whole('๐๒๐๒/ว', owner, drawn),
          ...misread(family, '๗๗๓', ['๓', 'ป', '๗๓'], serial, drawn),
        ],
        'รง ๐๒๐๒/ว ๓ป๗๓',
      );
      expect(rereadThaiDigits(engine, drawn.image).text).toBe('รง ๐๒๐๒/ว ๗๗๓');
    },
  );

  it.each(['sarabun', 'taviraj'])(
    'reads a reference number read as one word whose serial came out as Thai letters (%s)',
    (font) => {
      const family = register(font);
      const drawn = draw(family, ['กห', '๐๔๐๗/๗๗๗']);
      const [prefix, number] = drawn.spans;
      const read = ['๐', '๔', '๐', '๑ป', '/', 'อป', 'ลปั', 'ญ'];
      const engine = line(
        [whole('กห', prefix, drawn), ...misread(family, '๐๔๐๗/๗๗๗', read, number, drawn)],
        'กห ๐๔๐๑ป/อปลปัญ',
      );
      expect(rereadThaiDigits(engine, drawn.image).text).toBe('กห ๐๔๐๗/๗๗๗');
    },
  );

  it.each([
    ['มท', '๐๒๐๘/ว', 'ทราบ'],
    ['ข้อ', '๑๒/', 'เรื่อง'],
    ['ข้อ', '๑๒/', 'ทั้งนี้'],
  ])('leaves Thai words after a number’s slash as read (%s %s%s)', (before, number, after) => {
    const family = register('sarabun');
    const drawn = draw(family, [before, `${number}${after}`]);
    const [head, rest] = drawn.spans;
    const text = `${before} ${number}${after}`;
    const printed = `${number}${after}`;
    const engine = line(
      [whole(before, head, drawn), ...misread(family, printed, [...printed], rest, drawn)],
      text,
    );
    expect(rereadThaiDigits(engine, drawn.image).text).toBe(text);
  });

  it.each(['sarabun', 'taviraj'])(
    'reads a serial at a column gap whose specks are not taken for its digits (%s)',
    (font) => {
      // The unit's name far right across the gap; tall specks in the gap.
      const specks = Array.from({ length: 8 }, () => 'I I');
      const drawn = draw(register(font), ['สข', '๐๐๑๓.๔/ว', '๓๘', ...specks, 'สำนัก']);
      const [prefix, owner, serial] = drawn.spans;
      const unit = drawn.spans[drawn.spans.length - 1];
      const engine = line([
        whole('สข', prefix, drawn),
        whole('๐๐๑๓.๔/ว', owner, drawn),
        whole('mo', serial, drawn),
        whole('สำนัก', unit, drawn),
      ]);
      expect(rereadThaiDigits(engine, drawn.image).text).toBe('สข ๐๐๑๓.๔/ว ๓๘ สำนัก');
    },
  );

  it.each(['sarabun', 'taviraj'])(
    'reads wide digits (๓, ๘) alone as one digit each, not cut as two touching (%s)',
    (font) => {
      const drawn = draw(register(font), ['กษ', '๑๒/ว', '๓', '๑๒', 'ก.ย.', '๘'], 32, 3);
      const [prefix, owner, serial, day, month, year] = drawn.spans;
      const engine = line([
        whole('กษ', prefix, drawn),
        whole('๑๒/ว', owner, drawn),
        whole('๕', serial, drawn),
        whole('๑๒', day, drawn),
        whole('ก.ย.', month, drawn),
        whole('๕', year, drawn),
      ]);
      expect(rereadThaiDigits(engine, drawn.image).text).toBe('กษ ๑๒/ว ๓ ๑๒ ก.ย. ๘');
    },
  );

  it('reads a year the engine read as Latin letters after an abbreviated month', () => {
    const drawn = draw(register('taviraj'), ['๑๘', 'มี.ค.', '๒๕๖๙']);
    const [day, month, year] = drawn.spans;
    const engine = line(
      [whole('๑๘', day, drawn), ...characters('มี.ค.', month, drawn), whole('bebe', year, drawn)],
      '๑๘ มี.ค. bebe',
    );
    expect(rereadThaiDigits(engine, drawn.image).text).toBe('๑๘ มี.ค. ๒๕๖๙');
  });

  it.each(['sarabun', 'taviraj'])(
    'reads a day the engine read as Latin letters before a month its year runs into (%s)',
    (font) => {
      const drawn = draw(register(font), ['๑๙', 'ก.พ.๒๕๗๐']);
      const [day, month] = drawn.spans;
      const engine = line(
        [whole('ox', day, drawn), ...characters('ก.พ.๒๕๗๐', month, drawn)],
        'ox ก.พ.๒๕๗๐',
      );
      // The day only: the year's digits are read from the ink as before, whatever they give.
      expect(rereadThaiDigits(engine, drawn.image).text.split(' ')[0]).toBe('๑๙');
    },
  );

  it('keeps Latin letters before a word run into digits that is no month', () => {
    const drawn = draw(register('sarabun'), ['๑๙', 'ถนน๑๒']);
    const [day, road] = drawn.spans;
    const engine = line([whole('ox', day, drawn), ...characters('ถนน๑๒', road, drawn)], 'ox ถนน๑๒');
    expect(rereadThaiDigits(engine, drawn.image).text).toBe('ox ถนน๑๒');
  });

  it('keeps a word after a month that is letters, not digits', () => {
    const drawn = draw(register('sarabun'), ['กันยายน', 'ของ']);
    const [month, next] = drawn.spans;
    const engine = line(
      [...characters('กันยายน', month, drawn), ...characters('ของ', next, drawn)],
      'กันยายน ของ',
    );
    expect(rereadThaiDigits(engine, drawn.image).text).toBe(engine.text);
  });

  it('keeps Latin letters whose shapes are not digits, even where a day would stand, and Arabic digits', () => {
    const drawn = draw(register('sarabun'), ['การส่ง', 'SMS', 'มีนาคม', '2569']);
    const [label, latin, month, year] = drawn.spans;
    const engine = line(
      [
        ...characters('การส่ง', label, drawn),
        whole('SMS', latin, drawn),
        ...characters('มีนาคม', month, drawn),
        whole('2569', year, drawn),
      ],
      'การส่ง SMS มีนาคม 2569',
    );
    expect(rereadThaiDigits(engine, drawn.image).text).toBe(engine.text);
  });

  it('does not take a lone speck of a slash for a reference number', () => {
    const drawn = draw(register('sarabun'), ['/', 'oN']);
    const [slash, latin] = drawn.spans;
    const engine = line([whole('/', slash, drawn), whole('oN', latin, drawn)]);
    expect(rereadThaiDigits(engine, drawn.image).text).toBe(engine.text);
  });
});

describe('rereadThaiDigits where a shape is no digit', () => {
  /** Digits drawn with a blot run into the `blotted`-th of them, as dust on a scan does. */
  function blotted(font: string, digits: string, blotted: number): Drawn {
    const size = 44;
    const context = page(600, size * 3, `${size}px ${register(font)}`);
    const width = context.measureText(digits).width;
    context.fillText(digits, 20, size * 2);
    const step = width / digits.length;
    // A stain across the lower half of one digit and down below the line.
    context.fillRect(20 + blotted * step + step * 0.2, size * 1.6, step * 0.6, size * 0.9);
    const rgba = context.getImageData(0, 0, 600, size * 3).data;
    return {
      image: inkFromRgba(rgba, 600, size * 3),
      spans: [{ x0: 20, x1: 20 + width }],
      top: size,
      bottom: size * 2.6,
    };
  }

  it.each([
    ['sarabun', '๓๐', 0],
    ['taviraj', '๑๒๓', 2],
  ])('keeps the engine’s digit under a blot, unsure (%s %s)', (font, digits, at) => {
    const drawn = blotted(font, digits, at);
    const [span] = drawn.spans;
    const engine = line([
      word(digits, { x0: span.x0, y0: drawn.top, x1: span.x1, y1: drawn.bottom }),
    ]);
    const read = rereadThaiDigits(engine, drawn.image);
    expect(read.text).toBe(digits);
    expect(read.symbols[at].confidence).toBeLessThanOrEqual(0.3);
  });

  it.each(['๑๒๐', '๑๒๒'])(
    'does not keep an engine’s ๕, ๐ or ๒ under a blot: it may stand for another digit (%s)',
    (misread) => {
      const drawn = blotted('taviraj', '๑๒๓', 2);
      const [span] = drawn.spans;
      const engine = line([
        word(misread, { x0: span.x0, y0: drawn.top, x1: span.x1, y1: drawn.bottom }),
      ]);
      const read = rereadThaiDigits(engine, drawn.image);
      // The nearest template, however poor (the blotted ๓ is nearest ๕), flagged: not the
      // engine's digit.
      expect(read.text).toBe('๑๒๕');
      expect(read.symbols[2].confidence).toBeLessThanOrEqual(0.3);
    },
  );

  it('still reads the clean digits the engine collapsed, next to a blotted one', () => {
    const drawn = blotted('sarabun', '๓๗๘', 0);
    const [span] = drawn.spans;
    const engine = line([
      word('๓๒๕', { x0: span.x0, y0: drawn.top, x1: span.x1, y1: drawn.bottom }),
    ]);
    expect(rereadThaiDigits(engine, drawn.image).text).toBe('๓๗๘');
  });
});

/** Thai digits in the font's Thai file, Arabic ones in its Latin file: a number mixing both. */
function registerLatin(font: string): string {
  const root = dirname(require.resolve(`@fontsource/${font}/package.json`));
  const family = `test-${font}-latin`;
  GlobalFonts.registerFromPath(join(root, 'files', `${font}-latin-400-normal.woff2`), family);
  return family;
}

/**
 * Pieces of one word drawn glued, each in its own face (Thai digits in the Thai file, Arabic
 * in the Latin one), after a letter code; each character's left and right, in pixels.
 */
function drawMixed(font: string, pieces: string[], size = 44): Drawn & { chars: Drawn['spans'] } {
  const thai = register(font);
  const latin = registerLatin(font);
  const width = 1000;
  const height = size * 3;
  const context = page(width, height, `${size}px ${thai}`);
  context.fillText('กษ', 20, size * 2);
  const code = { x0: 20, x1: 20 + context.measureText('กษ').width };
  const chars: Drawn['spans'] = [];
  let x = code.x1 + size / 2;
  for (const ch of pieces.join('')) {
    context.font = `${size}px ${/[0-9]/.test(ch) ? latin : thai}`;
    const measured = context.measureText(ch).width;
    context.fillText(ch, x, size * 2);
    chars.push({ x0: Math.round(x), x1: Math.round(x + measured) });
    x += measured;
  }
  const rgba = context.getImageData(0, 0, width, height).data;
  return {
    image: inkFromRgba(rgba, width, height),
    spans: [code],
    chars,
    top: size,
    bottom: size * 2.4,
  };
}

/** One engine word per group of characters, each boxed over the characters' spans. */
function wordsOver(
  drawn: ReturnType<typeof drawMixed>,
  groups: [string, number, number][],
): OcrWord[] {
  return groups.map(([text, from, to]) =>
    word(text, {
      x0: drawn.chars[from].x0,
      y0: drawn.top,
      x1: drawn.chars[to].x1,
      y1: drawn.bottom,
    }),
  );
}

/**
 * One engine word whose symbols are the groups given (text, first and last character), each
 * boxed over its characters, the word over all of them: how the engine boxes digits it read
 * as fewer symbols than were printed.
 */
function boxedWord(
  drawn: ReturnType<typeof drawMixed>,
  groups: [string, number, number][],
  confidence = 0.9,
): OcrWord {
  const over = (from: number, to: number): OcrWord['box'] => ({
    x0: drawn.chars[from].x0,
    y0: drawn.top,
    x1: drawn.chars[to].x1,
    y1: drawn.bottom,
  });
  return {
    text: groups.map(([text]) => text).join(''),
    confidence,
    box: over(groups[0][1], groups[groups.length - 1][2]),
    symbols: groups.map(([text, from, to]) => ({ text, confidence, box: over(from, to) })),
  };
}

describe('rereadThaiDigits where one digit is read in the other digit system', () => {
  it.each([
    // The engine cut a Thai digit in two and read its right half as an Arabic digit.
    ['sarabun', '๐๘๑๖.๓', 3, '๐๕๑', '๒', '9', '.๓'],
    ['taviraj', '๐๘๑๖.๓', 3, '๐๕๑', '๒', '9', '.๓'],
    ['sarabun', '๐๒๑๑.๐๔', 6, '๐๒๑๑.๐', '๐', '6', ''],
    ['taviraj', '๑๗๒', 2, '๑๗', '๑', '3', ''],
  ])(
    'reads a Thai number whose digit the engine split off as Arabic (%s %s)',
    (font, printed, at, before, half, arabic, after) => {
      const drawn = drawMixed(font, [printed]);
      const split = drawn.chars[at];
      const middle = Math.round((split.x0 + split.x1) / 2);
      const box = (x0: number, x1: number): OcrWord['box'] => ({
        x0,
        y0: drawn.top,
        x1,
        y1: drawn.bottom,
      });
      const [code] = drawn.spans;
      const end = drawn.chars[drawn.chars.length - 1].x1;
      const words = [
        word('กษ', box(code.x0, code.x1)),
        word(before, box(drawn.chars[0].x0, drawn.chars[at - 1].x1)),
        word(half, box(split.x0, middle)),
        word(arabic, box(middle, split.x1)),
        ...(after === '' ? [] : [word(after, box(drawn.chars[at + 1].x0, end))]),
      ];
      const read = rereadThaiDigits(
        line(words, `กษ ${before}${half}${arabic}${after}`),
        drawn.image,
      );
      expect(read.text).toBe(`กษ ${printed}`);
    },
  );

  it.each([
    ['sarabun', ['1', '๐๐๔'], '1๐๐๕'],
    ['taviraj', ['1', '๐๐๔'], '1๐๐๕'],
    ['sarabun', ['๒๕๖', '9'], '๒๕๐9'],
  ])(
    'keeps an Arabic digit that is a glyph of its own in a number mixing both (%s %s)',
    (font, pieces, engineRead) => {
      const drawn = drawMixed(font, pieces);
      const [code] = drawn.spans;
      const arabicFirst = /^[0-9]/.test(pieces[0]);
      const split = arabicFirst ? 1 : pieces[0].length;
      const n = drawn.chars.length;
      const words = [
        word('กษ', { x0: code.x0, y0: drawn.top, x1: code.x1, y1: drawn.bottom }),
        ...wordsOver(drawn, [
          [engineRead.slice(0, split), 0, split - 1],
          [engineRead.slice(split), split, n - 1],
        ]),
      ];
      const read = rereadThaiDigits(line(words, `กษ ${engineRead}`), drawn.image);
      expect(read.text).toBe(`กษ ${pieces.join('')}`);
    },
  );

  it.each([
    [
      'sarabun',
      '2๗8',
      [
        [0, 0],
        [1, 2],
      ],
    ],
    [
      'taviraj',
      '2๗8',
      [
        [0, 0],
        [1, 2],
      ],
    ],
    [
      'sarabun',
      '3๕1',
      [
        [0, 1],
        [2, 2],
      ],
    ],
    [
      'taviraj',
      '1๐๐4',
      [
        [0, 0],
        [1, 3],
      ],
    ],
  ] as [string, string, [number, number][]][])(
    'puts back a Thai digit the engine dropped between Arabic ones (%s %s)',
    (font, printed, arabicSpans) => {
      const drawn = drawMixed(font, [printed]);
      const [code] = drawn.spans;
      // The engine read the Arabic digits alone, one's box stretched over the Thai digit.
      const number = boxedWord(
        drawn,
        arabicSpans.map(([from, to]) => [
          [...printed].filter((_, i) => i >= from && i <= to && /[0-9]/.test(printed[i])).join(''),
          from,
          to,
        ]),
      );
      const read = number.text;
      const engine = line(
        [word('กษ', { x0: code.x0, y0: drawn.top, x1: code.x1, y1: drawn.bottom }), number],
        `กษ ${read}`,
      );
      const reread = rereadThaiDigits(engine, drawn.image);
      expect(reread.text).toBe(`กษ ${printed}`);
      expect(reread.symbols.map((s) => s.text).join('')).toBe(`กษ${printed}`);
      // A digit the engine never read is not trusted.
      const thai = reread.symbols.filter((s) => /[\u0E50-\u0E59]/.test(s.text));
      expect(thai.every((s) => s.confidence <= 0.5)).toBe(true);
    },
  );

  it.each(['sarabun', 'taviraj'])(
    'leaves Arabic digits alone where the ink holds no Thai digit (%s)',
    (font) => {
      const drawn = drawMixed(font, ['2569']);
      const [code] = drawn.spans;
      const engine = line([
        word('กษ', { x0: code.x0, y0: drawn.top, x1: code.x1, y1: drawn.bottom }),
        boxedWord(
          drawn,
          [...'2569'].map((text, i) => [text, i, i]),
        ),
      ]);
      expect(rereadThaiDigits(engine, drawn.image)).toEqual(engine);
    },
  );

  it('leaves a Thai digit in another word’s box, or at the edge of a lone Arabic digit, to itself', () => {
    // `25๖๙`: the engine boxed 25 over the Thai digits, which are a word of their own.
    const year = drawMixed('sarabun', ['25๖๙']);
    const [code] = year.spans;
    const label = word('กษ', { x0: code.x0, y0: year.top, x1: code.x1, y1: year.bottom });
    const stretched = boxedWord(year, [
      ['2', 0, 0],
      ['5', 1, 3],
    ]);
    const [thai] = wordsOver(year, [['๖๙', 2, 3]]);
    expect(rereadThaiDigits(line([label, stretched, thai], 'กษ 25๖๙'), year.image).text).toBe(
      'กษ 25๖๙',
    );
    // `0๑`: a stroke beside a lone digit is not put into it.
    const lone = drawMixed('taviraj', ['0๑']);
    const zero = boxedWord(lone, [['0', 0, 1]]);
    const engine = line(
      [
        word('กษ', { x0: lone.spans[0].x0, y0: lone.top, x1: lone.spans[0].x1, y1: lone.bottom }),
        zero,
      ],
      'กษ 0',
    );
    expect(rereadThaiDigits(engine, lone.image).text).toBe('กษ 0');
  });
});

describe('rereadThaiDigits where a dot is boxed as wide as a digit', () => {
  /** `printed` drawn after กษ, read by the engine one word a character, the dot's box given. */
  function readWithDot(
    font: string,
    printed: string,
    engineRead: string,
    dotBox: (chars: { x0: number; x1: number }[]) => { x0: number; x1: number },
  ): string {
    const drawn = drawMixed(font, [printed]);
    const [code] = drawn.spans;
    const dotAt = printed.indexOf('.');
    const box = (span: { x0: number; x1: number }): OcrWord['box'] => ({
      x0: span.x0,
      y0: drawn.top,
      x1: span.x1,
      y1: drawn.bottom,
    });
    // The engine's words: the digits before the dot but the one it lost, the dot, the rest.
    const lost = printed.length - engineRead.length;
    const words = [
      word('กษ', box(code)),
      ...[...engineRead.slice(0, dotAt - lost)].map((ch, i) => word(ch, box(drawn.chars[i]))),
      word('.', box(dotBox(drawn.chars))),
      ...[...engineRead.slice(dotAt - lost + 1)].map((ch, i) =>
        word(ch, box(drawn.chars[dotAt + 1 + i])),
      ),
    ];
    return rereadThaiDigits(line(words, `กษ ${engineRead}`), drawn.image).text;
  }

  it.each([
    ['sarabun', '๐๓๐๗.๑', '๐๓๐.๑'],
    ['taviraj', '๐๓๐๗.๑', '๐๓๐.๑'],
    ['sarabun', '๐๘๐๔.๕', '๐๕๐.๕'],
    ['taviraj', '๐๐๑๒.๓', '๐๐๑.๓'],
  ])(
    'reads the digit the engine took with the dot after it into the dot (%s %s)',
    (font, printed, engineRead) => {
      const dotAt = printed.indexOf('.');
      // The dot's box runs from the lost digit over the dot.
      const read = readWithDot(font, printed, engineRead, (chars) => ({
        x0: chars[dotAt - 1].x0,
        x1: chars[dotAt].x1,
      }));
      expect(read).toBe(`กษ ${printed}`);
    },
  );

  it.each([
    ['sarabun', '๐๒๑๐.๓'],
    ['taviraj', '๐๘๑๖.๓'],
  ])('leaves an owner number whose dot is boxed as a dot alone (%s %s)', (font, printed) => {
    const dotAt = printed.indexOf('.');
    const read = readWithDot(font, printed, printed, (chars) => chars[dotAt]);
    expect(read).toBe(`กษ ${printed}`);
  });
});

describe('cutTouching', () => {
  it.each([
    ['taviraj', '๑๐'],
    ['sarabun', '๑๐'],
    ['sarabun', '๓๖'],
    ['sarabun', '๔๘'],
    ['taviraj', '๗๙'],
  ])(
    'gives a digit cut from a shape its own height, not a stroke’s on its neighbour (%s %s)',
    (font, pair) => {
      const family = register(font);
      const size = 44;
      const context = page(300, size * 3, `${size}px ${family}`);
      // Two digits alone, then two run together by a blurred scan, the first of them with a
      // stroke of dust rising from it far above the line: one shape of ink, as tall as the
      // stroke, that the lone digits' width cuts in two.
      context.fillText('๐', 10, size * 2);
      context.fillText('๒', 50, size * 2);
      const first = pair[0];
      const x = 100;
      context.fillText(first, x, size * 2);
      context.fillText(pair[1], x + context.measureText(first).width * 0.7, size * 2);
      context.fillRect(x + 2, size * 0.4, 4, size * 1.4);
      const image = inkFromRgba(context.getImageData(0, 0, 300, size * 3).data, 300, size * 3);
      const found = shapesIn(image, { x0: 0, y0: 0, x1: 300, y1: size * 3 });
      const shapes = found.shapes.filter((s) => s.area > 50).sort((a, b) => a.x0 - b.x0);
      expect(shapes).toHaveLength(3);
      const pieces = cutTouching(shapes, found.labels, found.region);
      expect(pieces).toHaveLength(4);
      const second = pieces[3];
      // Its own ink starts at the digit's top, well below the stroke's.
      expect(second.y0).toBeGreaterThan(shapes[2].y0 + size / 2);
      const match = matchDigit(
        glyphFeature(second, (px, py) => found.labels[py * 300 + px] === second.id),
      );
      expect(match.digit).toBe(pair[1]);
    },
  );
});

describe('cutTouching into as many digits as read best', () => {
  /**
   * Digits printed at their advance, their strokes thickened by `spread` pixels as a blurred
   * scan's threshold leaves them, so that a tight face's digits run into one shape; a gap
   * between `parts`. The shapes from `from` to the page's right edge, in reading order.
   */
  function printed(font: string, parts: string[], size: number, spread: number, from = 0) {
    const family = register(font);
    const width = 600;
    const context = page(width, size * 3, `${size}px ${family}`);
    context.strokeStyle = '#222';
    context.lineWidth = spread;
    let x = 20;
    for (const part of parts) {
      for (const ch of part) {
        context.fillText(ch, x, size * 2);
        if (spread > 0) context.strokeText(ch, x, size * 2);
        x += context.measureText(ch).width;
      }
      x += size * 0.6;
    }
    const image = inkFromRgba(context.getImageData(0, 0, width, size * 3).data, width, size * 3);
    const found = shapesIn(image, { x0: from, y0: 0, x1: width, y1: size * 3 });
    const shapes = found.shapes.filter((s) => s.area > 30).sort((a, b) => a.x0 - b.x0);
    const read = (pieces: ReturnType<typeof cutTouching>): string =>
      pieces.map((p) => matchDigit(glyphFeature(p, inkOf(found, p.id))).digit).join('');
    return { found, shapes, read };
  }

  it.each([
    ['taviraj', 44],
    ['sarabun', 30],
  ])('cuts a whole year run into one shape in four (%s, %ipx)', (font, size) => {
    // No lone digit to measure a width on: the templates' typical width, wider than these
    // digits, made three of it (๒๘๙ for ๒๕๖๙).
    const { found, shapes, read } = printed(font, ['๒๕๖๙'], size, 4);
    expect(shapes).toHaveLength(1);
    const pieces = cutTouching(shapes, found.labels, found.region);
    expect(read(pieces)).toBe('๒๕๖๙');
  });

  it('cuts two digits run together in two beside a digit cut narrow at the edge', () => {
    // The region starts inside the ๒: its right half, narrower than a digit, set the width,
    // and the ๕๖ after it was cut in three.
    const { found, shapes, read } = printed('taviraj', ['๒', '๕๖', '๙'], 44, 3, 29);
    expect(shapes).toHaveLength(3);
    const pieces = cutTouching(shapes, found.labels, found.region);
    expect(pieces).toHaveLength(4);
    expect(read(pieces).slice(1)).toBe('๕๖๙');
  });

  it.each(['sarabun', 'taviraj'])(
    'leaves whole digits whole beside a sliver of one cut at the edge (%s)',
    (font) => {
      // The sliver, as narrow as half a digit's height, set the width: each ๓ after it was
      // cut in three, and the run kept the engine's reading.
      const size = 44;
      const probe = printed(font, ['๓๓๓'], size, 0);
      const first = probe.shapes[0];
      const from = first.x1 - Math.round((first.y1 - first.y0) * 0.55);
      const { found, shapes, read } = printed(font, ['๓๓๓'], size, 0, from);
      expect(shapes).toHaveLength(3);
      const pieces = cutTouching(shapes, found.labels, found.region);
      expect(pieces).toHaveLength(3);
      expect(read(pieces).slice(1)).toBe('๓๓');
    },
  );

  it.each([
    ['sarabun', ['๑๐', '๒๕๖๙']],
    ['taviraj', ['๐๒๐๘', '๓๐']],
    ['taviraj', ['๗๗๗']],
  ])('leaves digits that do not touch as they are (%s %s)', (font, parts) => {
    const { found, shapes, read } = printed(font, parts, 44, 0);
    const pieces = cutTouching(shapes, found.labels, found.region);
    expect(pieces).toEqual(shapes);
    expect(read(pieces)).toBe(parts.join(''));
  });
});

describe('matchDigit between ๔ and ๕', () => {
  /**
   * One digit as a scan leaves it: drawn at `size` pixels in the face's regular or bold,
   * blurred by `passes` of a 3×3 box (a scanner's optics), thresholded by Otsu's level
   * moved by `bias` (positive: ink spread; negative: faint toner), as the reader's ink.
   */
  function scannedFeature(
    font: string,
    weight: number,
    digit: string,
    size: number,
    passes: number,
    bias: number,
  ): Float32Array {
    const root = dirname(require.resolve(`@fontsource/${font}/package.json`));
    const family = `test-${font}-${weight}`;
    GlobalFonts.registerFromPath(
      join(root, 'files', `${font}-thai-${weight}-normal.woff2`),
      family,
    );
    const side = size * 3;
    const context = page(side, side, `${size}px ${family}`);
    context.fillText(digit, size, size * 2);
    const rgba = context.getImageData(0, 0, side, side).data;
    let grey = Float32Array.from({ length: side * side }, (_, i) => rgba[i * 4]);
    for (let p = 0; p < passes; p++) {
      const next = new Float32Array(side * side);
      for (let y = 1; y < side - 1; y++) {
        for (let x = 1; x < side - 1; x++) {
          let sum = 0;
          for (let dy = -1; dy <= 1; dy++)
            for (let dx = -1; dx <= 1; dx++) sum += grey[(y + dy) * side + x + dx];
          next[y * side + x] = sum / 9;
        }
      }
      grey = next.map((v, i) => (v === 0 && grey[i] !== 0 ? grey[i] : v));
    }
    const levels = Uint8Array.from(grey, (v) => Math.round(v));
    const threshold = otsuThreshold(levels) + bias;
    const image: InkImage = {
      width: side,
      height: side,
      ink: Uint8Array.from(levels, (v) => (v <= threshold ? 1 : 0)),
    };
    const found = shapesIn(image, { x0: 0, y0: 0, x1: side, y1: side });
    const shape = found.shapes.sort((a, b) => b.area - a.area)[0];
    return glyphFeature(shape, (x, y) => image.ink[y * side + x] === 1);
  }

  // The letters' faces, regular and (Sarabun) bold, at the sizes the bench's letters print
  // at 200–300 dpi, clean, blurred, spread and faint.
  const faces = [
    ['sarabun', 400],
    ['sarabun', 700],
    ['taviraj', 400],
  ] as const;
  const cases = faces.flatMap(([font, weight]) =>
    [30, 44, 56].flatMap((size) =>
      [
        [0, 0],
        [1, 0],
        [2, 30],
        [2, -20],
      ].flatMap(([passes, bias]) =>
        ['๔', '๕'].map((digit) => [font, weight, size, passes, bias, digit] as const),
      ),
    ),
  );

  it.each(cases)(
    'tells them apart by the curl of ๕ (%s %i, %i px, blur %i, bias %i): %s',
    (font, weight, size, passes, bias, digit) => {
      const match = matchDigit(scannedFeature(font, weight, digit, size, passes, bias));
      expect(match.digit).toBe(digit);
      expect(match.second).toBe(digit === '๔' ? '๕' : '๔');
      expect(match.confidence).toBeGreaterThanOrEqual(0.75);
    },
  );

  it.each(['sarabun', 'taviraj'])(
    'never turns a sure ๔ into a sure ๕ of %s without a flagged glyph between them',
    (font) => {
      // A ๔ fading into the ๕ of its face: the curl's ink grows step by step.
      const four = scannedFeature(font, 400, '๔', 44, 1, 0);
      const five = scannedFeature(font, 400, '๕', 44, 1, 0);
      const read = Array.from({ length: 41 }, (_, k) =>
        matchDigit(four.map((v, i) => v + (k / 40) * (five[i] - v))),
      );
      expect(read[0]).toMatchObject({ digit: '๔' });
      expect(read[40]).toMatchObject({ digit: '๕' });
      expect(read.every((m) => m.digit === '๔' || m.digit === '๕')).toBe(true);
      const switched = read.findIndex((m) => m.digit === '๕');
      expect(read.slice(switched).every((m) => m.digit === '๕')).toBe(true);
      expect(read[switched].confidence).toBeLessThan(0.75);
      expect(read[switched - 1].confidence).toBeLessThan(0.75);
    },
  );

  it('reads every template as its own digit, in the faces whose ๔ has no empty curl too', () => {
    // Waree's and Umpush's ๔ carry their bar where a looped ๔ is empty: the templates decide.
    const file = JSON.parse(readFileSync(new URL('./templates.json', import.meta.url), 'utf8')) as {
      templates: { digit: string; font: string; grid: string; proportion: number }[];
    };
    const wrong = file.templates.filter((t) => {
      const feature = new Float32Array(GRID * GRID + 1);
      Buffer.from(t.grid, 'base64').forEach((v, i) => (feature[i] = v / 255));
      feature[GRID * GRID] = t.proportion;
      const match = matchDigit(feature);
      return match.digit !== t.digit || match.confidence < 0.75;
    });
    expect(wrong.map((t) => `${t.digit} ${t.font}`)).toEqual([]);
  });
});

describe('otsuThreshold', () => {
  it('splits dark ink from light paper between the two', () => {
    const grey = [...Array<number>(900).fill(235), ...Array<number>(100).fill(40)];
    const threshold = otsuThreshold(grey);
    expect(threshold).toBeGreaterThanOrEqual(40);
    expect(threshold).toBeLessThan(235);
  });
});

describe('plausibleYear', () => {
  const now = new Date('2026-12-06T00:00:00Z');
  const match = (digit: string, second: string, confidence = 0.9): DigitMatch => ({
    digit,
    second,
    confidence,
    distance: 10,
  });

  it('takes the one second choice that makes a year near the present, still flagged', () => {
    const read = [match('๒', '๑'), match('๔', '๕', 0.6), match('๖', '๐'), match('๙', '๕')];
    const year = plausibleYear(read, now);
    expect(year.map((m) => m.digit).join('')).toBe('๒๕๖๙');
    expect(year[1].confidence).toBeLessThanOrEqual(0.5);
    expect(year[0]).toEqual(read[0]);
  });

  it('changes nothing when no single second choice makes a near year', () => {
    // ๒๔๖๑: ๔ → ๕ gives ๒๕๖๑, eight years back; no other change comes closer.
    const read = [match('๒', '๑'), match('๔', '๕'), match('๖', '๐'), match('๑', '๙')];
    expect(plausibleYear(read, now)).toBe(read);
  });

  it('leaves a year already near the present alone', () => {
    // ๒๕๖๔ is within five years of ๒๕๖๙, whatever the second choices.
    const read = [match('๒', '๑'), match('๕', '๔'), match('๖', '๐'), match('๔', '๙')];
    expect(plausibleYear(read, now)).toBe(read);
  });

  it('leaves numbers that are not years alone', () => {
    const serial = [match('๘', '๕'), match('๙', '๕'), match('๔', '๕'), match('๑', '๒')];
    expect(plausibleYear(serial, now)).toBe(serial);
    const short = [match('๘', '๕'), match('๙', '๕'), match('๔', '๕')];
    expect(plausibleYear(short, now)).toBe(short);
  });
});
