import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { chromium, type Browser } from 'playwright-core';
import { FIT_LINES_SCRIPT, letterHtml, type FontName, type LetterLook } from './letter-html.js';
import {
  hashSeed,
  officeScanDefects,
  readPgm,
  scanPage,
  seededRandom,
  type ScanDefects,
} from './scan.js';

/**
 * The scanned test set: fixture letters printed by Chromium in Thai fonts, rasterised by
 * pdftoppm, put through scan defects and wrapped as image-only PDFs. Nothing generated is
 * committed: documents are built on demand into a cache folder keyed by their content and
 * seed, so the same set comes back on every machine.
 */
const FIXTURES = fileURLToPath(new URL('../../fixtures/letters/', import.meta.url));
/** Bump when the rendering or the defects change, so cached pages are not reused. */
const GENERATOR_VERSION = 1;
const A4 = { width: 595.28, height: 841.89 };
const run = promisify(execFile);

/**
 * Letters chosen for variety: external, circular (ว), memo and stamped letters; Thai, Arabic
 * and mixed digits; with and without receipt stamps; one and two pages. Fixtures whose point
 * is invisible text noise (zero-width characters, Latin o for ๐, legacy encodings) are left
 * out: a printed page cannot show it.
 */
export const TEST_LETTERS = [
  'obec-workshop-arabic-plain',
  'dla-drought-circular-most-urgent',
  'memo-travel-approval-thai',
  'stamped-secret-with-stamp',
  'moph-dengue-external-arabic-stamp',
  'finance-circular-thai-enclosures',
  'memo-agriculture-thai-stamp',
  'two-pages-page-marker',
  'stamped-district-arabic-oneline-stamp',
  'mixed-digits-everywhere',
  'memo-secret-very-urgent',
  'urgent-within-deadline-mark',
  'january-consistent-two-references',
  'stamp-between-head-and-subject-rub-wanthi',
  'seed-moi-sms-links',
] as const;

/** Two prints of each letter, one per font, so every letter is seen in both. */
const FONTS: FontName[] = ['sarabun', 'taviraj'];

/**
 * Fixture letters whose point a printed page cannot show: text noise nobody prints (zero-width
 * characters, a Latin o typed for ๐, a legacy encoding's garbage).
 */
const UNPRINTABLE_LETTERS = new Set([
  'ocr-noise-zero-width-split-am-latin-o',
  'legacy-encoding-garbage-in-subject',
]);

/**
 * Every other fixture letter: a held-out set (`BENCH_OCR_LETTERS=held-out`) that the reader and
 * the parser were not tuned on, to check that a change helps letters beyond the test set.
 */
export function heldOutLetters(): string[] {
  const chosen = new Set<string>(TEST_LETTERS);
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.expected.json'))
    .map((file) => file.slice(0, -'.expected.json'.length))
    .filter((letter) => !chosen.has(letter) && !UNPRINTABLE_LETTERS.has(letter))
    .sort();
}

/** `BENCH_OCR_LETTERS`: unset for the test set, `held-out`, or letters by name, comma-separated. */
export function lettersFromEnvironment(value = process.env.BENCH_OCR_LETTERS): readonly string[] {
  if (!value) return TEST_LETTERS;
  if (value === 'held-out') return heldOutLetters();
  return value
    .split(',')
    .map((letter) => letter.trim())
    .filter(Boolean);
}

export interface ScanVariant {
  look: LetterLook;
  dpi: number;
  defects: ScanDefects;
  seed: number;
}

export interface TestDocument {
  id: string;
  letter: string;
  /** The letter's text as printed (the source for character error rates). */
  text: string;
  expected: unknown;
  variant: ScanVariant;
  /** Image-only PDF: JPEG pages, no text layer. */
  pdf: Buffer;
  pages: number;
}

