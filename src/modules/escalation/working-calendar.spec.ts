import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedNationalHolidays } from 'src/modules/escalation/national-holidays.js';
import {
  WorkingCalendar,
  type WorkingCalendarOptions,
} from 'src/modules/escalation/working-calendar.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BANGKOK = 7 * HOUR;

/** `2026-01-09T16:00` (Bangkok wall time, optionally with `:SS.mmm`) as an instant. */
function bkk(local: string): Date {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return new Date(`${withSeconds}+07:00`);
}

/** An instant as Bangkok wall time `YYYY-MM-DDTHH:MM` (seconds shown only when non-zero). */
function local(t: Date): string {
  const iso = new Date(t.getTime() + BANGKOK).toISOString();
  return iso.endsWith(':00.000Z') ? iso.slice(0, 16) : iso.slice(0, 23);
}

const governmentHolidays = [2568, 2569, 2570].flatMap((beYear) =>
  fixedNationalHolidays(beYear).map((h) => h.date),
);
const calendar = new WorkingCalendar({ holidays: governmentHolidays });

describe('WorkingCalendar: table', () => {
  // Weekdays for orientation: 2025-12-30 Tue, 2026-01-01 Thu, 2026-01-09 Fri,
  // 2026-04-06 Mon (วันจักรี), 2026-04-13..15 Mon–Wed (วันสงกรานต์).
  it.each([
    ['Friday 16:00 + 60 → Monday 09:00', '2026-01-09T16:00', 60, '2026-01-12T09:00'],
    ['within one morning', '2026-01-12T09:00', 90, '2026-01-12T10:30'],
    ['Friday before วันจักรี → Tuesday', '2026-04-03T16:00', 60, '2026-04-07T09:00'],
    ['over the three Songkran days', '2026-04-10T16:00', 60, '2026-04-16T09:00'],
    ['across New Year (31 Dec and 1 Jan closed)', '2025-12-30T16:00', 60, '2026-01-02T09:00'],
    ['start on Saturday counts from Monday opening', '2026-01-10T10:00', 60, '2026-01-12T09:30'],
    ['start on Sunday night', '2026-01-11T23:59', 1, '2026-01-12T08:31'],
    ['start at 07:00 counts from 08:30', '2026-01-12T07:00', 60, '2026-01-12T09:30'],
    ['start exactly at opening', '2026-01-12T08:30', 1, '2026-01-12T08:31'],
    [
      'a whole office day ends at 16:30, not next 08:30',
      '2026-01-12T08:30',
      480,
      '2026-01-12T16:30',
    ],
    ['filling up to closing ends at closing', '2026-01-12T16:00', 30, '2026-01-12T16:30'],
    ['one minute past closing rolls over', '2026-01-12T16:00', 31, '2026-01-13T08:31'],
    [
      'start exactly at closing counts from next opening',
      '2026-01-12T16:30',
      1,
      '2026-01-13T08:31',
    ],
    ['start after closing', '2026-01-12T18:00', 480, '2026-01-13T16:30'],
    ['zero minutes within hours is start', '2026-01-12T10:00', 0, '2026-01-12T10:00'],
    ['zero minutes on Saturday is start itself', '2026-01-10T10:00', 0, '2026-01-10T10:00'],
    ['zero minutes at closing is closing', '2026-01-12T16:30', 0, '2026-01-12T16:30'],
    ['seconds are kept', '2026-01-12T16:29:30.250', 1, '2026-01-13T08:30:30.250'],
    ['Labour Day is a working day for offices', '2026-04-30T16:00', 60, '2026-05-01T09:00'],
    ['Friday 16:00 before วันฉัตรมงคล Monday', '2026-05-01T16:00', 60, '2026-05-05T09:00'],
    ['two weeks of minutes', '2026-01-12T08:30', 10 * 480, '2026-01-23T16:30'],
  ])('%s', (_name, start, minutes, expected) => {
    expect(local(calendar.addWorkingMinutes(bkk(start), minutes))).toBe(expected);
  });

  it.each([
    ['Tuesday 10:00 + 1 day → Wednesday 10:00', '2026-01-13T10:00', 1, '2026-01-14T10:00'],
    ['Friday 12:00 + 1 day → Monday 12:00', '2026-01-09T12:00', 1, '2026-01-12T12:00'],
    ['from opening, 1 day ends at that closing', '2026-01-12T08:30', 1, '2026-01-12T16:30'],
    ['from Saturday, 1 day ends Monday closing', '2026-01-10T09:00', 1, '2026-01-12T16:30'],
    ['Friday 16:30 + 1 day → Monday 16:30', '2026-01-09T16:30', 1, '2026-01-12T16:30'],
    ['over Songkran', '2026-04-10T10:00', 2, '2026-04-17T10:00'],
    ['0 days is start', '2026-01-10T09:00', 0, '2026-01-10T09:00'],
  ])('addWorkingDays: %s', (_name, start, days, expected) => {
    expect(local(calendar.addWorkingDays(bkk(start), days))).toBe(expected);
  });

  it.each([
    ['Friday 15:30 + 2 h → Monday 09:30', '2026-01-09T15:30', 2, '2026-01-12T09:30'],
    ['1.5 h', '2026-01-12T08:30', 1.5, '2026-01-12T10:00'],
    ['8 h from opening ends at closing', '2026-01-12T08:30', 8, '2026-01-12T16:30'],
  ])('addWorkingHours: %s', (_name, start, hours, expected) => {
    expect(local(calendar.addWorkingHours(bkk(start), hours))).toBe(expected);
  });

  it.each([
    ['Friday 16:00 → Monday 09:00', '2026-01-09T16:00', '2026-01-12T09:00', 60],
    ['a weekend', '2026-01-10T00:00', '2026-01-12T00:00', 0],
    ['before opening to after closing', '2026-01-12T07:00', '2026-01-12T17:00', 480],
    ['across New Year', '2025-12-30T08:30', '2026-01-05T08:30', 960],
    ['a whole week', '2026-01-12T00:00', '2026-01-19T00:00', 2400],
    ['partial minutes round down', '2026-01-12T08:30:30', '2026-01-12T08:31:29', 0],
    ['equal instants', '2026-01-12T10:00', '2026-01-12T10:00', 0],
    ['b before a', '2026-01-13T10:00', '2026-01-12T10:00', 0],
  ])('workingMinutesBetween: %s', (_name, a, b, expected) => {
    expect(calendar.workingMinutesBetween(bkk(a), bkk(b))).toBe(expected);
  });

  it.each([
    ['open: itself', '2026-01-12T10:00', '2026-01-12T10:00'],
    ['at opening: itself', '2026-01-12T08:30', '2026-01-12T08:30'],
    ['before opening: today 08:30', '2026-01-12T07:00', '2026-01-12T08:30'],
    ['at closing: next working day', '2026-01-09T16:30', '2026-01-12T08:30'],
    ['over New Year', '2025-12-30T17:00', '2026-01-02T08:30'],
    ['on a holiday morning', '2026-04-13T07:00', '2026-04-16T08:30'],
  ])('nextOpening: %s', (_name, t, expected) => {
    expect(local(calendar.nextOpening(bkk(t)))).toBe(expected);
  });

  it.each([
    ['2026-01-12T08:29:59.999', false],
    ['2026-01-12T08:30', true],
    ['2026-01-12T16:29:59.999', true],
    ['2026-01-12T16:30', false],
    ['2026-01-10T10:00', false], // Saturday
    ['2026-04-06T10:00', false], // วันจักรี
  ])('isWorkingInstant(%s) = %s', (t, expected) => {
    expect(calendar.isWorkingInstant(bkk(t))).toBe(expected);
  });

  it('uses Bangkok dates, not UTC ones: 06:00 Bangkok Monday is Sunday in UTC', () => {
    const mondayMorning = bkk('2026-01-12T06:00');
    expect(mondayMorning.getUTCDay()).toBe(0);
    expect(local(calendar.nextOpening(mondayMorning))).toBe('2026-01-12T08:30');
  });

  it('honours an administrator-added substitution day and custom hours', () => {
    const saturdayOffice = new WorkingCalendar({
      officeHours: { start: '09:00', end: '12:00', weekdays: [6] },
      holidays: ['2026-01-17'],
    });
    expect(saturdayOffice.workingDayMinutes).toBe(180);
    expect(local(saturdayOffice.addWorkingMinutes(bkk('2026-01-10T11:00'), 61))).toBe(
      '2026-01-24T09:01',
    );
  });

  it('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Bangkok']) {
        process.env.TZ = zone;
        expect(local(calendar.addWorkingMinutes(bkk('2026-01-09T16:00'), 60))).toBe(
          '2026-01-12T09:00',
        );
        expect(calendar.isWorkingInstant(bkk('2026-01-12T08:30'))).toBe(true);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('WorkingCalendar: large spans', () => {
  it('adds 10,000 working days, landing on the closing of the 10,000th working day', () => {
    // Holidays every month for a decade, on top of the national ones.
    const extra = Array.from({ length: 120 }, (_, i) => {
      const year = 2026 + Math.floor(i / 12);
      return `${year}-${String((i % 12) + 1).padStart(2, '0')}-10`;
    });
    const busy = new WorkingCalendar({ holidays: [...governmentHolidays, ...extra] });
    const start = bkk('2026-01-05T08:30');
    const end = busy.addWorkingDays(start, 10_000);

    // Independent count, a day at a time.
    let day = new Date('2026-01-05T00:00:00Z');
    let counted = 0;
    for (;;) {
      if (busy.isWorkingDay(day.toISOString().slice(0, 10)) && ++counted === 10_000) break;
      day = new Date(day.getTime() + DAY);
    }
    expect(local(end)).toBe(`${day.toISOString().slice(0, 10)}T16:30`);
    expect(busy.workingMinutesBetween(start, end)).toBe(10_000 * 480);
    expect(busy.addWorkingDays(busy.addWorkingDays(start, 3_333), 6_667)).toEqual(end);
  });

  it('handles a day-sparse calendar with long holiday runs', () => {
    const sparse = new WorkingCalendar({
      officeHours: { start: '10:00', end: '10:01', weekdays: [3] },
      holidays: Array.from({ length: 400 }, (_, i) =>
        new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      ),
    });
    // Every Wednesday of 2026 and early 2027 is closed; the first open one is 2027-02-10.
    expect(local(sparse.addWorkingMinutes(bkk('2026-01-01T00:00'), 1))).toBe('2027-02-10T10:01');
    expect(local(sparse.addWorkingMinutes(bkk('2026-01-01T00:00'), 3))).toBe('2027-02-24T10:01');
  });

  it('refuses results beyond the Date range', () => {
    expect(() => calendar.addWorkingMinutes(bkk('2026-01-12T10:00'), 2 ** 52)).toThrow(RangeError);
    // 3 days before the end of time is a Wednesday in Bangkok; the fifth day is past it.
    expect(() => calendar.addWorkingDays(new Date(8.64e15 - 3 * DAY), 5)).toThrow(RangeError);
    expect(calendar.addWorkingDays(new Date(8.64e15 - 3 * DAY), 3).getTime()).toBeLessThan(8.64e15);
  });
});

describe('WorkingCalendar: validation', () => {
  it.each<[string, WorkingCalendarOptions, RegExp]>([
    ['start in H:MM', { officeHours: { start: '8:30' }, holidays: [] }, /officeHours.start/],
    ['minute 60', { officeHours: { end: '16:60' }, holidays: [] }, /officeHours.end/],
    ['24:00', { officeHours: { end: '24:00' }, holidays: [] }, /officeHours.end/],
    [
      'start after end',
      { officeHours: { start: '17:00', end: '08:00' }, holidays: [] },
      /must be earlier/,
    ],
    [
      'start equal to end',
      { officeHours: { start: '08:30', end: '08:30' }, holidays: [] },
      /must be earlier/,
    ],
    ['no weekdays', { officeHours: { weekdays: [] }, holidays: [] }, /at least one weekday/],
    ['weekday 7', { officeHours: { weekdays: [1, 7] }, holidays: [] }, /contains 7/],
    ['weekday 1.5', { officeHours: { weekdays: [1.5] }, holidays: [] }, /contains 1.5/],
    ['a non-date holiday', { holidays: ['2026-02-30'] }, /not a calendar date/],
    ['month 13', { holidays: ['2026-13-01'] }, /not a calendar date/],
    ['a slashed date', { holidays: ['15/01/2569'] }, /ISO date/],
    ['a Buddhist-era year', { holidays: ['2569-01-01'] }, /Buddhist-era/],
  ])('rejects %s', (_name, options, message) => {
    expect(() => new WorkingCalendar(options)).toThrow(message);
  });

  it('names every problem at once', () => {
    expect(
      () =>
        new WorkingCalendar({
          officeHours: { start: 'x', weekdays: [9] },
          holidays: ['2026-02-29'],
        }),
    ).toThrow(/officeHours.start.*weekdays contains 9.*2026-02-29/);
  });

  it('requires the holiday list', () => {
    expect(() => new WorkingCalendar({} as WorkingCalendarOptions)).toThrow(/holidays must be/);
  });

  it('accepts leap days, duplicates and weekend holidays', () => {
    const c = new WorkingCalendar({ holidays: ['2028-02-29', '2026-01-10', '2028-02-29'] });
    expect(c.holidays).toEqual(['2026-01-10', '2028-02-29']);
    expect(c.isWorkingDay('2028-02-29')).toBe(false);
  });

  it.each([
    ['invalid date', () => calendar.addWorkingMinutes(new Date(Number.NaN), 1)],
    ['negative minutes', () => calendar.addWorkingMinutes(bkk('2026-01-12T10:00'), -1)],
    ['fractional minutes', () => calendar.addWorkingMinutes(bkk('2026-01-12T10:00'), 0.5)],
    ['hours not making whole minutes', () => calendar.addWorkingHours(new Date(0), 1 / 7)],
    ['fractional days', () => calendar.addWorkingDays(new Date(0), 0.5)],
    ['invalid b', () => calendar.workingMinutesBetween(new Date(0), new Date(Number.NaN))],
    ['bad ISO date', () => calendar.isWorkingDay('2026-1-5')],
  ])('throws RangeError for %s', (_name, call) => {
    expect(call).toThrow(RangeError);
  });

  it('is immutable and detached from its inputs', () => {
    const holidays = ['2026-01-12'];
    const weekdays = [1, 2, 3, 4, 5];
    const c = new WorkingCalendar({ officeHours: { weekdays }, holidays });
    holidays.push('2026-01-13');
    weekdays.push(6);
    expect(c.isWorkingDay('2026-01-13')).toBe(true);
    expect(c.isWorkingDay('2026-01-17')).toBe(false);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.holidays)).toBe(true);
    expect(Object.isFrozen(c.officeHours.weekdays)).toBe(true);
    expect(c.officeHours).toEqual({ start: '08:30', end: '16:30', weekdays: [1, 2, 3, 4, 5] });
  });
});

