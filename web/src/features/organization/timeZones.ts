import type { Locale } from '../../../../common/locale.ts';

/** The zones a leasing company in or near China is likely to keep its books in; Shanghai first. */
export const TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Urumqi',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
] as const;

function zonePart(zone: string, locale: string, style: 'shortOffset' | 'longGeneric', at: Date) {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    return undefined;
  }
}

/** "Asia/Shanghai (GMT+8, 中国标准时间)", named by the browser in the user's language. */
export function timeZoneLabel(zone: string, locale: Locale, at: Date = new Date()): string {
  const intl = locale === 'en' ? 'en-US' : 'zh-CN';
  const offset = zonePart(zone, 'en-US', 'shortOffset', at);
  const name = zonePart(zone, intl, 'longGeneric', at);
  const details = [offset, name?.startsWith('GMT') ? undefined : name].filter(Boolean).join(', ');
  return details ? `${zone} (${details})` : zone;
}

/** The list, plus the organization's current zone if it is not one of them. */
export function timeZoneChoices(current: string | undefined): string[] {
  const zones: string[] = [...TIME_ZONES];
  if (current && !zones.includes(current)) zones.push(current);
  return zones;
}
