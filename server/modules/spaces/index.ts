/** What other modules may use: admissions reserve units, contracts lease them. */
export { occupyUnits, releaseUnits } from './occupy.ts';
export { listUnits } from './repo.ts';
