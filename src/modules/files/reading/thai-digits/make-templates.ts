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
import { glyphFeature, GRID, shapesIn, type InkImage } from './glyph.js';

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

const templates: Template[] = [];
for (const font of FONTS) {
  GlobalFonts.registerFromPath(`${FONT_DIR}/${font}.ttf`, font);
  for (const size of SIZES) {
    for (let d = 0; d < 10; d++) {
      const digit = String.fromCharCode(0x0e50 + d);
      const side = size * 2;
      const canvas = createCanvas(side, side);
      const context = canvas.getContext('2d');
      context.fillStyle = 'white';
      context.fillRect(0, 0, side, side);
      context.fillStyle = 'black';
      context.font = `${size}px ${font}`;
      context.fillText(digit, size / 2, size * 1.4);
      const rgba = context.getImageData(0, 0, side, side).data;
      const image: InkImage = { width: side, height: side, ink: new Uint8Array(side * side) };
      for (let i = 0; i < image.ink.length; i++) image.ink[i] = rgba[i * 4] < 128 ? 1 : 0;
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
      templates.push({
        digit,
        font,
        grid: bytes.toString('base64'),
        proportion: Math.round(feature[GRID * GRID] * 1000) / 1000,
      });
    }
  }
}
const target = fileURLToPath(new URL('./templates.json', import.meta.url));
writeFileSync(target, JSON.stringify({ grid: GRID, templates }, null, 0) + '\n');
console.log(`${templates.length} templates → ${target}`);
