export { createUser } from './createUser.ts';
export { presentUser } from './present.ts';
export { activeUserIdsWithRoles, findUser, markLoggedIn, staffIdByUsername } from './repo.ts';
