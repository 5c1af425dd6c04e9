import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../app/format.ts';
import {
  exceeds,
  floorInBuilding,
  floorLabel,
  hundredths,
  leasedPercent,
  priceText,
} from './spacesFormat.ts';

describe('floorLabel', () => {
  it('writes floors above ground with F and basements with B', () => {
    expect(floorLabel(12)).toBe('12F');
    expect(floorLabel(1)).toBe('1F');
    expect(floorLabel(-1)).toBe('B1');
    expect(floorLabel(-2)).toBe('B2');
  });
});

describe('priceText', () => {
  it('drops the trailing zeros beyond two decimals', () => {
    expect(priceText('6.7600')).toBe('6.76');
    expect(priceText('1.2050')).toBe('1.205');
    expect(priceText('5.0000')).toBe('5.00');
    expect(priceText('12')).toBe('12');
  });
});

describe('areas', () => {
  it('groups thousands without touching the decimals', () => {
    expect(groupDigits('1234567.80')).toBe('1,234,567.80');
    expect(groupDigits('999')).toBe('999');
    expect(groupDigits('0.5')).toBe('0.5');
  });

  it('reads at most two decimals exactly, and nothing else', () => {
    expect(hundredths('243.1')).toBe(24310);
    expect(hundredths('0.07')).toBe(7);
    expect(hundredths('12')).toBe(1200);
    expect(hundredths('1.234')).toBeNull();
    expect(hundredths('-1')).toBeNull();
    expect(hundredths('')).toBeNull();
  });

  it('compares areas exactly, and only when both are areas', () => {
    expect(exceeds('100.01', '100')).toBe(true);
    expect(exceeds('80.50', '80.5')).toBe(false);
    expect(exceeds('0.01', '0')).toBe(true);
    expect(exceeds('', '90')).toBe(false);
    expect(exceeds('1.234', '1')).toBe(false);
  });

  it('gives the leased share with one decimal', () => {
    expect(leasedPercent('0.00', '1000.00')).toBe(0);
    expect(leasedPercent('333.33', '1000.00')).toBe(33.3);
    expect(leasedPercent('0', '0')).toBe(0);
  });
});

describe('floorInBuilding', () => {
  const building = { floorsAbove: 20, floorsBelow: 2 };
  it('accepts the floors the building has and no floor 0', () => {
    expect(floorInBuilding(20, building)).toBe(true);
    expect(floorInBuilding(-2, building)).toBe(true);
    expect(floorInBuilding(21, building)).toBe(false);
    expect(floorInBuilding(-3, building)).toBe(false);
    expect(floorInBuilding(0, building)).toBe(false);
  });
});
