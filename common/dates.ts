/**
 * Business dates are 'YYYY-MM-DD' strings in an organization's time zone; nothing here reads the process zone.
 * Arithmetic is pure calendar math on day numbers (days since 1970-01-01, proleptic Gregorian), so the result
 * is the same on any server. Years 0001-9999.
 */
export type BusinessDate = string;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date at instant `at` in time zone `timeZone` (IANA name, e.g. Asia/Shanghai). */
export function todayIn(timeZone: string, at: Date = new Date()): BusinessDate {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`no such month: ${year}-${month}`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a real calendar date written as YYYY-MM-DD (2027-02-29 is false). */
export function isBusinessDate(s: unknown): s is BusinessDate {
  if (typeof s !== 'string') return false;
  const m = DATE_TEXT.exec(s);
  return !!m && validParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function parts(d: BusinessDate): DateParts {
  const m = DATE_TEXT.exec(d);
  const p = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!p || !validParts(p.year, p.month, p.day))
    throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  return p;
}

export function dateFromParts(year: number, month: number, day: number): BusinessDate {
  if (!validParts(year, month, day)) throw new RangeError(`no such date: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil; years start in March so leap days come last). */
export function epochDay(d: BusinessDate): number {
  const { year, month, day } = parts(d);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(n: number): BusinessDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a day number: ${n}`);
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return dateFromParts(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

function count(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
  return n;
}

export function addDays(d: BusinessDate, n: number): BusinessDate {
  return fromEpochDay(epochDay(d) + count(n, 'days'));
}

/**
 * The same day `n` months later (or earlier), clamped to the end of a shorter month:
 * 2027-01-31 + 1 → 2027-02-28, 2028-01-31 + 1 → 2028-02-29. Always counted from `d` itself, so
 * addMonths(d, 2) may differ from addMonths(addMonths(d, 1), 1).
 */
export function addMonths(d: BusinessDate, n: number): BusinessDate {
  const { year, month, day } = parts(d);
  const index = year * 12 + (month - 1) + count(n, 'months');
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 1 || y > 9999) throw new RangeError(`${d} + ${n} months is outside years 0001-9999`);
  return dateFromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(d: BusinessDate, n: number): BusinessDate {
  return addMonths(d, count(n, 'years') * 12);
}

function checked(d: BusinessDate): BusinessDate {
  parts(d);
  return d;
}

export function compareDates(a: BusinessDate, b: BusinessDate): -1 | 0 | 1 {
  checked(a);
  checked(b);
  // Fixed-width YYYY-MM-DD strings sort like the dates they name.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(first: BusinessDate, ...rest: BusinessDate[]): BusinessDate {
  return rest.reduce((m, d) => (compareDates(d, m) < 0 ? d : m), checked(first));
}

export function maxDate(first: BusinessDate, ...rest: BusinessDate[]): BusinessDate {
  return rest.reduce((m, d) => (compareDates(d, m) > 0 ? d : m), checked(first));
}

/** `to` − `from` in days: 2027-01-01 → 2027-01-31 is 30. Negative when `to` is earlier. */
export function daysBetweenExclusive(from: BusinessDate, to: BusinessDate): number {
  return epochDay(to) - epochDay(from);
}

/** The number of days in the inclusive range from..to: 2027-01-01..2027-01-31 is 31. */
export function daysInclusive(from: BusinessDate, to: BusinessDate): number {
  const n = daysBetweenExclusive(from, to);
  if (n < 0) throw new RangeError(`the range ${from}..${to} ends before it starts`);
  return n + 1;
}

/**
 * The inclusive range from..to as whole contract months and leftover days. Month k (k = 0, 1, …) starts
 * on addMonths(from, k), so months line up with a billing schedule counted from the contract start; a month
 * is whole when the range covers it up to the day before month k+1 starts, and the days are those of the
 * next, partial month. Examples: 2027-01-01..2027-12-31 → 12 months 0 days; 2027-01-15..2027-02-14 → 1, 0;
 * from 2027-01-31 month 1 starts on 2027-02-28, so 2027-01-31..2027-02-27 → 1, 0 and ..2027-02-28 → 1, 1.
 */
export function wholeMonthsAndDays(from: BusinessDate, to: BusinessDate): { months: number; days: number } {
  daysInclusive(from, to);
  const end = epochDay(to) + 1;
  const f = parts(from);
  const t = parts(to);
  // Month k starts in calendar month f + k, and the start of the last whole month is at most the day after `to`.
  let k = (t.year - f.year) * 12 + (t.month - f.month) + 1;
  while (k > 0 && epochDay(addMonths(from, k)) > end) k--;
  return { months: k, days: end - epochDay(addMonths(from, k)) };
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: BusinessDate): number {
  return (((epochDay(d) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function startOfMonth(d: BusinessDate): BusinessDate {
  const { year, month } = parts(d);
  return dateFromParts(year, month, 1);
}

export function endOfMonth(d: BusinessDate): BusinessDate {
  const { year, month } = parts(d);
  return dateFromParts(year, month, daysInMonth(year, month));
}
