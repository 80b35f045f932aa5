import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

import { embedSarabunFamily, type ThaiFonts } from 'src/pdf/fonts.js';
import { drawThaiText, measureThaiText } from 'src/pdf/glyphs.js';
import { breakLines } from 'src/pdf/line-breaking.js';
import { threadFunction } from 'src/pdf/pdf-threads.js';

/** One register entry, every field already formatted for print by the caller. */
export interface RegisterPrintoutRow {
  /** เลขทะเบียนรับ (or เลขทะเบียนส่ง in the outgoing register). */
  receiptNumber: string;
  /** ที่: the letter's reference number as printed. */
  referenceNumber: string;
  /** ลงวันที่: the letter's date as printed. */
  letterDate: string;
  /** จาก */
  from: string;
  /** ถึง */
  to: string;
  /** เรื่อง */
  subject: string;
  /** การปฏิบัติ */
  action: string;
  /** หมายเหตุ */
  remarks: string;
}

export interface RegisterPrintoutInput {
  unitName: string;
  /** e.g. ทะเบียนหนังสือรับ */
  registerName: string;
  /** e.g. `๑ ม.ค. ๒๕๖๙ – ๓๑ ม.ค. ๒๕๖๙` */
  periodText: string;
  /** Digits of the page numbers. */
  digits: 'thai' | 'arabic';
  /** Header of the first column; the outgoing register uses เลขทะเบียนส่ง. */
  numberColumnHeader?: string;
  rows: readonly RegisterPrintoutRow[];
}

type ColumnKey = keyof RegisterPrintoutRow;

interface Column {
  key: ColumnKey;
  header: string;
  /** Share of the table width (points at A4 landscape): ที่ fits `มท ๐๒๑๐.๕/ว๑๐๕๕๗`,
   * ลงวันที่ fits `๑๕ ม.ค. ๒๕๖๙`, เรื่อง gets the most. */
  width: number;
  align: 'left' | 'center';
}

/**
 * The incoming register's columns, in the regulation's order (see
 * src/modules/registers/README.md#columns).
 */
const COLUMNS: readonly Column[] = [
  { key: 'receiptNumber', header: 'เลขทะเบียนรับ', width: 56, align: 'center' },
  { key: 'referenceNumber', header: 'ที่', width: 106, align: 'left' },
  { key: 'letterDate', header: 'ลงวันที่', width: 74, align: 'center' },
  { key: 'from', header: 'จาก', width: 100, align: 'left' },
  { key: 'to', header: 'ถึง', width: 90, align: 'left' },
  { key: 'subject', header: 'เรื่อง', width: 190, align: 'left' },
  { key: 'action', header: 'การปฏิบัติ', width: 95, align: 'left' },
  { key: 'remarks', header: 'หมายเหตุ', width: 60, align: 'left' },
];

const TABLE_WIDTH_UNITS = COLUMNS.reduce((sum, column) => sum + column.width, 0);

function columnsFor(input: RegisterPrintoutInput): Column[] {
  const [first, ...rest] = COLUMNS;
  return [{ ...first, header: input.numberColumnHeader ?? first.header }, ...rest];
}

const CM = 72 / 2.54;
/** A4 landscape. */
const PAGE = { width: 841.89, height: 595.28 };
/** The wider left margin leaves room to bind or file the printout. */
const MARGIN = { left: 1.5 * CM, right: 1 * CM, top: 1 * CM, bottom: 1 * CM };
const TABLE_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const TITLE_SIZE = 15;
const SUBTITLE_SIZE = 12;
const HEADER_SIZE = 10.5;
const BODY_SIZE = 10.5;
/** Thai stacks marks above and vowels below the line: 1.45 em keeps lines apart. */
const LINE_HEIGHT = 1.45;
/** Baseline of a cell's first line below the cell's top padding, in em. */
const FIRST_BASELINE = 1.08;
const CELL_PADDING = { x: 3, y: 3 };
const GRID = { thickness: 0.5, color: rgb(0.25, 0.25, 0.25) };
const HEADER_FILL = rgb(0.9, 0.9, 0.9);
const INK = rgb(0, 0, 0);

/** Height of the page header: title, unit, period, then a small gap before the table. */
const PAGE_HEADER_HEIGHT = TITLE_SIZE * 1.6 + SUBTITLE_SIZE * 1.5 * 2 + 6;

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

function digitsOf(value: number, digits: RegisterPrintoutInput['digits']): string {
  const text = String(value);
  return digits === 'thai' ? text.replace(/\d/g, (d) => THAI_DIGITS[Number(d)]) : text;
}

/** Wrapped lines of each cell of a row (or of the column headers). */
type RowLines = string[][];

interface Measurer {
  width(font: PDFFont, text: string, size: number): number;
  lines(font: PDFFont, text: string, size: number, maxWidth: number): string[];
}

