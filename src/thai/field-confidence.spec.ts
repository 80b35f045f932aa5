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

  it("keeps the parser's own doubt as a cap, once: a damaged label, a look-alike digit", () => {
    const read = 'ที มท ๐๒๑๐.๓/ว wo\nวันที่ 15 มกราคม 2569\nเรอง ขอเชิญประชุมคณะกรรมการ';
    const parsed = parseLetter(read);
    expect(parsed.referenceNumber?.serial).toBe(70);
    expect(parsed.subject).toBe('ขอเชิญประชุมคณะกรรมการ');
    const result = fieldConfidence(
      parsed,
      read,
      Array.from(read, () => 0.99),
    );
    expect(result.confidence).toMatchObject({
      referenceNumber: 0.5,
      subject: 0.5,
      letterDate: 0.99,
    });
    // The parser's warnings already say so; fieldConfidence adds none of its own for them.
    expect(result.warnings).toEqual([]);
    expect(parsed.warnings.filter((w) => w.code === 'low_confidence')).toEqual([
      { code: 'low_confidence', field: 'subject', confidence: 0.5 },
      { code: 'low_confidence', field: 'referenceNumber', confidence: 0.5 },
    ]);
  });

  it('doubts a letter date whose month name was read without its marks', () => {
    const read = (month: string) => parseLetter(`ที่ มท ๐๒๑๐.๓/๑๒\n๑๑ ${month} ๒๕๖๙\nเรื่อง ทดสอบ`);
    const damaged = read('พฤศจกายน');
    expect(damaged.letterDate?.date).toBe('2026-11-11');
    expect(damaged.warnings).toContainEqual({
      code: 'low_confidence',
      field: 'letterDate',
      confidence: 0.5,
    });
    expect(read('พฤศจิกายน').warnings).toEqual([]);
  });
});
