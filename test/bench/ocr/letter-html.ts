import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * A fixture letter's text laid out as a printed Thai government letter (HTML for Chromium to
 * print): the emblem's place at the head, the memo heading, the speed/secrecy marks, receipt
 * stamps in a bordered box, and every line of the text kept as one printed line, so the page
 * shows exactly the characters of the text.
 */
export type FontName = 'sarabun' | 'taviraj';

export interface LetterLook {
  font: FontName;
  sizePt: number;
  lineHeight: number;
}

const require = createRequire(import.meta.url);

function fontFile(pkg: string, file: string): string {
  const path = require.resolve(`${pkg}/files/${file}`);
  return `data:font/woff2;base64,${readFileSync(path).toString('base64')}`;
}

/** Thai and Latin subsets of each family, regular and bold (the fontsource packages, OFL). */
function fontFaces(font: FontName): string {
  const pkg = `@fontsource/${font}`;
  const faces: string[] = [];
  for (const weight of [400, 700]) {
    for (const [subset, range] of [
      ['thai', 'U+0E01-0E5B, U+200C-200D, U+25CC'],
      ['latin', 'U+0000-00FF, U+2000-206F'],
    ] as const) {
      faces.push(
        `@font-face{font-family:'Letter';font-weight:${weight};unicode-range:${range};` +
          `src:url(${fontFile(pkg, `${font}-${subset}-${weight}-normal.woff2`)}) format('woff2');}`,
      );
    }
  }
  return faces.join('\n');
}

const STAMP_NUMBER = /^(เลขรับ|เลขที่รับ|รับที่|ทะเบียนรับ)\s*[:.]?\s*[0-9๐-๙]/;
const STAMP_DETAIL = /^(วันที่|เวลา)\s*[:.]?\s*[0-9๐-๙]/;
const MARK = /^(ด่วน|ด่วนมาก|ด่วนที่สุด|ลับ|ลับมาก|ลับที่สุด)$/;
const PAGE_MARKER = /^-\s*[0-9๐-๙]+\s*-$/;
/** Lines a receipt stamp's unit line can never be. */
const NOT_A_UNIT = /^(ที่|เรื่อง|เรียน|ถึง|อ้างถึง|สิ่งที่ส่งมาด้วย|ส่วนราชการ|บันทึกข้อความ|ด่วน|ลับ)/;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface Line {
  indent: number;
  segments: string[];
}

function splitLine(raw: string): Line | null {
  const line = raw.replace(/\t/g, '    ').replace(/\s+$/, '');
  if (line.trim() === '') return null;
  const indent = line.length - line.trimStart().length;
  return { indent, segments: line.trim().split(/\s{6,}/) };
}

/**
 * Finds receipt-stamp blocks: a number line (เลขรับ …) with the unit line above it and its
 * date/time lines below, all one-segment lines. Returns [start, end) index ranges.
 */
function stampBlocks(lines: (Line | null)[]): [number, number][] {
  const blocks: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.segments.length !== 1 || !STAMP_NUMBER.test(line.segments[0])) continue;
    let start = i;
    const above = lines[i - 1];
    if (above && above.segments.length === 1 && !NOT_A_UNIT.test(above.segments[0])) start--;
    let end = i + 1;
    while (end < lines.length && end < i + 3) {
      const next = lines[end];
      if (!next || next.segments.length !== 1 || !STAMP_DETAIL.test(next.segments[0])) break;
      end++;
    }
    if (end - start >= 2) blocks.push([start, end]);
  }
  return blocks;
}

