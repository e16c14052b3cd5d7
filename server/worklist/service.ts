import type { Kysely } from 'kysely';
import { chunks } from '../db/batches.ts';
import type { Actor } from '../auth/actor.ts';
import { policies, scopeIds, visibleOrgScope } from '../auth/permissions.ts';
import type { Database } from '../db/types.ts';
import { REPORT_STATES } from '../reports/schemas.ts';
import { daysOverdue } from '../domain/status.ts';
import { vietnamDate } from '../domain/time.ts';
import { periodContaining, periodKindOf } from '../periods/service.ts';
import { getSetting, loadCalendar } from '../settings/service.ts';
import type { CoordinationView, PeriodReportState, PeriodWorkItem, PeriodWorkQuery, ReviewQueueItem } from './schemas.ts';

/**
 * "What must be done now": the current period's report of every open assignment a user sees, and for a
 * coordinator the decisions waiting on them. Read-only: periods are computed, not created, so that looking
 * at the home page never writes.
 */

interface CurrentPeriod {
  label: string;
  dueOn: string;
}

/** The period each directive reports for today (the row may not exist yet: nobody has drafted in it). */
async function currentPeriods(db: Kysely<Database>, directiveIds: readonly number[], today: string): Promise<Map<number, CurrentPeriod>> {
  const periods = new Map<number, CurrentPeriod>();
  if (!directiveIds.length) return periods;
  const calendar = await loadCalendar(db);
  const defaultDue = await getSetting(db, 'reporting.dueDay');
  const defaultMeeting = await getSetting(db, 'reporting.meetingDay');
  const directives = await db.selectFrom('directives').select(['id', 'report_frequency', 'reporting_day', 'meeting_day']).where('id', 'in', [...directiveIds]).execute();
  for (const d of directives) {
    const shape = periodContaining(today, periodKindOf(d.report_frequency), d.reporting_day ?? defaultDue, d.meeting_day ?? defaultMeeting, calendar);
    periods.set(d.id, { label: shape.label, dueOn: shape.dueOn });
  }
  return periods;
}

function openAssignments(db: Kysely<Database>) {
  return db
    .selectFrom('assignments')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .innerJoin('orgs', 'orgs.id', 'assignments.org_id')
    .where('assignments.state', '=', 'open')
    .where('directives.state', '=', 'active');
}

type ReportRow = { id: number; assignment_id: number; state: string; late: number; return_count: number; review_comment: string | null; submitted_at: string | null; updated_at: string; label: string };

/** The reports of these assignments in the given period labels, keyed "assignment:label". */
async function reportsOf(db: Kysely<Database>, assignmentIds: readonly number[], labels: readonly string[]): Promise<Map<string, ReportRow>> {
  const found = new Map<string, ReportRow>();
  if (!labels.length) return found;
  for (const ids of chunks(assignmentIds)) {
    const rows = await db
      .selectFrom('progress_reports')
      .innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id')
      .select(['progress_reports.id', 'progress_reports.assignment_id', 'progress_reports.state', 'progress_reports.late', 'progress_reports.return_count', 'progress_reports.review_comment', 'progress_reports.submitted_at', 'progress_reports.updated_at', 'reporting_periods.label'])
      .where('progress_reports.assignment_id', 'in', ids)
      .where('reporting_periods.label', 'in', [...labels])
      .execute();
    for (const r of rows) found.set(`${r.assignment_id}:${r.label}`, r);
  }
  return found;
}

/** The columns that name an assignment's task, directive and agency. */
const TASK_REF_COLUMNS = ['tasks.id as task_id', 'tasks.ordinal', 'tasks.title', 'directives.id as directive_id', 'directives.number', 'orgs.id as org_id', 'orgs.name as org_name'] as const;
/** …and its dates, as a pending request shows them. */
const REF_COLUMNS = ['assignments.due_on', 'assignments.original_due_on', ...TASK_REF_COLUMNS] as const;

const asPeriodState = (state: string | undefined): PeriodReportState => ((REPORT_STATES as readonly (string | undefined)[]).includes(state) ? (state as PeriodReportState) : 'not_started');

