import type { Locale } from '../../../common/locale.ts';

function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-US' : 'zh-CN';
}

/** An instant shown as `YYYY-MM-DD HH:mm` on the organization's wall clock, whatever the browser's zone. */
export function formatInstant(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** Today's date in the organization's time zone, written out for people. */
export function formatToday(timeZone: string, locale: Locale, now: Date = new Date()): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, dateStyle: 'full' }).format(now);
}

/** Groups the whole part of a decimal string by thousands, keeping the decimals as they are. */
export function groupDigits(value: string): string {
  const [whole = '', fraction] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
