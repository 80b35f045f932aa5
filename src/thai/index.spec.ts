import { describe, expect, it } from 'vitest';
import * as thai from 'src/thai/index.js';

/**
 * The public entry of the Thai core, called by the CLI and the modules: each name must
 * lead to the function that does that job, so every check asks for a known answer.
 */
describe('src/thai public API', () => {
  it('reads and writes Buddhist-era dates and times', () => {
    expect(thai.parseThaiDate('๑๕ มกราคม ๒๕๖๘')).toEqual({
      ok: true,
      value: { date: '2025-01-15', time: null, raw: '๑๕ มกราคม ๒๕๖๘' },
    });
    expect(thai.formatThaiDate('2025-01-15', { style: 'register', digits: 'thai' })).toBe(
      '๑๕ ม.ค. ๒๕๖๘',
    );
    expect(thai.formatThaiTime('10:55', { digits: 'thai' })).toBe('๑๐.๕๕ น.');
    expect(thai.parseDateLine('วันที่ ๑๕ มกราคม ๒๕๖๘')).toMatchObject({ date: '2025-01-15' });
    expect(thai.thaiWeekdayName('2025-01-15')).toBe('พุธ');
  });

  it('reads and writes reference numbers', () => {
    const parsed = { agencyPrefix: 'มท', agencyNumber: '0209.3', circular: true, serial: 123 };
    expect(thai.parseReferenceNumber('ที่ มท ๐๒๐๙.๓/ว ๑๒๓')).toEqual({
      ok: true,
      value: { raw: 'มท ๐๒๐๙.๓/ว ๑๒๓', ...parsed },
    });
    expect(thai.parseRefLine('ที่ มท ๐๒๐๙.๓/ว ๑๒๓')).toMatchObject(parsed);
  });

  it('converts digits both ways', () => {
    expect(thai.toArabicDigits('๑๒๓')).toBe('123');
    expect(thai.toThaiDigits('123')).toBe('๑๒๓');
    expect(thai.formatNumber(2568, { digits: 'thai' })).toBe('๒๕๖๘');
  });

  it('places instants in Bangkok (UTC+7) and its Buddhist-era year', () => {
    expect(thai.bangkokDate(new Date('2025-01-14T18:30:00Z'))).toBe('2025-01-15');
    expect(thai.bangkokTime(new Date('2025-01-14T18:30:00Z'))).toBe('01:30');
    expect(thai.bangkokBuddhistYear(new Date('2024-12-31T18:00:00Z'))).toBe(2568);
  });

  it('finds Thai read in the wrong encoding and leaves the text as it is', () => {
    expect(thai.detectLegacyEncoding('à¸ªà¸§à¸±à¸ªà¸”à¸µ')).toEqual([
      expect.objectContaining({ encoding: 'utf8-as-latin1', decoded: 'สวัสดี' }),
    ]);
  });
});
