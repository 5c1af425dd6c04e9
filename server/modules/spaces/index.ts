/** What other modules may use: admissions reserve units, contracts lease them. */

export { areasValid, floorLabel } from './areas.ts';
export { occupyUnits, releaseUnits } from './occupy.ts';
export { findUnits, occupancyReport } from './queries.ts';
export { listBuildings, listUnits } from './repo.ts';
