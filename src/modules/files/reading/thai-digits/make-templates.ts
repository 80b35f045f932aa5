/**
 * `npx tsx --tsconfig tsconfig.json src/modules/files/reading/thai-digits/make-templates.ts`
 * writes templates.json: the feature of each Thai digit ๐–๙ in the upright Thai fonts of
 * Debian's fonts-thai-tlwg (Laksaman is the free TH Sarabun PSK, the regulation's letter
 * font; the others cover looped, loopless and serif shapes), regular and bold, at two sizes.
 * Run again only when the feature changes; the file is committed, nothing is read at run time
 * but it.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { glyphFeature, GRID, otsuThreshold, shapesIn, type InkImage } from './glyph.js';

const FONT_DIR = '/usr/share/fonts/truetype/tlwg';
const FONTS = [
  'Laksaman',
  'Laksaman-Bold',
  'Garuda',
  'Garuda-Bold',
  'Kinnari',
  'Kinnari-Bold',
  'Norasi',
  'Norasi-Bold',
  'Loma',
  'Loma-Bold',
  'Waree',
  'Waree-Bold',
  'Umpush',
  'Umpush-Bold',
  'Sawasdee',
  'Sawasdee-Bold',
];
const SIZES = [40, 64];

interface Template {
  digit: string;
  font: string;
  /** GRID×GRID coverage bytes (0–255), base64. */
  grid: string;
  proportion: number;
}

/**
 * How a scan degrades a digit: printed small, blurred by the scanner's optics and JPEG, then
 * thresholded by the reader (Otsu over the patch), which thickens strokes and closes small
 * loops; or thresholded lighter or darker than Otsu (ink spread, faint toner).
 */
interface Degradation {
  /** Font size in pixels of the small print. */
  size: number;
  /** Passes of a 3×3 box blur. */
  blur: number;
  /** Added to Otsu's threshold (grey levels): positive thickens, negative thins. */
  bias: number;
}
const DEGRADATIONS: Degradation[] = [
  { size: 44, blur: 1, bias: 0 },
  { size: 44, blur: 2, bias: 40 },
  { size: 56, blur: 2, bias: 0 },
  { size: 56, blur: 3, bias: -30 },
];

function blurred(grey: Float32Array, side: number, passes: number): Float32Array {
  let current = grey;
  for (let p = 0; p < passes; p++) {
    const next = new Float32Array(side * side);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        let sum = 0;
        let n = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx;
            const ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= side || ny >= side) continue;
            sum += current[ny * side + nx];
            n++;
          }
        }
        next[y * side + x] = sum / n;
      }
    }
    current = next;
  }
  return current;
}

/** One digit drawn at `size` pixels, as grey levels (0 ink, 255 paper) on a square. */
function drawDigit(
  font: string,
  size: number,
  digit: string,
): { grey: Float32Array; side: number } {
  const side = size * 2;
  const canvas = createCanvas(side, side);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, side, side);
  context.fillStyle = 'black';
  context.font = `${size}px ${font}`;
  context.fillText(digit, size / 2, size * 1.4);
  const rgba = context.getImageData(0, 0, side, side).data;
  const grey = new Float32Array(side * side);
  for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4];
  return { grey, side };
}

function template(font: string, digit: string, image: InkImage): Template {
  const side = image.width;
  const { shapes } = shapesIn(image, { x0: 0, y0: 0, x1: side, y1: side });
  const box = {
    x0: Math.min(...shapes.map((s) => s.x0)),
    y0: Math.min(...shapes.map((s) => s.y0)),
    x1: Math.max(...shapes.map((s) => s.x1)),
    y1: Math.max(...shapes.map((s) => s.y1)),
  };
  const feature = glyphFeature(box, (x, y) => image.ink[y * side + x] === 1);
  const bytes = Buffer.from(
    Array.from(feature.subarray(0, GRID * GRID), (v) => Math.round(v * 255)),
  );
  return {
    digit,
    font,
    grid: bytes.toString('base64'),
    proportion: Math.round(feature[GRID * GRID] * 1000) / 1000,
  };
}

const templates: Template[] = [];
for (const font of FONTS) {
  GlobalFonts.registerFromPath(`${FONT_DIR}/${font}.ttf`, font);
  for (let d = 0; d < 10; d++) {
    const digit = String.fromCharCode(0x0e50 + d);
    for (const size of SIZES) {
      const { grey, side } = drawDigit(font, size, digit);
      const ink = new Uint8Array(side * side);
      for (let i = 0; i < ink.length; i++) ink[i] = grey[i] < 128 ? 1 : 0;
      templates.push(template(font, digit, { width: side, height: side, ink }));
    }
    for (const { size, blur, bias } of DEGRADATIONS) {
      const drawn = drawDigit(font, size, digit);
      const grey = blurred(drawn.grey, drawn.side, blur);
      const levels = Uint8Array.from(grey, (v) => Math.round(v));
      const threshold = otsuThreshold(levels) + bias;
      const ink = new Uint8Array(levels.length);
      for (let i = 0; i < ink.length; i++) ink[i] = levels[i] <= threshold ? 1 : 0;
      templates.push(
        template(`${font} scanned`, digit, { width: drawn.side, height: drawn.side, ink }),
      );
    }
  }
}
const target = fileURLToPath(new URL('./templates.json', import.meta.url));
writeFileSync(target, JSON.stringify({ grid: GRID, templates }, null, 0) + '\n');
console.log(`${templates.length} templates → ${target}`);
