import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toThaiDigits } from 'src/thai/digits.js';
import { toMatchForm } from 'src/thai/normalize.js';
import {
  findReferenceNumbers,
  formatReferenceNumber,
  parseRefLine,
  parseReferenceNumber,
  type ReferenceErrorCode,
} from 'src/thai/reference-number.js';

describe('parseReferenceNumber accepts printed forms', () => {
  it.each([
    ['ที่ มท ๐๒๑๐.๕/๒๖๓', 'มท ๐๒๑๐.๕/๒๖๓', 'มท', '0210.5', false, 263],
    ['มท ๐๒๑๐.๕/ว๑๐๕๕๗', 'มท ๐๒๑๐.๕/ว๑๐๕๕๗', 'มท', '0210.5', true, 10557],
    ['ศค ๐๒๑๓/ว ๒๐๑๕๒', 'ศค ๐๒๑๓/ว ๒๐๑๕๒', 'ศค', '0213', true, 20152],
    ['ที่มท๐๒๑๐.๕/ว๑๒', 'มท๐๒๑๐.๕/ว๑๒', 'มท', '0210.5', true, 12],
    ['รอ ๐๐๑๗.๓/ว. ๑๒๓', 'รอ ๐๐๑๗.๓/ว. ๑๒๓', 'รอ', '0017.3', true, 123],
    ['รอ ๗๑๐๐๑/๑๒๓', 'รอ ๗๑๐๐๑/๑๒๓', 'รอ', '71001', false, 123],
    ['ที่ ศธ 04002/ว 5', 'ศธ 04002/ว 5', 'ศธ', '04002', true, 5],
    ['ขก ๐๐๒๓.๓/๔๕', 'ขก ๐๐๒๓.๓/๔๕', 'ขก', '0023.3', false, 45],
    ['ที่  มท  0808.2 / ว  1234', 'มท 0808.2 / ว 1234', 'มท', '0808.2', true, 1234],
    ['นร ๐๕๐๕/๑', 'นร ๐๕๐๕/๑', 'นร', '0505', false, 1],
    ['สธ 0211.04/ว 77', 'สธ 0211.04/ว 77', 'สธ', '0211.04', true, 77],
    // Mixed digits, Latin o typed for ๐, zero-width characters, a space inside the owner number.
    ['มท o๒๑o.๕/๒๖๓', 'มท o๒๑o.๕/๒๖๓', 'มท', '0210.5', false, 263],
    ['มท 0๒1๐.5/2๖3', 'มท 0๒1๐.5/2๖3', 'มท', '0210.5', false, 263],
    ['มท\u200B ๐๒๑๐.๕/\u200C๒๖๓', 'มท ๐๒๑๐.๕/๒๖๓', 'มท', '0210.5', false, 263],
    ['มท ๐๒๑๐ .๕/๒๖๓', 'มท ๐๒๑๐ .๕/๒๖๓', 'มท', '0210.5', false, 263],
    ['ม ท ๐๒๑๐.๕/๒๖๓', 'ม ท ๐๒๑๐.๕/๒๖๓', 'มท', '0210.5', false, 263],
    ['อบต ๗๑๐๐๑/๙', 'อบต ๗๑๐๐๑/๙', 'อบต', '71001', false, 9],
    ['ที่: มท ๐๒๑๐/๐๐๒', 'มท ๐๒๑๐/๐๐๒', 'มท', '0210', false, 2],
  ])('%j', (input, raw, agencyPrefix, agencyNumber, circular, serial) => {
    expect(parseReferenceNumber(input)).toEqual({
      ok: true,
      value: { raw, agencyPrefix, agencyNumber, circular, serial },
    });
  });
});

describe('parseReferenceNumber rejects with a reason', () => {
  it.each<[string, ReferenceErrorCode]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ที่', 'empty'],
    ['มท ๐๒๑๐.๕', 'no_slash'],
    ['มท ๐๒๑๐.๕ ๒๖๓', 'no_slash'],
    ['๐๒๑๐.๕/๒๖๓', 'no_prefix'],
    ['ม ๐๒๑๐.๕/๒๖๓', 'no_prefix'],
    ['มหาดไทย ๐๒๑๐.๕/๒๖๓', 'no_prefix'],
    ['/๒๖๓', 'no_prefix'],
    ['มท /๒๖๓', 'no_owner_number'],
    ['มท ๐๒๑๐.๕ก/๒๖๓', 'no_owner_number'],
    ['มท ๐๒๑๐./๒๖๓', 'no_owner_number'],
    ['มท ๐๒๑๐.๕/', 'no_serial'],
    ['มท ๐๒๑๐.๕/ว', 'no_serial'],
    ['มท ๐๒๑๐.๕/ว.  ', 'no_serial'],
    ['มท ๐๒๑๐.๕/๒๖ก', 'serial_not_numeric'],
    ['มท ๐๒๑๐.๕/abc', 'serial_not_numeric'],
    ['มท ๐๒๑๐.๕/๒๖๓/๒๕๖๙', 'serial_not_numeric'],
  ])('%j → %s', (input, code) => {
    const r = parseReferenceNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/[\u0E01-\u0E5B]/);
    }
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => parseReferenceNumber(s)).not.toThrow();
      }),
    );
  });
});

