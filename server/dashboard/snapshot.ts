import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/types.ts';
import { STATUS_CLASSES } from '../domain/status.ts';
import { addDays } from '../domain/time.ts';
import type { DashboardQuery } from './schemas.ts';

/** The rows behind the dashboard's figures when the counters cannot answer (a past date, a filter on tasks). */

export interface Moment {
  date: string;
  /** Today: the stored status classes are the truth. A past date: the classes are rebuilt from the dates. */
  live: boolean;
}

/** The orgs whose assignments are in view: all, or an actor's scope (and the agency filter within it). */
export type OrgFilter = 'all' | readonly number[];

/** The last instant (ISO, UTC) of a day in Vietnam (UTC+7): 23:59:59.999 there is 16:59:59.999Z. */
function endOfVietnamDay(date: string): string {
  return `${date}T16:59:59.999Z`;
}

export function emptyByStatus(): Record<string, number> {
  return Object.fromEntries(STATUS_CLASSES.map((s) => [s, 0]));
}

/**
 * One row per non-cancelled assignment in view matching the filters, with its status class at the moment.
 *
 * For a past date the class is rebuilt the way domain/status.ts decides it, from what the assignment rows
 * remember, with no per-assignment look-up into the reports (that would not stay fast at 600,000 assignments):
 * completed by then (completed_on) keeps its stored on-time/late verdict; otherwise the due date in force then
 * (the old date of the first due-date change made after that day, else today's due date) against the day, with
 * "due soon" from the setting. Approximations, said here once: a due date falling on a day off is not moved to
 * the next working day; an open assignment counts as started (in progress, not "not started") if it has ever
 * been reported on or has progress (its first report's date is not kept on the row); and an assignment counts from its
 * directive's issue date or first reporting period (imports come later than the paper), else its creation.
 */
export function snapshot(db: Kysely<Database>, orgs: OrgFilter, q: Omit<DashboardQuery, 'period'>, at: Moment, dueSoonDays: number) {
  const until = endOfVietnamDay(at.date);
  // The first due-date change made after the day, per assignment: a join on a small grouped table (due-date
  // changes are few; a correlated sub-select would be run once per row and per mention by PostgreSQL).
  const firstChangeAfter = db
    .selectFrom('assignment_due_changes')
    .select('assignment_id')
    .select((eb) => eb.fn.min('id').as('first_id'))
    .where('changed_at', '>', until)
    .groupBy('assignment_id');
  let facts = db
    .selectFrom('assignments as a')
    .innerJoin('tasks as t', 't.id', 'a.task_id')
    .leftJoin(firstChangeAfter.as('fc'), 'fc.assignment_id', 'a.id')
    .leftJoin('assignment_due_changes as dc', 'dc.id', 'fc.first_id')
    .where('a.state', '!=', 'cancelled')
    .select(['a.id as assignment_id', 'a.task_id', 'a.org_id', 't.directive_id', 'a.state', 'a.completed_on', 'a.status_class', 't.deadline_kind'])
    .select([
      (at.live ? sql<string | null>`a.due_on` : sql<string | null>`case when dc.id is not null then dc.old_due_on else a.due_on end`).as('due_at'),
      sql<boolean>`(a.last_report_at is not null or a.progress > 0)`.as('reported'),
    ]);
  if (!at.live) {
    const started = db
      .selectFrom('directives as d')
      .select('d.id')
      .where((eb) => eb.or([eb('d.issued_on', '<=', at.date), eb.exists(eb.selectFrom('reporting_periods as p').select('p.id').whereRef('p.directive_id', '=', 'd.id').where('p.starts_on', '<=', at.date))]));
    facts = facts.where((eb) => eb.or([eb('t.directive_id', 'in', started), eb('a.created_at', '<=', until), eb('a.completed_on', '<=', at.date)]));
  }
  if (orgs !== 'all') facts = facts.where('a.org_id', 'in', orgs.length ? [...orgs] : [-1]);
  if (q.directiveId) facts = facts.where('t.directive_id', '=', q.directiveId);
  if (q.sectionId) facts = facts.where('t.section_id', '=', q.sectionId);
  if (q.workingGroupId) facts = facts.where('t.working_group_id', '=', q.workingGroupId);
  if (q.field) facts = facts.where('t.field', '=', q.field);
  if (q.orgId) facts = facts.where('a.org_id', '=', q.orgId);

  const soon = addDays(at.date, dueSoonDays);
  const cls: RawBuilder<string> = at.live
    ? sql<string>`f.status_class`
    : sql<string>`case
        when f.state = 'completed' and (f.completed_on is null or f.completed_on <= ${at.date})
          then case when f.status_class = 'completed_late' then 'completed_late' else 'completed_on_time' end
        when f.due_at is not null and f.due_at < ${at.date} then 'overdue'
        when f.due_at is not null and f.due_at <= ${soon} then 'due_soon'
        when f.due_at is null and f.deadline_kind = 'ongoing' then 'ongoing'
        when f.due_at is null and f.deadline_kind = 'conditional' then 'waiting_condition'
        when f.reported then 'in_progress'
        else 'not_started'
      end`;
  return db.selectFrom(facts.as('f')).select(['f.assignment_id', 'f.task_id', 'f.org_id', 'f.directive_id', 'f.due_at', cls.as('cls')]);
}

export type Snapshot = ReturnType<typeof snapshot>;

export async function countByStatus(db: Kysely<Database>, snap: Snapshot): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom(snap.as('s'))
    .select('s.cls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy('s.cls')
    .execute();
  const byStatus = emptyByStatus();
  for (const r of rows) byStatus[r.cls] = Number(r.n);
  return byStatus;
}
