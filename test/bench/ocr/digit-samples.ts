/**
 * `npx tsx --tsconfig tsconfig.json test/bench/ocr/digit-samples.ts OUT.json [PAGES] [FIRST]`: Thai
 * digits printed as the OCR bench prints its letters (Chromium, Sarabun and Taviraj at the
 * letters' sizes, pdftoppm at 200–300 dpi, the bench's scan defects) and rendered back at the
 * reader's 300 dpi, each digit's ink shape cut as the digit reader cuts it (Otsu over the
 * page, 8-connected shapes, touching digits split by `cutTouching`). Writes every shape's
 * ink bitmap with the digit printed there, so a way of telling digits apart can be measured
 * on thousands of scanned digits in both fonts, not on the few in the fixture letters
 * (`digit-confusion.ts` reads the file). Page n is the same on every run: pages 0–23 were the
 * set the ๔/๕ decision was developed on, 24–35 the set it was checked on.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { chromium } from 'playwright-core';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { getDocument } from 'src/modules/files/reading/pdfjs.js';
import {
  inkFromRgba,
  shapesIn,
  type InkImage,
  type Shape,
} from 'src/modules/files/reading/thai-digits/glyph.js';
import { cutTouching } from 'src/modules/files/reading/thai-digits/reread.js';
import { FIT_LINES_SCRIPT, letterHtml, type FontName } from './letter-html.js';
import {
  hashSeed,
  officeScanDefects,
  readPgm,
  scanPage,
  seededRandom,
  type ScanDefects,
} from './scan.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));
const A4 = { width: 595.28, height: 841.89 };
const RENDER_DPI = 300;
const LINES_PER_PAGE = 22;

export interface DigitSample {
  digit: string;
  font: FontName;
  sizePt: number;
  dpi: number;
  /** Digits printed side by side (cut apart by cutTouching) rather than spaced. */
  run: boolean;
  width: number;
  height: number;
  /** The shape's own ink, row by row, as a string of 0 and 1. */
  ink: string;
}

interface PagePlan {
  font: FontName;
  sizePt: number;
  dpi: number;
  defects: ScanDefects;
  seed: number;
  lines: string[];
}

const DIGITS = [...'๐๑๒๓๔๕๖๗๘๙'];

function planPage(index: number): PagePlan {
  const seed = hashSeed(`digits#${index}`);
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  // ๔ and ๕ twice as often as the others: they are the pair being measured.
  const digit = (): string => (random() < 0.4 ? pick(['๔', '๕']) : pick(DIGITS));
  const lines: string[] = [];
  for (let l = 0; l < LINES_PER_PAGE; l++) {
    const words: string[] = [];
    // Even lines spaced digit by digit, odd lines words of two to four digits as numbers print.
    const spaced = l % 2 === 0;
    for (let w = 0; w < (spaced ? 14 : 7); w++) {
      const length = spaced ? 1 : 2 + Math.floor(random() * 3);
      words.push(Array.from({ length }, digit).join(''));
    }
    lines.push(words.join('  '));
  }
  return {
    font: index % 2 === 0 ? 'sarabun' : 'taviraj',
    sizePt: pick([14, 15, 16, 16, 17, 18]),
    dpi: pick([200, 240, 300, 300]),
    seed,
    defects: officeScanDefects(random),
    lines,
  };
}

/** The plan printed, scanned and rendered back as the reader renders a page: its ink. */
async function scannedInk(
  browser: import('playwright-core').Browser,
  plan: PagePlan,
): Promise<InkImage> {
  const page = await browser.newPage();
  let printed: Buffer;
  try {
    const look = { font: plan.font, sizePt: plan.sizePt, lineHeight: 1.5 };
    await page.setContent(letterHtml(plan.lines.join('\n'), look));
    await page.evaluate('document.fonts.ready');
    await page.evaluate(FIT_LINES_SCRIPT);
    printed = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
  const work = mkdtempSync(join(tmpdir(), 'digit-samples-'));
  let pdf: Uint8Array;
  try {
    writeFileSync(join(work, 'printed.pdf'), printed);
    await run('pdftoppm', [
      '-gray',
      '-r',
      String(plan.dpi),
      '-f',
      '1',
      '-l',
      '1',
      join(work, 'printed.pdf'),
      join(work, 'p'),
    ]);
    const pgm = readdirSync(work).find((f) => f.endsWith('.pgm'))!;
    const jpg = scanPage(readPgm(readFileSync(join(work, pgm))), plan.defects, plan.seed);
    const doc = await PDFDocument.create();
    const image = await doc.embedJpg(jpg);
    doc.addPage([A4.width, A4.height]).drawImage(image, { x: 0, y: 0, ...A4 });
    pdf = await doc.save();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts') + '/',
    verbosity: 0,
  }).promise;
  try {
    const pdfPage = await doc.getPage(1);
    const viewport = pdfPage.getViewport({ scale: RENDER_DPI / 72 });
    const factory = (
      doc as unknown as {
        canvasFactory: {
          create(w: number, h: number): { canvas: Canvas; context: SKRSContext2D };
          destroy(entry: unknown): void;
        };
      }
    ).canvasFactory;
    const entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    try {
      await pdfPage.render({
        canvasContext: entry.context as never,
        canvas: entry.canvas as never,
        viewport,
        background: 'white',
      }).promise;
      const { width, height } = entry.canvas;
      return inkFromRgba(entry.context.getImageData(0, 0, width, height).data, width, height);
    } finally {
      factory.destroy(entry);
    }
  } finally {
    await doc.destroy();
  }
}

