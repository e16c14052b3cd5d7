import type { Kysely } from 'kysely';
import { chunks } from '../db/batches.ts';
import type { Database } from '../db/types.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { type StatusClass, daysOverdue, rollUpStatus, statusClassOf } from '../domain/status.ts';
import { addDays, vietnamDate } from '../domain/time.ts';
import { getSetting, loadCalendar } from '../settings/service.ts';
import { groupBy } from '../collections.ts';

/**
 * Status classes as they stood at the end of a given day. The stored `status_class` is always today's;
 * a monthly synthesis compares a month with the one before, so it recomputes each class from the facts
 * with the same rule (domain/status.ts) and the same inputs as assignments/status.ts, read at that day:
 * completion dates, the due date before any later change, reports submitted by then, extensions decided by then.
 */

export interface AssignmentFilter {
  directiveId?: number;
  orgIds?: readonly number[];
}

export interface AssignmentAsOf {
  id: number;
  taskId: number;
  orgId: number;
  orgName: string;
  directiveNumber: string;
  ordinal: string;
  title: string;
  deadlineText: string | null;
  deadlineKind: string;
  taskPosition: number;
  /** Not completed by the day. */
  open: boolean;
  completedOn: string | null;
  /** The due date in force that day, moved to a working day. */
  dueOn: string | null;
  statusClass: StatusClass;
  /** Days past due: open and overdue, or how late it was completed. */
  daysLate: number;
  progress: number;
}

interface StatusContext {
  calendar: WorkingCalendar;
  dueSoonDays: number;
}

async function statusContext(db: Kysely<Database>): Promise<StatusContext> {
  return { calendar: await loadCalendar(db), dueSoonDays: await getSetting(db, 'status.dueSoonDays') };
}

/** The last instant of a Vietnamese day, as the ISO UTC text instants are stored in. */
const endOfDayUtc = (day: string) => new Date(`${addDays(day, 1)}T00:00:00+07:00`).getTime() - 1;
const before = (instant: string | null, limit: number) => instant !== null && Date.parse(instant) <= limit;

/** Runs a query per chunk of ids, so a long list never exceeds SQLite's parameter limit. */
async function chunked<T>(ids: readonly number[], run: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const chunk of chunks(ids, 5_000)) out.push(...(await run(chunk)));
  return out;
}

function baseRows(db: Kysely<Database>, f: AssignmentFilter) {
  let q = db
    .selectFrom('assignments')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .innerJoin('orgs', 'orgs.id', 'assignments.org_id')
    .select(['assignments.id', 'assignments.task_id', 'assignments.org_id', 'orgs.name as org_name', 'assignments.state', 'assignments.due_on', 'assignments.original_due_on', 'assignments.completed_on', 'assignments.progress'])
    .select(['directives.number', 'tasks.ordinal', 'tasks.title', 'tasks.deadline_text', 'tasks.deadline_kind', 'tasks.position', 'tasks.directive_id'])
    .where('assignments.state', '!=', 'cancelled');
  if (f.directiveId) q = q.where('tasks.directive_id', '=', f.directiveId);
  if (f.orgIds) q = q.where('assignments.org_id', 'in', f.orgIds.length ? [...f.orgIds] : [-1]);
  return q.orderBy('directives.id').orderBy('tasks.position').orderBy('assignments.id').execute();
}

