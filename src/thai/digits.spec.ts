import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertDigits,
  formatNumber,
  isArabicDigit,
  isThaiDigit,
  parseDigits,
  toArabicDigits,
  toThaiDigits,
} from 'src/thai/digits.js';

describe('digit conversion', () => {
  it.each([
    ['๐๑๒๓๔๕๖๗๘๙', '0123456789'],
    ['มท ๐๒๑๐.๕/ว๑๐๕๕๗', 'มท 0210.5/ว10557'],
    ['15 ม.ค. ๒๕๖๙', '15 ม.ค. 2569'],
    ['', ''],
  ])('toArabicDigits(%j) = %j', (thai, arabic) => {
    expect(toArabicDigits(thai)).toBe(arabic);
  });

  it.each([
    ['0123456789', '๐๑๒๓๔๕๖๗๘๙'],
    ['0210.5', '๐๒๑๐.๕'],
    ['0017.3/ว 123', '๐๐๑๗.๓/ว ๑๒๓'],
  ])('toThaiDigits(%j) = %j', (arabic, thai) => {
    expect(toThaiDigits(arabic)).toBe(thai);
  });

  it('keeps leading zeros of owner numbers in either direction', () => {
    expect(convertDigits('0210.5', 'thai')).toBe('๐๒๑๐.๕');
    expect(convertDigits('๐๒๑๐.๕', 'arabic')).toBe('0210.5');
  });

  it('tells the digit sets apart', () => {
    expect(isThaiDigit('๕')).toBe(true);
    expect(isThaiDigit('5')).toBe(false);
    expect(isArabicDigit('5')).toBe(true);
    expect(isArabicDigit('๕')).toBe(false);
  });
});

describe('formatNumber', () => {
  it.each([
    [520, {}, '520'],
    [520, { digits: 'thai' }, '๕๒๐'],
    [210, { digits: 'thai', minIntegerDigits: 4 }, '๐๒๑๐'],
    [7, { minIntegerDigits: 2 }, '07'],
    [1234567, { grouping: true, digits: 'thai' }, '๑,๒๓๔,๕๖๗'],
    [12.5, { digits: 'thai' }, '๑๒.๕'],
    [-42, { digits: 'thai' }, '-๔๒'],
    [0, {}, '0'],
  ] as const)('formatNumber(%d, %j) = %j', (n, options, expected) => {
    expect(formatNumber(n, options)).toBe(expected);
  });

  it('rejects non-finite numbers', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
  });
});

describe('parseDigits', () => {
  it.each([
    ['๑๒', 12],
    ['12', 12],
    ['๑2๓', 123],
    ['๐๐๗', 7],
    ['', null],
    ['12a', null],
    ['-1', null],
    ['1 2', null],
    ['99999999999999999999', null],
  ])('parseDigits(%j) = %j', (text, expected) => {
    expect(parseDigits(text)).toBe(expected);
  });
});

describe('digit properties', () => {
  it('round-trips any string through Thai and back to Arabic digits', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const arabic = toArabicDigits(s);
        expect(toArabicDigits(toThaiDigits(arabic))).toBe(arabic);
        expect(toThaiDigits(s).length).toBe(s.length);
      }),
    );
  });

  it('formats and parses back every non-negative integer in both digit sets', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('thai' as const, 'arabic' as const), (n, digits) => {
        expect(parseDigits(formatNumber(n, { digits }))).toBe(n);
      }),
    );
  });
});