/** Every open assignment the actor sees, with its report for the current period of its directive. */
export async function periodWork(db: Kysely<Database>, actor: Actor, q: PeriodWorkQuery) {
  const today = vietnamDate();
  const scope = visibleOrgScope(actor);
  let base = openAssignments(db);
  if (scope !== 'all') base = base.where('assignments.org_id', 'in', scopeIds(scope));
  if (q.directiveId) base = base.where('tasks.directive_id', '=', q.directiveId);
  const rows = await base
    .select([
      'assignments.id',
      'assignments.status_class',
      'assignments.progress',
      ...REF_COLUMNS,
    ])
    .orderBy('directives.id')
    .orderBy('tasks.position')
    .orderBy('orgs.sort_key')
    .orderBy('assignments.id')
    .execute();
  const periods = await currentPeriods(db, [...new Set(rows.map((r) => r.directive_id))], today);
  const reports = await reportsOf(db, rows.map((r) => r.id), [...new Set([...periods.values()].map((p) => p.label))]);
  const counts: Record<PeriodReportState, number> = { not_started: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 };
  const items: PeriodWorkItem[] = [];
  for (const r of rows) {
    const period = periods.get(r.directive_id);
    if (!period) continue;
    const report = reports.get(`${r.id}:${period.label}`);
    const reportState = asPeriodState(report?.state);
    counts[reportState]++;
    if (q.state && q.state !== reportState) continue;
    items.push({
      assignmentId: r.id,
      task: { id: r.task_id, ordinal: r.ordinal, title: r.title },
      directive: { id: r.directive_id, number: r.number },
      org: { id: r.org_id, name: r.org_name },
      statusClass: r.status_class,
      progress: r.progress,
      dueOn: r.due_on,
      originalDueOn: r.original_due_on,
      daysOverdue: daysOverdue(r.due_on, today),
      period,
      reportState,
      report: report
        ? { id: report.id, late: report.late === 1, returnCount: report.return_count, reviewComment: report.review_comment, submittedAt: report.submitted_at, updatedAt: report.updated_at }
        : null,
    });
  }
  return { today, items, counts };
}

/** The ids of the active directives the actor coordinates (all of them for an admin). */
async function managedDirectiveIds(db: Kysely<Database>, actor: Actor): Promise<number[]> {
  const directives = await db.selectFrom('directives').select(['id', 'coordinator_org_id']).where('state', '=', 'active').execute();
  return directives.filter((d) => policies.directive.manage(actor, d)).map((d) => d.id);
}

async function evidenceOf(db: Kysely<Database>, column: 'progress_report_id' | 'completion_proposal_id', ids: readonly number[]) {
  const byOwner = new Map<number, ReviewQueueItem['evidence']>();
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('evidence').selectAll().where(column, 'in', part).orderBy('id').execute();
    for (const e of rows) {
      const owner = e[column];
      if (owner === null) continue;
      const list = byOwner.get(owner) ?? [];
      list.push({ id: e.id, docNumber: e.doc_number, docDate: e.doc_date, url: e.url, fileId: e.file_id, note: e.note });
      byOwner.set(owner, list);
    }
  }
  return byOwner;
}

/**
 * Submitted reports of the given directives, waiting for review. A report's period belongs to its task's
 * directive, so the periods lead to them through migration 0006's index on (period, state, submitted):
 * a province's few thousand, where going by state walked the whole country's.
 */
function waitingReports(db: Kysely<Database>, directiveIds: readonly number[]) {
  return db
    .selectFrom('progress_reports as waiting')
    .innerJoin('reporting_periods as waiting_period', 'waiting_period.id', 'waiting.period_id')
    .where('waiting.state', '=', 'submitted')
    .where('waiting_period.directive_id', 'in', [...directiveIds]);
}

/** A desk shows the oldest reports first, a few hundred at a time: a province's backlog can be thousands. */
export const REVIEW_QUEUE_LIMIT = 200;

/** The oldest submitted reports of the directives the actor coordinates (at most REVIEW_QUEUE_LIMIT), and how many wait in all. */
export async function reviewQueue(db: Kysely<Database>, actor: Actor): Promise<{ items: ReviewQueueItem[]; total: number }> {
  const managed = await managedDirectiveIds(db, actor);
  if (!managed.length) return { items: [], total: 0 };
  const waiting = waitingReports(db, managed);
  const counted = await waiting.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  // The oldest ids first, from the index alone; the rest of each row for those only.
  const oldest = waiting.select('waiting.id').orderBy('waiting.submitted_at').orderBy('waiting.id').limit(REVIEW_QUEUE_LIMIT);
  const rows = await db
    .selectFrom('progress_reports')
    .innerJoin(oldest.as('oldest'), 'oldest.id', 'progress_reports.id')
    .innerJoin('assignments', 'assignments.id', 'progress_reports.assignment_id')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .innerJoin('orgs', 'orgs.id', 'assignments.org_id')
    .select([
      'progress_reports.id',
      'progress_reports.assignment_id',
      'progress_reports.progress',
      'progress_reports.results',
      'progress_reports.obstacles',
      'progress_reports.proposals',
      'progress_reports.late',
      'progress_reports.return_count',
      'progress_reports.submitted_at',
      'reporting_periods.label',
      'reporting_periods.due_on',
      ...TASK_REF_COLUMNS,
    ])
    .orderBy('progress_reports.submitted_at')
    .orderBy('progress_reports.id')
    .execute();
  const evidence = await evidenceOf(db, 'progress_report_id', rows.map((r) => r.id));
  const items = rows.map((r) => ({
    id: r.id,
    assignmentId: r.assignment_id,
    period: { label: r.label, dueOn: r.due_on },
    task: { id: r.task_id, ordinal: r.ordinal, title: r.title },
    directive: { id: r.directive_id, number: r.number },
    org: { id: r.org_id, name: r.org_name },
    progress: r.progress,
    results: r.results,
    obstacles: r.obstacles,
    proposals: r.proposals,
    late: r.late === 1,
    returnCount: r.return_count,
    submittedAt: r.submitted_at,
    evidence: evidence.get(r.id) ?? [],
  }));
  return { items, total: Number(counted?.n ?? 0) };
}

