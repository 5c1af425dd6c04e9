export { type OrgFacts, orgFacts } from './facts.ts';
export { findOwnOrganization } from './repo.ts';
export { readSettings } from './settings.ts';
