import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  dateFromParts,
  dayOfWeek,
  daysBetweenExclusive,
  daysInclusive,
  daysInMonth,
  endOfMonth,
  epochDay,
  fromEpochDay,
  isBusinessDate,
  isValidTimeZone,
  maxDate,
  minDate,
  parts,
  startOfMonth,
  todayIn,
  wholeMonthsAndDays,
} from './dates.ts';

describe('the test process runs in a zone other than the business one', () => {
  it('has TZ set away from Asia/Shanghai', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).not.toBe('Asia/Shanghai');
  });
});

describe('todayIn', () => {
  it.each([
    // Shanghai is UTC+8 all year; Los Angeles is UTC-8 in January.
    ['2027-01-01T15:59:59Z', '2027-01-01', '2026-12-31T23:59:59 in Shanghai is not yet the 2nd'],
    ['2027-01-01T16:00:00Z', '2027-01-02', 'midnight in Shanghai'],
    ['2027-01-02T07:59:59Z', '2027-01-02', 'just before midnight in Los Angeles'],
    ['2027-01-02T08:00:00Z', '2027-01-02', 'midnight in Los Angeles'],
    ['2026-12-31T16:30:00Z', '2027-01-01', 'new year in Shanghai while Los Angeles is still on 12-31'],
  ])('%s → %s (%s)', (iso, expected) => {
    expect(todayIn('Asia/Shanghai', new Date(iso))).toBe(expected);
  });

  it('differs from the process date near midnight', () => {
    const at = new Date('2027-01-01T16:30:00Z');
    expect(todayIn('Asia/Shanghai', at)).toBe('2027-01-02');
    expect(todayIn('America/Los_Angeles', at)).toBe('2027-01-01');
  });

  it('knows time zone names', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('parsing and building dates', () => {
  it('accepts only real calendar dates in YYYY-MM-DD', () => {
    for (const ok of ['2027-01-31', '2028-02-29', '2000-02-29', '0001-01-01', '9999-12-31']) {
      expect(isBusinessDate(ok)).toBe(true);
    }
    for (const bad of [
      '2027-02-29',
      '1900-02-29',
      '2027-13-01',
      '2027-00-10',
      '2027-04-31',
      '2027-1-1',
      '2027/01/01',
    ]) {
      expect(isBusinessDate(bad)).toBe(false);
    }
    for (const bad of [' 2027-01-01', '2027-01-01T00:00', '0000-01-01', '', null, 20270101]) {
      expect(isBusinessDate(bad)).toBe(false);
    }
  });

  it('splits and joins', () => {
    expect(parts('2027-03-09')).toEqual({ year: 2027, month: 3, day: 9 });
    expect(dateFromParts(2027, 3, 9)).toBe('2027-03-09');
    expect(() => parts('2027-02-30')).toThrow(/not a date/);
    expect(() => dateFromParts(2027, 2, 29)).toThrow(RangeError);
  });

  it('counts days in months', () => {
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2027, 4)).toBe(30);
    expect(daysInMonth(2027, 12)).toBe(31);
    expect(() => daysInMonth(2027, 13)).toThrow(RangeError);
  });

  it('numbers days from 1970-01-01', () => {
    expect(epochDay('1970-01-01')).toBe(0);
    expect(epochDay('2000-03-01')).toBe(11017);
    expect(epochDay('1969-12-31')).toBe(-1);
    expect(fromEpochDay(11017)).toBe('2000-03-01');
    expect(epochDay('2027-06-15')).toBe(Date.UTC(2027, 5, 15) / 86_400_000);
  });
});

describe('arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-03-14', 0)).toBe('2027-03-14');
    // the LA daylight-saving change (2027-03-14) does not make a day 23 hours
    expect(addDays('2027-03-13', 1)).toBe('2027-03-14');
    expect(addDays('2027-03-14', 1)).toBe('2027-03-15');
    expect(addDays('2027-11-07', 1)).toBe('2027-11-08');
    expect(() => addDays('2027-01-01', 0.5)).toThrow(RangeError);
  });

  it('adds months with end-of-month clamping, counted from the given date', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-01-31', 2)).toBe('2027-03-31');
    expect(addMonths(addMonths('2027-01-31', 1), 1)).toBe('2027-03-28');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(addMonths('2027-01-15', -13)).toBe('2025-12-15');
    expect(addMonths('2027-05-31', 1)).toBe('2027-06-30');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2027-06-01', -20)).toBe('2007-06-01');
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
  });

  it('compares and picks', () => {
    expect(compareDates('2027-01-02', '2027-01-10')).toBe(-1);
    expect(compareDates('2027-01-10', '2027-01-10')).toBe(0);
    expect(compareDates('2028-01-01', '2027-12-31')).toBe(1);
    expect(minDate('2027-05-01', '2027-01-31', '2028-01-01')).toBe('2027-01-31');
    expect(maxDate('2027-05-01', '2027-01-31', '2028-01-01')).toBe('2028-01-01');
    expect(minDate('2027-05-01')).toBe('2027-05-01');
    expect(() => compareDates('2027-02-30', '2027-01-01')).toThrow(RangeError);
    expect(() => maxDate('nope')).toThrow(RangeError);
  });

  it('counts days, saying which kind of count', () => {
    expect(daysBetweenExclusive('2027-01-01', '2027-01-31')).toBe(30);
    expect(daysInclusive('2027-01-01', '2027-01-31')).toBe(31);
    expect(daysInclusive('2027-01-01', '2027-01-01')).toBe(1);
    expect(daysInclusive('2028-01-01', '2028-12-31')).toBe(366);
    expect(daysBetweenExclusive('2027-01-31', '2027-01-01')).toBe(-30);
    expect(() => daysInclusive('2027-01-02', '2027-01-01')).toThrow(/ends before it starts/);
  });

  it('knows weekdays and month bounds', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2027-01-03')).toBe(0); // a Sunday
    expect(dayOfWeek('2027-01-09')).toBe(6);
    expect(dayOfWeek('1969-12-28')).toBe(0);
    expect(startOfMonth('2028-02-17')).toBe('2028-02-01');
    expect(endOfMonth('2028-02-17')).toBe('2028-02-29');
    expect(endOfMonth('2027-02-01')).toBe('2027-02-28');
  });
});

