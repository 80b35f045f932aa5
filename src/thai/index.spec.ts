import { describe, expect, it } from 'vitest';
import * as thai from 'src/thai/index.js';

describe('src/thai public API', () => {
  it('exports what the CLI and the modules call', () => {
    for (const name of [
      'parseLetter',
      'formatLetterSummary',
      'parseDateLine',
      'parseRefLine',
      'parseThaiDate',
      'formatThaiDate',
      'formatThaiTime',
      'parseReferenceNumber',
      'formatReferenceNumber',
      'toArabicDigits',
      'toThaiDigits',
      'formatNumber',
      'normalizeThaiText',
      'detectLegacyEncoding',
      'bangkokDate',
      'bangkokTime',
      'bangkokBuddhistYear',
      'thaiWeekdayName',
    ]) {
      expect(typeof (thai as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