export function variantFor(letter: string, index: number): ScanVariant {
  const seed = hashSeed(`${letter}#${index}`);
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const between = (lo: number, hi: number): number => lo + random() * (hi - lo);
  return {
    seed,
    look: {
      font: FONTS[index % FONTS.length],
      sizePt: pick([14, 15, 16, 16, 17, 18]),
      lineHeight: Number(between(1.25, 1.6).toFixed(2)),
    },
    dpi: pick([200, 240, 300, 300]),
    defects: officeScanDefects(random),
  };
}

export function cacheFolder(): string {
  const dir = process.env.BENCH_OCR_CACHE ?? join(tmpdir(), 'saraban-ocr-bench');
  mkdirSync(dir, { recursive: true });
  return dir;
}

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function printLetter(browser: Browser, text: string, look: LetterLook): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(letterHtml(text, look));
    await page.evaluate('document.fonts.ready');
    await page.evaluate(FIT_LINES_SCRIPT);
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

async function scanPdf(
  printed: Buffer,
  variant: ScanVariant,
): Promise<{ pdf: Buffer; pages: number }> {
  const work = mkdtempSync(join(tmpdir(), 'ocr-scan-'));
  try {
    writeFileSync(join(work, 'printed.pdf'), printed);
    await run('pdftoppm', [
      '-gray',
      '-r',
      String(variant.dpi),
      join(work, 'printed.pdf'),
      join(work, 'p'),
    ]);
    const pgms = readdirSync(work)
      .filter((f) => f.endsWith('.pgm'))
      .sort();
    const doc = await PDFDocument.create();
    // A fixed date keeps the bytes (and so the cache key of anything derived) stable.
    doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
    doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
    for (const [i, f] of pgms.entries()) {
      const jpg = scanPage(readPgm(readFileSync(join(work, f))), variant.defects, variant.seed + i);
      const image = await doc.embedJpg(jpg);
      doc.addPage([A4.width, A4.height]).drawImage(image, { x: 0, y: 0, ...A4 });
    }
    return { pdf: Buffer.from(await doc.save()), pages: pgms.length };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface TestSetOptions {
  /** Stop once at least this many pages are in the set (documents in variety order). */
  maxPages?: number;
  letters?: readonly string[];
  log?: (line: string) => void;
}

/** Documents in variety order: every letter once in the first font, then in the second. */
export function plannedDocuments(
  letters: readonly string[] = TEST_LETTERS,
): { letter: string; index: number }[] {
  return FONTS.flatMap((_, index) => letters.map((letter) => ({ letter, index })));
}

export async function buildTestSet(options: TestSetOptions = {}): Promise<TestDocument[]> {
  const cache = cacheFolder();
  const out: TestDocument[] = [];
  let browser: Browser | null = null;
  let pages = 0;
  try {
    for (const { letter, index } of plannedDocuments(options.letters)) {
      if (options.maxPages !== undefined && pages >= options.maxPages) break;
      const text = readFileSync(`${FIXTURES}${letter}.txt`, 'utf8');
      const expected: unknown = JSON.parse(
        readFileSync(`${FIXTURES}${letter}.expected.json`, 'utf8'),
      );
      const variant = variantFor(letter, index);
      const key = createHash('sha256')
        .update(JSON.stringify({ GENERATOR_VERSION, text, variant }))
        .digest('hex')
        .slice(0, 16);
      const file = join(cache, `${letter}.${index}.${key}.pdf`);
      let pdf: Buffer;
      let count: number;
      if (existsSync(file)) {
        pdf = readFileSync(file);
        count = (await PDFDocument.load(pdf)).getPageCount();
      } else {
        browser ??= await chromium.launch({
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          headless: true,
          args: FLAGS,
        });
        const started = performance.now();
        const scanned = await scanPdf(await printLetter(browser, text, variant.look), variant);
        pdf = scanned.pdf;
        count = scanned.pages;
        writeFileSync(file, pdf);
        options.log?.(
          `  generated ${letter}#${index} (${count} p, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      }
      out.push({ id: `${letter}#${index}`, letter, text, expected, variant, pdf, pages: count });
      pages += count;
    }
  } finally {
    await browser?.close();
  }
  return out;
}