// ---- Property tests -------------------------------------------------------------------------

interface CalendarSpec {
  readonly opening: number; // minutes after midnight
  readonly closing: number;
  readonly weekdays: readonly number[];
  readonly holidays: readonly string[];
}

const WINDOW_START = Date.parse('2025-11-01T00:00:00+07:00');
const WINDOW_DAYS = 200;

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const isoDay = (dayInWindow: number): string =>
  new Date(WINDOW_START + BANGKOK + dayInWindow * DAY).toISOString().slice(0, 10);

const defaultSpec: CalendarSpec = {
  opening: 8 * 60 + 30,
  closing: 16 * 60 + 30,
  weekdays: [1, 2, 3, 4, 5],
  holidays: governmentHolidays,
};

const randomSpec: fc.Arbitrary<CalendarSpec> = fc
  .record({
    bounds: fc
      .uniqueArray(fc.integer({ min: 0, max: 23 * 60 + 59 }), { minLength: 2, maxLength: 2 })
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
    weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: WINDOW_DAYS }), { maxLength: 80 }),
  })
  .map(({ bounds, weekdays, holidays }) => ({
    opening: bounds[0],
    closing: bounds[1],
    weekdays,
    holidays: holidays.map(isoDay),
  }));

const calendarSpec = fc.oneof(
  { weight: 1, arbitrary: fc.constant(defaultSpec) },
  { weight: 3, arbitrary: randomSpec },
);

