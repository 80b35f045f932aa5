/**
 * How sure a reading was of each parsed field (see src/thai/README.md#field-confidence): the
 * parser works on text; a field's confidence comes from the reader's confidences (0–1) of
 * the characters the field's printed text was found at. Pure, like the rest of src/thai.
 */
import type { ParsedLetter } from 'src/thai/letter-parser.js';

/** Below this a field gets a `low_confidence` warning. */
export const LOW_FIELD_CONFIDENCE = 0.8;
/**
 * The most an OCR-read Thai digit can count for, whatever the engine said: Tesseract's Thai
 * model confuses ๔/๕, ๖/๒, ๘/๕ and ๗/๙/ส while reporting 0.99 for the wrong digit (seen on
 * the project's own test page), so a Thai digit it read is always worth a look.
 */
export const OCR_THAI_DIGIT_CEILING = 0.5;

/**
 * How sure a field is that the parser read through OCR damage of the letter's structure: a
 * label that lost its marks (เรอง for เรื่อง), a digit read as a Latin look-alike. The parser
 * flags such fields itself (`low_confidence`), also on text that carries no confidences.
 */
export const DAMAGED_READING_CONFIDENCE = 0.5;

export type ConfidenceField =
  | 'referenceNumber'
  | 'letterDate'
  | 'subject'
  | 'salutation'
  | 'urgency'
  | 'secrecy'
  | 'signatory'
  | 'ownerUnit';

/** Fields with a grammar: one unsure character makes the whole value unsure. */
const STRUCTURED: ReadonlySet<ConfidenceField> = new Set(['referenceNumber', 'letterDate']);

export interface LowConfidenceWarning {
  code: 'low_confidence';
  field: ConfidenceField;
  confidence: number;
}

export interface FieldConfidence {
  /** Per field found in the text: 0–1. */
  confidence: Partial<Record<ConfidenceField, number>>;
  warnings: LowConfidenceWarning[];
}

/**
 * Confidence per parsed field. `confidences` has one weight per UTF-16 code unit of `text`;
 * a weight below 1 marks a character read by OCR (the reader never gives OCR a full 1). A
 * field whose printed text cannot be found again gets the lowest confidence of the text.
 */
export function fieldConfidence(
  parsed: ParsedLetter,
  text: string,
  confidences: readonly number[],
): FieldConfidence {
  const raws: [ConfidenceField, string | null | undefined][] = [
    ['referenceNumber', parsed.referenceNumber?.raw],
    ['letterDate', parsed.letterDate?.raw],
    ['subject', parsed.subject],
    ['salutation', parsed.salutation],
    ['urgency', parsed.urgency],
    ['secrecy', parsed.secrecy],
    ['signatory', parsed.signatory?.name],
    ['ownerUnit', parsed.ownerUnit],
  ];
  // Searched without whitespace: the parser folds it, and OCR puts it anywhere.
  const compact: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    compact.push(text[i]);
    at.push(i);
  }
  const haystack = compact.join('');
  const floor = confidences.length === 0 ? 1 : Math.min(...confidences);
  const result: FieldConfidence = { confidence: {}, warnings: [] };
  for (const [field, raw] of raws) {
    if (raw === null || raw === undefined || raw.trim() === '') continue;
    const needle = raw.replace(/\s+/g, '');
    const start = haystack.indexOf(needle);
    let value: number;
    if (start < 0) {
      value = floor;
    } else {
      const weights = at.slice(start, start + needle.length).map((i) => {
        const weight = confidences[i] ?? 1;
        const thaiDigit = text[i] >= '\u0E50' && text[i] <= '\u0E59';
        return thaiDigit && weight < 1 ? Math.min(weight, OCR_THAI_DIGIT_CEILING) : weight;
      });
      value = STRUCTURED.has(field)
        ? Math.min(...weights)
        : weights.reduce((sum, w) => sum + w, 0) / weights.length;
    }
    // The parser's own doubt (a damaged label, a look-alike digit) caps what the reader said;
    // its warning is already among the parser's, so it is not repeated.
    const parserDoubt = parsed.warnings.find(
      (w) => w.code === 'low_confidence' && w.field === field,
    ) as { confidence: number } | undefined;
    if (parserDoubt !== undefined) value = Math.min(value, parserDoubt.confidence);
    value = Math.round(value * 100) / 100;
    result.confidence[field] = value;
    if (parserDoubt === undefined && value < LOW_FIELD_CONFIDENCE) {
      result.warnings.push({ code: 'low_confidence', field, confidence: value });
    }
  }
  return result;
}
