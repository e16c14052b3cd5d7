import type { DirectiveDetail, User } from '../../api/types.ts';
import { isAgencyRole } from '../../auth/session.tsx';
import type { Indicator } from './types.ts';

/**
 * Who may do what, mirroring server/auth/permissions.ts (policies.indicator) only to show the right buttons:
 * the server decides again on every request. An agency's sub-units are not known here, so a sub-unit's
 * officer may see no button where the server would allow: the safe side.
 */
const managesDirective = (user: User, directive: Pick<DirectiveDetail, 'coordinatorOrgId'> | undefined) =>
  user.role === 'admin' || (user.role === 'coordinator' && directive?.coordinatorOrgId === user.orgId);

export function canEnterValue(user: User, indicator: Pick<Indicator, 'monitors'>, directive: Pick<DirectiveDetail, 'coordinatorOrgId'> | undefined): boolean {
  return managesDirective(user, directive) || (isAgencyRole(user.role) && indicator.monitors.some((m) => m.orgId === user.orgId));
}

export function canVerifyValue(user: User, directive: Pick<DirectiveDetail, 'coordinatorOrgId'> | undefined): boolean {
  return managesDirective(user, directive);
}
