import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  joinWeighted,
  judgeTextLayer,
  normalizeExtractedString,
  normalizeExtractedText,
  weighted,
} from 'src/thai/extracted-text.js';

describe('normalizeExtractedString', () => {
  it.each([
    ['decomposed sara am', 'น\u0E4D\u0E32', 'น\u0E33'],
    ['tone mark between nikhahit and aa', 'น\u0E4D\u0E49\u0E32', 'น\u0E49\u0E33'],
    ['tone mark before nikhahit', 'น\u0E49\u0E4D\u0E32ท่วม', 'น\u0E49\u0E33ท่วม'],
    ['ToUnicode giving ำ for the nikhahit glyph', 'น้\u0E33\u0E32ท่วม', 'น้ำท่วม'],
    ['tone mark typed before the upper vowel', 'ท\u0E48\u0E35', 'ท\u0E35\u0E48'],
    ['tone mark before a lower vowel', 'ป\u0E48\u0E39', 'ป\u0E39\u0E48'],
    ['thanthakhat before the vowel', 'ส\u0E4C\u0E34', 'ส\u0E34\u0E4C'],
    ['a mark repeated on one consonant', 'ที\u0E48\u0E48', 'ที่'],
    ['sara ae drawn as two sara e', '\u0E40\u0E40ก้', 'แก้'],
    ['full-width digits and letters', '\uFF11\uFF12 \uFF21', '12 A'],
    ['ligature', '\uFB01le', 'file'],
    ['no-break and ideographic spaces', 'ก\u00A0ข\u3000ค', 'ก ข ค'],
    ['zero-width and soft hyphen', 'ห\u200Bนัง\u00ADสือ\uFEFF', 'หนังสือ'],
    ['Thai digits are kept', '๐๒๑๐.๓/ว ๑๒๓๔', '๐๒๑๐.๓/ว ๑๒๓๔'],
    ['already composed text is unchanged', 'น้ำท่วม ที่ ปู่ ฤๅษี', 'น้ำท่วม ที่ ปู่ ฤๅษี'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeExtractedString(input)).toBe(expected);
  });

  it('is idempotent on any Thai and Latin text', () => {
    const chars = fc.constantFrom(...'กขนทปสเแาำิีึืุู่้๊๋์ํ็ัะ ๑๒3aA\u00A0\u200B'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (list) => {
        const once = normalizeExtractedString(list.join(''));
        expect(normalizeExtractedString(once)).toBe(once);
      }),
    );
  });
});

describe('normalizeExtractedText weights', () => {
  it('gives a composed character the lowest weight of its parts', () => {
    const input = joinWeighted([
      weighted('น', 0.9),
      weighted('\u0E4D', 0.4),
      weighted('\u0E32', 0.8),
    ]);
    expect(normalizeExtractedText(input)).toEqual({ text: 'น\u0E33', weights: [0.9, 0.4] });
  });

  it('moves weights with reordered marks and drops those of removed characters', () => {
    const input = joinWeighted([
      weighted('ท', 0.9),
      weighted('\u0E48', 0.5),
      weighted('\u0E35', 0.7),
      weighted('\u200B', 0.1),
      weighted('๔', 0.3),
    ]);
    expect(normalizeExtractedText(input)).toEqual({
      text: 'ท\u0E35\u0E48๔',
      weights: [0.9, 0.7, 0.5, 0.3],
    });
  });

  it('keeps one weight per code unit whatever the input', () => {
    const chars = fc.constantFrom(...'กนาำ่้ีเ๑a\uFF21\uFB01\u200B '.split(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(chars, fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 20 }),
        (pairs) => {
          const out = normalizeExtractedText(joinWeighted(pairs.map(([c, w]) => weighted(c, w))));
          expect(out.weights).toHaveLength(out.text.length);
          for (const w of out.weights) expect(w >= 0 && w <= 1).toBe(true);
        },
      ),
    );
  });
});

describe('judgeTextLayer', () => {
  it.each([
    ['Thai letter text', 'ที่ มท ๐๒๑๐.๓/ว ๑๒๓๔\nเรื่อง ขอเชิญประชุม', { usable: true }],
    ['English text', 'Ministry of Interior, Bangkok 10200. Subject: meeting', { usable: true }],
    ['numbers and a short Thai word', 'หน้า 12 / 2569 - 1234', { usable: true }],
    ['no text', '  \n ', { usable: false, reason: 'empty' }],
    ['a page number only', '- ๒ -', { usable: false, reason: 'empty' }],
    [
      'private-use glyphs of a legacy font',
      '\uF700\uF701\uF702\uF703 \uF710\uF711\uF712\uF713\uF714',
      { usable: false, reason: 'private-use' },
    ],
    [
      'TIS-620 read as Latin-1',
      '·Õè ÁË ¢ÍàªÔ­»ÃÐªØÁ ¤³Ð¡ÃÃÁ¡ÒÃ',
      { usable: false, reason: 'legacy-encoding' },
    ],
    [
      'marks with no consonant (glyph order of a legacy font)',
      'ี่ทมท ิ่ขอเช ุ้ญประช ั้มคณะกร ื่รมการ ่้าทวม',
      { usable: false, reason: 'broken-thai' },
    ],
    [
      'replacement characters',
      '\uFFFD\uFFFD\uFFFD\uFFFDabc\uFFFD\uFFFD',
      { usable: false, reason: 'private-use' },
    ],
  ])('%s', (_name, text, verdict) => {
    expect(judgeTextLayer(text)).toEqual(verdict);
  });
});
