/**
 * Geometry of receipt stamps (ตรารับหนังสือ) on the first page of a letter: pure
 * arithmetic, no PDF library. Text widths come from the caller's TextMetrics so the
 * layout can centre and fit text without knowing the font.
 *
 * Coordinates are PDF points with the origin at the bottom-left of the page as it is
 * seen (the renderer maps this onto the crop box and any page rotation).
 */

export interface PageSize {
  width: number;
  height: number;
}

/** One unit's receipt, already formatted for print by the caller. */
export interface StampText {
  unitName: string;
  /** เลขรับ: the number in the unit's incoming register. */
  receiptNumber: string;
  /** วันที่, e.g. `๑๕ ม.ค. ๒๕๖๙`. */
  date: string;
  /** เวลา, e.g. `๑๐.๕๕ น.`; null leaves the row blank (never a made-up midnight). */
  time: string | null;
}

export type StampFontWeight = 'regular' | 'bold';

export interface TextMetrics {
  width(text: string, size: number, weight: StampFontWeight): number;
  /** Lines no wider than maxWidth, broken at word boundaries. */
  wrap(text: string, size: number, weight: StampFontWeight, maxWidth: number): string[];
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StampTextRun {
  /** What the text is, so the renderer can ink labels and filled-in values differently. */
  role: 'unitName' | 'label' | 'value';
  text: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  size: number;
  weight: StampFontWeight;
}

/** A dotted writing line, as on a rubber stamp. */
export interface StampGuide {
  x1: number;
  x2: number;
  y: number;
}

export interface StampPlacement {
  box: Rect;
  borderWidth: number;
  texts: StampTextRun[];
  guides: StampGuide[];
}

export interface StampLayoutOptions {
  boxWidth?: number;
  boxHeight?: number;
  /** Distance from the page edges. */
  margin?: number;
  /** Space between neighbouring stamps. */
  gap?: number;
}

const POINTS_PER_CM = 72 / 2.54;

/**
 * The regulation's stamp is a box of about 2.5 × 5 cm; we keep that size (141.7 × 70.9
 * pt) so a printed rendering matches a rubber stamp, rather than a roomier 6 × 3 cm.
 */
export const STAMP_WIDTH = 5 * POINTS_PER_CM;
export const STAMP_HEIGHT = 2.5 * POINTS_PER_CM;
/** 5 mm: inside the unprintable border of most printers, clear of the page edge. */
export const STAMP_MARGIN = 0.5 * POINTS_PER_CM;
export const STAMP_GAP = 0.2 * POINTS_PER_CM;

export const STAMP_LABELS = {
  receiptNumber: 'เลขรับ',
  date: 'วันที่',
  time: 'เวลา',
} as const;

/** Smallest scale at which a stamp is still legible on paper (text about 4 pt). */
const MIN_SCALE = 0.4;

/**
 * Design of a full-size (STAMP_WIDTH × STAMP_HEIGHT) stamp in points; everything scales
 * with the box. Row pitch leaves room for Thai marks above and vowels below the line.
 */
const DESIGN = {
  padding: 4.5,
  border: 1,
  nameSize: 10,
  nameMinSize: 8,
  nameTwoLineMaxSize: 8,
  nameTwoLineMinSize: 6,
  /** Baseline of a one-line unit name, from the top of the box. */
  nameBaseline: 14.5,
  /** Baselines of a two-line unit name. */
  nameBaselines: [10.5, 19],
  rowSize: 9.5,
  rowMinSize: 6,
  /** Baselines of the เลขรับ / วันที่ / เวลา rows, from the top of the box. */
  rowBaselines: [33, 48, 63],
  labelGap: 3,
  guideDrop: 2,
} as const;

/**
 * Boxes for `count` stamps, first at the top-right corner of the page, each next one
 * below the previous and, when a column is full, a new column to the left. If the page
 * cannot hold them all at full size, every box shrinks by the same factor.
 */
export function stampBoxes(
  page: PageSize,
  count: number,
  options: StampLayoutOptions = {},
): { boxes: Rect[]; scale: number } {
  const {
    boxWidth = STAMP_WIDTH,
    boxHeight = STAMP_HEIGHT,
    margin = STAMP_MARGIN,
    gap = STAMP_GAP,
  } = options;
  if (!(page.width > 0 && page.height > 0)) {
    throw new RangeError(`Page size must be positive, got ${page.width} × ${page.height}`);
  }
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`Stamp count must be a whole number, got ${count}`);
  }
  for (let scale = 1; scale >= MIN_SCALE; scale *= 0.9) {
    const width = boxWidth * scale;
    const height = boxHeight * scale;
    const edge = margin * scale;
    const space = gap * scale;
    const perColumn = Math.floor((page.height - 2 * edge + space) / (height + space));
    const columns = Math.floor((page.width - 2 * edge + space) / (width + space));
    if (perColumn < 1 || columns < 1 || perColumn * columns < count) continue;
    const boxes = Array.from({ length: count }, (_, i) => {
      const column = Math.floor(i / perColumn);
      const row = i % perColumn;
      return {
        x: page.width - edge - width - column * (width + space),
        y: page.height - edge - height - row * (height + space),
        width,
        height,
      };
    });
    return { boxes, scale };
  }
  throw new RangeError(
    `A ${page.width} × ${page.height} pt page cannot hold ${count} receipt stamps`,
  );
}

