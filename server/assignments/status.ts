import type { Kysely } from 'kysely';
import { chunks } from '../db/batches.ts';
import type { Database } from '../db/types.ts';
import { rollUpStatus, statusClassOf } from '../domain/status.ts';
import { addDays, vietnamDate } from '../domain/time.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { type AuditEntry, recordAudits } from '../audit/service.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { getSetting, loadCalendar } from '../settings/service.ts';
import { groupBy, pushInto } from '../collections.ts';

/**
 * Recomputes the stored status class of a task's assignments and of the task itself, in the caller's
 * transaction, so lists and dashboards can filter on a column that is always in step with the facts.
 */
export async function refreshTaskStatus(trx: Kysely<Database>, taskId: number, today: string = vietnamDate(), calendar?: WorkingCalendar): Promise<void> {
  await refreshTaskStatuses(trx, [taskId], today, calendar);
}

/**
 * The same for many tasks, set by set: a few reads per 500 tasks and one update per status class that
 * changed, so an import of a whole plan or the daily pass costs a handful of round trips, not one per row.
 */
export async function refreshTaskStatuses(trx: Kysely<Database>, taskIds: readonly number[], today: string = vietnamDate(), calendar?: WorkingCalendar): Promise<void> {
  if (taskIds.length === 0) return;
  // A due date that falls on a day off is met by the next working day.
  const cal = calendar ?? (await loadCalendar(trx));
  const effective = (d: string | null) => (d ? cal.onOrNextWorkingDay(d) : null);
  const dueSoonDays = await getSetting(trx, 'status.dueSoonDays');
  for (const chunk of chunks(taskIds)) {
    const [tasks, rows, approved] = await Promise.all([
      trx.selectFrom('tasks').select(['id', 'deadline_kind', 'due_on', 'status_class']).where('id', 'in', chunk).execute(),
      trx
        .selectFrom('assignments')
        .leftJoin('progress_reports', (j) => j.onRef('progress_reports.assignment_id', '=', 'assignments.id').on('progress_reports.state', 'in', ['submitted', 'accepted']))
        .select(['assignments.id', 'assignments.task_id', 'assignments.state', 'assignments.due_on', 'assignments.original_due_on', 'assignments.completed_on', 'assignments.progress', 'assignments.status_class'])
        .select((eb) => eb.fn.count<number>('progress_reports.id').as('reports'))
        .where('assignments.task_id', 'in', chunk)
        .groupBy(['assignments.id', 'assignments.task_id', 'assignments.state', 'assignments.due_on', 'assignments.original_due_on', 'assignments.completed_on', 'assignments.progress', 'assignments.status_class'])
        .execute(),
      trx
        .selectFrom('extension_requests')
        .innerJoin('assignments', 'assignments.id', 'extension_requests.assignment_id')
        .select(['extension_requests.assignment_id', 'extension_requests.decided_at', 'assignments.original_due_on'])
        .where('assignments.task_id', 'in', chunk)
        .where('extension_requests.state', '=', 'approved')
        .execute(),
    ]);
    // Lateness is judged against the original date unless an extension was approved before that date passed.
    const timelyExtensions = new Set(approved.filter((e) => e.decided_at && (!e.original_due_on || vietnamDate(new Date(e.decided_at)) <= e.original_due_on)).map((e) => e.assignment_id));
    const classesByTask = new Map<number, string[]>();
    const changedAssignments = new Map<number, string>();
    const audits: AuditEntry[] = [];
    const kindOf = new Map(tasks.map((t) => [t.id, t.deadline_kind]));
    for (const a of rows) {
      if (a.state === 'cancelled') continue;
      const cls = statusClassOf(
        {
          state: a.state,
          deadlineKind: kindOf.get(a.task_id) ?? 'unspecified',
          dueOn: effective(a.due_on),
          judgedDueOn: effective(timelyExtensions.has(a.id) ? a.due_on : (a.original_due_on ?? a.due_on)),
          completedOn: a.completed_on,
          progress: a.progress,
          hasReport: Number(a.reports) > 0,
        },
        today,
        dueSoonDays,
      );
      pushInto(classesByTask, a.task_id, cls);
      if (cls !== a.status_class) {
        changedAssignments.set(a.id, cls);
        // Status changes are facts of the task's history (the timeline shows them), written by the system.
        audits.push({ action: 'status_change', entityType: 'assignment', entityId: a.id, before: { statusClass: a.status_class }, after: { statusClass: cls, on: today } });
      }
    }
    const changedTasks = new Map<number, string>();
    for (const t of tasks) {
      const classes = classesByTask.get(t.id);
      const cls = classes?.length
        ? rollUpStatus(classes)
        : statusClassOf({ state: 'open', deadlineKind: t.deadline_kind, dueOn: effective(t.due_on), judgedDueOn: effective(t.due_on), completedOn: null, progress: 0, hasReport: false }, today, dueSoonDays);
      if (cls !== t.status_class) changedTasks.set(t.id, cls);
    }
    for (const [cls, ids] of groupBy(changedAssignments, ([, statusClass]) => statusClass, ([id]) => id)) {
      for (const part of chunks(ids)) await trx.updateTable('assignments').set({ status_class: cls }).where('id', 'in', part).execute();
    }
    for (const [cls, ids] of groupBy(changedTasks, ([, statusClass]) => statusClass, ([id]) => id)) await trx.updateTable('tasks').set({ status_class: cls }).where('id', 'in', ids).execute();
    await recordAudits(trx, SYSTEM_ACTOR, audits);
  }
}

