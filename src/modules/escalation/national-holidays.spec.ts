import { describe, expect, it } from 'vitest';
import { SUBSTITUTION_DAYS_2568_2570 } from 'src/database/migrations/1796500652705-SubstitutionHolidays.js';
import {
  FIXED_DATE_HOLIDAYS,
  fixedNationalHolidays,
  nationalHolidaysWithSubstitutes,
  substitutionDays,
  type HolidayForSubstitution,
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

const annual = (date: string, nameTh = 'วันหยุด'): HolidayForSubstitution => ({
  date,
  nameTh,
  nameEn: null,
  substitutable: true,
});

describe('substitutionDays (วันหยุดชดเชย)', () => {
  it.each([
    // [case, holidays, substitutes]
    ['Saturday 5 December 2026 → Monday 7', ['2026-12-05'], ['2026-12-07']],
    ['a Sunday holiday → Monday', ['2027-10-24'], ['2027-10-25']],
    ['a weekday holiday earns none', ['2026-12-10'], []],
    ['two holidays on one weekend earn one day', ['2017-07-08', '2017-07-09'], ['2017-07-10']],
    [
      'the substitute skips a Monday holiday (31 December on Sunday, 1 January Monday)',
      ['2017-12-31', '2018-01-01'],
      ['2018-01-02'],
    ],
    [
      'Songkran Saturday–Monday: one day, the Tuesday',
      ['2024-04-13', '2024-04-14', '2024-04-15'],
      ['2024-04-16'],
    ],
    [
      'Songkran Sunday–Tuesday: the Wednesday',
      ['2025-04-13', '2025-04-14', '2025-04-15'],
      ['2025-04-16'],
    ],
    ['two weekends, two substitutes', ['2026-12-05', '2026-12-12'], ['2026-12-07', '2026-12-14']],
    ['a later weekday holiday does not move it', ['2026-12-05', '2026-12-08'], ['2026-12-07']],
    [
      'a Sunday holiday before two weekday holidays: the Wednesday',
      ['2026-12-06', '2026-12-07', '2026-12-08'],
      ['2026-12-09'],
    ],
  ])('%s', (_name, dates, expected) => {
    expect(substitutionDays(dates.map((d) => annual(d))).map((s) => s.date)).toEqual(expected);
  });

  it('gives none for a special holiday or a substitution day itself', () => {
    const special: HolidayForSubstitution = { ...annual('2026-12-05'), substitutable: false };
    expect(substitutionDays([special])).toEqual([]);
  });

  it('names the holiday it makes up for', () => {
    expect(substitutionDays([annual('2026-12-05', 'วันพ่อแห่งชาติ')])).toEqual([
      {
        date: '2026-12-07',
        nameTh: 'วันหยุดชดเชยวันพ่อแห่งชาติ',
        nameEn: 'Substitution day for วันพ่อแห่งชาติ',
        forDate: '2026-12-05',
      },
    ]);
  });

  it('follows the office week it is given (a Sunday–Thursday office)', () => {
    // Friday and Saturday off: a Friday holiday moves to Sunday.
    expect(substitutionDays([annual('2026-12-04')], [0, 1, 2, 3, 4]).map((s) => s.date)).toEqual([
      '2026-12-06',
    ]);
  });

  it('matches the substitution days of the known years (BE 2567–2568 as announced)', () => {
    const subs = (y: number) =>
      nationalHolidaysWithSubstitutes(y)
        .filter((h) => h.nameTh.startsWith('วันหยุดชดเชย'))
        .map((h) => h.date);
    // 2024: 31 Dec 2023 Sunday, วันจักรี Saturday, Songkran Sat–Mon, Coronation Saturday,
    // the King's birthday Sunday, 13 October Sunday.
    expect(subs(2567)).toEqual([
      '2024-01-02',
      '2024-04-08',
      '2024-04-16',
      '2024-05-06',
      '2024-07-29',
      '2024-10-14',
    ]);
    expect(subs(2568)).toEqual(['2025-04-07', '2025-04-16', '2025-05-05']);
    expect(subs(2569)).toEqual(['2026-12-07']);
  });

  it('the migration seeds exactly the computed substitution days of BE 2568–2570', () => {
    const computed = [2568, 2569, 2570].flatMap((y) =>
      nationalHolidaysWithSubstitutes(y)
        .filter((h) => h.nameTh.startsWith('วันหยุดชดเชย'))
        .map((h) => [h.date, h.nameTh, h.nameEn]),
    );
    expect(SUBSTITUTION_DAYS_2568_2570).toEqual(computed);
  });

  it('moves a working-time deadline across the weekend of 5 December 2026', () => {
    const holidays = [2569, 2570].flatMap((y) =>
      nationalHolidaysWithSubstitutes(y).map((h) => h.date),
    );
    const calendar = new WorkingCalendar({ holidays });
    const without = new WorkingCalendar({
      holidays: [2569, 2570].flatMap((y) => fixedNationalHolidays(y).map((h) => h.date)),
    });
    // Friday 4 December 2026 16:00 Bangkok + 60 working minutes.
    const start = new Date('2026-12-04T16:00:00+07:00');
    expect(without.addWorkingMinutes(start, 60).toISOString()).toBe('2026-12-07T02:00:00.000Z');
    expect(calendar.addWorkingMinutes(start, 60).toISOString()).toBe('2026-12-08T02:00:00.000Z');
    expect(calendar.isWorkingDay('2026-12-07')).toBe(false);
  });
});
