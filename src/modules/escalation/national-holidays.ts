/**
 * Thai national public holidays that fall on a fixed Gregorian date every year, and their
 * substitution days (วันหยุดชดเชย), as data for seeding the working calendar's holiday list.
 *
 * Lunar holidays (มาฆบูชา, วิสาขบูชา, อาสาฬหบูชา, เข้าพรรษา) and special holidays the Cabinet
 * declares at short notice are announced each year, so they are not computed: an
 * administrator adds them as holiday data (see src/modules/escalation/README.md#holidays).
 */

/** A fixed-date holiday in a given year. */
export interface NationalHoliday {
  /** ISO date `YYYY-MM-DD` (Gregorian, Bangkok calendar date). */
  readonly date: string;
  readonly nameTh: string;
  readonly nameEn: string;
  /** Whether government offices close; false for holidays only of private employers and banks. */
  readonly governmentOffices: boolean;
}

/** A holiday by month and day, independent of the year. */
export interface FixedDateHoliday {
  readonly month: number;
  readonly day: number;
  readonly nameTh: string;
  readonly nameEn: string;
  readonly governmentOffices: boolean;
}

/**
 * The fixed-date holidays of the current reign's calendar, in date order.
 *
 * วันแรงงานแห่งชาติ (1 May) is listed with `governmentOffices: false`: it is a holiday under the
 * labour-protection law for private employees and for banks, but not in the annual list of
 * government-office holidays, and escalation deadlines run on government units' time. In a
 * year the Cabinet closes offices on it, an administrator adds it like any special holiday.
 */
export const FIXED_DATE_HOLIDAYS: readonly FixedDateHoliday[] = Object.freeze(
  [
    { month: 1, day: 1, nameTh: 'วันขึ้นปีใหม่', nameEn: "New Year's Day" },
    { month: 4, day: 6, nameTh: 'วันจักรี', nameEn: 'Chakri Memorial Day' },
    { month: 4, day: 13, nameTh: 'วันสงกรานต์', nameEn: 'Songkran Festival' },
    { month: 4, day: 14, nameTh: 'วันสงกรานต์', nameEn: 'Songkran Festival' },
    { month: 4, day: 15, nameTh: 'วันสงกรานต์', nameEn: 'Songkran Festival' },
    {
      month: 5,
      day: 1,
      nameTh: 'วันแรงงานแห่งชาติ',
      nameEn: 'National Labour Day',
      governmentOffices: false,
    },
    { month: 5, day: 4, nameTh: 'วันฉัตรมงคล', nameEn: 'Coronation Day' },
    {
      month: 6,
      day: 3,
      nameTh: 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี',
      nameEn: "H.M. Queen Suthida's Birthday",
    },
    {
      month: 7,
      day: 28,
      nameTh: 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว',
      nameEn: "H.M. the King's Birthday",
    },
    { month: 8, day: 12, nameTh: 'วันแม่แห่งชาติ', nameEn: "National Mother's Day" },
    { month: 10, day: 13, nameTh: 'วันนวมินทรมหาราช', nameEn: 'King Bhumibol Memorial Day' },
    { month: 10, day: 23, nameTh: 'วันปิยมหาราช', nameEn: 'King Chulalongkorn Memorial Day' },
    { month: 12, day: 5, nameTh: 'วันพ่อแห่งชาติ', nameEn: "National Father's Day" },
    { month: 12, day: 10, nameTh: 'วันรัฐธรรมนูญ', nameEn: 'Constitution Day' },
    { month: 12, day: 31, nameTh: 'วันสิ้นปี', nameEn: "New Year's Eve" },
  ].map((holiday) => Object.freeze({ governmentOffices: true, ...holiday })),
);

/**
 * First Buddhist-era year of this list: the Coronation Day moved to 4 May after the 2562
 * coronation, so earlier years had a different calendar and are refused rather than guessed.
 */
export const FIRST_BE_YEAR = 2563;

const BE_TO_CE = 543;

/**
 * The fixed-date holidays on which government offices close in Buddhist-era year `beYear`
 * (e.g. 2569 → dates in 2026), in date order. Pass `{ includeNonGovernment: true }` to also
 * get the holidays government offices work through (วันแรงงานแห่งชาติ).
 *
 * @throws RangeError if `beYear` is not an integer from {@link FIRST_BE_YEAR}; this also
 *   catches a Gregorian year passed by mistake (2026 < 2563).
 */
