import { describe, expect, it } from 'vitest';
import {
  MONTHS,
  MONTH_PATTERN,
  SECRECY_CLASSES,
  SPEED_CLASSES,
  WEEKDAYS,
  isExactMonthWord,
  monthNumberOf,
  secrecyClassOf,
  speedClassOf,
  weekdayIndexOf,
} from 'src/thai/labels.js';

describe('speed and secrecy classes', () => {
  it('keeps ด่วนมาก and ด่วนที่สุด apart', () => {
    expect(speedClassOf('ด่วนที่สุด')?.code).toBe('most_urgent');
    expect(speedClassOf('ด่วนมาก')?.code).toBe('very_urgent');
    expect(speedClassOf('ด่วน')?.code).toBe('urgent');
    expect(speedClassOf('ด่วน ที่สุด')?.code).toBe('most_urgent');
    expect(speedClassOf('ด่วนภายใน')).toBeNull();
  });

  it('keeps ลับมาก and ลับที่สุด apart', () => {
    expect(secrecyClassOf('ลับที่สุด')?.code).toBe('top_secret');
    expect(secrecyClassOf('ลับมาก')?.code).toBe('secret');
    expect(secrecyClassOf('ลับ')?.code).toBe('confidential');
  });

  it('lists labels longest first so prefix labels never shadow longer ones', () => {
    for (const table of [SPEED_CLASSES, SECRECY_CLASSES]) {
      const lengths = table.map((c) => c.label.length);
      expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    }
  });

  it('uses e-CMS codes 002–004 in rising order of level', () => {
    for (const table of [SPEED_CLASSES, SECRECY_CLASSES]) {
      for (const c of table) expect(c.ecmsCode).toBe(`00${c.level + 1}`);
    }
  });
});

describe('months and weekdays', () => {
  it('has twelve months and seven weekdays', () => {
    expect(MONTHS.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(WEEKDAYS.map((d) => d.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it.each(
    MONTHS.flatMap((m) => {
      const bare = m.abbreviation.replace(/\./g, '');
      return [
        [m.name, m.number],
        [m.abbreviation, m.number],
        [m.abbreviation.replace(/\.$/, ''), m.number],
        [bare, m.number],
        [m.abbreviation.replace('.', '. '), m.number],
      ] as const;
    }),
  )('monthNumberOf(%j) = %d', (word, n) => {
    expect(monthNumberOf(word)).toBe(n);
  });

  it('knows common misspellings and rejects other words', () => {
    expect(monthNumberOf('กรกฏาคม')).toBe(7);
    expect(monthNumberOf('มกรา')).toBe(1);
    expect(monthNumberOf('มกร')).toBeNull();
    expect(monthNumberOf('')).toBeNull();
  });

  it('reads a full month name with one consonant misread, when one month has it', () => {
    // ธ read as ล, ษ as ย, ญ as ย, ฎ as ภ: the marks may be lost too.
    expect(monthNumberOf('ลันวาคม')).toBe(12);
    expect(monthNumberOf('พฤยภาคม')).toBe(5);
    expect(monthNumberOf('กรกภาคม')).toBe(7);
    expect(monthNumberOf('มิถุนายบ')).toBe(6);
    expect(monthNumberOf('ตลาคบ')).toBeNull(); // short: ตุลาคม's skeleton has five letters
    expect(monthNumberOf('ลันวาคบ')).toBeNull(); // two consonants misread
    expect(monthNumberOf('ธันวาคมม')).toBeNull(); // a letter more is not a misread one
    expect(monthNumberOf('ธันวาเม')).toBeNull(); // a vowel for a consonant
    // Never a month printed in full: a date read with it is unsure.
    expect(isExactMonthWord('ลันวาคม')).toBe(false);
    const re = new RegExp(`^${MONTH_PATTERN}$`);
    expect(re.test('ลันวาคม')).toBe(true);
    expect(re.test('พฤศจิกายบ')).toBe(true);
  });

  it('reads a full month name whose marks OCR read wrong or added, not an abbreviation', () => {
    // A speck over น read as a tone mark, an upper vowel read as another, marks doubled.
    expect(monthNumberOf('ธั้นวาคม')).toBe(12);
    expect(monthNumberOf('ลั้นวาคม')).toBe(12); // and a consonant misread
    expect(monthNumberOf('พฤศจีกายน')).toBe(11);
    expect(monthNumberOf('กุมภาพั่นธ์')).toBe(2);
    expect(monthNumberOf('มิถูนายน')).toBe(6);
    const re = new RegExp(`^${MONTH_PATTERN}$`);
    for (const word of ['ธั้นวาคม', 'ลั้นวาคม', 'พฤศจีกายน', 'มิถูนายน', 'กรกฎาคม์']) {
      expect(re.test(word)).toBe(true);
    }
    // Never printed so: a date read with one is unsure.
    expect(isExactMonthWord('ธั้นวาคม')).toBe(false);
    // Unchanged: an abbreviation keeps its marks (มี.ค. is not ม.ค.), three marks on one
    // letter are no misread, and a consonant too many or two off stays unread.
    expect(monthNumberOf('มิ.ค.')).toBeNull();
    expect(re.test('มิ.ค.')).toBe(false);
    expect(re.test('ธั้้้นวาคม')).toBe(false);
    expect(monthNumberOf('ลั้นวาคบ')).toBeNull();
    expect(monthNumberOf('ธั้นวาคมม')).toBeNull();
    expect(monthNumberOf('มกร')).toBeNull();
  });

  it('matches every month word with the precompiled pattern', () => {
    const re = new RegExp(`^${MONTH_PATTERN}$`);
    for (const m of MONTHS) {
      expect(re.test(m.name)).toBe(true);
      expect(re.test(m.abbreviation)).toBe(true);
    }
  });

  it('reads a full month name whose marks OCR dropped, and says it was not printed so', () => {
    const re = new RegExp(`^${MONTH_PATTERN}$`);
    const read = ['พฤศจกายน', 'มถนายน', 'กมภาพนธ', 'มนาคม', 'ธนวาคม', 'สงหาคม', 'กนยายน', 'ตลาคม'];
    expect(read.map((w) => monthNumberOf(w))).toEqual([11, 6, 2, 3, 12, 8, 9, 10]);
    for (const w of read) {
      expect(re.test(w)).toBe(true);
      expect(isExactMonthWord(w)).toBe(false);
    }
    for (const m of MONTHS) expect(isExactMonthWord(m.name)).toBe(true);
    // Abbreviations keep their marks: มี.ค. without ี would be ม.ค.
    expect(monthNumberOf('ม.ค.')).toBe(1);
    expect(monthNumberOf('มี.ค.')).toBe(3);
    expect(monthNumberOf('มถ')).toBeNull();
  });

  it('knows weekday names', () => {
    expect(weekdayIndexOf('พุธ')).toBe(3);
    expect(weekdayIndexOf('พฤหัสบดี')).toBe(4);
    expect(weekdayIndexOf('พฤหัส')).toBe(4);
    expect(weekdayIndexOf('วันหยุด')).toBeNull();
  });
});
