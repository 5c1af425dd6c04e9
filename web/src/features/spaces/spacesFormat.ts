import type { UnitStatus } from './spacesApi.ts';

/** `12F` above ground, `B1` below; floor 0 does not exist. */
export function floorLabel(floor: number): string {
  return floor < 0 ? `B${-floor}` : `${floor}F`;
}

/** A price without the trailing zeros of its four decimals, keeping two: `6.7600` → `6.76`, `1.2050` → `1.205`. */
export function priceText(value: string): string {
  return value.includes('.') ? value.replace(/(\.\d\d\d*?)0+$/, '$1') : value;
}

/** m² with at most two decimals as hundredths, or null when the text is not such an area. */
export function hundredths(value: string | undefined | null): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec((value ?? '').trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Leased share of the leasable area, one decimal, 0 when nothing is leasable. */
export function leasedPercent(leasedArea: string, leasableArea: string): number {
  const leased = hundredths(leasedArea) ?? 0;
  const leasable = hundredths(leasableArea) ?? 0;
  return leasable === 0 ? 0 : Math.round((leased / leasable) * 1000) / 10;
}

/** Status colours: antd preset for tags, border and fill for the floor-plan tiles. */
export const STATUS_COLORS: Record<UnitStatus, { tag: string; solid: string; fill: string }> = {
  vacant: { tag: 'green', solid: '#52c41a', fill: '#d9f7be' },
  reserved: { tag: 'gold', solid: '#faad14', fill: '#fff1b8' },
  leased: { tag: 'blue', solid: '#1677ff', fill: '#bae0ff' },
  unavailable: { tag: 'default', solid: '#8c8c8c', fill: '#e4e4e4' },
};

/** True when both are areas and the first is larger: usable ≤ inside ≤ gross is what the server requires. */
export function exceeds(area: string | undefined, limit: string | undefined): boolean {
  const [a, b] = [hundredths(area), hundredths(limit)];
  return a !== null && b !== null && a > b;
}

/** Floors a building has: 1..floorsAbove and -1..-floorsBelow. */
export function floorInBuilding(floor: number, building: { floorsAbove: number; floorsBelow: number }) {
  return (
    Number.isInteger(floor) && floor !== 0 && floor <= building.floorsAbove && floor >= -building.floorsBelow
  );
}
