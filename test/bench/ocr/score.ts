import { isDeepStrictEqual } from 'node:util';
import { normalizeDocumentText, type ParsedLetter } from 'src/thai/index.js';

/**
 * How a reading of a scanned letter compares with what was printed: the parser's fields
 * against the letter's expected JSON, and the text against the source text.
 */
export const LETTER_FIELDS = [
  'kind',
  'urgency',
  'secrecy',
  'referenceNumber',
  'letterDate',
  'subject',
  'salutation',
  'references',
  'enclosures',
  'signatory',
  'ownerUnit',
  'receiptStamps',
] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];

/**
 * `actual` holds what `expected` holds: equal values, and for objects every expected key
 * (keys the parser may add later, such as confidences, do not count against it).
 */
export function matchesExpected(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => matchesExpected(actual[i], item))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    const a = actual as Record<string, unknown>;
    return Object.entries(expected).every(([key, value]) => matchesExpected(a[key], value));
  }
  return isDeepStrictEqual(actual, expected);
}

export interface LetterScore {
  fieldsRight: LetterField[];
  fieldsWrong: LetterField[];
  /** Null when the letter has no reference number to get right. */
  referenceExact: boolean | null;
  /** Null when the letter has no valid date. */
  dateExact: boolean | null;
  /** Character edits between the source text and the reading (whitespace ignored). */
  edits: number;
  sourceChars: number;
}

interface ExpectedLetter {
  referenceNumber: Record<string, unknown> | null;
  letterDate: { date: string | null } | null;
}

const REFERENCE_PARTS = ['agencyPrefix', 'agencyNumber', 'circular', 'serial'] as const;

export function scoreLetter(
  parsed: ParsedLetter,
  expectedJson: unknown,
  sourceText: string,
  readText: string,
): LetterScore {
  const expected = expectedJson as Record<LetterField, unknown> & ExpectedLetter;
  const actual = JSON.parse(JSON.stringify(parsed)) as Record<string, unknown>;
  const fieldsRight: LetterField[] = [];
  const fieldsWrong: LetterField[] = [];
  for (const field of LETTER_FIELDS) {
    (matchesExpected(actual[field], expected[field]) ? fieldsRight : fieldsWrong).push(field);
  }
  // The number's meaning (prefix, owner number, ว, serial); `raw` spacing is a field matter.
  const referenceExact =
    expected.referenceNumber === null
      ? null
      : parsed.referenceNumber !== null &&
        REFERENCE_PARTS.every(
          (part) =>
            (parsed.referenceNumber as unknown as Record<string, unknown>)[part] ===
            expected.referenceNumber![part],
        );
  const expectedDate = expected.letterDate?.date ?? null;
  const dateExact = expectedDate === null ? null : parsed.letterDate?.date === expectedDate;
  const source = comparable(sourceText);
  return {
    fieldsRight,
    fieldsWrong,
    referenceExact,
    dateExact,
    edits: editDistance(source, comparable(readText)),
    sourceChars: source.length,
  };
}

/**
 * Text as compared for character error rates: normalised as the parser sees it, with all
 * whitespace removed (Thai has no word spaces, so where an engine puts spaces is noise).
 */
export function comparable(text: string): number[] {
  const codes: number[] = [];
  for (const ch of normalizeDocumentText(text).replace(/\s+/g, '')) codes.push(ch.codePointAt(0)!);
  return codes;
}

/** Levenshtein distance over code points, two rows. */
export function editDistance(a: readonly number[], b: readonly number[]): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (ai === b[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
