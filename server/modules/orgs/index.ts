export { findOwnOrganization } from './repo.ts';
export { readSettings } from './settings.ts';
