import { afterAll, describe, expect, it } from 'vitest';
import { OcrPool } from 'src/modules/files/reading/ocr-pool.js';
import { PdfReadError, readPdf } from 'src/modules/files/reading/pdf-reader.js';
import {
  blankPdf,
  garbageLayerPdf,
  LETTER_LINES,
  noisePdf,
  scannedThaiPdf,
  thaiTextPdf,
} from '../factories/thai-pdf.js';

/** Characters of `expected` missing from `actual`, by edit distance over code points. */
function characterErrorRate(actual: string, expected: string): number {
  const a = Array.from(actual);
  const b = Array.from(expected);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] / b.length;
}

const ocr = new OcrPool({ size: 1 });
afterAll(() => ocr.close());

describe('readPdf', () => {
  it('reads a text layer line by line, normalised, with confidence 1 and positions', async () => {
    const pdf = await thaiTextPdf([LETTER_LINES, ['หน้าสอง น้ำท่วม ปู่ ฤๅษี']]);
    const seen: number[] = [];
    const reading = await readPdf(pdf, { onPage: (page) => void seen.push(page.pageNumber) });
    expect(reading.pageCount).toBe(2);
    expect(seen).toEqual([1, 2]);
    const [first, second] = reading.pages;
    expect(first.method).toBe('text_layer');
    expect(first.lines.map((line) => line.text)).toEqual(LETTER_LINES);
    expect(first.text).toBe(LETTER_LINES.join('\n'));
    expect(first.confidence).toBe(1);
    expect(first.warnings).toEqual([]);
    // pdf-lib's ToUnicode gives ำ + า for the split glyphs: the reader composes it back.
    expect(second.text).toBe('หน้าสอง น้ำท่วม ปู่ ฤๅษี');
    // Lines go down the page: boxes in points from the top left.
    const tops = first.lines.map((line) => line.box.y0);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    expect(first.lines[0].box.x0).toBeCloseTo(72, 0);
    expect(first.lines[0].box.y0).toBeGreaterThan(50);
    expect(first.lines[0].box.y0).toBeLessThan(90);
  });

  it('reads only the pages asked for (a resumed reading)', async () => {
    const pdf = await thaiTextPdf([['หน้าที่หนึ่งของหนังสือ'], ['หน้าที่สองของหนังสือ'], ['หน้าที่สามของหนังสือ']]);
    const reading = await readPdf(pdf, { pages: [3, 2, 9] });
    expect(reading.pages.map((page) => [page.pageNumber, page.text])).toEqual([
      [2, 'หน้าที่สองของหนังสือ'],
      [3, 'หน้าที่สามของหนังสือ'],
    ]);
  });

  it('OCRs a scanned Thai page, with per-character confidences and positions', async () => {
    const reading = await readPdf(await scannedThaiPdf(), { ocr });
    const [page] = reading.pages;
    expect(page.method).toBe('ocr');
    expect(page.lines.length).toBe(LETTER_LINES.length);
    expect(characterErrorRate(page.text, LETTER_LINES.join('\n'))).toBeLessThan(0.1);
    expect(page.confidence).toBeGreaterThan(0.6);
    expect(page.confidence).toBeLessThan(1);
    for (const line of page.lines) {
      expect(line.charConfidences).toHaveLength(line.text.length);
      expect(line.box.x0).toBeGreaterThan(60);
      expect(line.box.x0).toBeLessThan(85);
    }
    // The page is a picture: the subject line is found where it was printed.
    const subject = page.lines.find((line) => line.text.startsWith('เรื่อง'));
    expect(subject?.box.y0).toBeGreaterThan(110);
    expect(subject?.box.y0).toBeLessThan(150);
  });

  it('reads a page whose text layer is legacy-font garbage from its picture instead', async () => {
    const reading = await readPdf(await garbageLayerPdf(), { ocr });
    const [page] = reading.pages;
    expect(page.method).toBe('ocr');
    expect(page.warnings).toContain('garbage_text_layer');
    expect(characterErrorRate(page.text, LETTER_LINES.join('\n'))).toBeLessThan(0.1);
  });

  it('ends a blank page and a page of noise with empty text and a warning', async () => {
    const blank = await readPdf(await blankPdf(), { ocr });
    expect(blank.pages[0]).toMatchObject({ text: '', lines: [], confidence: 0 });
    expect(blank.pages[0].warnings).toContain('empty_page');
    // Tesseract may take long over specks: the time limit ends it with a warning too.
    const quick = new OcrPool({ size: 1, timeoutMs: 15_000 });
    const noise = await readPdf(await noisePdf(), { ocr: quick }).finally(() => quick.close());
    const warnings = noise.pages[0].warnings;
    expect(
      ['empty_page', 'noise_dropped', 'low_confidence', 'ocr_timeout'].some((w) =>
        warnings.includes(w as never),
      ),
    ).toBe(true);
    // Whatever survives of the specks is not Thai text.
    expect(noise.pages[0].text.replace(/\s/g, '').length).toBeLessThan(20);
  });

  it('refuses an encrypted, a broken and an over-long PDF with a reason', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage();
    const encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -3904 });
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
    const reasons = async (bytes: Uint8Array, maxPages?: number) =>
      readPdf(bytes, { maxPages }).then(
        () => 'read',
        (error: unknown) => (error instanceof PdfReadError ? error.reason : String(error)),
      );
    expect(await reasons(await doc.save())).toBe('encrypted');
    expect(await reasons(Buffer.from('%PDF-1.7\nnot really a pdf'))).toBe('unreadable');
    const text = await thaiTextPdf();
    expect(await reasons(text.subarray(0, text.length / 2))).toBe('unreadable');
    expect(await reasons(await blankPdf(3), 2)).toBe('too_many_pages');
  });
});
