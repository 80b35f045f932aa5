import { describe, expect, it } from 'vitest';
import {
  FIXED_DATE_HOLIDAYS,
  fixedNationalHolidays,
} from 'src/modules/escalation/national-holidays.js';
import { WorkingCalendar } from 'src/modules/escalation/working-calendar.js';

describe('fixedNationalHolidays', () => {
  it('lists the government-office holidays of BE 2569 as CE 2026 dates', () => {
    expect(fixedNationalHolidays(2569).map((h) => [h.date, h.nameTh])).toEqual([
      ['2026-01-01', 'วันขึ้นปีใหม่'],
      ['2026-04-06', 'วันจักรี'],
      ['2026-04-13', 'วันสงกรานต์'],
      ['2026-04-14', 'วันสงกรานต์'],
      ['2026-04-15', 'วันสงกรานต์'],
      ['2026-05-04', 'วันฉัตรมงคล'],
      ['2026-06-03', 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี'],
      ['2026-07-28', 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว'],
      ['2026-08-12', 'วันแม่แห่งชาติ'],
      ['2026-10-13', 'วันนวมินทรมหาราช'],
      ['2026-10-23', 'วันปิยมหาราช'],
      ['2026-12-05', 'วันพ่อแห่งชาติ'],
      ['2026-12-10', 'วันรัฐธรรมนูญ'],
      ['2026-12-31', 'วันสิ้นปี'],
    ]);
  });

  it.each([
    [2568, '2025'],
    [2569, '2026'],
    [2570, '2027'],
  ])('BE %i gives 14 office closures, all in CE %s', (beYear, ceYear) => {
    const holidays = fixedNationalHolidays(beYear);
    expect(holidays).toHaveLength(14);
    for (const holiday of holidays) {
      expect(holiday.date.slice(0, 4)).toBe(ceYear);
      expect(holiday.governmentOffices).toBe(true);
    }
  });

  it('adds Labour Day, flagged, only when asked for non-government holidays', () => {
    expect(fixedNationalHolidays(2569).map((h) => h.date)).not.toContain('2026-05-01');
    const all = fixedNationalHolidays(2569, { includeNonGovernment: true });
    expect(all).toHaveLength(15);
    expect(all.find((h) => h.date === '2026-05-01')).toEqual({
      date: '2026-05-01',
      nameTh: 'วันแรงงานแห่งชาติ',
      nameEn: 'National Labour Day',
      governmentOffices: false,
    });
  });

  it('keeps dates sorted and unique, and every date is a real calendar date', () => {
    const dates = fixedNationalHolidays(2570, { includeNonGovernment: true }).map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    // The calendar validates dates; constructing it is the check.
    expect(() => new WorkingCalendar({ holidays: dates })).not.toThrow();
  });

  it('works for later years too, since the dates are fixed', () => {
    expect(fixedNationalHolidays(2600)[0]).toMatchObject({ date: '2057-01-01' });
  });

  it.each([2026, 2562, 2569.5, Number.NaN])('refuses %s (not a BE year of this list)', (year) => {
    expect(() => fixedNationalHolidays(year)).toThrow(RangeError);
  });

  it('does not let callers change the shared data', () => {
    expect(Object.isFrozen(FIXED_DATE_HOLIDAYS)).toBe(true);
    expect(Object.isFrozen(FIXED_DATE_HOLIDAYS[0])).toBe(true);
  });

  it('closes offices on the listed dates in a calendar built from them', () => {
    const calendar = new WorkingCalendar({
      holidays: [2568, 2569, 2570].flatMap((y) => fixedNationalHolidays(y).map((h) => h.date)),
    });
    expect(calendar.isWorkingDay('2026-04-06')).toBe(false); // Monday, วันจักรี
    expect(calendar.isWorkingDay('2026-05-01')).toBe(true); // Friday, offices open
    expect(calendar.isWorkingDay('2027-12-31')).toBe(false); // Friday, วันสิ้นปี
  });
});