function build(spec: CalendarSpec): WorkingCalendar {
  return new WorkingCalendar({
    officeHours: { start: hhmm(spec.opening), end: hhmm(spec.closing), weekdays: spec.weekdays },
    holidays: spec.holidays,
  });
}

/** Any millisecond in the window, or a whole minute (where boundaries are hit exactly). */
const instant = fc.oneof(
  fc.integer({ min: WINDOW_START, max: WINDOW_START + 120 * DAY }).map((ms) => new Date(ms)),
  fc
    .integer({ min: 0, max: 120 * 24 * 60 })
    .map((minute) => new Date(WINDOW_START + minute * MINUTE)),
);
const minuteInstant = fc
  .integer({ min: 0, max: 120 * 24 * 60 })
  .map((minute) => new Date(WINDOW_START + minute * MINUTE));
const workingMinutes = fc.oneof(
  fc.integer({ min: 0, max: 600 }),
  fc.integer({ min: 0, max: 50_000 }),
);

/** Reference model, written independently of the class: Date's UTC fields on shifted time. */
function isWorkingByModel(spec: CalendarSpec, ms: number): boolean {
  const wall = new Date(ms + BANGKOK);
  const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  return (
    spec.weekdays.includes(wall.getUTCDay()) &&
    !spec.holidays.includes(wall.toISOString().slice(0, 10)) &&
    minute >= spec.opening &&
    minute < spec.closing
  );
}

