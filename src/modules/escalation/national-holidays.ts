/**
 * Thai national public holidays that fall on a fixed Gregorian date every year, as data for
 * seeding the working calendar's holiday list.
 *
 * Only fixed dates are here. Lunar holidays (มาฆบูชา, วิสาขบูชา, อาสาฬหบูชา, เข้าพรรษา),
 * special holidays the Cabinet declares at short notice, and substitution days (วันหยุดชดเชย)
 * for holidays falling on a weekend are announced each year, so they are not computed: an
 * administrator adds them as holiday data (domain.md §7).
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
