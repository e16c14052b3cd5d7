import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { scopeIds, visibleOrgScope } from '../auth/permissions.ts';
import type { Database } from '../db/types.ts';
import { assessIndicator } from '../domain/indicator-progress.ts';
import { STATUS_CLASSES } from '../domain/status.ts';
import { addDays, endOfMonthLabel, vietnamDate } from '../domain/time.ts';
import { getSetting } from '../settings/service.ts';
import type { DashboardQuery, DashboardView } from './schemas.ts';

/**
 * The leader's dashboard in one answer: every figure is a grouped query over one "snapshot" of the visible
 * assignments (one row per assignment with its status class at a date), so the cost grows with the number of
 * groups, never with one query per row.
 */

const UPCOMING_DAYS = 30;
const TOP_AGENCIES = 15;
const TOP_OVERDUE = 20;
const MAX_UPCOMING = 30;
const MAX_INDICATORS = 100;
const MAX_DIRECTIVES = 30;
const COMPLETED = ['completed_on_time', 'completed_late'];

/** The last instant (ISO, UTC) of a day in Vietnam (UTC+7): 23:59:59.999 there is 16:59:59.999Z. */
function endOfVietnamDay(date: string): string {
  return `${date}T16:59:59.999Z`;
}

function previousMonthLabel(label: string): string {
  const [y, m] = label.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

interface Moment {
  date: string;
  /** Today: the stored status classes are the truth. A past date: the classes are rebuilt from the dates. */
  live: boolean;
}

function emptyByStatus(): Record<string, number> {
  return Object.fromEntries(STATUS_CLASSES.map((s) => [s, 0]));
}

/**
 * One row per visible, non-cancelled assignment matching the filters, with its status class at the moment.
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
function snapshot(db: Kysely<Database>, actor: Actor, q: DashboardQuery, at: Moment, dueSoonDays: number) {
  const until = endOfVietnamDay(at.date);
  // The first due-date change made after the day, per assignment: a join on a small grouped table (a
  // correlated sub-select would be run once per row and per mention by PostgreSQL).
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
  const scope = visibleOrgScope(actor);
  if (scope !== 'all') facts = facts.where('a.org_id', 'in', scopeIds(scope));
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

async function countByStatus(db: Kysely<Database>, snap: ReturnType<typeof snapshot>) {
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

const sumOf = (n: Record<string, number>) => Object.values(n).reduce((a, b) => a + b, 0);

export async function dashboard(db: Kysely<Database>, actor: Actor, q: DashboardQuery): Promise<DashboardView> {
  const today = vietnamDate();
  const currentPeriod = today.slice(0, 7);
  const period = q.period && q.period < currentPeriod ? q.period : currentPeriod;
  const now: Moment = period === currentPeriod ? { date: today, live: true } : { date: endOfMonthLabel(period), live: false };
  const before: Moment = { date: endOfMonthLabel(previousMonthLabel(period)), live: false };
  const dueSoonDays = await getSetting(db, 'status.dueSoonDays');
  const snap = snapshot(db, actor, q, now, dueSoonDays);
  const s = () => db.selectFrom(snap.as('s'));
  const countOf = (cls: string) => sql<number>`sum(case when s.cls = ${cls} then 1 else 0 end)`;
  const taskRefColumns = ['s.assignment_id', 's.task_id', 's.org_id', 's.directive_id', 's.due_at', 's.cls', 'tasks.ordinal', 'tasks.title', 'directives.number', 'orgs.name as org_name'] as const;
  const withTask = () => s().innerJoin('tasks', 'tasks.id', 's.task_id').innerJoin('directives', 'directives.id', 's.directive_id').innerJoin('orgs', 'orgs.id', 's.org_id');
  const horizon = addDays(now.date, UPCOMING_DAYS);

  // Five passes over the assignments: per directive (which also gives the totals), per agency, last month,
  // and the two short lists.
  const [directiveRows, previousByStatus, agencyRows, upcomingRows, overdueRows, indicators] = await Promise.all([
    s()
      .innerJoin('directives', 'directives.id', 's.directive_id')
      .select(['s.directive_id', 'directives.number', 'directives.title', 'directives.issued_on'])
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('s.task_id').distinct().as('tasks')])
      .select(STATUS_CLASSES.map((cls) => countOf(cls).as(cls)))
      .groupBy(['s.directive_id', 'directives.number', 'directives.title', 'directives.issued_on'])
      .execute(),
    countByStatus(db, snapshot(db, actor, q, before, dueSoonDays)),
    s()
      .innerJoin('orgs', 'orgs.id', 's.org_id')
      .select(['s.org_id', 'orgs.name', 'orgs.sort_key'])
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        countOf('completed_on_time').as('on_time'),
        countOf('completed_late').as('late'),
        countOf('overdue').as('overdue'),
      ])
      .groupBy(['s.org_id', 'orgs.name', 'orgs.sort_key'])
      .orderBy('overdue', 'desc')
      .orderBy('late', 'desc')
      .orderBy('orgs.sort_key')
      .limit(TOP_AGENCIES)
      .execute(),
    withTask()
      .where('s.cls', 'not in', COMPLETED)
      .where('s.due_at', '>=', now.date)
      .where('s.due_at', '<=', horizon)
      .select([...taskRefColumns])
      // The number of all matching rows, counted before the limit: the list and its total in one pass.
      .select(sql<number>`count(*) over ()`.as('matching'))
      .orderBy('s.due_at')
      .orderBy('tasks.sort_key')
      .limit(MAX_UPCOMING)
      .execute(),
    withTask().select([...taskRefColumns]).where('s.cls', '=', 'overdue').orderBy('s.due_at').orderBy('orgs.sort_key').limit(TOP_OVERDUE).execute(),
    indicatorSummary(db, q, now.date),
  ]);

  const byStatus = emptyByStatus();
  const directiveList = directiveRows
    .map((r) => {
      const row = r as unknown as Record<string, unknown>;
      const counts = Object.fromEntries(STATUS_CLASSES.map((cls) => [cls, Number(row[cls] ?? 0)])) as Record<string, number>;
      for (const cls of STATUS_CLASSES) byStatus[cls] = (byStatus[cls] ?? 0) + (counts[cls] ?? 0);
      const total = Number(r.total);
      const completed = COMPLETED.reduce((sum, cls) => sum + (counts[cls] ?? 0), 0);
      return { id: r.directive_id, number: r.number, title: r.title, issuedOn: r.issued_on, tasks: Number(r.tasks), total, completed, percentCompleted: total ? Math.round((completed / total) * 1000) / 10 : 0, byStatus: counts };
    })
    .sort((a, b) => (b.issuedOn ?? '').localeCompare(a.issuedOn ?? '') || a.id - b.id);
  // A task belongs to one directive: the distinct tasks per directive add up to the distinct tasks in view.
  const taskCount = directiveList.reduce((sum, d) => sum + d.tasks, 0);

  const ref = (r: (typeof overdueRows)[number]) => ({
    assignmentId: r.assignment_id,
    taskId: r.task_id,
    ordinal: r.ordinal,
    title: r.title,
    directiveId: r.directive_id,
    directiveNumber: r.number,
    orgId: r.org_id,
    orgName: r.org_name,
    dueOn: r.due_at ?? '',
    statusClass: r.cls,
  });
  const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

  return {
    period,
    asOf: now.date,
    comparedTo: before.date,
    live: now.live,
    totals: { assignments: sumOf(byStatus), tasks: taskCount, directives: directiveList.length, previousAssignments: sumOf(previousByStatus) },
    byStatus,
    previousByStatus,
    directives: directiveList.slice(0, MAX_DIRECTIVES).map(({ issuedOn: _issuedOn, tasks: _tasks, ...d }) => d),
    agencies: agencyRows.map((r) => ({
      orgId: r.org_id,
      orgName: r.name,
      total: Number(r.total),
      completedOnTime: Number(r.on_time),
      completedLate: Number(r.late),
      overdue: Number(r.overdue),
      open: Number(r.total) - Number(r.on_time) - Number(r.late),
    })),
    upcoming: { total: Number(upcomingRows[0]?.matching ?? 0), items: upcomingRows.map((r) => ({ ...ref(r), daysLeft: days(now.date, r.due_at ?? now.date) })) },
    overdue: { total: byStatus.overdue ?? 0, items: overdueRows.map((r) => ({ ...ref(r), daysLate: days(r.due_at ?? now.date, now.date) })) },
    indicators,
  };
}

/** Indicators of the directives in view with their latest value up to the date and its colour against the target. */
async function indicatorSummary(db: Kysely<Database>, q: DashboardQuery, asOf: string): Promise<DashboardView['indicators']> {
  let base = db.selectFrom('indicators').innerJoin('directives', 'directives.id', 'indicators.directive_id');
  if (q.directiveId) base = base.where('indicators.directive_id', '=', q.directiveId);
  if (q.orgId) {
    const orgId = q.orgId;
    base = base.where((eb) => eb.exists(eb.selectFrom('indicator_orgs').select('indicator_orgs.id').whereRef('indicator_orgs.indicator_id', '=', 'indicators.id').where('indicator_orgs.org_id', '=', orgId)));
  }
  const indicators = await base
    .select(['indicators.id', 'indicators.directive_id', 'directives.number', 'indicators.code', 'indicators.name', 'indicators.unit', 'indicators.target_text', 'indicators.target_operator', 'indicators.target_value', 'indicators.target_value_max'])
    .orderBy('indicators.directive_id')
    .orderBy('indicators.position')
    .execute();
  const byColour = { green: 0, orange: 0, red: 0, grey: 0 };
  if (!indicators.length) return { byColour, total: 0, items: [] };
  // The latest value per indicator up to the date: the latest period's start per indicator, grouped in SQL
  // (an indicator's whole history is never fetched), then that period's value; a tie keeps the last entered.
  const latestStart = db
    .selectFrom('indicator_values as lv')
    .innerJoin('reporting_periods as lp', 'lp.id', 'lv.period_id')
    .select('lv.indicator_id')
    .select((eb) => eb.fn.max('lp.starts_on').as('starts_on'))
    .where('lv.state', '!=', 'returned')
    .where('lp.starts_on', '<=', asOf)
    .$if(Boolean(q.directiveId || q.orgId), (qb) => qb.where('lv.indicator_id', 'in', base.select('indicators.id')))
    .groupBy('lv.indicator_id');
  const values = await db
    .selectFrom('indicator_values')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'indicator_values.period_id')
    .innerJoin(latestStart.as('l'), (j) => j.onRef('l.indicator_id', '=', 'indicator_values.indicator_id').onRef('l.starts_on', '=', 'reporting_periods.starts_on'))
    .select(['indicator_values.indicator_id', 'indicator_values.value_number', 'indicator_values.value_text', 'reporting_periods.label'])
    .where('indicator_values.state', '!=', 'returned')
    .orderBy('indicator_values.id')
    .execute();
  const latest = new Map(values.map((v) => [v.indicator_id, v]));
  const items = indicators.map((i) => {
    const v = latest.get(i.id);
    const colour = assessIndicator({ operator: i.target_operator, value: i.target_value, valueMax: i.target_value_max }, v?.value_number ?? null);
    byColour[colour]++;
    return {
      id: i.id,
      directiveId: i.directive_id,
      directiveNumber: i.number,
      code: i.code,
      name: i.name,
      unit: i.unit,
      targetText: i.target_text,
      latestValue: v?.value_number ?? null,
      latestText: v?.value_text ?? null,
      latestPeriod: v?.label ?? null,
      colour,
    };
  });
  // The ones that need attention first.
  const order = { red: 0, orange: 1, grey: 2, green: 3 };
  const shown = [...items].sort((a, b) => order[a.colour] - order[b.colour]).slice(0, MAX_INDICATORS);
  return { byColour, total: items.length, items: shown };
}

