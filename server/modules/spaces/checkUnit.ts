import { AppError } from '../../platform/errors.ts';
import { areasValid, floorLabel } from './areas.ts';

/** The rules a unit's data must keep, whoever writes it (form, import). */
export function checkUnit(
  u: { grossArea: string; insideArea: string; usableArea: string; floor: number },
  building: { floorsAbove: number; floorsBelow: number },
) {
  if (!areasValid(u)) throw new AppError('UNIT_AREAS_INVALID', {}, 'usableArea');
  if (u.floor > building.floorsAbove || u.floor < -building.floorsBelow) {
    throw new AppError('UNIT_FLOOR_OUT_OF_RANGE', { floor: floorLabel(u.floor) }, 'floor');
  }
}
