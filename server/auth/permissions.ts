import type { Actor, Role } from './actor.ts';

/**
 * Every permission rule of Năm Rõ, declared in one place. Services ask `can…` before acting and
 * use `visibleOrgScope` to filter lists; routes never decide on their own.
 */

/** Roles that read every directive, task and assignment of the province. */
const READS_EVERYTHING: ReadonlySet<Role> = new Set(['admin', 'coordinator', 'leader', 'inspector', 'viewer']);
const AGENCY_ROLES: ReadonlySet<Role> = new Set(['agency_leader', 'agency_staff']);

export const isAgencyRole = (actor: Actor): boolean => AGENCY_ROLES.has(actor.role);
const inScope = (actor: Actor, orgId: number | null | undefined): boolean =>
  orgId != null && actor.orgScope.includes(orgId);

/** What a directive needs to be judged: the org that coordinates it. */
export interface DirectiveRef {
  coordinator_org_id: number | null;
}
/** What a task needs to be judged: its directive, and the orgs it names (lead or coordinating). */
export interface TaskRef {
  directive: DirectiveRef;
  orgIds: readonly number[];
}
/** What an assignment needs to be judged: its agency and its task's directive. */
export interface AssignmentRef {
  org_id: number;
  directive: DirectiveRef;
}

export const policies = {
  org: {
    read: (_a: Actor) => true,
    write: (a: Actor) => a.role === 'admin',
  },
  user: {
    /** The inspectorate reads accounts too: the audit log names users by id. */
    list: (a: Actor) => a.role === 'admin' || a.role === 'inspector',
    read: (a: Actor, user: { id: number }) => a.role === 'admin' || a.role === 'inspector' || a.userId === user.id,
    write: (a: Actor) => a.role === 'admin',
  },
  directive: {
    read: (_a: Actor) => true,
    create: (a: Actor) => a.role === 'admin' || a.role === 'coordinator',
    /** Coordinators manage the directives their own org coordinates. */
    manage: (a: Actor, d: DirectiveRef) =>
      a.role === 'admin' || (a.role === 'coordinator' && d.coordinator_org_id === a.orgId),
  },
  task: {
    read: (a: Actor, t: TaskRef) => READS_EVERYTHING.has(a.role) || t.orgIds.some((id) => inScope(a, id)),
    manage: (a: Actor, t: TaskRef) => policies.directive.manage(a, t.directive),
  },
  assignment: {
    read: (a: Actor, x: AssignmentRef) => READS_EVERYTHING.has(a.role) || inScope(a, x.org_id),
    /** The agency itself keeps its responsible person and progress up to date. */
    updateOwn: (a: Actor, x: AssignmentRef) => isAgencyRole(a) && inScope(a, x.org_id),
    /** Due dates, state and re-assignment belong to the directive's coordinator. */
    manage: (a: Actor, x: AssignmentRef) => policies.directive.manage(a, x.directive),
  },
  report: {
    /** Focal points and leaders of the agency draft its reports. */
    draft: (a: Actor, x: AssignmentRef) => isAgencyRole(a) && inScope(a, x.org_id),
    /** Only the agency's leader sends a report on its behalf; so with completion and extension requests. */
    submit: (a: Actor, x: AssignmentRef) => a.role === 'agency_leader' && inScope(a, x.org_id),
    review: (a: Actor, x: AssignmentRef) => policies.directive.manage(a, x.directive),
  },
  extension: {
    request: (a: Actor, x: AssignmentRef) => a.role === 'agency_leader' && inScope(a, x.org_id),
    /** The coordinator, or a leader of the People's Committee. */
    decide: (a: Actor, x: AssignmentRef) => a.role === 'leader' || policies.directive.manage(a, x.directive),
  },
  completion: {
    propose: (a: Actor, x: AssignmentRef) => a.role === 'agency_leader' && inScope(a, x.org_id),
    verify: (a: Actor, x: AssignmentRef) => policies.directive.manage(a, x.directive),
  },
  indicator: {
    /** The monitoring agency (cơ quan theo dõi) enters values; the directive's coordinator verifies them. */
    enter: (a: Actor, monitoringOrgIds: readonly number[], d: DirectiveRef) =>
      policies.directive.manage(a, d) || (isAgencyRole(a) && monitoringOrgIds.some((id) => inScope(a, id))),
    verify: (a: Actor, d: DirectiveRef) => policies.directive.manage(a, d),
  },
  reportTemplate: {
    /** The agency's offline Excel template: its own people (own org or a sub-unit); a coordinator or admin prepares one for any agency. */
    download: (a: Actor, orgId: number) => (isAgencyRole(a) && inScope(a, orgId)) || a.role === 'coordinator' || a.role === 'admin',
    /** Only the agency's own people upload it back; every row is still judged with report.draft. */
    upload: (a: Actor) => isAgencyRole(a),
  },
  comment: {
    /** Anyone who can read the task may comment; directions (ý kiến chỉ đạo) come from leaders and coordinators. */
    direct: (a: Actor, t: TaskRef) => a.role === 'leader' || a.role === 'admin' || policies.directive.manage(a, t.directive),
  },
  audit: {
    read: (a: Actor) => a.role === 'admin' || a.role === 'inspector',
  },
  document: {
    /**
     * The monthly synthesis names every agency's overdue tasks and missing reports: only roles that read
     * every agency. The viewer is one of them, as for /api/summary and the Excel export — the document
     * holds nothing it cannot already read. Agency roles are refused: it is about the other agencies too.
     */
    monthlyReport: (a: Actor) => READS_EVERYTHING.has(a.role),
    /** One agency's report: the roles above for any agency; an agency's own people for it and its sub-units. */
    agencyReport: (a: Actor, orgId: number) => READS_EVERYTHING.has(a.role) || (isAgencyRole(a) && inScope(a, orgId)),
  },
} as const;

/**
 * The org ids whose assignments and tasks a list may show, or 'all'.
 * Agency roles see their own org and its sub-units only.
 */
export function visibleOrgScope(actor: Actor): readonly number[] | 'all' {
  return READS_EVERYTHING.has(actor.role) ? 'all' : actor.orgScope;
}

/** A scope as the list an SQL `in` needs: an empty one matches nothing (-1 is never an id). */
export function scopeIds(scope: readonly number[]): number[] {
  return scope.length ? [...scope] : [-1];
}
