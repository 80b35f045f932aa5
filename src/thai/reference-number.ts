/**
 * Reference numbers (ที่) of Thai official letters (see src/thai/README.md#reference-numbers):
 * `<letter code> <owner number>/<serial>`, a circular puts ว before the serial
 * (`มท ๐๒๑๐.๕/ว๑๐๕๕๗`). The serial restarts every calendar year, so a reference number
 * identifies a letter only together with its year.
 *
 * Canonical spacing written by formatReferenceNumber: one space after the letter code, none
 * around the slash, and for circulars one space after ว: `รอ ๐๐๑๗.๓/ว ๑๒๓`. This is the
 * spacing of the examples in the regulation's appendix and what registers print. The
 * printed form is always kept as `raw`.
 */
import { convertDigits, type DigitSet } from 'src/thai/digits.js';
import { normalizeThaiText, toMatchForm } from 'src/thai/normalize.js';
import { fail, ok, type ParseError, type Result } from 'src/thai/result.js';

export interface ReferenceNumberParts {
  /** The letter code (รหัสตัวพยัญชนะ), 2–4 Thai letters: มท, ศธ, รอ. */
  agencyPrefix: string;
  /** The owner number (รหัสตัวเลข) in ASCII digits, dots and leading zeros kept: 0210.5. */
  agencyNumber: string;
  /** True for a circular (ว before the serial). */
  circular: boolean;
  /** The serial from the sender's send or circular register. */
  serial: number;
}

export interface ReferenceNumber extends ReferenceNumberParts {
  /** The text as printed, from the letter code to the end of the serial (whitespace folded). */
  raw: string;
}

export type ReferenceErrorCode =
  'empty' | 'no_slash' | 'no_prefix' | 'no_owner_number' | 'no_serial' | 'serial_not_numeric';

export type ReferenceError = ParseError<ReferenceErrorCode>;

const THAI_CONSONANTS = /^[\u0E01-\u0E2E]{2,4}$/;
const LEADING_TI = /^ที่\s*[:.]?\s*/;

/**
 * Parse a reference number typed or printed in any of the usual forms: with or without
 * ที่, spaces anywhere, ว or ว., Thai, Arabic or mixed digits, a Latin o typed for ๐.
 * Never throws.
 */
export function parseReferenceNumber(input: string): Result<ReferenceNumber, ReferenceError> {
  const text = normalizeThaiText(input);
  const match = toMatchForm(text);
  const lead = LEADING_TI.exec(match);
  const start = lead === null ? 0 : lead[0].length;
  const body = match.slice(start);
  if (body === '') return fail('empty', 'ไม่ได้ระบุเลขที่หนังสือ');
  // A bare serial (๒๖๓, 263) names no agency at all: the letters are what is missing.
  if (/^[\d\s./ว]*$/.test(body) && !/[\u0E01-\u0E2E]{2}/.test(body)) {
    return fail('no_prefix', 'ไม่พบรหัสตัวพยัญชนะของส่วนราชการ (ตัวอักษรไทย ๒–๔ ตัว เช่น มท)');
  }
  const slash = body.indexOf('/');
  if (slash < 0) {
    return fail('no_slash', 'เลขที่หนังสือต้องมีเครื่องหมาย / คั่นระหว่างรหัสส่วนราชการกับเลขทะเบียน');
  }
  const left = body.slice(0, slash);
  const firstDigit = left.search(/\d/);
  const prefixPart = (firstDigit < 0 ? left : left.slice(0, firstDigit)).replace(/[\s.]+/g, '');
  if (!THAI_CONSONANTS.test(prefixPart)) {
    return fail('no_prefix', 'ไม่พบรหัสตัวพยัญชนะของส่วนราชการ (ตัวอักษรไทย ๒–๔ ตัว เช่น มท)');
  }
  const ownerPart = firstDigit < 0 ? '' : left.slice(firstDigit).trim();
  if (!/^\d[\d.\s]*$/.test(ownerPart) || !/\d$/.test(ownerPart)) {
    return fail('no_owner_number', 'ไม่พบรหัสตัวเลขของเจ้าของเรื่อง (เช่น ๐๒๑๐.๕)');
  }
  const right = body.slice(slash + 1);
  const circularMark = /^\s*ว\s*\.?\s*/.exec(right);
  const serialPart = right.slice(circularMark === null ? 0 : circularMark[0].length).trim();
  if (serialPart === '') return fail('no_serial', 'ไม่พบเลขทะเบียนหนังสือส่งหลังเครื่องหมาย /');
  if (!/^\d+$/.test(serialPart)) {
    return fail('serial_not_numeric', `เลขทะเบียนหนังสือส่งต้องเป็นตัวเลข ("${serialPart}")`);
  }
  const serial = Number(serialPart);
  if (!Number.isSafeInteger(serial)) {
    return fail('serial_not_numeric', 'เลขทะเบียนหนังสือส่งยาวเกินไป');
  }
  return ok({
    raw: text.slice(start).trim(),
    agencyPrefix: prefixPart,
    agencyNumber: ownerPart.replace(/\s+/g, ''),
    circular: circularMark !== null,
    serial,
  });
}

