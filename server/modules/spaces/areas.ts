/** An area string ('256.38') as whole hundredths of a m², so comparisons are exact. */
export function hundredths(area: string): number {
  const [int, frac = ''] = area.split('.');
  return Number(int) * 100 + Number(frac.padEnd(2, '0'));
}

/** usable <= inside <= gross, all above zero (套内 ≤ 建筑面积; 使用面积 smaller still). */
export function areasValid(a: { grossArea: string; insideArea: string; usableArea: string }): boolean {
  const [g, i, u] = [hundredths(a.grossArea), hundredths(a.insideArea), hundredths(a.usableArea)];
  return u > 0 && u <= i && i <= g;
}

export const floorLabel = (floor: number) => (floor < 0 ? `B${-floor}` : `${floor}F`);