/** The coordinator's home: the review queue's size, who has not reported this period, pending requests. */
export async function coordination(db: Kysely<Database>, actor: Actor): Promise<CoordinationView> {
  const today = vietnamDate();
  const managed = await managedDirectiveIds(db, actor);
  if (!managed.length) return { today, reviewQueue: 0, missing: [], extensions: [], completions: [] };

  const queued = await waitingReports(db, managed)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();

  const open = await openAssignments(db)
    .select(['assignments.id', 'tasks.directive_id', 'directives.number', 'orgs.id as org_id', 'orgs.name as org_name', 'orgs.sort_key'])
    .where('tasks.directive_id', 'in', managed)
    .orderBy('directives.id')
    .orderBy('orgs.sort_key')
    .execute();
  const periods = await currentPeriods(db, managed, today);
  const reports = await reportsOf(db, open.map((a) => a.id), [...new Set([...periods.values()].map((p) => p.label))]);
  const missing = new Map<string, CoordinationView['missing'][number]>();
  for (const a of open) {
    const period = periods.get(a.directive_id);
    if (!period) continue;
    const state = reports.get(`${a.id}:${period.label}`)?.state;
    if (state === 'submitted' || state === 'accepted') continue;
    const key = `${a.directive_id}:${a.org_id}`;
    const entry = missing.get(key) ?? { org: { id: a.org_id, name: a.org_name }, directive: { id: a.directive_id, number: a.number }, period, count: 0 };
    entry.count++;
    missing.set(key, entry);
  }

  const refs = (r: { due_on: string | null; original_due_on: string | null; task_id: number; ordinal: string; title: string; directive_id: number; number: string; org_id: number; org_name: string }) => ({
    task: { id: r.task_id, ordinal: r.ordinal, title: r.title },
    directive: { id: r.directive_id, number: r.number },
    org: { id: r.org_id, name: r.org_name },
    dueOn: r.due_on,
    originalDueOn: r.original_due_on,
  });

  const extensionRows = await db
    .selectFrom('extension_requests')
    .innerJoin('assignments', 'assignments.id', 'extension_requests.assignment_id')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .innerJoin('orgs', 'orgs.id', 'assignments.org_id')
    .select(REF_COLUMNS)
    .select(['extension_requests.id', 'extension_requests.assignment_id', 'extension_requests.previous_due_on', 'extension_requests.requested_due_on', 'extension_requests.reason', 'extension_requests.requested_at'])
    .where('extension_requests.state', '=', 'pending')
    .where('tasks.directive_id', 'in', managed)
    .orderBy('extension_requests.requested_at')
    .execute();
  const completionRows = await db
    .selectFrom('completion_proposals')
    .innerJoin('assignments', 'assignments.id', 'completion_proposals.assignment_id')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .innerJoin('orgs', 'orgs.id', 'assignments.org_id')
    .select(REF_COLUMNS)
    .select(['completion_proposals.id', 'completion_proposals.assignment_id', 'completion_proposals.product_note', 'completion_proposals.proposed_at'])
    .where('completion_proposals.state', '=', 'pending')
    .where('tasks.directive_id', 'in', managed)
    .orderBy('completion_proposals.proposed_at')
    .execute();
  const completionEvidence = await evidenceOf(db, 'completion_proposal_id', completionRows.map((c) => c.id));

  return {
    today,
    reviewQueue: Number(queued.n),
    missing: [...missing.values()],
    extensions: extensionRows.map((r) => ({ id: r.id, assignmentId: r.assignment_id, ...refs(r), previousDueOn: r.previous_due_on, requestedDueOn: r.requested_due_on, reason: r.reason, requestedAt: r.requested_at })),
    completions: completionRows.map((r) => ({ id: r.id, assignmentId: r.assignment_id, ...refs(r), productNote: r.product_note, proposedAt: r.proposed_at, evidence: completionEvidence.get(r.id) ?? [] })),
  };
}
