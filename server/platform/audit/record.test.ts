import { describe, expect, it } from 'vitest';
import { diff } from './record.ts';

describe('audit diff', () => {
  it('keeps only changed fields, nulls for added or removed ones', () => {
    expect(diff({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 3], d: true })).toEqual({
      before: { b: [1, 2], c: 'x', d: null },
      after: { b: [1, 3], c: null, d: true },
    });
  });
  it('passes creations and deletions through whole', () => {
    expect(diff(null, { a: 1 })).toEqual({ before: null, after: { a: 1 } });
    expect(diff({ a: 1 }, null)).toEqual({ before: { a: 1 }, after: null });
  });
});
