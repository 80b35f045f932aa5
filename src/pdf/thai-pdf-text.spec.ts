import { execFileSync } from 'node:child_process';

import fc from 'fast-check';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';

import { embedSarabun, embedSarabunFamily } from 'src/pdf/fonts.js';
import { drawThaiText, measureThaiText } from 'src/pdf/glyphs.js';
import { breakLines, wrapThaiText } from 'src/pdf/line-breaking.js';

/** Text of a PDF as poppler extracts it; a missing pdftotext fails the test, never skips it. */
function pdftotext(pdf: Uint8Array): string {
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'pdftotext is missing: install poppler-utils (apt-get install poppler-utils)',
        { cause: error },
      );
    }
    throw error;
  }
}

const HARD_CASES = ['ปู่', 'ญี่ปุ่น', 'ปั้น', 'ฟั่น', 'ที่', 'น้ำ', 'ฤๅษี', 'ผู้ว่าราชการจังหวัด'];
const MARK_OR_FOLLOWER = /^[\p{M}\u0E30\u0E32\u0E33\u0E45]/u;

let regular: PDFFont;

beforeAll(async () => {
  regular = await embedSarabun(await PDFDocument.create(), 'regular');
});

describe('measureThaiText', () => {
  it('gives marks no advance, so a syllable is as wide as its consonant', () => {
    expect(measureThaiText(regular, 'ปู่', 12)).toBeCloseTo(measureThaiText(regular, 'ป', 12), 6);
    expect(measureThaiText(regular, 'ปั้น', 12)).toBeCloseTo(measureThaiText(regular, 'ปน', 12), 6);
  });

  it('scales with the size and is zero for no text', () => {
    expect(measureThaiText(regular, 'ผู้ว่า', 20)).toBeCloseTo(
      2 * measureThaiText(regular, 'ผู้ว่า', 10),
      6,
    );
    expect(measureThaiText(regular, '', 12)).toBe(0);
  });
});

describe('drawThaiText', () => {
  it('draws text that pdftotext extracts exactly, marks and all', async () => {
    const doc = await PDFDocument.create();
    const fonts = await embedSarabunFamily(doc);
    const page = doc.addPage([300, 200]);
    HARD_CASES.forEach((word, i) => {
      const font = i % 2 === 0 ? fonts.regular : fonts.bold;
      drawThaiText(page, font, word, { x: 10, y: 180 - i * 20, size: 14 });
    });
    const text = pdftotext(await doc.save());
    for (const word of HARD_CASES) expect(text).toContain(word);
    // pdf-lib's own ToUnicode would give "น้้ำ" and "ปูู"; the ActualText spans win.
    expect(text).not.toContain('ปูู');
  });

  it('returns the advance it drew and draws nothing for empty text', async () => {
    const doc = await PDFDocument.create();
    const font = await embedSarabun(doc, 'regular');
    const page = doc.addPage();
    expect(drawThaiText(page, font, 'ญี่ปุ่น', { x: 0, y: 0, size: 10 })).toBeCloseTo(
      measureThaiText(font, 'ญี่ปุ่น', 10),
      6,
    );
    expect(drawThaiText(page, font, '', { x: 0, y: 0, size: 10 })).toBe(0);
  });

  it('refuses a standard font, which has no Thai glyphs', async () => {
    const doc = await PDFDocument.create();
    const helvetica = await doc.embedFont('Helvetica');
    expect(() => drawThaiText(doc.addPage(), helvetica, 'ที่', { x: 0, y: 0, size: 10 })).toThrow(
      /not an embedded TrueType/,
    );
  });
});