function lineHtml(line: Line, memoHeading: boolean): string {
  const text = line.segments.map(escapeHtml);
  if (memoHeading) return `<div class="line memo-heading">${text[0]}</div>`;
  if (line.segments.length === 1 && MARK.test(line.segments[0]))
    return `<div class="line mark">${text[0]}</div>`;
  if (line.segments.length === 1 && PAGE_MARKER.test(line.segments[0]))
    return `<div class="line page-marker">${text[0]}</div>`;
  // Leading spaces of the typed text become an indent; a quarter em per space matches the
  // typewriter-like alignment of the fixtures closely enough and always fits the page.
  const indent = `padding-left:${Math.min(line.indent, 64) * 0.25}em`;
  if (text.length === 1) return `<div class="line" style="${indent}">${text[0]}</div>`;
  const cells = text.map((t) => `<span>${t}</span>`).join('');
  return `<div class="line split" style="${indent}">${cells}</div>`;
}

/**
 * Letters are typed in TH Sarabun PSK, whose glyphs are about three quarters the size of
 * Google's Sarabun (and Taviraj) at the same nominal size: 16 pt PSK prints like 12 pt here.
 */
export const PSK_SCALE = 0.75;

export function letterHtml(text: string, look: LetterLook): string {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const lines = raw.map(splitLine);
  const memo = lines.some((l) => l?.segments[0] === 'บันทึกข้อความ');
  const blocks = stampBlocks(lines);
  const body: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const block = blocks.find(([s]) => s === i);
    if (block) {
      const inner = lines
        .slice(block[0], block[1])
        .map((l) => `<div class="line">${escapeHtml(l!.segments[0])}</div>`)
        .join('');
      body.push(`<div class="stamp">${inner}</div>`);
      i = block[1] - 1;
      continue;
    }
    const line = lines[i];
    if (!line) {
      body.push('<div class="gap"></div>');
      continue;
    }
    body.push(lineHtml(line, memo && line.segments[0] === 'บันทึกข้อความ'));
  }
  // The emblem's place only (a plain outline): the Garuda itself is never reproduced.
  const emblem = memo ? '<div class="emblem small"></div>' : '<div class="emblem"></div>';
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>
${fontFaces(look.font)}
/* The text block is 160 mm wide on screen too, so lines are fitted to the printed width. */
@page { size: A4; margin: 2cm 2cm 2cm 3cm; }
html, body { margin: 0; padding: 0; }
body { width: 160mm; }
body { font-family: 'Letter'; font-size: ${(look.sizePt * PSK_SCALE).toFixed(2)}pt; line-height: ${look.lineHeight}; color: #111; }
.line { white-space: pre; min-height: 1em; }
.line.split { display: flex; justify-content: space-between; gap: 2em; }
.gap { height: 0.45em; }
.mark { font-weight: 700; font-size: 1.6em; color: #b00; }
.memo-heading { font-weight: 700; font-size: ${29 * PSK_SCALE}pt; text-align: center; margin: 0.2em 0 0.3em; }
.page-marker { text-align: center; break-before: page; }
.stamp { width: max-content; min-width: 5.5cm; max-width: 10cm; margin: 0.2em 0 0.3em auto; padding: 0.15em 0.5em; border: 1.5pt solid #1d3c9c;
  color: #1d3c9c; font-size: 0.9em; line-height: 1.3; }
.emblem { width: 2.6cm; height: 3cm; margin: 0 auto 0.4cm; border: 1pt solid #888; border-radius: 45%; }
.emblem.small { width: 1.3cm; height: 1.5cm; margin: 0 0 -1.2cm 0; }
</style></head><body>
${emblem}
${body.join('\n')}
</body></html>`;
}

/**
 * Run in the page after the fonts load: a line wider than the text block is set smaller
 * (down to four fifths of the letter's size) rather than wrapped, since a wrap would add a line break the text has not.
 */
export const FIT_LINES_SCRIPT = `(() => {
  for (const el of document.querySelectorAll('.line')) {
    const base = parseFloat(getComputedStyle(document.body).fontSize);
    let size = parseFloat(getComputedStyle(el).fontSize);
    while (el.scrollWidth > el.clientWidth + 1 && size > base * 0.8) {
      size -= 0.5;
      el.style.fontSize = size + 'px';
    }
  }
})()`;
