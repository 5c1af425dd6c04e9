export { createUser } from './createUser.ts';
export { presentUser } from './present.ts';
export { activeUserIdsWithRoles, markLoggedIn } from './repo.ts';
