import type { Kysely } from 'kysely';
import type { Database, Directive, Org } from '../db/types.ts';
import { STATUS_CLASSES, STATUS_LABELS } from '../domain/status.ts';
import { vietnamDate } from '../domain/time.ts';
import { findDirective } from '../directives/service.ts';
import { findOrg } from '../orgs/service.ts';
import { orgSubtree } from '../orgs/scope.ts';
import { issuerFor } from './issuer.ts';
import { type MonthWindow, monthWindow } from './month.ts';
import type { Issuer } from './nd30.ts';
import { type PeriodReport, periodReports, requiredReports } from './period-facts.ts';
import { type AssignmentAsOf, type AssignmentFilter, assignmentsAsOf } from './status-as-of.ts';
import { date } from './wording.ts';

/**
 * Everything one agency (with its sub-units) owes under all directives or one: open assignments, what it
 * reported for the month, what is overdue, reports returned to it, requests still waiting for a decision.
 * The caller has checked policies.document.agencyReport for this org.
 */

interface TaskRef {
  directive: string;
  ordinal: string;
  title: string;
}
export interface AgencyData {
  org: Org;
  directive: Directive | null;
  window: MonthWindow;
  issuer: Issuer & { orgName: string };
  statuses: { label: string; count: number }[];
  total: number;
  open: (TaskRef & { unit: string | null; deadline: string; status: string; progress: number })[];
  reports: PeriodReport[];
  missing: TaskRef[];
  overdue: (TaskRef & { dueOn: string; daysLate: number })[];
  returned: (TaskRef & { period: string; returnedOn: string; comment: string })[];
  extensions: (TaskRef & { previousDue: string; requestedDue: string; requestedOn: string; reason: string })[];
  completions: (TaskRef & { proposedOn: string; note: string })[];
}

const ref = (r: AssignmentAsOf): TaskRef => ({ directive: r.directiveNumber, ordinal: r.ordinal, title: r.title });
const dayOf = (instant: string | null) => (instant ? date(vietnamDate(new Date(instant))) : '');

/** Reports of the agency still returned for correction, from any month up to this one. */
async function returnedReports(db: Kysely<Database>, f: Required<Pick<AssignmentFilter, 'orgIds'>> & AssignmentFilter, w: MonthWindow) {
  let q = db
    .selectFrom('progress_reports')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id')
    .innerJoin('assignments', 'assignments.id', 'progress_reports.assignment_id')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .select(['directives.number', 'tasks.ordinal', 'tasks.title', 'reporting_periods.label', 'progress_reports.reviewed_at', 'progress_reports.review_comment'])
    .where('progress_reports.state', '=', 'returned')
    .where('reporting_periods.starts_on', '<=', w.endsOn)
    .where('assignments.org_id', 'in', f.orgIds.length ? [...f.orgIds] : [-1]);
  if (f.directiveId) q = q.where('tasks.directive_id', '=', f.directiveId);
  const rows = await q.orderBy('reporting_periods.starts_on').orderBy('tasks.position').execute();
  return rows.map((r) => ({ directive: r.number, ordinal: r.ordinal, title: r.title, period: r.label, returnedOn: dayOf(r.reviewed_at), comment: r.review_comment ?? '' }));
}

/** Extension and completion requests of the agency waiting for the coordinator's decision. */
async function pendingRequests(db: Kysely<Database>, f: Required<Pick<AssignmentFilter, 'orgIds'>> & AssignmentFilter) {
  const orgIds = f.orgIds.length ? [...f.orgIds] : [-1];
  let ext = db
    .selectFrom('extension_requests')
    .innerJoin('assignments', 'assignments.id', 'extension_requests.assignment_id')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .select(['directives.number', 'tasks.ordinal', 'tasks.title', 'extension_requests.previous_due_on', 'extension_requests.requested_due_on', 'extension_requests.requested_at', 'extension_requests.reason'])
    .where('extension_requests.state', '=', 'pending')
    .where('assignments.org_id', 'in', orgIds);
  let done = db
    .selectFrom('completion_proposals')
    .innerJoin('assignments', 'assignments.id', 'completion_proposals.assignment_id')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .select(['directives.number', 'tasks.ordinal', 'tasks.title', 'completion_proposals.proposed_at', 'completion_proposals.product_note'])
    .where('completion_proposals.state', '=', 'pending')
    .where('assignments.org_id', 'in', orgIds);
  if (f.directiveId) {
    ext = ext.where('tasks.directive_id', '=', f.directiveId);
    done = done.where('tasks.directive_id', '=', f.directiveId);
  }
  const extensions = (await ext.orderBy('extension_requests.requested_at').execute()).map((e) => ({
    directive: e.number,
    ordinal: e.ordinal,
    title: e.title,
    previousDue: date(e.previous_due_on),
    requestedDue: date(e.requested_due_on),
    requestedOn: dayOf(e.requested_at),
    reason: e.reason,
  }));
  const completions = (await done.orderBy('completion_proposals.proposed_at').execute()).map((c) => ({ directive: c.number, ordinal: c.ordinal, title: c.title, proposedOn: dayOf(c.proposed_at), note: c.product_note }));
  return { extensions, completions };
}

export async function gatherAgency(db: Kysely<Database>, orgId: number, period: string, directiveId?: number): Promise<AgencyData> {
  const org = await findOrg(db, orgId);
  const directive = directiveId ? await findDirective(db, directiveId) : null;
  const window = monthWindow(period);
  const filter = { orgIds: await orgSubtree(db, orgId), ...(directiveId ? { directiveId } : {}) };
  const rows = await assignmentsAsOf(db, filter, window.asOf);
  const reports = await periodReports(db, filter, window.label);
  const reported = new Set(reports.map((r) => r.assignmentId));
  return {
    org,
    directive,
    window,
    issuer: await issuerFor(db, directive?.coordinator_org_id ?? null),
    statuses: STATUS_CLASSES.map((s) => ({ label: STATUS_LABELS[s], count: rows.filter((r) => r.statusClass === s).length })),
    total: rows.length,
    open: rows
      .filter((r) => r.open)
      .map((r) => ({ ...ref(r), unit: r.orgId === orgId ? null : r.orgName, deadline: r.deadlineText ?? date(r.dueOn), status: STATUS_LABELS[r.statusClass], progress: r.progress })),
    reports,
    missing: requiredReports(rows, window).filter((r) => !reported.has(r.id)).map(ref),
    overdue: rows.filter((r) => r.statusClass === 'overdue').sort((a, b) => b.daysLate - a.daysLate).map((r) => ({ ...ref(r), dueOn: date(r.dueOn), daysLate: r.daysLate })),
    returned: await returnedReports(db, filter, window),
    ...(await pendingRequests(db, filter)),
  };
}