/** Write a reference number in the canonical spacing (see the module comment). */
export function formatReferenceNumber(
  parts: ReferenceNumberParts,
  options: { digits?: DigitSet } = {},
): string {
  const digits = options.digits ?? 'thai';
  return referenceNumberHead(parts, options) + convertDigits(String(parts.serial), digits);
}

/**
 * A formatted reference number up to its serial (`รอ ๐๐๑๗.๓/ว `): the serial in the same
 * digits follows it. For a statement that takes the serial under a lock and writes the rest.
 */
export function referenceNumberHead(
  parts: Omit<ReferenceNumberParts, 'serial'>,
  options: { digits?: DigitSet } = {},
): string {
  const owner = convertDigits(parts.agencyNumber, options.digits ?? 'thai');
  return `${parts.agencyPrefix} ${owner}/${parts.circular ? 'ว ' : ''}`;
}

/** What the CLI prints for one input line: the parts, or the reason it was rejected. */
export type RefLineResult =
  ({ input: string } & ReferenceNumberParts) | { input: string; error: ReferenceError };

export function parseRefLine(input: string): RefLineResult {
  const r = parseReferenceNumber(input);
  if (!r.ok) return { input, error: r.error };
  const { agencyPrefix, agencyNumber, circular, serial } = r.value;
  return { input, agencyPrefix, agencyNumber, circular, serial };
}

// A letter code may follow ที่ directly (ที่มท), otherwise it must start a word. A serial
// runs into Thai text only before ลงวันที่/ลว./วันที่ (a lost space); ๒๖ก is not a serial.
const REF_IN_TEXT =
  /(?<=^|[^\u0E01-\u0E4E]|ที่)(?<prefix>[\u0E01-\u0E2E]{2,4})\.?\s*(?<owner>\d+(?:\s?\.\s?\d+)*)\s*\/\s*(?<circ>ว\s*\.?\s*)?(?<serial>\d+)(?!\d)(?!(?!ลง|ลว|วัน)[\u0E01-\u0E4E])/g;

export interface ReferenceInText {
  /** Offset of the letter code in the text. */
  index: number;
  /** Offset just past the serial. */
  end: number;
  value: ReferenceNumber;
}

/**
 * Reference numbers inside a line. `text` is the line as printed (normalised), `matchText`
 * its match form (toMatchForm), which has the same offsets.
 */
export function findReferenceNumbers(text: string, matchText: string): ReferenceInText[] {
  const found: ReferenceInText[] = [];
  for (const m of matchText.matchAll(REF_IN_TEXT)) {
    const g = m.groups ?? {};
    const end = m.index + m[0].length;
    found.push({
      index: m.index,
      end,
      value: {
        raw: normalizeThaiText(text.slice(m.index, end)),
        agencyPrefix: g.prefix ?? '',
        agencyNumber: (g.owner ?? '').replace(/\s+/g, ''),
        circular: g.circ !== undefined,
        serial: Number(g.serial),
      },
    });
  }
  return found;
}