/** The largest size in [min, max] (steps of 0.25 pt) at which the text fits, or min. */
function fitSize(fits: (size: number) => boolean, max: number, min: number): number {
  for (let size = max; size > min; size -= 0.25) if (fits(size)) return size;
  return min;
}

/** Drops trailing clusters until `text…` fits; a clipped name beats an overflowing box. */
function ellipsize(text: string, fits: (text: string) => boolean): string {
  const clusters = [...new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(text)].map(
    (s) => s.segment,
  );
  while (clusters.length > 1) {
    clusters.pop();
    const candidate = `${clusters.join('').trimEnd()}…`;
    if (fits(candidate)) return candidate;
  }
  return `${clusters.join('')}…`;
}

function layoutUnitName(
  name: string,
  box: Rect,
  scale: number,
  metrics: TextMetrics,
): StampTextRun[] {
  const inner = box.width - 2 * DESIGN.padding * scale;
  const top = box.y + box.height;
  const centred = (text: string, size: number, baseline: number): StampTextRun => ({
    role: 'unitName',
    text,
    x: box.x + (box.width - metrics.width(text, size, 'bold')) / 2,
    y: top - baseline * scale,
    size,
    weight: 'bold',
  });
  const fitsOneLine = (size: number): boolean => metrics.width(name, size, 'bold') <= inner;
  const oneLineSize = fitSize(fitsOneLine, DESIGN.nameSize * scale, DESIGN.nameMinSize * scale);
  if (fitsOneLine(oneLineSize)) return [centred(name, oneLineSize, DESIGN.nameBaseline)];

  // Long names (กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด) take two smaller lines.
  const fitsTwoLines = (size: number): boolean =>
    metrics.wrap(name, size, 'bold', inner).length <= 2;
  const size = fitSize(
    fitsTwoLines,
    DESIGN.nameTwoLineMaxSize * scale,
    DESIGN.nameTwoLineMinSize * scale,
  );
  let lines = metrics.wrap(name, size, 'bold', inner);
  if (lines.length > 2) {
    const rest = lines.slice(1).join(' ');
    lines = [lines[0], ellipsize(rest, (text) => metrics.width(text, size, 'bold') <= inner)];
  }
  return lines.map((line, i) => centred(line, size, DESIGN.nameBaselines[i]));
}

function layoutStamp(
  stamp: StampText,
  box: Rect,
  scale: number,
  metrics: TextMetrics,
): StampPlacement {
  const padding = DESIGN.padding * scale;
  const top = box.y + box.height;
  const rowSize = DESIGN.rowSize * scale;
  const rows: [string, string | null][] = [
    [STAMP_LABELS.receiptNumber, stamp.receiptNumber],
    [STAMP_LABELS.date, stamp.date],
    [STAMP_LABELS.time, stamp.time],
  ];
  // Values line up after the widest label, as on a rubber stamp.
  const labelWidth = Math.max(...rows.map(([label]) => metrics.width(label, rowSize, 'regular')));
  const valueLeft = box.x + padding + labelWidth + DESIGN.labelGap * scale;
  const valueRight = box.x + box.width - padding;
  const texts = layoutUnitName(stamp.unitName, box, scale, metrics);
  const guides: StampGuide[] = [];
  rows.forEach(([label, value], i) => {
    const baseline = top - DESIGN.rowBaselines[i] * scale;
    texts.push({
      role: 'label',
      text: label,
      x: box.x + padding,
      y: baseline,
      size: rowSize,
      weight: 'regular',
    });
    guides.push({ x1: valueLeft, x2: valueRight, y: baseline - DESIGN.guideDrop * scale });
    const text = value?.trim() ?? '';
    if (text === '') return;
    const room = valueRight - valueLeft;
    const size = fitSize(
      (s) => metrics.width(text, s, 'regular') <= room,
      rowSize,
      DESIGN.rowMinSize * scale,
    );
    const width = metrics.width(text, size, 'regular');
    // Centred on the writing line; a value that cannot fit starts at its left end.
    const x = width <= room ? valueLeft + (room - width) / 2 : valueLeft;
    texts.push({ role: 'value', text, x, y: baseline, size, weight: 'regular' });
  });
  return { box, borderWidth: DESIGN.border * scale, texts, guides };
}

/** Boxes and text positions for every stamp of a letter's chain, in chain order. */
export function layoutStamps(
  page: PageSize,
  stamps: readonly StampText[],
  metrics: TextMetrics,
  options: StampLayoutOptions = {},
): StampPlacement[] {
  const { boxes, scale } = stampBoxes(page, stamps.length, options);
  const designScale =
    scale *
    Math.min(
      (options.boxWidth ?? STAMP_WIDTH) / STAMP_WIDTH,
      (options.boxHeight ?? STAMP_HEIGHT) / STAMP_HEIGHT,
    );
  return stamps.map((stamp, i) => layoutStamp(stamp, boxes[i], designScale, metrics));
}
