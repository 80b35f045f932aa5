/**
 * Thai digits ๐–๙ (U+0E50–U+0E59) and Arabic digits 0–9 (see src/thai/README.md#digits).
 * `Number('๑๒')` is NaN and `\d` does not match Thai digits, so convert explicitly.
 */

export type DigitSet = 'thai' | 'arabic';

const THAI_ZERO = 0x0e50;
const ARABIC_ZERO = 0x30;

const THAI_DIGIT = /[\u0E50-\u0E59]/g;
const ARABIC_DIGIT = /[0-9]/g;

export function isThaiDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= THAI_ZERO && c <= THAI_ZERO + 9;
}

export function isArabicDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= ARABIC_ZERO && c <= ARABIC_ZERO + 9;
}

/** Replace every Thai digit with its Arabic digit; everything else is kept. Same length. */
export function toArabicDigits(text: string): string {
  return text.replace(THAI_DIGIT, (d) =>
    String.fromCharCode(d.charCodeAt(0) - THAI_ZERO + ARABIC_ZERO),
  );
}

/** Replace every Arabic digit with its Thai digit; everything else is kept. Same length. */
export function toThaiDigits(text: string): string {
  return text.replace(ARABIC_DIGIT, (d) =>
    String.fromCharCode(d.charCodeAt(0) - ARABIC_ZERO + THAI_ZERO),
  );
}

/** Write the digits of `text` in the given digit set (dots, leading zeros kept: 0210.5 → ๐๒๑๐.๕). */
export function convertDigits(text: string, digits: DigitSet): string {
  return digits === 'thai' ? toThaiDigits(text) : toArabicDigits(text);
}

export interface NumberFormatOptions {
  digits?: DigitSet;
  /** Pad the integer part with leading zeros to at least this many digits. */
  minIntegerDigits?: number;
  /** Group thousands with commas (๑,๒๓๔). Off by default: serials and numbers are not grouped. */
  grouping?: boolean;
}

/**
 * Format a non-negative or negative finite number in either digit set. Done by hand rather
 * than with Intl so that the output is the same on every ICU build.
 */
export function formatNumber(value: number, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const negative = value < 0;
  const [intPart = '0', fracPart] = String(Math.abs(value)).split('.');
  let integer = intPart.padStart(options.minIntegerDigits ?? 1, '0');
  if (options.grouping === true) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = (negative ? '-' : '') + integer + (fracPart === undefined ? '' : `.${fracPart}`);
  return convertDigits(text, options.digits ?? 'arabic');
}

/**
 * Parse a string made only of Thai and/or Arabic digits (mixed allowed) into a
 * non-negative safe integer; null for anything else (signs, spaces, separators).
 */
export function parseDigits(text: string): number | null {
  const ascii = toArabicDigits(text);
  if (!/^[0-9]+$/.test(ascii)) return null;
  const n = Number(ascii);
  return Number.isSafeInteger(n) ? n : null;
}