describe('wrapThaiText', () => {
  const words = new Intl.Segmenter('th', { granularity: 'word' });
  const subject =
    'ขอความร่วมมือหน่วยงานภาครัฐงดส่งข้อความสั้นและไปรษณีย์อิเล็กทรอนิกส์ที่มีลิงก์ถึงประชาชน ' +
    'ตามมติคณะรัฐมนตรี ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗';

  it('breaks Thai at word boundaries and keeps every character', () => {
    const lines = wrapThaiText(regular, subject, 12, 120);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('').replace(/ /g, '')).toBe(subject.replace(/ /g, ''));
    // Every line starts where the segmenter (run on the whole subject) puts a word start.
    const starts = new Set([...words.segment(subject)].map((s) => s.index));
    let offset = 0;
    for (const line of lines) {
      expect(starts.has(offset)).toBe(true);
      expect(measureThaiText(regular, line, 12)).toBeLessThanOrEqual(120 + 1e-9);
      offset += line.length + (subject[offset + line.length] === ' ' ? 1 : 0);
    }
  });

  it('breaks one word wider than the line between syllables, never before a mark', () => {
    const word = 'ผู้ว่าราชการจังหวัด'.repeat(4);
    const lines = wrapThaiText(regular, word, 12, 40);
    expect(lines.join('')).toBe(word);
    for (const line of lines) {
      expect(line).not.toMatch(MARK_OR_FOLLOWER);
      expect(line).not.toMatch(/[\u0E40-\u0E44]$/);
    }
  });

  it('keeps brackets with their words and does not tear ม.ค. or a reference number', () => {
    const text = 'ขอเชิญประชุม (ลำดับ ๑๒) วันที่ ๑๕ ม.ค. ๒๕๖๙ ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗';
    // From the width of the longest unbreakable word up: narrower, any word may be torn.
    const longest = measureThaiText(regular, '๐๒๑๐.๕/ว๑๐๕๕๗', 12);
    for (let maxWidth = Math.ceil(longest); maxWidth <= 260; maxWidth += 2) {
      const lines = wrapThaiText(regular, text, 12, maxWidth);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      expect(lines.some((line) => line.includes('๐๒๑๐.๕/ว๑๐๕๕๗'))).toBe(true);
      for (const line of lines) {
        expect(line).not.toMatch(/[(/]$/);
        expect(line).not.toMatch(/^[)./]/);
      }
    }
  });

  it('keeps explicit line breaks, collapses spaces and has no lines for blank text', () => {
    expect(wrapThaiText(regular, 'ทราบ\n\nดำเนินการ  ต่อไป', 12, 500)).toEqual([
      'ทราบ',
      '',
      'ดำเนินการ ต่อไป',
    ]);
    expect(wrapThaiText(regular, '', 12, 100)).toEqual([]);
    expect(wrapThaiText(regular, '   ', 12, 100)).toEqual([]);
  });

  it('handles an unspaced run far longer than the segmenter likes', () => {
    const long = 'ขอเชิญประชุมคณะกรรมการพัฒนาจังหวัดร้อยเอ็ด'.repeat(2500); // 105k characters
    const lines = wrapThaiText(regular, long, 10, 400);
    expect(lines.join('')).toBe(long);
    for (const line of lines) expect(line).not.toMatch(MARK_OR_FOLLOWER);
  });

  // Syllables: optional leading vowel, consonant, optional vowel above/below, optional tone.
  const syllable = fc
    .tuple(
      fc.constantFrom('', '', 'เ', 'แ', 'โ', 'ไ'),
      fc.constantFrom(...'กขคงจญฎฐณดตถทนบปผฝพฟภมยรลวศษสหอฮ'),
      fc.constantFrom('', '', 'ั', 'ิ', 'ี', 'ึ', 'ื', 'ุ', 'ู', 'ำ', 'า', 'ะ'),
      fc.constantFrom('', '', '่', '้', '๊', '๋', '์'),
    )
    .map(([lead, consonant, vowel, tone]) =>
      vowel === 'ำ' || vowel === 'า' || vowel === 'ะ'
        ? lead + consonant + tone + vowel
        : lead + consonant + vowel + tone,
    );
  const piece = fc.oneof(
    { weight: 6, arbitrary: syllable },
    { weight: 1, arbitrary: fc.constantFrom(' ', '  ', '๒๕๖๙', 'Saraban', '/', '.') },
  );
  const thaiText = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));

  /** Grapheme clusters, a leading vowel joined to what follows and ะ/า/ำ to what precedes. */
  const syllables = (line: string): number =>
    [...new Intl.Segmenter('th').segment(line)]
      .map((g) => g.segment)
      .filter((g, i, all) => i === 0 || !(/^[ะาำ]/.test(g) || /[เแโใไ]$/.test(all[i - 1]))).length;

  it('never loses text, never starts a line with a mark, stays within the width', () => {
    const widthOf = (text: string): number => measureThaiText(regular, text, 11);
    fc.assert(
      fc.property(thaiText, fc.integer({ min: 20, max: 300 }), (text, maxWidth) => {
        const lines = breakLines(text, maxWidth, widthOf);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        for (const line of lines) {
          expect(line).not.toMatch(MARK_OR_FOLLOWER);
          expect(line).toBe(line.trim());
          // Only one unbreakable syllable (แณ๋า) may be wider than the line.
          if (syllables(line) > 1) expect(widthOf(line)).toBeLessThanOrEqual(maxWidth + 0.01);
        }
      }),
      { numRuns: 200 },
    );
  });
});
