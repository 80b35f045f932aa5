import { describe, expect, it } from 'vitest';
import { fieldConfidence } from 'src/thai/field-confidence.js';
import { parseLetter } from 'src/thai/letter-parser.js';

const TEXT = 'ที่ มท ๐๒๑๐.๓/ว ๑๒๓๔\nวันที่ 15 มกราคม 2569\nเรื่อง ขอเชิญประชุมคณะกรรมการ';

describe('fieldConfidence', () => {
  it('gives a text layer (every weight 1) full confidence and no warning', () => {
    const result = fieldConfidence(parseLetter(TEXT), TEXT, Array(TEXT.length).fill(1));
    expect(result.confidence).toMatchObject({ referenceNumber: 1, letterDate: 1, subject: 1 });
    expect(result.warnings).toEqual([]);
  });

  it('caps OCR-read Thai digits and takes the least sure character of a structured field', () => {
    const weights = Array.from(TEXT, () => 0.97);
    const result = fieldConfidence(parseLetter(TEXT), TEXT, weights);
    expect(result.confidence.referenceNumber).toBe(0.5);
    // Arabic digits keep the engine's word: a date in Arabic digits is as sure as its letters.
    expect(result.confidence.letterDate).toBe(0.97);
    expect(result.confidence.subject).toBe(0.97);
    expect(result.warnings).toEqual([
      { code: 'low_confidence', field: 'referenceNumber', confidence: 0.5 },
    ]);
  });

  it('takes the mean over a text field and flags an unsure one', () => {
    const weights = Array.from(TEXT, () => 0.95);
    const start = TEXT.indexOf('ขอเชิญ');
    for (let i = start; i < TEXT.length; i++) weights[i] = 0.4;
    const result = fieldConfidence(parseLetter(TEXT), TEXT, weights);
    expect(result.confidence.subject).toBe(0.4);
    expect(result.warnings).toContainEqual({
      code: 'low_confidence',
      field: 'subject',
      confidence: 0.4,
    });
  });
});
