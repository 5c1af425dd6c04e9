/** What other modules may use: the routes; the use-cases the demo seed calls. */
export { createRate } from './rates.ts';
export { recordReadings } from './recordReadings.ts';
export { utilityRoutes } from './routes.ts';
export { createMeter } from './saveMeter.ts';