export function fixedNationalHolidays(
  beYear: number,
  options: { readonly includeNonGovernment?: boolean } = {},
): NationalHoliday[] {
  if (!Number.isInteger(beYear) || beYear < FIRST_BE_YEAR || beYear - BE_TO_CE > 9999) {
    throw new RangeError(
      `beYear must be a Buddhist-era year from ${FIRST_BE_YEAR} (CE + 543), got ${beYear}`,
    );
  }
  const year = String(beYear - BE_TO_CE);
  return FIXED_DATE_HOLIDAYS.filter(
    (holiday) => holiday.governmentOffices || options.includeNonGovernment === true,
  ).map((holiday) => ({
    date: `${year}-${twoDigits(holiday.month)}-${twoDigits(holiday.day)}`,
    nameTh: holiday.nameTh,
    nameEn: holiday.nameEn,
    governmentOffices: holiday.governmentOffices,
  }));
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** A holiday given to {@link substitutionDays}: its date and whether it earns a substitute. */
export interface HolidayForSubstitution {
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  readonly nameTh: string;
  readonly nameEn: string | null;
  /**
   * True for the annual government holidays (วันหยุดราชการประจำปี: the fixed-date ones here
   * and the lunar ones of the yearly announcement); false for a special holiday the Cabinet
   * declares and for a substitution day itself, which earn none.
   */
  readonly substitutable: boolean;
}

/** A substitution day (วันหยุดชดเชย) and the holiday it makes up for. */
export interface SubstitutionDay {
  readonly date: string;
  readonly nameTh: string;
  readonly nameEn: string;
  /** The first weekend holiday of the run it makes up for. */
  readonly forDate: string;
}

const MS_PER_DAY = 86_400_000;

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Substitution days (วันหยุดชดเชย) under the Cabinet's standing rule (มติคณะรัฐมนตรี
 * ๑ พฤษภาคม ๒๕๔๔ and ๓ กุมภาพันธ์ ๒๕๔๗): an annual government holiday that falls on the
 * weekly day off moves to the next working day, and a run of closed days earns at most one
 * substitute. So:
 * - 5 December 2026 (Saturday) → Monday 7 December 2026 off;
 * - two holidays on one weekend (อาสาฬหบูชา on Saturday, เข้าพรรษา on Sunday) → one day, the
 *   Monday;
 * - the next working day skips holidays: วันสิ้นปี on Sunday 31 December, 1 January a Monday
 *   holiday → Tuesday 2 January off (the run is Saturday–Monday, the substitute after it).
 * A run is a stretch of consecutive days none of which is an office day (weekly day off or
 * holiday). `officeWeekdays` uses getUTCDay numbering (default Monday–Friday).
 */
export function substitutionDays(
  holidays: readonly HolidayForSubstitution[],
  officeWeekdays: readonly number[] = [1, 2, 3, 4, 5],
): SubstitutionDay[] {
  const byDay = new Map<number, HolidayForSubstitution>();
  for (const h of holidays) if (!byDay.has(dayNumber(h.date))) byDay.set(dayNumber(h.date), h);
  const office = new Set(officeWeekdays);
  if (office.size === 0) return [];
  // 1970-01-01 (day 0) was a Thursday.
  const weekdayOfDay = (day: number): number => (((day + 4) % 7) + 7) % 7;
  const weeklyOff = (day: number): boolean => !office.has(weekdayOfDay(day));
  const closed = (day: number): boolean => weeklyOff(day) || byDay.has(day);

  const out: SubstitutionDay[] = [];
  const taken = new Set<number>();
  const days = [...byDay.keys()].sort((a, b) => a - b);
  for (const day of days) {
    const holiday = byDay.get(day);
    if (holiday === undefined || !holiday.substitutable || !weeklyOff(day)) continue;
    // The run of closed days this weekend holiday sits in.
    let start = day;
    while (closed(start - 1)) start--;
    let end = day;
    while (closed(end + 1) || taken.has(end + 1)) end++;
    // One substitute per run: the first substitutable weekend holiday of the run owns it.
    let first = start;
    while (first < day) {
      const h = byDay.get(first);
      if (h?.substitutable === true && weeklyOff(first)) break;
      first++;
    }
    if (first !== day) continue;
    const date = end + 1;
    taken.add(date);
    out.push({
      date: isoOfDay(date),
      nameTh: `วันหยุดชดเชย${holiday.nameTh}`,
      nameEn: `Substitution day for ${holiday.nameEn ?? holiday.nameTh}`,
      forDate: holiday.date,
    });
  }
  return out;
}

/**
 * The fixed-date holidays of Buddhist-era year `beYear` with their substitution days, in
 * date order: what government offices close on. A holiday at the end of the year before
 * (วันสิ้นปี on a Sunday) may give a substitute in this year; a substitute falling in the
 * next year belongs to that year's list.
 */
export function nationalHolidaysWithSubstitutes(beYear: number): NationalHoliday[] {
  const own = fixedNationalHolidays(beYear);
  const around = [
    ...(beYear > FIRST_BE_YEAR ? fixedNationalHolidays(beYear - 1) : []),
    ...own,
    ...fixedNationalHolidays(beYear + 1),
  ];
  const year = String(beYear - BE_TO_CE);
  const substitutes = substitutionDays(around.map((h) => ({ ...h, substitutable: true })))
    .filter((s) => s.date.startsWith(`${year}-`))
    .map((s) => ({ date: s.date, nameTh: s.nameTh, nameEn: s.nameEn, governmentOffices: true }));
  return [...own, ...substitutes].sort((a, b) => a.date.localeCompare(b.date));
}