describe('formatReferenceNumber', () => {
  it('writes the canonical spacing: a space after the code and after ว', () => {
    const parts = { agencyPrefix: 'รอ', agencyNumber: '0017.3', circular: true, serial: 123 };
    expect(formatReferenceNumber(parts)).toBe('รอ ๐๐๑๗.๓/ว ๑๒๓');
    expect(formatReferenceNumber(parts, { digits: 'arabic' })).toBe('รอ 0017.3/ว 123');
    expect(formatReferenceNumber({ ...parts, circular: false }, { digits: 'thai' })).toBe(
      'รอ ๐๐๑๗.๓/๑๒๓',
    );
  });
});

describe('parseRefLine (CLI)', () => {
  it('gives the parts or the reason', () => {
    expect(parseRefLine('ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗')).toEqual({
      input: 'ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗',
      agencyPrefix: 'มท',
      agencyNumber: '0210.5',
      circular: true,
      serial: 10557,
    });
    expect(parseRefLine('มท ๐๒๑๐.๕')).toEqual({
      input: 'มท ๐๒๑๐.๕',
      error: { code: 'no_slash', message: expect.any(String) as string },
    });
  });
});

const thaiConsonant = fc.integer({ min: 0x0e01, max: 0x0e2e }).map((c) => String.fromCharCode(c));
const parts = fc.record({
  agencyPrefix: fc.array(thaiConsonant, { minLength: 2, maxLength: 4 }).map((a) => a.join('')),
  agencyNumber: fc
    .array(fc.stringMatching(/^[0-9]{1,5}$/), { minLength: 1, maxLength: 3 })
    .map((a) => a.join('.')),
  circular: fc.boolean(),
  serial: fc.integer({ min: 0, max: 999_999 }),
});

describe('round trips', () => {
  it('parses back what it formats, in either digit set', () => {
    fc.assert(
      fc.property(parts, fc.constantFrom('thai' as const, 'arabic' as const), (p, digits) => {
        const text = formatReferenceNumber(p, { digits });
        const r = parseReferenceNumber(`ที่ ${text}`);
        expect(r).toEqual({ ok: true, value: { ...p, raw: text } });
      }),
    );
  });

  it('reads printed variants (no space, ว., extra spaces) the same way', () => {
    fc.assert(
      fc.property(
        parts,
        fc.constantFrom('', ' ', '  '),
        fc.constantFrom('ว', 'ว.', 'ว '),
        (p, gap, mark) => {
          const owner = toThaiDigits(p.agencyNumber);
          const text = `${p.agencyPrefix}${gap}${owner}${gap}/${gap}${p.circular ? mark : ''}${toThaiDigits(String(p.serial))}`;
          const r = parseReferenceNumber(text);
          expect(r.ok && { ...r.value, raw: '' }).toEqual({ ...p, raw: '' });
        },
      ),
    );
  });
});

describe('findReferenceNumbers', () => {
  it('finds every number in a line with offsets into the printed text', () => {
    const text =
      'อ้างถึง ๑. หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗ ลงวันที่ ๑๙ พ.ย. ๖๘ ๒. ที่มท o๒๑o/๓';
    const found = findReferenceNumbers(text, toMatchForm(text));
    expect(
      found.map((f) => [text.slice(f.index, f.end), f.value.agencyNumber, f.value.serial]),
    ).toEqual([
      ['มท ๐๒๑๐.๕/ว๑๐๕๕๗', '0210.5', 10557],
      ['มท o๒๑o/๓', '0210', 3],
    ]);
  });

  it('ignores dates, times and words that only look alike', () => {
    const text = 'วันที่ ๑๕/๐๑/๒๕๖๙ เวลา ๑๐.๕๕ น. ที่ประชุม ครั้งที่ ๑/๒๕๖๙';
    expect(findReferenceNumbers(text, toMatchForm(text))).toEqual([]);
  });
});
