import type { Role } from '../../../common/roles.ts';

/**
 * Every route declares who may call it, next to its definition: `public`, `authenticated`, or a list of
 * roles (any one of them suffices). A route without a policy is refused (and fails the route-policy test).
 */
export type Policy = 'public' | 'authenticated' | readonly Role[];

export type PolicyDecision = 'allow' | 'unauthenticated' | 'forbidden';

export function decide(policy: Policy | undefined, roles: readonly Role[] | null): PolicyDecision {
  if (policy === 'public') return 'allow';
  if (!roles) return 'unauthenticated';
  if (policy === 'authenticated') return 'allow';
  if (!policy) return 'forbidden';
  return policy.some((r) => roles.includes(r)) ? 'allow' : 'forbidden';
}
