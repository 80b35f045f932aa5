import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';

import { stampBoxes, type PageSize, type Rect } from 'src/modules/receipts/stamp-layout.js';
import { renderStampedPdf, type StampInput } from 'src/modules/receipts/stamp-renderer.js';

/** Runs a poppler tool on PDF bytes; a missing tool fails the test, never skips it. */
function poppler(tool: 'pdftotext' | 'pdftoppm', args: string[], pdf: Uint8Array): Buffer {
  try {
    return execFileSync(tool, args, { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is missing: install poppler-utils (apt-get install poppler-utils)`, {
        cause: error,
      });
    }
    throw error;
  }
}

const pageText = (pdf: Uint8Array, page: number): string =>
  poppler('pdftotext', ['-enc', 'UTF-8', '-f', `${page}`, '-l', `${page}`, '-', '-'], pdf).toString(
    'utf8',
  );

/** Text runs of page 1 with their boxes (top-left origin, points), from pdftotext -bbox. */
function textBoxes(pdf: Uint8Array): { text: string; rect: Rect }[] {
  const html = poppler('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', '1', '-l', '1', '-', '-'], pdf)
    .toString('utf8')
    .replace(/&amp;/g, '&');
  return [
    ...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
  ].map(([, x1, y1, x2, y2, text]) => ({
    text,
    rect: { x: +x1, y: +y1, width: +x2 - +x1, height: +y2 - +y1 },
  }));
}

/** Page 1 rasterised at 72 dpi: one pixel per point, as seen (rotation applied). */
function rasterise(pdf: Uint8Array): {
  width: number;
  height: number;
  rgb: (x: number, y: number) => number[];
} {
  const ppm = poppler(
    'pdftoppm',
    ['-r', '72', '-cropbox', '-f', '1', '-l', '1', '-singlefile', '-'],
    pdf,
  );
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40));
  if (!header) throw new Error('pdftoppm did not return a PPM image');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const offset = header[0].length;
  return {
    width,
    height,
    rgb: (x, y) => {
      const i = offset + 3 * (Math.round(y) * width + Math.round(x));
      return [ppm[i], ppm[i + 1], ppm[i + 2]];
    },
  };
}

/** Whether stamp-pad blue is within a pixel of (x, y) in a top-left-origin raster. */
function blueNear(image: ReturnType<typeof rasterise>, x: number, y: number): boolean {
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      const [r, g, b] = image.rgb(x + dx, y + dy);
      if (b > 100 && b > r + 60 && b > g + 40) return true;
    }
  }
  return false;
}

const isWhite = (image: ReturnType<typeof rasterise>, x: number, y: number): boolean =>
  image.rgb(x, y).every((c) => c > 245);

/** A layout box (bottom-left origin) in the top-left-origin frame poppler reports. */
const fromTop = (box: Rect, page: PageSize): Rect => ({
  ...box,
  y: page.height - box.y - box.height,
});

const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

const fixture = (name: string): URL =>
  new URL(`../../../test/fixtures/pdf/${name}`, import.meta.url);

const A4: PageSize = { width: 595.28, height: 841.89 };

/** The chain of the seed letter plus the hard cases of Thai mark placement. */
const CHAIN: StampInput[] = [
  {
    unitName: 'สำนักงานจังหวัดร้อยเอ็ด',
    receiptNumber: '๕๒๐',
    date: '๑๕ ม.ค. ๒๕๖๙',
    time: '๑๐.๕๕ น.',
  },
  { unitName: 'ปู่ ญี่ปุ่น ปั้น ฟั่น', receiptNumber: '89', date: '15 ม.ค. 2569', time: null },
  {
    unitName: 'ผู้ว่าราชการจังหวัด',
    receiptNumber: 'ที่ น้ำ ฤๅษี',
    date: '๑๖ ม.ค. ๒๕๖๙',
    time: '๐๙.๓๐ น.',
  },
];

let letter: Uint8Array;

beforeAll(async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= 3; n++) {
    const page = doc.addPage([A4.width, A4.height]);
    // Text right under where stamps go, to show the boxes cover it.
    for (let line = 0; line < 50; line++) {
      page.drawText(`Letter page ${n}, line ${line + 1}: body text across the whole width.`, {
        x: 40,
        y: A4.height - 30 - line * 15,
        size: 14,
        font,
      });
    }
  }
  letter = await doc.save();
});

describe('renderStampedPdf', () => {
  for (const count of [1, 2, 3]) {
    it(`stamps ${count} receipt(s) on page 1 with text that extracts exactly`, async () => {
      const stamps = CHAIN.slice(0, count);
      const out = await renderStampedPdf(letter, stamps);
      expect((await PDFDocument.load(out)).getPageCount()).toBe(3);
      const first = pageText(out, 1);
      for (const stamp of stamps) {
        for (const text of [stamp.unitName, stamp.receiptNumber, stamp.date, stamp.time ?? '']) {
          expect(first).toContain(text);
        }
      }
      for (const label of ['เลขรับ', 'วันที่', 'เวลา']) {
        expect(first.split(label).length - 1).toBe(count);
      }
      expect(first).toContain('Letter page 1, line 20');
      for (const page of [2, 3]) {
        expect(pageText(out, page)).not.toContain('เลขรับ');
        expect(pageText(out, page)).toContain(`Letter page ${page}, line 1:`);
      }
    });
  }

  it('extracts every hard case of Thai mark placement exactly', async () => {
    const text = pageText(await renderStampedPdf(letter, CHAIN), 1);
    for (const word of ['ปู่', 'ญี่ปุ่น', 'ปั้น', 'ฟั่น', 'ที่', 'น้ำ', 'ฤๅษี', 'ผู้ว่าราชการจังหวัด']) {
      expect(text).toContain(word);
    }
  });

  it('draws each stamp inside the box the layout gives it', async () => {
    const out = await renderStampedPdf(letter, CHAIN);
    const boxes = stampBoxes(A4, CHAIN.length).boxes.map((box) => fromTop(box, A4));
    const runs = textBoxes(out);
    CHAIN.forEach((stamp, i) => {
      for (const value of [stamp.unitName, stamp.receiptNumber, stamp.date]) {
        const run = runs.find((r) => r.text === value);
        expect(run, `"${value}" not found as one run`).toBeDefined();
        expect(contains(boxes[i], run!.rect), `"${value}" is outside stamp ${i + 1}`).toBe(true);
      }
    });
    const image = rasterise(out);
    for (const box of boxes) {
      const midX = box.x + box.width / 2;
      expect(blueNear(image, midX, box.y)).toBe(true); // top border
      expect(blueNear(image, box.x, box.y + box.height / 2)).toBe(true); // left border
      // Opaque paper: the letter's lines do not show through a blank part of the box.
      expect(isWhite(image, box.x + 4, box.y + 3)).toBe(true);
    }
  });

  it('gives the same bytes for the same data, and other bytes for other data', async () => {
    const a = await renderStampedPdf(letter, CHAIN);
    const b = await renderStampedPdf(letter.slice(), structuredClone(CHAIN));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await renderStampedPdf(letter, [{ ...CHAIN[0], receiptNumber: '๕๒๑' }]);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('gives the same bytes whether or not the font subset was cached', async () => {
    // Glyphs no other test draws, so the first rendering builds a new subset.
    const fresh = [{ ...CHAIN[0], unitName: 'ฃฅฆ ศูนย์ฐานข้อมูลเฉพาะกิจ ๆ ฯ' }];
    const first = await renderStampedPdf(letter, fresh);
    const second = await renderStampedPdf(letter, fresh);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(pageText(second, 1)).toContain(fresh[0].unitName);
  });

  it('never changes the original bytes', async () => {
    const copy = letter.slice();
    await renderStampedPdf(letter, CHAIN);
    expect(Buffer.from(letter).equals(Buffer.from(copy))).toBe(true);
  });

  it('keeps a hand-written PDF readable, with its pages, metadata and document ID', async () => {
    const original = new Uint8Array(readFileSync(fixture('two-page-letter.pdf')));
    const out = await renderStampedPdf(original, CHAIN.slice(0, 2));
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getProducer()).toBe('hand-written fixture');
    expect(Buffer.from(out).toString('latin1')).toContain('<5361726162616e2d66697874757265>');
    expect(pageText(out, 1)).toContain('Letter page 1 of 2');
    expect(pageText(out, 1)).toContain('สำนักงานจังหวัดร้อยเอ็ด');
    expect(pageText(out, 2)).toContain('Letter page 2 of 2');
  });

  it('stamps the top-right corner as the page is seen when it is rotated and cropped', async () => {
    // MediaBox 612 × 792, CropBox [18 18 594 774], /Rotate 90: seen as 756 × 576.
    const original = new Uint8Array(readFileSync(fixture('rotated-scan.pdf')));
    const out = await renderStampedPdf(original, CHAIN.slice(0, 2));
    const seen = { width: 756, height: 576 };
    const image = rasterise(out);
    expect([image.width, image.height]).toEqual([seen.width, seen.height]);
    for (const box of stampBoxes(seen, 2).boxes.map((b) => fromTop(b, seen))) {
      expect(blueNear(image, box.x + box.width / 2, box.y)).toBe(true);
      expect(blueNear(image, box.x + box.width, box.y + box.height / 2)).toBe(true);
    }
    expect(pageText(out, 1)).toContain('สำนักงานจังหวัดร้อยเอ็ด');
    expect(pageText(out, 1)).toContain('Rotated page');
  });

  it('rejects an encrypted PDF instead of re-saving it without its protection', async () => {
    const encrypted = Buffer.from(
      readFileSync(fixture('two-page-letter.pdf'), 'latin1').replace(
        '/Root 1 0 R',
        '/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /P -4 /O <00> /U <00> >>',
      ),
      'latin1',
    );
    await expect(renderStampedPdf(encrypted, CHAIN)).rejects.toThrow(/encrypt/i);
  });

  it('returns an unstamped copy for no stamps and refuses a PDF without pages', async () => {
    const copy = await renderStampedPdf(letter, []);
    expect(pageText(copy, 1)).not.toContain('เลขรับ');
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    await expect(renderStampedPdf(empty, CHAIN)).rejects.toThrow(RangeError);
  });
});
