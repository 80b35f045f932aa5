import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  composeSaraAm,
  decodeTis620Garbage,
  detectLegacyEncoding,
  foldWhitespace,
  normalizeDocumentText,
  normalizeThaiText,
  removeZeroWidth,
  searchForm,
  toMatchForm,
} from 'src/thai/normalize.js';

const SPLIT_AM = '\u0E4D\u0E32';

describe('normalizeThaiText', () => {
  it.each([
    [`ส${SPLIT_AM}นักงาน`, 'สำนักงาน'],
    [`น\u0E49${SPLIT_AM}`, 'น้ำ'],
    // A tone mark typed between nikhahit and sara aa (นํ้า) still composes.
    ['น\u0E4D\u0E49\u0E32', 'น้ำ'],
    ['ที่\u200B มท\u200C ๐๒๑๐\u200D.๕\uFEFF/\u2060๒๖๓', 'ที่ มท ๐๒๑๐.๕/๒๖๓'],
    ['  เรื่อง \t ขอเชิญ\n\nประชุม\u00A0 ', 'เรื่อง ขอเชิญ ประชุม'],
    ['', ''],
  ])('normalizeThaiText(%j) = %j', (input, expected) => {
    expect(normalizeThaiText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normalizeThaiText(s);
        expect(normalizeThaiText(once)).toBe(once);
      }),
    );
  });

  it('leaves the composed sara am alone', () => {
    expect(composeSaraAm('สำนักงาน')).toBe('สำนักงาน');
  });

  it('removes every zero-width character', () => {
    expect(removeZeroWidth('\u200Bก\u200Cข\u200Dค\uFEFFง\u2060')).toBe('กขคง');
  });

  it('folds whitespace', () => {
    expect(foldWhitespace(' a \n\n b\t c ')).toBe('a b c');
  });
});

describe('normalizeDocumentText', () => {
  it('keeps lines and column gaps', () => {
    expect(normalizeDocumentText('ที่ มท ๑/๒\r\nกระทรวง\tมหาดไทย\rจบ')).toBe(
      'ที่ มท ๑/๒\nกระทรวง  มหาดไทย\nจบ',
    );
  });
});

describe('toMatchForm', () => {
  it.each([
    ['๐๒๑๐.๕', '0210.5'],
    ['o๒๑o.๕/๒๖๓', '0210.5/263'],
    ['๒๕๖O', '2560'],
    ['SMS o ok', 'SMS o ok'],
    ['Hello 10', 'Hello 10'],
    ['oo', 'oo'],
  ])('toMatchForm(%j) = %j', (input, expected) => {
    expect(toMatchForm(input)).toBe(expected);
  });

  it('keeps the length of any text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(toMatchForm(s).length).toBe(s.length);
      }),
    );
  });
});

describe('detectLegacyEncoding', () => {
  const tis620AsLatin1 = (thai: string): string =>
    [...thai].map((c) => String.fromCharCode(c.charCodeAt(0) - 0x0d60)).join('');
  const utf8AsLatin1 = (thai: string): string =>
    [...new TextEncoder().encode(thai)].map((b) => String.fromCharCode(b)).join('');

  it('finds TIS-620 read as Latin-1 and shows what it means without changing the text', () => {
    const text = `เรื่อง ${tis620AsLatin1('หนังสือ')} ทดสอบ`;
    expect(tis620AsLatin1('หนังสือ')).toBe('Ë¹Ñ§Ê×Í');
    const [finding, ...rest] = detectLegacyEncoding(text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      encoding: 'tis620-as-latin1',
      sample: 'Ë¹Ñ§Ê×Í',
      index: 7,
      decoded: 'หนังสือ',
    });
  });

  it('finds UTF-8 read as Latin-1', () => {
    const garbage = utf8AsLatin1('สำนักงาน');
    const findings = detectLegacyEncoding(`ส่วนราชการ ${garbage}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.encoding).toBe('utf8-as-latin1');
    expect(findings[0]?.decoded).toBe('สำนักงาน');
  });

  it('does not flag ordinary Thai, English or a single accented letter', () => {
    expect(detectLegacyEncoding('หนังสือ café SMS ๑๒๓ 2569')).toEqual([]);
  });

  it('decodes TIS-620 garbage for display', () => {
    expect(decodeTis620Garbage('Ë¹Ñ§Ê×Í')).toBe('หนังสือ');
  });
});

describe('searchForm', () => {
  it('replaces each vowel or tone mark above or below with its own letter, and nothing else', () => {
    expect(searchForm('ครั้งที่')).toBe('คร\u0250\u025Aงท\u0252\u0259');
    expect(searchForm('น้ำ เกาะ แกะ ๑๒๓ ABC')).toBe('น\u025Aำ เกาะ แกะ ๑๒๓ ABC');
    expect([...searchForm('ผู้ใหญ่')].some((c) => /\p{Mn}/u.test(c))).toBe(false);
  });

  it('keeps substrings exactly: a substring of the form is the form of a substring', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'กขคงไมใ้่ัีุู็์ ๑'.split('')), { maxLength: 12 }),
        fc.array(fc.constantFrom(...'กขคงไมใ้่ัีุู็์ ๑'.split('')), { maxLength: 4 }),
        (text, part) => {
          const [t, p] = [text.join(''), part.join('')];
          expect(searchForm(t).includes(searchForm(p))).toBe(t.includes(p));
        },
      ),
    );
  });
});
