import { createRequire } from 'node:module';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { embedSarabun } from 'src/pdf/fonts.js';
import { drawThaiText } from 'src/pdf/glyphs.js';

/**
 * Test PDFs for reading: Thai typed with the project's own renderer (a born-digital letter),
 * the same page rasterised into an image-only PDF (a scan), a scan with a legacy-font text
 * layer over it (garbage), a page of noise and a blank page.
 */

const A4: [number, number] = [595, 842];

/** Lines of the sample letter head: a reference number, a date, a subject, an addressee. */
export const LETTER_LINES = [
  'ที่ มท ๐๒๑๐.๓/ว ๑๒๓๔',
  'วันที่ 15 มกราคม 2569',
  'เรื่อง ขอเชิญประชุมคณะกรรมการ',
  'เรียน ผู้ว่าราชการจังหวัดร้อยเอ็ด',
];

function fixedDates(doc: PDFDocument): void {
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
}

/** A born-digital page per entry of `pages`, each line 18 pt Sarabun, 1.7 line spacing. */
export async function thaiTextPdf(pages: string[][] = [LETTER_LINES]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await embedSarabun(doc, 'regular');
  for (const lines of pages) {
    const page = doc.addPage(A4);
    lines.forEach((line, i) =>
      drawThaiText(page, font, line, { x: 72, y: 760 - i * 30, size: 18 }),
    );
  }
  fixedDates(doc);
  return Buffer.from(await doc.save());
}

/** Every page of `pdf` rendered to a grey PNG at `dpi`. */
export async function rasterise(pdf: Uint8Array, dpi = 200): Promise<Buffer[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const images: Buffer[] = [];
  try {
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({
        canvasContext: entry.context as never,
        canvas: entry.canvas as never,
        viewport,
        background: 'white',
      }).promise;
      images.push(entry.canvas.toBuffer('image/png'));
      factory.destroy(entry);
    }
  } finally {
    await doc.destroy();
  }
  return images;
}

interface CanvasFactory {
  create(w: number, h: number): { canvas: Canvas; context: SKRSContext2D };
  destroy(entry: unknown): void;
}

/** An image-only PDF: one A4 page per PNG, the image filling the page. */
export async function imagePdf(
  images: Buffer[],
  overlay?: (page: import('pdf-lib').PDFPage, doc: PDFDocument) => Promise<void>,
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const png of images) {
    const page = doc.addPage(A4);
    const image = await doc.embedPng(png);
    page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
    await overlay?.(page, doc);
  }
  fixedDates(doc);
  return Buffer.from(await doc.save());
}

/** The scan of a born-digital Thai page (what a clerk's scanner makes of a printed letter). */
export async function scannedThaiPdf(
  pages: string[][] = [LETTER_LINES],
  dpi = 200,
): Promise<Buffer> {
  return imagePdf(await rasterise(await thaiTextPdf(pages), dpi));
}

/** TIS-620 bytes of Thai text read as Latin-1: what a legacy Thai font's text layer gives. */
export function tis620AsLatin1(text: string): string {
  return Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    return code >= 0x0e01 && code <= 0x0e5b ? String.fromCharCode(code - 0x0d60) : ch;
  }).join('');
}

/**
 * A page whose picture is Thai but whose text layer is legacy-font garbage: the scan with
 * invisible Latin-1 text over it, as old word processors' PDFs are.
 */
export async function garbageLayerPdf(lines: string[] = LETTER_LINES): Promise<Buffer> {
  const images = await rasterise(await thaiTextPdf([lines]));
  return imagePdf(images, async (page, doc) => {
    const font = await doc.embedFont(StandardFonts.Helvetica);
    lines.forEach((line, i) =>
      page.drawText(tis620AsLatin1(line), {
        x: 72,
        y: 760 - i * 30,
        size: 18,
        font,
        opacity: 0,
      }),
    );
  });
}

/** A page of random specks (a bad scan of nothing), deterministic for a seed. */
export async function noisePdf(seed = 7): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
  const canvas = createCanvas(827, 1169);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  context.fillStyle = '#000000';
  for (let i = 0; i < 6000; i++) {
    context.fillRect(
      Math.floor(random() * canvas.width),
      Math.floor(random() * canvas.height),
      2,
      2,
    );
  }
  return imagePdf([canvas.toBuffer('image/png')]);
}

/** A page with nothing on it. */
export async function blankPdf(pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage(A4);
  fixedDates(doc);
  return Buffer.from(await doc.save());
}
