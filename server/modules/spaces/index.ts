/** What other modules may use: admissions reserve units, contracts lease them. */

export { areasValid, floorLabel } from './areas.ts';
export { endOccupancyAfter, occupyUnits, releaseUnits } from './occupy.ts';
export { findUnits, occupancyReport } from './queries.ts';
export {
  listBuildings,
  listUnits,
  type OccupancyConflict,
  occupancyConflicts,
  type UnitFacts,
  unitFacts,
} from './repo.ts';
