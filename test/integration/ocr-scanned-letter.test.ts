import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrPool } from 'src/modules/files/reading/ocr-pool.js';
import { readPdf } from 'src/modules/files/reading/pdf-reader.js';
import { parseLetter } from 'src/thai/index.js';
import { buildTestSet, type TestDocument } from '../bench/ocr/test-set.js';

/**
 * One page of the OCR bench's scanned test set (printed by Chromium, skewed, blurred,
 * noised and JPEG-compressed, image only), read by the project's reader and parsed: the
 * reference number and the letter's date must come out exact, in Arabic digits and in Thai
 * digits (which Tesseract's Thai model alone misreads: ๘๙๔ as ๕๕๕, ๒๕๖๙ as ๒๕๐๕).
 */
const SLOW_TEST_MS = 600_000;

describe('a scanned letter, read and parsed', () => {
  const cache = mkdtempSync(join(tmpdir(), 'saraban-ocr-test-'));
  const pool = new OcrPool({ size: 1 });
  let doc: TestDocument;
  let thai: TestDocument;

  beforeAll(async () => {
    process.env.BENCH_OCR_CACHE = cache;
    [doc] = await buildTestSet({ letters: ['obec-workshop-arabic-plain'], maxPages: 1 });
    [thai] = await buildTestSet({ letters: ['memo-agriculture-thai-stamp'], maxPages: 1 });
  }, SLOW_TEST_MS);

  afterAll(async () => {
    await pool.close();
    rmSync(cache, { recursive: true, force: true });
  });

  it('is an image-only scan with defects', () => {
    expect(doc.pages).toBe(1);
    expect(Math.abs(doc.variant.defects.skewDegrees)).toBeGreaterThan(0.5);
    expect(doc.pdf.includes(Buffer.from('/DCTDecode'))).toBe(true);
    expect(doc.pdf.includes(Buffer.from('/Font'))).toBe(false);
  });

  it(
    'gives the reference number and the letter date exactly',
    async () => {
      const reading = await readPdf(doc.pdf, { ocr: pool });
      expect(reading.pages.map((p) => p.method)).toEqual(['ocr']);
      const parsed = parseLetter(reading.pages.map((p) => p.text).join('\n'));
      expect(parsed.referenceNumber).toMatchObject({
        agencyPrefix: 'ศธ',
        agencyNumber: '04002',
        circular: false,
        serial: 1234,
      });
      expect(parsed.letterDate?.date).toBe('2026-03-03');
    },
    SLOW_TEST_MS,
  );

  it(
    'gives a reference number and a date in Thai digits exactly',
    async () => {
      expect(thai.pdf.includes(Buffer.from('/Font'))).toBe(false);
      const reading = await readPdf(thai.pdf, { ocr: pool });
      const parsed = parseLetter(reading.pages.map((p) => p.text).join('\n'));
      expect(parsed.referenceNumber).toMatchObject({
        agencyPrefix: 'สพ',
        agencyNumber: '0008',
        circular: false,
        serial: 894,
      });
      expect(parsed.letterDate?.date).toBe('2026-10-05');
    },
    SLOW_TEST_MS,
  );
});
