import type { User } from '../../api/types.ts';

/** The same rule as the server's policies.directive.manage: an admin, or the coordinator of the directive's own org. */
export function managesDirective(user: User, coordinatorOrgId: number | null | undefined): boolean {
  return user.role === 'admin' || (user.role === 'coordinator' && coordinatorOrgId === user.orgId);
}