/** The page's digit shapes, line by line, matched to the digits printed; lines that do not match are left out. */
function samplesOf(plan: PagePlan, ink: InkImage): { samples: DigitSample[]; skipped: number } {
  const found = shapesIn(ink, { x0: 0, y0: 0, x1: ink.width, y1: ink.height });
  // Undo the scan's skew on the shapes' centres (it turned the page about its centre) to
  // group them into the printed lines.
  const rad = (plan.defects.skewDegrees * Math.PI) / 180;
  const cx = ink.width / 2;
  const cy = ink.height / 2;
  const upright = (s: Shape): { x: number; y: number } => {
    const dx = (s.x0 + s.x1) / 2 - cx;
    const dy = (s.y0 + s.y1) / 2 - cy;
    return {
      x: Math.cos(rad) * dx + Math.sin(rad) * dy,
      y: -Math.sin(rad) * dx + Math.cos(rad) * dy,
    };
  };
  const digitHeight = (plan.sizePt * 0.75 * 0.55 * RENDER_DPI) / 72;
  const candidates = found.shapes
    .filter((s) => s.y1 - s.y0 >= digitHeight * 0.4 && s.y1 - s.y0 <= digitHeight * 2.5)
    .map((s) => ({ s, at: upright(s) }))
    .sort((a, b) => a.at.y - b.at.y);
  const rows: { s: Shape; at: { x: number; y: number } }[][] = [];
  for (const c of candidates) {
    const row = rows[rows.length - 1];
    if (row && c.at.y - row[row.length - 1].at.y < digitHeight * 0.8) row.push(c);
    else rows.push([c]);
  }
  const samples: DigitSample[] = [];
  let skipped = 0;
  // The digit lines are the page's last rows: above them, the emblem's outline may break
  // into pieces on a faint scan.
  const lines = rows.filter((r) => r.length >= 5).slice(-plan.lines.length);
  if (lines.length !== plan.lines.length) return { samples, skipped: plan.lines.length };
  lines.forEach((row, l) => {
    const expected = [...plan.lines[l].replace(/\s+/g, '')];
    const heights = row.map((r) => r.s.y1 - r.s.y0).sort((a, b) => a - b);
    const tallest = heights[heights.length - 1];
    const shapes = row
      .filter((r) => r.s.y1 - r.s.y0 >= 0.45 * tallest)
      .sort((a, b) => a.at.x - b.at.x)
      .map((r) => r.s);
    const pieces =
      l % 2 === 0
        ? shapes
        : cutTouching(shapes, found.labels, found.region).sort((a, b) => a.x0 - b.x0);
    if (pieces.length !== expected.length) {
      skipped++;
      return;
    }
    pieces.forEach((piece, i) => {
      const width = piece.x1 - piece.x0;
      const height = piece.y1 - piece.y0;
      let bits = '';
      for (let y = piece.y0; y < piece.y1; y++) {
        for (let x = piece.x0; x < piece.x1; x++) {
          bits += found.labels[y * ink.width + x] === piece.id ? '1' : '0';
        }
      }
      samples.push({
        digit: expected[i],
        font: plan.font,
        sizePt: plan.sizePt,
        dpi: plan.dpi,
        run: l % 2 === 1,
        width,
        height,
        ink: bits,
      });
    });
  });
  return { samples, skipped };
}

const [out, pagesArg, firstArg] = process.argv.slice(2);
if (!out) throw new Error('usage: digit-samples.ts OUT.json [PAGES] [FIRST]');
const pages = Number(pagesArg ?? 16);
const first = Number(firstArg ?? 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const all: DigitSample[] = [];
try {
  for (let index = first; index < first + pages; index++) {
    const plan = planPage(index);
    const ink = await scannedInk(browser, plan);
    const { samples, skipped } = samplesOf(plan, ink);
    all.push(...samples);
    console.log(
      `page ${index}: ${plan.font} ${plan.sizePt} pt ${plan.dpi} dpi skew ${plan.defects.skewDegrees}° blur ${plan.defects.blurSigma}: ${samples.length} digits, ${skipped} lines skipped`,
    );
  }
} finally {
  await browser.close();
}
writeFileSync(out, JSON.stringify(all));
console.log(`${all.length} digits → ${out}`);