describe('wholeMonthsAndDays (month k starts on addMonths(from, k))', () => {
  it.each([
    ['2027-01-01', '2027-12-31', 12, 0],
    ['2027-01-01', '2027-01-31', 1, 0],
    ['2027-01-01', '2027-01-30', 0, 30],
    ['2027-01-01', '2027-01-01', 0, 1],
    ['2027-01-15', '2027-02-14', 1, 0],
    ['2027-01-15', '2027-02-13', 0, 30],
    ['2027-01-15', '2027-03-01', 1, 15],
    ['2027-01-31', '2027-02-26', 0, 27],
    ['2027-01-31', '2027-02-27', 1, 0], // month 1 starts on 2027-02-28
    ['2027-01-31', '2027-02-28', 1, 1],
    ['2027-01-31', '2027-03-30', 2, 0], // month 2 starts on 2027-03-31
    ['2028-01-31', '2028-02-28', 1, 0], // leap year: month 1 starts on 2028-02-29
    ['2027-02-28', '2027-03-27', 1, 0],
    ['2027-03-01', '2028-02-29', 12, 0],
    ['2027-03-01', '2028-02-28', 11, 28],
    ['2027-03-01', '2029-02-28', 24, 0],
    ['2027-06-10', '2047-06-09', 240, 0],
  ])('%s..%s → %i months %i days', (from, to, months, days) => {
    expect(wholeMonthsAndDays(from, to)).toEqual({ months, days });
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => wholeMonthsAndDays('2027-02-01', '2027-01-31')).toThrow(RangeError);
  });
});

describe('date properties', () => {
  const RUNS = { numRuns: 5000 };
  const date = fc
    .integer({ min: epochDay('1900-01-01'), max: epochDay('2200-12-31') })
    .map((n) => fromEpochDay(n));

  it('addMonths keeps the day unless the month is shorter, never past its end', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -1200, max: 1200 }), (d, n) => {
        const r = parts(addMonths(d, n));
        const from = parts(d);
        expect(r.day).toBeLessThanOrEqual(daysInMonth(r.year, r.month));
        expect(r.day).toBe(Math.min(from.day, daysInMonth(r.year, r.month)));
        expect(r.year * 12 + r.month - (from.year * 12 + from.month)).toBe(n);
      }),
      RUNS,
    );
  });

  it('daysInclusive(a, a + n days) is n + 1', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 40_000 }), (d, n) => {
        expect(daysInclusive(d, addDays(d, n))).toBe(n + 1);
        expect(daysBetweenExclusive(addDays(d, n), d) + n).toBe(0);
      }),
      RUNS,
    );
  });

  it('day numbers round-trip and agree with UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: epochDay('0001-01-01'), max: epochDay('9999-12-31') }), (n) => {
        const d = fromEpochDay(n);
        expect(isBusinessDate(d)).toBe(true);
        expect(epochDay(d)).toBe(n);
        expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(d);
      }),
      RUNS,
    );
  });

  it('wholeMonthsAndDays puts the range back together', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 4000 }), (from, n) => {
        const to = addDays(from, n);
        const { months, days } = wholeMonthsAndDays(from, to);
        const start = addMonths(from, months);
        expect(addDays(start, days - 1)).toBe(to);
        expect(days).toBeLessThan(daysBetweenExclusive(start, addMonths(from, months + 1)));
      }),
      RUNS,
    );
  });

  it('a range of exactly k contract months is k months and 0 days', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 300 }), (from, k) => {
        expect(wholeMonthsAndDays(from, addDays(addMonths(from, k), -1))).toEqual({ months: k, days: 0 });
      }),
      RUNS,
    );
  });
});