/** Longer than any run of days off (Tết with its weekends), so a moved due day is always inside the window. */
const CALENDAR_SLACK_DAYS = 16;

/**
 * The tasks whose status the passing of days can change today. Statuses are recomputed in the transaction
 * of every write, so the clock alone moves only assignments whose due day is near or just passed: open,
 * due within the "due soon" window (plus the calendar slack), not yet overdue — or overdue so recently that
 * a newly announced day off could still move them back; stored "due soon" (the window may have shrunk);
 * and annual tasks, whose yearly occurrence rolls over. Everything else keeps its class, so at 600,000
 * assignments the pass reads an index range instead of every task.
 */
export async function tasksTheClockMayChange(db: Kysely<Database>, today: string, dueSoonDays: number): Promise<number[]> {
  const horizon = addDays(today, dueSoonDays + CALENDAR_SLACK_DAYS);
  const recent = addDays(today, -CALENDAR_SLACK_DAYS);
  const nearDue = db
    .selectFrom('assignments')
    .select('task_id')
    .where('state', '=', 'open')
    .where('due_on', 'is not', null)
    .where('due_on', '<=', horizon)
    .where((eb) => eb.or([eb('status_class', '!=', 'overdue'), eb('due_on', '>=', recent)]));
  const dueSoon = db.selectFrom('assignments').select('task_id').where('state', '=', 'open').where('status_class', '=', 'due_soon');
  const annual = db
    .selectFrom('assignments')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .select('assignments.task_id')
    .where('assignments.state', '=', 'open')
    .where('tasks.deadline_kind', '=', 'annual');
  const rows = await nearDue.union(dueSoon).union(annual).execute();
  return rows.map((r) => r.task_id).sort((a, b) => a - b);
}

/**
 * The daily pass: the tasks the clock may have moved are recomputed, in short batched transactions.
 * `everyTask` recomputes all of them (after the business date was moved backwards, as a demo does).
 */
export async function refreshAllStatuses(db: Kysely<Database>, today: string = vietnamDate(), options: { everyTask?: boolean } = {}): Promise<number> {
  const taskIds = options.everyTask
    ? (await db.selectFrom('tasks').select('id').orderBy('id').execute()).map((t) => t.id)
    : await tasksTheClockMayChange(db, today, await getSetting(db, 'status.dueSoonDays'));
  // Short transactions: writers are never held up for long, and a crash loses at most one batch of work.
  const BATCH = 2_000;
  const calendar = await loadCalendar(db);
  for (let i = 0; i < taskIds.length; i += BATCH) {
    const batch = taskIds.slice(i, i + BATCH);
    await db.transaction().execute((trx) => refreshTaskStatuses(trx, batch, today, calendar));
  }
  return taskIds.length;
}
