import { describe, expect, it } from 'vitest';
import { formatInstant, formatToday } from './format.ts';

describe('formatInstant', () => {
  it('shows the wall clock of the organization, not of the process', () => {
    expect(formatInstant('2026-01-01T16:30:05Z', 'Asia/Shanghai')).toBe('2026-01-02 00:30:05');
    expect(formatInstant('2026-01-01T16:30:05Z', 'UTC')).toBe('2026-01-01 16:30:05');
  });

  it('leaves empty and unreadable values alone', () => {
    expect(formatInstant(null, 'Asia/Shanghai')).toBe('');
    expect(formatInstant('not a date', 'Asia/Shanghai')).toBe('not a date');
  });
});

describe('formatToday', () => {
  // 17:00 UTC on 1 January is already 2 January in Shanghai and still 1 January in Los Angeles.
  const now = new Date('2026-01-01T17:00:00Z');

  it('uses the organization time zone', () => {
    expect(formatToday('Asia/Shanghai', 'zh-CN', now)).toContain('2026年1月2日');
    expect(formatToday('America/Los_Angeles', 'zh-CN', now)).toContain('2026年1月1日');
  });

  it('writes English dates for English users', () => {
    expect(formatToday('Asia/Shanghai', 'en', now)).toBe('Friday, January 2, 2026');
  });
});
