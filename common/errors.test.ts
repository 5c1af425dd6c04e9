import { describe, expect, it } from 'vitest';
import { ENTITY_NAMES, formatError } from './errors.ts';

describe('error messages', () => {
  it('names what was not found in the reader language, not by its key', () => {
    expect(formatError('NOT_FOUND', 'zh-CN', { entity: 'charge request' })).toBe('未找到费用调整申请');
    expect(formatError('NOT_FOUND', 'en', { entity: 'charge request' })).toBe('Charge request not found');
    // A name the table does not know is shown as given rather than lost.
    expect(formatError('NOT_FOUND', 'en', { entity: 'widget' })).toBe('widget not found');
    for (const [key, names] of Object.entries(ENTITY_NAMES)) {
      expect(names.zh, key).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(names.en, key).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
    }
  });
});
