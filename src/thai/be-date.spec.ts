import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findDatesInText,
  findTimesInText,
  formatThaiDate,
  formatThaiTime,
  parseDateLine,
  parseThaiDate,
  parseThaiTime,
  thaiWeekdayName,
  type DateErrorCode,
} from 'src/thai/be-date.js';
import { daysFromCivil, daysToIso } from 'src/thai/calendar.js';
import { toMatchForm } from 'src/thai/normalize.js';

describe('parseThaiDate accepts every form a clerk meets', () => {
  it.each([
    // Full month names, Thai / Arabic / mixed digits.
    ['๑๒ มกราคม ๒๕๖๙', '2026-01-12', null],
    ['12 มกราคม 2569', '2026-01-12', null],
    ['๑2 มกราคม 25๖๙', '2026-01-12', null],
    ['๑๗ ธันวาคม ๒๕๖๘', '2025-12-17', null],
    ['๒๙ กุมภาพันธ์ ๒๕๖๗', '2024-02-29', null],
    ['๓๑ กรกฏาคม ๒๕๖๙', '2026-07-31', null],
    // Abbreviations with and without dots, inner spaces, no space before the year.
    ['15 ม.ค. 2569', '2026-01-15', null],
    ['15 ม.ค 2569', '2026-01-15', null],
    ['15 มค 2569', '2026-01-15', null],
    ['15 ม. ค. 2569', '2026-01-15', null],
    // An inner dot OCR read as a colon.
    ['๒๑ ส:ค. ๒๕๗๐', '2027-08-21', null],
    ['4 มิ:ย. 70', '2027-06-04', null],
    ['15 มี.ค.69', '2026-03-15', null],
    ['๑ เม.ย. ๖๙', '2026-04-01', null],
    ['1 มิ.ย. 69', '2026-06-01', null],
    ['๓ ก.พ. ๖๙', '2026-02-03', null],
    ['๓ ก.ค. ๖๙', '2026-07-03', null],
    ['๓ ก.ย. ๖๙', '2026-09-03', null],
    ['๓ พ.ค. ๖๙', '2026-05-03', null],
    ['๓ พ.ย. ๖๙', '2026-11-03', null],
    // Two-digit years are 25xx.
    ['๑๕ ม.ค. ๖๙', '2026-01-15', null],
    // Optional พ.ศ., ค.ศ. for Gregorian years.
    ['๑๒ มกราคม พ.ศ. ๒๕๖๙', '2026-01-12', null],
    ['12 มกราคม พ.ศ.2569', '2026-01-12', null],
    ['12 มกราคม ค.ศ. 2026', '2026-01-12', null],
    ['12 ม.ค. ค.ศ. 26', '2026-01-12', null],
    // Prefixes.
    ['วันที่ ๑๒ มกราคม ๒๕๖๙', '2026-01-12', null],
    ['ลงวันที่ ๑๒ มกราคม ๒๕๖๙', '2026-01-12', null],
    ['ลว. ๑๒ ม.ค. ๖๙', '2026-01-12', null],
    ['ลว ๑๒ ม.ค. ๖๙', '2026-01-12', null],
    ['วันจันทร์ที่ ๑๒ มกราคม ๒๕๖๙', '2026-01-12', null],
    ['วันจันทร์ ที่ 12 มกราคม 2569', '2026-01-12', null],
    ['วันพฤหัสบดีที่ ๑๕ มกราคม ๒๕๖๙', '2026-01-15', null],
    ['วันที่ ๑ เดือนมกราคม พ.ศ. ๒๕๖๙', '2026-01-01', null],
    ['1 เดือน ม.ค. 2569', '2026-01-01', null],
    // Slashed and dashed.
    ['15/01/2569', '2026-01-15', null],
    ['15/1/69', '2026-01-15', null],
    ['๑๕/๐๑/๒๕๖๙', '2026-01-15', null],
    ['15-01-2569', '2026-01-15', null],
    // Times.
    ['15 ม.ค. 2569 10.55 น.', '2026-01-15', '10:55'],
    ['15 ม.ค. 2569 เวลา 10.55 น.', '2026-01-15', '10:55'],
    ['15 ม.ค. 2569 10:55', '2026-01-15', '10:55'],
    ['๑๕ ม.ค. ๒๕๖๙ เวลา ๑๐.๕๕ น.', '2026-01-15', '10:55'],
    ['๑๕ ม.ค. ๒๕๖๙ เวลา ๙.๐๕ น.', '2026-01-15', '09:05'],
    ['15/01/2569 10:55', '2026-01-15', '10:55'],
    ['15 ม.ค. 2569, 23:59', '2026-01-15', '23:59'],
    ['15 ม.ค. 2569 00.00 นาฬิกา', '2026-01-15', '00:00'],
    // OCR noise: zero-width characters, Latin o for ๐, split sara am is irrelevant here.
    ['๑\u200B๕ ม.ค.\u200C ๒๕๖๙', '2026-01-15', null],
    ['๑o มกราคม ๒๕๖๙', '2026-01-10', null],
    ['1o ม.ค. 2569 1o.oo น.', '2026-01-10', '10:00'],
    ['  ๑๒   มกราคม   ๒๕๖๙  ', '2026-01-12', null],
  ])('%j → %s %s', (input, date, time) => {
    const r = parseThaiDate(input);
    expect(r).toEqual({ ok: true, value: { date, time, raw: expect.any(String) as string } });
  });

  it('keeps the normalised input as raw', () => {
    const r = parseThaiDate('  ๑o  มกราคม\u200B ๒๕๖๙ ');
    expect(r.ok && r.value.raw).toBe('๑o มกราคม ๒๕๖๙');
  });
});

