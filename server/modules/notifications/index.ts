export { notifyRoles, notifyUsers } from './notify.ts';
export type { NewNotification } from './repo.ts';
