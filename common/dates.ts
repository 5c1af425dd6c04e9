/** Business dates are 'YYYY-MM-DD' strings in an organization's time zone; nothing here reads the process zone. */
export type BusinessDate = string;

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
