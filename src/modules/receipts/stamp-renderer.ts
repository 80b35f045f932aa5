import {
  PDFDocument,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  clip,
  endPath,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setDashPattern,
  setLineWidth,
  setStrokingColor,
  stroke,
  type PDFPage,
} from 'pdf-lib';

import {
  layoutStamps,
  type PageSize,
  type Rect,
  type StampFontWeight,
  type StampPlacement,
  type StampText,
  type TextMetrics,
} from 'src/modules/receipts/stamp-layout.js';
import { embedSarabunFamily, type ThaiFonts } from 'src/pdf/fonts.js';
import { drawThaiText, measureThaiText } from 'src/pdf/glyphs.js';
import { wrapThaiText } from 'src/pdf/line-breaking.js';
import { threadFunction } from 'src/pdf/pdf-threads.js';

/** One stamp of the chain: the receiving unit and its receipt, formatted for print. */
export type StampInput = StampText;

/** Stamp-pad blue for the box, labels and unit name; values in a darker ink. */
const STAMP_INK = rgb(0.08, 0.2, 0.6);
const VALUE_INK = rgb(0.05, 0.08, 0.3);
const PAPER = rgb(1, 1, 1);

/**
 * The visible part of a page and how to draw on it upright: the crop box (clipped to
 * the media box), and a matrix from "as seen" coordinates, origin bottom-left, to the
 * page's user space, which differs when the page carries /Rotate (common in scans).
 */
function pageFrame(page: PDFPage): { size: PageSize; matrix: number[] } {
  const normalise = (r: Rect): Rect => ({
    x: Math.min(r.x, r.x + r.width),
    y: Math.min(r.y, r.y + r.height),
    width: Math.abs(r.width),
    height: Math.abs(r.height),
  });
  const media = normalise(page.getMediaBox());
  const crop = normalise(page.getCropBox());
  const x0 = Math.max(media.x, crop.x);
  const y0 = Math.max(media.y, crop.y);
  const w = Math.min(media.x + media.width, crop.x + crop.width) - x0;
  const h = Math.min(media.y + media.height, crop.y + crop.height) - y0;
  const rotation = (((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360) % 360;
  switch (rotation) {
    case 90: // shown turned clockwise: the page's left edge is on top
      return { size: { width: h, height: w }, matrix: [0, 1, -1, 0, x0 + w, y0] };
    case 180:
      return { size: { width: w, height: h }, matrix: [-1, 0, 0, -1, x0 + w, y0 + h] };
    case 270:
      return { size: { width: h, height: w }, matrix: [0, -1, 1, 0, x0, y0 + h] };
    default:
      return { size: { width: w, height: h }, matrix: [1, 0, 0, 1, x0, y0] };
  }
}

/** Text widths from the embedded fonts, remembered per string for this document. */
function fontMetrics(fonts: ThaiFonts): TextMetrics {
  const unitWidths = new Map<string, number>();
  const width = (text: string, size: number, weight: StampFontWeight): number => {
    const key = `${weight}\u0000${text}`;
    let unit = unitWidths.get(key);
    if (unit === undefined) {
      unit = measureThaiText(fonts[weight], text, 1);
      unitWidths.set(key, unit);
    }
    return unit * size;
  };
  return {
    width,
    wrap: (text, size, weight, maxWidth) => wrapThaiText(fonts[weight], text, size, maxWidth),
  };
}

/**
 * The area each column of stamps covers, gaps included: the gaps are painted as paper
 * too, or slivers of the letter's lines peek out between the boxes.
 */
function columnsOf(placements: readonly StampPlacement[]): Rect[] {
  const columns = new Map<number, Rect>();
  for (const { box } of placements) {
    const column = columns.get(box.x);
    if (!column) {
      columns.set(box.x, { ...box });
      continue;
    }
    const top = Math.max(column.y + column.height, box.y + box.height);
    column.y = Math.min(column.y, box.y);
    column.height = top - column.y;
  }
  return [...columns.values()];
}

function drawStamp(page: PDFPage, fonts: ThaiFonts, stamp: StampPlacement): void {
  const { box, borderWidth } = stamp;
  // Opaque paper: a transparent stamp lets the letterhead show through the text.
  page.drawRectangle({
    ...box,
    color: PAPER,
    borderColor: STAMP_INK,
    borderWidth,
  });
  // Text that cannot fit is cut at the border instead of covering the letter.
  page.pushOperators(
    pushGraphicsState(),
    PDFOperator.of(PDFOperatorNames.AppendRectangle, [
      PDFNumber.of(box.x),
      PDFNumber.of(box.y),
      PDFNumber.of(box.width),
      PDFNumber.of(box.height),
    ]),
    clip(),
    endPath(),
  );
  // The dotted writing lines as one path.
  page.pushOperators(
    pushGraphicsState(),
    setStrokingColor(STAMP_INK),
    setLineWidth(borderWidth * 0.5),
    setDashPattern([borderWidth, borderWidth * 1.5], 0),
    ...stamp.guides.flatMap((guide) => [moveTo(guide.x1, guide.y), lineTo(guide.x2, guide.y)]),
    stroke(),
    popGraphicsState(),
  );
  for (const text of stamp.texts) {
    drawThaiText(page, fonts[text.weight], text.text, {
      x: text.x,
      y: text.y,
      size: text.size,
      color: text.role === 'value' ? VALUE_INK : STAMP_INK,
    });
  }
  page.pushOperators(popGraphicsState());
}

/**
 * A new PDF: the original with the receipt stamps of the chain (first receiver first)
 * in the top-right corner of its first page. The original bytes are never changed;
 * the same input gives the same bytes, so a rendering can be rebuilt from the data.
 * Encrypted originals are rejected (pdf-lib's EncryptedPDFError): re-saving them would
 * drop or corrupt their protection. Digital signatures do not survive a re-save.
 */
export async function renderStampedPdf(
  originalPdfBytes: Uint8Array,
  stamps: readonly StampInput[],
): Promise<Uint8Array> {
  // updateMetadata: false keeps the original's dates and producer instead of "now",
  // which would make every rendering differ.
  const doc = await PDFDocument.load(originalPdfBytes, {
    ignoreEncryption: false,
    updateMetadata: false,
  });
  if (doc.getPageCount() === 0) throw new RangeError('The PDF has no pages to stamp');
  if (stamps.length > 0) {
    const page = doc.getPage(0);
    const fonts = await embedSarabunFamily(doc);
    const { size, matrix } = pageFrame(page);
    const placements = layoutStamps(size, stamps, fontMetrics(fonts));
    page.pushOperators(
      pushGraphicsState(),
      PDFOperator.of(
        PDFOperatorNames.ConcatTransformationMatrix,
        matrix.map((n) => PDFNumber.of(n)),
      ),
    );
    for (const column of columnsOf(placements)) page.drawRectangle({ ...column, color: PAPER });
    for (const placement of placements) drawStamp(page, fonts, placement);
    page.pushOperators(popGraphicsState());
  }
  return doc.save({ addDefaultPage: false });
}

/** renderStampedPdf as a job for the PDF threads: a large original takes seconds of CPU. */
export const renderStampedPdfInThread = threadFunction(import.meta.url, renderStampedPdf);
