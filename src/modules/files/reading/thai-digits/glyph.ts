/**
 * Glyph images for the Thai digit reader: a page as ink and paper, connected ink shapes, and
 * the fixed-size feature a shape is compared by. Pure pixel work, no engine, no canvas.
 */

/** One byte per pixel, 1 for ink, row by row. */
export interface InkImage {
  width: number;
  height: number;
  ink: Uint8Array;
}

export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The smallest box holding both. */
export function unionBox(a: PixelBox, b: PixelBox): PixelBox {
  return {
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  };
}

/** Cells per side of a glyph's feature grid. */
export const GRID = 16;
/** Samples per cell side when the feature grid is filled. */
const SAMPLES = 4;

/** Otsu's threshold over grey levels: the level that best splits ink from paper. */
export function otsuThreshold(grey: ArrayLike<number>, stride = 1): number {
  const histogram = new Float64Array(256);
  let count = 0;
  for (let i = 0; i < grey.length; i += stride) {
    histogram[grey[i]]++;
    count++;
  }
  let total = 0;
  for (let level = 0; level < 256; level++) total += level * histogram[level];
  let below = 0;
  let belowSum = 0;
  let best = -1;
  let threshold = 127;
  for (let level = 0; level < 256; level++) {
    below += histogram[level];
    if (below === 0) continue;
    const above = count - below;
    if (above === 0) break;
    belowSum += level * histogram[level];
    const between = below * above * (belowSum / below - (total - belowSum) / above) ** 2;
    if (between > best) {
      best = between;
      threshold = level;
    }
  }
  return threshold;
}

/**
 * Ink where a pixel is at or below Otsu's threshold. `rgba` is canvas image data (the red
 * channel is read: the reader renders grey).
 */
export function inkFromRgba(rgba: Uint8ClampedArray, width: number, height: number): InkImage {
  const threshold = otsuThreshold(rgba, 4);
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4] <= threshold ? 1 : 0;
  return { width, height, ink };
}

/** A connected ink shape (8-neighbour) inside a region, with its pixel count. */
export interface Shape extends PixelBox {
  id: number;
  area: number;
}

/** Whether the pixel (x, y), inside the region `shapesIn` labelled, is ink of shape `id`. */
export function inkOf(
  found: { labels: Int32Array; region: PixelBox },
  id: number,
): (x: number, y: number) => boolean {
  const { labels, region } = found;
  const width = region.x1 - region.x0;
  return (x, y) => labels[(y - region.y0) * width + (x - region.x0)] === id;
}

/** Connected ink shapes of a region; `labels` gives each region pixel its shape id (0 paper). */
export function shapesIn(
  image: InkImage,
  region: PixelBox,
): { shapes: Shape[]; labels: Int32Array; region: PixelBox } {
  const x0 = Math.max(0, Math.floor(region.x0));
  const y0 = Math.max(0, Math.floor(region.y0));
  const x1 = Math.min(image.width, Math.ceil(region.x1));
  const y1 = Math.min(image.height, Math.ceil(region.y1));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const labels = new Int32Array(width * height);
  const shapes: Shape[] = [];
  const stack: number[] = [];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const at = (y - y0) * width + (x - x0);
      if (labels[at] !== 0 || image.ink[y * image.width + x] === 0) continue;
      const shape: Shape = { id: shapes.length + 1, x0: x, y0: y, x1: x + 1, y1: y + 1, area: 0 };
      labels[at] = shape.id;
      stack.push(x, y);
      while (stack.length > 0) {
        const py = stack.pop()!;
        const px = stack.pop()!;
        shape.area++;
        if (px < shape.x0) shape.x0 = px;
        if (px + 1 > shape.x1) shape.x1 = px + 1;
        if (py < shape.y0) shape.y0 = py;
        if (py + 1 > shape.y1) shape.y1 = py + 1;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = px + dx;
            const ny = py + dy;
            if (nx < x0 || nx >= x1 || ny < y0 || ny >= y1) continue;
            const next = (ny - y0) * width + (nx - x0);
            if (labels[next] !== 0 || image.ink[ny * image.width + nx] === 0) continue;
            labels[next] = shape.id;
            stack.push(nx, ny);
          }
        }
      }
      shapes.push(shape);
    }
  }
  return { shapes, labels, region: { x0, y0, x1, y1 } };
}

/**
 * A glyph's feature: ink coverage on a GRID×GRID grid over its box centred in a square (so
 * proportions count), then the log of height over width.
 */
export function glyphFeature(
  box: PixelBox,
  isInk: (x: number, y: number) => boolean,
): Float32Array {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const side = Math.max(width, height);
  const left = box.x0 - (side - width) / 2;
  const top = box.y0 - (side - height) / 2;
  const feature = new Float32Array(GRID * GRID + 1);
  const step = side / (GRID * SAMPLES);
  const perCell = SAMPLES * SAMPLES;
  for (let gy = 0; gy < GRID * SAMPLES; gy++) {
    const y = Math.floor(top + (gy + 0.5) * step);
    if (y < box.y0 || y >= box.y1) continue;
    for (let gx = 0; gx < GRID * SAMPLES; gx++) {
      const x = Math.floor(left + (gx + 0.5) * step);
      if (x < box.x0 || x >= box.x1 || !isInk(x, y)) continue;
      feature[Math.floor(gy / SAMPLES) * GRID + Math.floor(gx / SAMPLES)] += 1 / perCell;
    }
  }
  feature[GRID * GRID] = Math.log(Math.max(1, height) / Math.max(1, width));
  return feature;
}

/** Weight of the proportion term against the grid's squared differences. */
const PROPORTION_WEIGHT = 8;

export function featureDistance(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < GRID * GRID; i++) sum += (a[i] - b[i]) ** 2;
  return sum + PROPORTION_WEIGHT * (a[GRID * GRID] - b[GRID * GRID]) ** 2;
}

/**
 * The share of ink in a part of a glyph, from its feature: `top` to `bottom` and `left` to
 * `right` as fractions of the glyph's own height and width (the feature centres the glyph in
 * a square, so its proportion places the glyph's box on the grid). Cells partly inside count
 * for the part they cover.
 */
export function inkShareIn(
  feature: Float32Array,
  part: { top: number; bottom: number; left: number; right: number },
): number {
  // log(height / width): the longer side spans the grid, the other is centred.
  const ratio = Math.exp(feature[GRID * GRID]);
  const height = ratio >= 1 ? GRID : GRID * ratio;
  const width = ratio >= 1 ? GRID / ratio : GRID;
  const y0 = (GRID - height) / 2 + part.top * height;
  const y1 = (GRID - height) / 2 + part.bottom * height;
  const x0 = (GRID - width) / 2 + part.left * width;
  const x1 = (GRID - width) / 2 + part.right * width;
  let ink = 0;
  let area = 0;
  for (let gy = Math.floor(y0); gy < Math.ceil(y1); gy++) {
    const dy = Math.min(gy + 1, y1) - Math.max(gy, y0);
    for (let gx = Math.floor(x0); gx < Math.ceil(x1); gx++) {
      const dx = Math.min(gx + 1, x1) - Math.max(gx, x0);
      ink += feature[gy * GRID + gx] * dx * dy;
      area += dx * dy;
    }
  }
  return area > 0 ? ink / area : 0;
}