describe('parseThaiDate rejects with a reason', () => {
  it.each<[string, DateErrorCode]>([
    ['', 'empty'],
    ['   \u200B ', 'empty'],
    ['๓๐ กุมภาพันธ์ ๒๕๖๙', 'impossible_date'],
    ['๒๙ กุมภาพันธ์ ๒๕๖๙', 'impossible_date'],
    ['๓๒ มกราคม ๒๕๖๙', 'impossible_date'],
    ['๓๑ เมษายน ๒๕๖๙', 'impossible_date'],
    ['0 มกราคม 2569', 'impossible_date'],
    ['15/13/2569', 'impossible_date'],
    ['15/00/2569', 'impossible_date'],
    ['๑๕ มกร ๒๕๖๙', 'unknown_month'],
    ['๑๕ มกราคา ๒๕๖๙', 'unknown_month'],
    ['15 ม.ค. 2569 24.00 น.', 'invalid_time'],
    ['15 ม.ค. 2569 10.60 น.', 'invalid_time'],
    ['15 ม.ค. 2569 เวลา 7.5 น.', 'invalid_time'],
    ['วันพุธที่ ๑๒ มกราคม ๒๕๖๙', 'weekday_mismatch'],
    ['วันอาทิตย์ที่ 15 ม.ค. 2569', 'weekday_mismatch'],
    ['1 มกราคม 2399', 'year_out_of_range'],
    ['1 มกราคม 2701', 'year_out_of_range'],
    ['12 มกราคม 2026', 'year_out_of_range'],
    ['12 มกราคม ค.ศ. 1800', 'year_out_of_range'],
    ['๑๕ ม.ค.', 'missing_year'],
    ['พรุ่งนี้', 'unrecognised'],
    ['2569-01-15', 'unrecognised'],
    ['15 ม.ค. 2569 เช้า', 'unrecognised'],
  ])('%j → %s', (input, code) => {
    const r = parseThaiDate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/[\u0E01-\u0E5B]/);
    }
  });

  it('says which weekday the date really is', () => {
    const r = parseThaiDate('วันพุธที่ ๑๒ มกราคม ๒๕๖๙');
    expect(!r.ok && r.error.message).toContain('วันจันทร์');
  });

  it('makes the plausible year range configurable', () => {
    expect(parseThaiDate('1 มกราคม 2300', { minYear: 2300 }).ok).toBe(true);
    expect(parseThaiDate('1 มกราคม 2569', { maxYear: 2560 }).ok).toBe(false);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => parseThaiDate(s)).not.toThrow();
      }),
    );
  });
});

describe('parseThaiTime', () => {
  it.each([
    ['10.55 น.', '10:55'],
    ['10:55', '10:55'],
    ['๑๐.๕๕ น.', '10:55'],
    ['เวลา ๙.๓๐ น.', '09:30'],
  ])('%j → %s', (input, time) => {
    expect(parseThaiTime(input)).toEqual({ ok: true, value: time });
  });

  it.each([
    ['', 'empty'],
    ['24.00 น.', 'invalid_time'],
    ['10.61', 'invalid_time'],
    ['สิบโมง', 'unrecognised'],
  ])('%j → %s', (input, code) => {
    const r = parseThaiTime(input);
    expect(!r.ok && r.error.code).toBe(code);
  });
});

describe('parseDateLine (CLI)', () => {
  it('gives the values', () => {
    expect(parseDateLine('15 ม.ค. 2569 10.55 น.')).toEqual({
      input: '15 ม.ค. 2569 10.55 น.',
      date: '2026-01-15',
      time: '10:55',
    });
  });

  it('gives the reason', () => {
    expect(parseDateLine('๓๐ ก.พ. ๖๙')).toEqual({
      input: '๓๐ ก.พ. ๖๙',
      error: { code: 'impossible_date', message: expect.any(String) as string },
    });
  });
});