/** The facts that changed after the day: reports by then, due dates changed later, extensions decided by then. */
async function historyOf(db: Kysely<Database>, ids: readonly number[], limit: number) {
  const reports = await chunked(ids, (c) =>
    db.selectFrom('progress_reports').select(['assignment_id', 'progress', 'submitted_at']).where('assignment_id', 'in', c).where('state', 'in', ['submitted', 'accepted']).where('submitted_at', 'is not', null).orderBy('submitted_at').execute(),
  );
  const changes = await chunked(ids, (c) => db.selectFrom('assignment_due_changes').select(['assignment_id', 'old_due_on', 'changed_at']).where('assignment_id', 'in', c).orderBy('changed_at').orderBy('id').execute());
  const extensions = await chunked(ids, (c) => db.selectFrom('extension_requests').select(['assignment_id', 'decided_at']).where('assignment_id', 'in', c).where('state', '=', 'approved').execute());
  const lastProgress = new Map<number, number>();
  for (const r of reports) if (before(r.submitted_at, limit)) lastProgress.set(r.assignment_id, r.progress);
  // The first change after the day tells the due date that was in force on it.
  const dueThen = new Map<number, string | null>();
  for (const c of changes) if (!before(c.changed_at, limit) && !dueThen.has(c.assignment_id)) dueThen.set(c.assignment_id, c.old_due_on);
  return { lastProgress, dueThen, extensions: extensions.filter((e) => before(e.decided_at, limit)) };
}

/** Every non-cancelled assignment matching the filter with its status class as it stood at the end of `asOf`. */
export async function assignmentsAsOf(db: Kysely<Database>, f: AssignmentFilter, asOf: string): Promise<AssignmentAsOf[]> {
  const rows = await baseRows(db, f);
  const { calendar, dueSoonDays } = await statusContext(db);
  const limit = endOfDayUtc(asOf);
  const history = await historyOf(db, rows.map((r) => r.id), limit);
  const current = asOf >= vietnamDate();
  const effective = (d: string | null) => (d ? calendar.onOrNextWorkingDay(d) : null);
  return rows.map((a) => {
    const due = history.dueThen.has(a.id) ? (history.dueThen.get(a.id) ?? null) : a.due_on;
    const original = a.original_due_on ?? due;
    // Lateness is judged against the original date unless an extension was approved before that date passed.
    const timely = history.extensions.some((e) => e.assignment_id === a.id && e.decided_at && (!original || vietnamDate(new Date(e.decided_at)) <= original));
    const judged = effective(timely ? due : original);
    const completedOn = a.state === 'completed' && a.completed_on && a.completed_on <= asOf ? a.completed_on : null;
    const progress = completedOn ? 100 : current ? a.progress : (history.lastProgress.get(a.id) ?? 0);
    const dueOn = effective(due);
    const statusClass = statusClassOf(
      { state: completedOn ? 'completed' : 'open', deadlineKind: a.deadline_kind, dueOn, judgedDueOn: judged, completedOn, progress, hasReport: history.lastProgress.has(a.id) },
      asOf,
      dueSoonDays,
    );
    const daysLate = statusClass === 'overdue' ? daysOverdue(dueOn, asOf) : statusClass === 'completed_late' && completedOn ? daysOverdue(judged ?? dueOn, completedOn) : 0;
    return {
      id: a.id,
      taskId: a.task_id,
      orgId: a.org_id,
      orgName: a.org_name,
      directiveNumber: a.number,
      ordinal: a.ordinal,
      title: a.title,
      deadlineText: a.deadline_text,
      deadlineKind: a.deadline_kind,
      taskPosition: a.position,
      open: completedOn === null,
      completedOn,
      dueOn,
      statusClass,
      daysLate,
      progress,
    };
  });
}

/** A task without assignments is judged on its own deadline, as assignments/status.ts does. */
export async function bareTaskStatus(db: Kysely<Database>, task: { deadline_kind: string; due_on: string | null }, asOf: string): Promise<StatusClass> {
  const { calendar, dueSoonDays } = await statusContext(db);
  const due = task.due_on ? calendar.onOrNextWorkingDay(task.due_on) : null;
  return statusClassOf({ state: 'open', deadlineKind: task.deadline_kind, dueOn: due, judgedDueOn: due, completedOn: null, progress: 0, hasReport: false }, asOf, dueSoonDays);
}

/** Task status rolled up from its assignments: the worst open one leads (domain/status.ts). */
export function rollUpByTask(rows: readonly AssignmentAsOf[]): Map<number, StatusClass> {
  const classes = groupBy(rows, (r) => r.taskId, (r) => r.statusClass);
  return new Map([...classes].map(([id, list]) => [id, rollUpStatus(list)]));
}
