import { describe, expect, it } from 'vitest';
import { endIsNear, eventFacts, fileHref, sizeText, yuanText } from './contractsFormat.ts';

describe('endIsNear', () => {
  const c = (status: 'active' | 'signed' | 'expired' | 'draft', daysToEnd: number, holdingOver = false) => ({
    status,
    daysToEnd,
    holdingOver,
  });

  it('turns red within 30 days of the end of a binding contract, and whenever the tenant holds over', () => {
    expect(endIsNear(c('active', 30))).toBe(true);
    expect(endIsNear(c('active', 31))).toBe(false);
    expect(endIsNear(c('signed', 0))).toBe(true);
    expect(endIsNear(c('expired', -40, true))).toBe(true);
  });

  it('says nothing of contracts that have ended or are not yet binding', () => {
    expect(endIsNear(c('expired', -3))).toBe(false);
    expect(endIsNear(c('draft', 5))).toBe(false);
  });
});

describe('display helpers', () => {
  it('format fen as yuan and leave a dash for nothing', () => {
    expect(yuanText(1_234_500)).toBe('¥12,345.00');
    expect(yuanText(null)).toBe('—');
  });

  it('write file sizes and keep API links under /api', () => {
    expect(sizeText(900)).toBe('900 B');
    expect(sizeText(2048)).toBe('2 KB');
    expect(sizeText(5 * 1024 * 1024)).toBe('5 MB');
    expect(fileHref('/api/v1/contracts/x/files/y')).toBe('/api/v1/contracts/x/files/y');
    expect(fileHref('/v1/contracts/x/files/y')).toBe('/api/v1/contracts/x/files/y');
  });

  it('show the known facts of an event in a fixed order and leave ids and nested data out', () => {
    expect(
      eventFacts({ reason: 'x', version: 2, custodianId: 'u', terms: { a: 1 }, comment: '', deadline: null }),
    ).toEqual([
      ['version', 2],
      ['reason', 'x'],
    ]);
  });
});