describe('formatting', () => {
  it.each([
    ['2026-01-12', {}, '๑๒ มกราคม ๒๕๖๙'],
    ['2026-01-12', { style: 'register' }, '๑๒ ม.ค. ๒๕๖๙'],
    ['2026-01-12', { style: 'register', digits: 'arabic' }, '12 ม.ค. 2569'],
    ['2026-01-12', { digits: 'arabic' }, '12 มกราคม 2569'],
    ['2026-01-12', { era: true }, '๑๒ มกราคม พ.ศ. ๒๕๖๙'],
    ['2026-01-12', { weekday: true }, 'วันจันทร์ที่ ๑๒ มกราคม ๒๕๖๙'],
    ['2025-12-01', { style: 'register' }, '๑ ธ.ค. ๒๕๖๘'],
  ] as const)('formatThaiDate(%s, %j) = %s', (iso, options, expected) => {
    expect(formatThaiDate(iso, options)).toBe(expected);
  });

  it('formats times with น.', () => {
    expect(formatThaiTime('10:55')).toBe('๑๐.๕๕ น.');
    expect(formatThaiTime('10:55', { digits: 'arabic' })).toBe('10.55 น.');
    expect(formatThaiTime('09:05', { digits: 'arabic' })).toBe('09.05 น.');
  });

  it('refuses malformed values', () => {
    expect(() => formatThaiDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatThaiTime('24:00')).toThrow(RangeError);
  });

  it('names weekdays', () => {
    expect(thaiWeekdayName('2026-01-14')).toBe('พุธ');
  });
});

describe('round trips', () => {
  it('parses back every day of BE 2400–2700 in every style and digit set', () => {
    const first = daysFromCivil(2400 - 543, 1, 1);
    const last = daysFromCivil(2700 - 543, 12, 31);
    const styles = ['official', 'register'] as const;
    const digitSets = ['thai', 'arabic'] as const;
    let checked = 0;
    const failures: string[] = [];
    for (let n = first; n <= last; n++) {
      const iso = daysToIso(n);
      for (const style of styles) {
        for (const digits of digitSets) {
          const text = formatThaiDate(iso, { style, digits });
          const r = parseThaiDate(text);
          if (!r.ok || r.value.date !== iso) failures.push(`${iso} ${text}`);
          checked++;
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(checked).toBe((last - first + 1) * 4);
    // About 440k parses: a couple of seconds alone, more on a busy machine.
  }, 60_000);

  it('parses back formatted date-times with weekday and era', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: daysFromCivil(1857, 1, 1), max: daysFromCivil(2157, 12, 31) }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('thai' as const, 'arabic' as const),
        fc.constantFrom('official' as const, 'register' as const),
        (n, h, m, digits, style) => {
          const iso = daysToIso(n);
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const text = `${formatThaiDate(iso, { digits, style, weekday: true, era: true })} เวลา ${formatThaiTime(time, { digits })}`;
          expect(parseThaiDate(text)).toEqual({ ok: true, value: { date: iso, time, raw: text } });
        },
      ),
    );
  });
});

describe('finding dates and times in running text', () => {
  it('finds dates with their prefixes and offsets', () => {
    const text = 'วันที่ ๑๕ ม.ค. ๒๕๖๘ ลงวันที่ ๑๕ ม.ค. ๒๕๖๘';
    const found = findDatesInText(toMatchForm(text));
    expect(found.map((d) => [d.prefix, d.date, text.slice(d.dateIndex, d.end)])).toEqual([
      ['วันที่', '2025-01-15', '๑๕ ม.ค. ๒๕๖๘'],
      ['ลงวันที่', '2025-01-15', '๑๕ ม.ค. ๒๕๖๘'],
    ]);
  });

  it('reports impossible dates instead of dropping them', () => {
    const [d] = findDatesInText(toMatchForm('ลงวันที่ ๓๑ เมษายน ๒๕๖๙'));
    expect(d?.date).toBeNull();
    expect(d?.error?.code).toBe('impossible_date');
  });

  it('tells a colon inside a month abbreviation from a time', () => {
    const text = toMatchForm('รับที่ 31 วันที่ 9 พ:ย. 70 เวลา 13:20 น.');
    expect(findDatesInText(text).map((d) => d.date)).toEqual(['2027-11-09']);
    expect(findTimesInText(text).map((t) => t.time)).toEqual(['13:20']);
  });

  it('finds times only with เวลา or น.', () => {
    const text = toMatchForm('เลขรับ 10.5 เวลา 10.55 น. และ 9.30 น. แต่ไม่ใช่ 0210.5');
    expect(findTimesInText(text).map((t) => t.time)).toEqual(['10:55', '09:30']);
  });
});
