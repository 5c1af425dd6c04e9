export { createUser } from './createUser.ts';
export { presentUser } from './present.ts';
export { markLoggedIn } from './repo.ts';