/** Widths remembered per word: a register repeats จังหวัด and ที่ hundreds of times. */
function memoisedMeasurer(): Measurer {
  const unitWidths = new Map<PDFFont, Map<string, number>>();
  const width = (font: PDFFont, text: string, size: number): number => {
    let widths = unitWidths.get(font);
    if (!widths) unitWidths.set(font, (widths = new Map<string, number>()));
    let unit = widths.get(text);
    if (unit === undefined) {
      unit = measureThaiText(font, text, 1);
      widths.set(text, unit);
    }
    return unit * size;
  };
  return {
    width,
    lines: (font, text, size, maxWidth) =>
      breakLines(text, maxWidth, (piece) => width(font, piece, size)),
  };
}

function cellLines(
  columns: readonly Column[],
  texts: readonly string[],
  font: PDFFont,
  size: number,
  measure: Measurer,
): RowLines {
  return columns.map((column, i) => {
    const room = (column.width / TABLE_WIDTH_UNITS) * TABLE_WIDTH - 2 * CELL_PADDING.x;
    return measure.lines(font, texts[i], size, room);
  });
}

const lineCount = (row: RowLines): number => Math.max(1, ...row.map((cell) => cell.length));
const rowHeight = (lines: number, size: number): number =>
  lines * size * LINE_HEIGHT + 2 * CELL_PADDING.y;

/** A row, or the part of a row taller than a whole page, placed on one page. */
interface PlacedRow {
  lines: RowLines;
  height: number;
}

/** Whole lines of body text that fit a height, cell padding included. */
const linesFitting = (height: number): number =>
  Math.floor((height - 2 * CELL_PADDING.y + 1e-6) / (BODY_SIZE * LINE_HEIGHT));

/**
 * Rows in page order. A row never splits across pages, except one taller than a whole
 * page: that one starts right away, fills the rest of the page and continues on the
 * next, rather than being cut off or leaving a page nearly blank.
 */
function paginate(rows: readonly RowLines[], bodyHeight: number): PlacedRow[][] {
  const pageLines = Math.max(1, linesFitting(bodyHeight));
  const pages: PlacedRow[][] = [[]];
  let used = 0;
  const newPage = (): void => {
    pages.push([]);
    used = 0;
  };
  const place = (lines: RowLines): void => {
    const height = rowHeight(lineCount(lines), BODY_SIZE);
    pages[pages.length - 1].push({ lines, height });
    used += height;
  };
  for (const row of rows) {
    const total = lineCount(row);
    const pageIsEmpty = pages[pages.length - 1].length === 0;
    if (total <= pageLines) {
      if (!pageIsEmpty && used + rowHeight(total, BODY_SIZE) > bodyHeight + 1e-6) newPage();
      place(row);
      continue;
    }
    let start = 0;
    while (start < total) {
      let room = linesFitting(bodyHeight - used);
      if (room < 2 && pages[pages.length - 1].length > 0) {
        newPage();
        room = pageLines;
      }
      const take = Math.max(1, room);
      const part = row.map((cell) => cell.slice(start, start + take));
      // A continued part repeats the entry's number, marked ต่อ (continued).
      if (start > 0 && part[0].length === 0) part[0] = [...row[0].slice(0, 1), '(ต่อ)'];
      place(part);
      start += take;
      if (start < total) newPage();
    }
  }
  return pages;
}

interface Frame {
  page: PDFPage;
  fonts: ThaiFonts;
  measure: Measurer;
  columns: readonly Column[];
  /** Left edge of each column. */
  lefts: number[];
  widths: number[];
  hasRows: boolean;
}

interface CellStyle {
  font: PDFFont;
  size: number;
  /** Column headers centre both ways; body cells read from the top left. */
  header: boolean;
}

function drawCells(frame: Frame, lines: RowLines, top: number, style: CellStyle): void {
  const { font, size, header } = style;
  const rowLines = lineCount(lines);
  lines.forEach((cell, i) => {
    const centred = header || frame.columns[i].align === 'center';
    const drop = header ? ((rowLines - cell.length) * size * LINE_HEIGHT) / 2 : 0;
    cell.forEach((line, n) => {
      const width = frame.measure.width(font, line, size);
      const x = centred
        ? frame.lefts[i] + (frame.widths[i] - width) / 2
        : frame.lefts[i] + CELL_PADDING.x;
      const y = top - drop - CELL_PADDING.y - size * FIRST_BASELINE - n * size * LINE_HEIGHT;
      drawThaiText(frame.page, font, line, { x, y, size, color: INK });
    });
  });
}

function drawCentred(frame: Frame, font: PDFFont, text: string, size: number, y: number): void {
  const x = MARGIN.left + (TABLE_WIDTH - frame.measure.width(font, text, size)) / 2;
  drawThaiText(frame.page, font, text, { x, y, size, color: INK });
}

/**
 * Grid lines: the table's frame, a rule under the header and under every row, and the
 * column rules down to the last row (only through the header when there are no rows).
 */
function drawGrid(frame: Frame, top: number, headerBottom: number, rowBottoms: number[]): void {
  const { page } = frame;
  const bottom = rowBottoms.at(-1) ?? headerBottom;
  const columnBottom = frame.hasRows ? bottom : headerBottom;
  const left = MARGIN.left;
  const right = MARGIN.left + TABLE_WIDTH;
  const line = (x1: number, y1: number, x2: number, y2: number): void =>
    page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, ...GRID });
  for (const y of [top, headerBottom, ...rowBottoms]) line(left, y, right, y);
  for (const x of frame.lefts.slice(1)) line(x, top, x, columnBottom);
  line(left, top, left, bottom);
  line(right, top, right, bottom);
}