/** Minute-by-minute model of addWorkingMinutes for a whole-minute start. */
function addByModel(spec: CalendarSpec, start: Date, minutes: number): Date {
  let t = start.getTime();
  for (let left = minutes; left > 0;) {
    if (isWorkingByModel(spec, t)) left--;
    else if (!isWorkingByModel(spec, dayOpening(spec, t))) {
      // A closed date: go straight to the next Bangkok midnight to keep the model quick.
      t = (Math.floor((t + BANGKOK) / DAY) + 1) * DAY - BANGKOK;
      continue;
    }
    t += MINUTE;
  }
  return new Date(t);
}

function dayOpening(spec: CalendarSpec, t: number): number {
  return Math.floor((t + BANGKOK) / DAY) * DAY - BANGKOK + spec.opening * MINUTE;
}

/** The cheap properties get many runs: boundary instants are rare among random ones. */
const RUNS = { numRuns: 500 };

describe('WorkingCalendar: properties', () => {
  it('is monotonic in minutes', () => {
    fc.assert(
      fc.property(calendarSpec, instant, workingMinutes, workingMinutes, (spec, t, m1, m2) => {
        const c = build(spec);
        const [low, high] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(c.addWorkingMinutes(t, low).getTime()).toBeLessThanOrEqual(
          c.addWorkingMinutes(t, high).getTime(),
        );
      }),
      RUNS,
    );
  });

  it('is additive: add(add(t, a), b) = add(t, a + b)', () => {
    fc.assert(
      fc.property(calendarSpec, instant, workingMinutes, workingMinutes, (spec, t, a, b) => {
        const c = build(spec);
        expect(c.addWorkingMinutes(c.addWorkingMinutes(t, a), b)).toEqual(
          c.addWorkingMinutes(t, a + b),
        );
      }),
      RUNS,
    );
  });

  it('is inverted by workingMinutesBetween, for every start', () => {
    fc.assert(
      fc.property(calendarSpec, instant, workingMinutes, (spec, t, m) => {
        const c = build(spec);
        expect(c.workingMinutesBetween(t, c.addWorkingMinutes(t, m))).toBe(m);
      }),
      RUNS,
    );
  });

  it('lands, for m > 0, at the end of a working minute: never in a holiday or off hours', () => {
    fc.assert(
      fc.property(calendarSpec, instant, workingMinutes, (spec, t, m) => {
        fc.pre(m > 0);
        const c = build(spec);
        const r = c.addWorkingMinutes(t, m);
        const wall = new Date(r.getTime() + BANGKOK);
        const timeOfDay = wall.getTime() % DAY;
        expect(r.getTime()).toBeGreaterThan(t.getTime());
        expect(spec.holidays).not.toContain(wall.toISOString().slice(0, 10));
        expect(spec.weekdays).toContain(wall.getUTCDay());
        expect(timeOfDay).toBeGreaterThan(spec.opening * MINUTE);
        expect(timeOfDay).toBeLessThanOrEqual(spec.closing * MINUTE);
        // The earliest such instant: a millisecond sooner the span is not complete.
        const justBefore = new Date(r.getTime() - 1);
        expect(c.isWorkingInstant(justBefore)).toBe(true);
        expect(c.workingMinutesBetween(t, justBefore)).toBe(m - 1);
      }),
      RUNS,
    );
  });

  it('agrees with a minute-by-minute model', () => {
    fc.assert(
      fc.property(calendarSpec, minuteInstant, fc.nat(10_000), (spec, t, raw) => {
        // Up to three office days, so the model stays cheap on sparse calendars.
        const m = raw % (3 * (spec.closing - spec.opening) + 1);
        const c = build(spec);
        expect(c.addWorkingMinutes(t, m)).toEqual(addByModel(spec, t, m));
      }),
      { numRuns: 60 },
    );
  });

  it('counts working minutes like the model, and additively over adjacent intervals', () => {
    fc.assert(
      fc.property(
        calendarSpec,
        minuteInstant,
        fc.nat(8 * 24 * 60),
        fc.nat(8 * 24 * 60),
        (spec, a, ab, bc) => {
          const c = build(spec);
          const b = new Date(a.getTime() + ab * MINUTE);
          const cEnd = new Date(b.getTime() + bc * MINUTE);
          let expected = 0;
          for (let t = a.getTime(); t < b.getTime(); t += MINUTE) {
            if (isWorkingByModel(spec, t)) expected++;
          }
          expect(c.workingMinutesBetween(a, b)).toBe(expected);
          expect(c.workingMinutesBetween(a, cEnd)).toBe(
            c.workingMinutesBetween(a, b) + c.workingMinutesBetween(b, cEnd),
          );
          expect(c.workingMinutesBetween(b, a)).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('classifies instants like the model', () => {
    fc.assert(
      fc.property(calendarSpec, instant, (spec, t) => {
        expect(build(spec).isWorkingInstant(t)).toBe(isWorkingByModel(spec, t.getTime()));
      }),
      RUNS,
    );
  });

  it('nextOpening is the earliest working instant at or after t', () => {
    fc.assert(
      fc.property(calendarSpec, instant, fc.integer({ min: 1, max: 5_000 }), (spec, t, m) => {
        const c = build(spec);
        const opening = c.nextOpening(t);
        expect(c.isWorkingInstant(opening)).toBe(true);
        expect(opening.getTime()).toBeGreaterThanOrEqual(t.getTime());
        if (c.isWorkingInstant(t)) expect(opening).toEqual(t);
        else expect(c.isWorkingInstant(new Date(opening.getTime() - 1))).toBe(false);
        expect(c.workingMinutesBetween(t, opening)).toBe(0);
        expect(c.addWorkingMinutes(t, m)).toEqual(c.addWorkingMinutes(opening, m));
      }),
      RUNS,
    );
  });

  it('defines hours and days as multiples of minutes', () => {
    fc.assert(
      fc.property(calendarSpec, instant, fc.nat(200), (spec, t, n) => {
        const c = build(spec);
        expect(c.addWorkingHours(t, n)).toEqual(c.addWorkingMinutes(t, n * 60));
        expect(c.addWorkingDays(t, n)).toEqual(
          c.addWorkingMinutes(t, n * (spec.closing - spec.opening)),
        );
      }),
      RUNS,
    );
  });
});