/** What the filter bar offers: directives, the agencies that carry assignments (those the actor sees), groups, fields. */
export async function dashboardOptions(db: Kysely<Database>, actor: Actor) {
  const scope = visibleOrgScope(actor);
  let carriers = db.selectFrom('assignments').select('assignments.org_id').where('assignments.state', '!=', 'cancelled');
  if (scope !== 'all') carriers = carriers.where('assignments.org_id', 'in', scopeIds(scope));
  const [directives, agencies, groups, fields] = await Promise.all([
    db
      .selectFrom('directives')
      .leftJoin('indicators', 'indicators.directive_id', 'directives.id')
      .select(['directives.id', 'directives.number', 'directives.title', 'directives.issued_on', 'directives.coordinator_org_id'])
      .select((eb) => eb.fn.count<number>('indicators.id').as('indicators'))
      .where('directives.state', '!=', 'draft')
      .groupBy(['directives.id', 'directives.number', 'directives.title', 'directives.issued_on', 'directives.coordinator_org_id'])
      .orderBy('directives.issued_on', 'desc')
      .orderBy('directives.id')
      .execute(),
    db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', carriers).orderBy('sort_key').execute(),
    db.selectFrom('working_groups').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('tasks').select('field').where('field', 'is not', null).groupBy('field').orderBy('field').execute(),
  ]);
  return { directives: directives.map((d) => ({ id: d.id, number: d.number, title: d.title, coordinatorOrgId: d.coordinator_org_id, indicators: Number(d.indicators) })), agencies, workingGroups: groups, fields: fields.map((f) => f.field).filter((f): f is string => Boolean(f)) };
}