/**
 * The register as an A4 landscape PDF: the regulation's columns, a header with the
 * register, unit and period and `หน้า n/N` on every page, long cells wrapped at Thai
 * word boundaries and rows kept whole on a page. The same input gives the same bytes.
 */
export async function renderRegisterPrintout(input: RegisterPrintoutInput): Promise<Uint8Array> {
  // No creation date or producer stamped from the clock: reruns give identical bytes.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`${input.registerName} ${input.unitName} ${input.periodText}`);
  doc.setLanguage('th');
  const fonts = await embedSarabunFamily(doc);
  const measure = memoisedMeasurer();
  const columns = columnsFor(input);
  const widths = columns.map((c) => (c.width / TABLE_WIDTH_UNITS) * TABLE_WIDTH);
  const lefts = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const headerLines = cellLines(
    columns,
    columns.map((c) => c.header),
    fonts.bold,
    HEADER_SIZE,
    measure,
  );
  const headerHeight = rowHeight(lineCount(headerLines), HEADER_SIZE);
  const tableTop = PAGE.height - MARGIN.top - PAGE_HEADER_HEIGHT;
  const bodyHeight = tableTop - headerHeight - MARGIN.bottom;

  const rows = input.rows.map((row) =>
    cellLines(
      columns,
      columns.map((c) => row[c.key]),
      fonts.regular,
      BODY_SIZE,
      measure,
    ),
  );
  const pages = paginate(rows, bodyHeight);

  pages.forEach((placed, index) => {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    const frame: Frame = {
      page,
      fonts,
      measure,
      columns,
      lefts,
      widths,
      hasRows: placed.length > 0,
    };
    const top = PAGE.height - MARGIN.top;

    drawCentred(frame, fonts.bold, input.registerName, TITLE_SIZE, top - TITLE_SIZE * 1.1);
    drawCentred(
      frame,
      fonts.regular,
      input.unitName,
      SUBTITLE_SIZE,
      top - TITLE_SIZE * 1.6 - SUBTITLE_SIZE * 1.1,
    );
    drawCentred(
      frame,
      fonts.regular,
      input.periodText,
      SUBTITLE_SIZE,
      top - TITLE_SIZE * 1.6 - SUBTITLE_SIZE * 2.6,
    );
    const pageNumber = `หน้า ${digitsOf(index + 1, input.digits)}/${digitsOf(pages.length, input.digits)}`;
    drawThaiText(page, fonts.regular, pageNumber, {
      x: MARGIN.left + TABLE_WIDTH - measure.width(fonts.regular, pageNumber, SUBTITLE_SIZE),
      y: top - TITLE_SIZE * 1.1,
      size: SUBTITLE_SIZE,
      color: INK,
    });

    page.drawRectangle({
      x: MARGIN.left,
      y: tableTop - headerHeight,
      width: TABLE_WIDTH,
      height: headerHeight,
      color: HEADER_FILL,
    });
    drawCells(frame, headerLines, tableTop, { font: fonts.bold, size: HEADER_SIZE, header: true });

    let y = tableTop - headerHeight;
    const rowBottoms: number[] = [];
    if (placed.length === 0) {
      // An empty period still prints, and says so, rather than an unexplained blank grid.
      const empty = rowHeight(1, BODY_SIZE);
      drawCentred(
        frame,
        fonts.regular,
        'ไม่มีรายการ',
        BODY_SIZE,
        y - CELL_PADDING.y - BODY_SIZE * FIRST_BASELINE,
      );
      rowBottoms.push(y - empty);
    }
    for (const row of placed) {
      drawCells(frame, row.lines, y, { font: fonts.regular, size: BODY_SIZE, header: false });
      y -= row.height;
      rowBottoms.push(y);
    }
    drawGrid(frame, tableTop, tableTop - headerHeight, rowBottoms);
  });
  return doc.save();
}

/**
 * Excel runs a cell that starts with = + @ (or - before a formula) as a formula; subjects
 * come from other agencies' letters, so such a cell is written with a leading apostrophe.
 */
function guardFormula(value: string): string {
  return /^[=+@\t\r]|^-[^\s\d]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote a field holding a quote, comma or line break; double inner quotes. */
function csvField(value: string): string {
  const safe = guardFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** renderRegisterPrintout as a job for the PDF threads: a year's register runs to hundreds of pages. */
export const renderRegisterPrintoutInThread = threadFunction(
  import.meta.url,
  renderRegisterPrintout,
);

/**
 * The register as CSV: the same columns, CRLF line ends, and a UTF-8 byte-order mark
 * first, without which Excel reads Thai as mojibake.
 */
export function renderRegisterCsv(input: RegisterPrintoutInput): string {
  const columns = columnsFor(input);
  const lines = [
    columns.map((c) => csvField(c.header)).join(','),
    ...input.rows.map((row) => columns.map((c) => csvField(row[c.key])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
