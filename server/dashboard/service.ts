import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { scopeIds, visibleOrgScope } from '../auth/permissions.ts';
import { sharedRead } from '../db/shared-reads.ts';
import type { Database } from '../db/types.ts';
import { addDays, endOfMonthLabel, previousMonthLabel, vietnamDate } from '../domain/time.ts';
import { getSetting } from '../settings/service.ts';
import { countsFromCounters, countsFromSnapshot } from './counts.ts';
import { indicatorSummary } from './indicators.ts';
import { monthEndByStatus } from './month-end.ts';
import type { DashboardQuery, DashboardView } from './schemas.ts';
import { countByStatus, type Moment, type OrgFilter, snapshot } from './snapshot.ts';

/**
 * The leader's dashboard in one answer. Today's counts come from the counters the database keeps in step
 * (counts.ts); a past month's end, or a filter on tasks (section, working group, field), is counted from the rows
 * (snapshot.ts), grouped in SQL, so the cost grows with the number of groups, never with one query per row.
 */

const UPCOMING_DAYS = 30;
const TOP_OVERDUE = 20;
const MAX_UPCOMING = 30;
const COMPLETED = ['completed_on_time', 'completed_late'];

const sumOf = (n: Record<string, number>) => Object.values(n).reduce((a, b) => a + b, 0);
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The orgs whose assignments the view counts: the actor's scope, narrowed by the agency filter. */
function orgsInView(actor: Actor, q: DashboardQuery): OrgFilter {
  const scope = visibleOrgScope(actor);
  if (!q.orgId) return scope === 'all' ? 'all' : scopeIds(scope);
  return scope === 'all' || scope.includes(q.orgId) ? [q.orgId] : [];
}

/**
 * The view depends on the actor only through the agencies it sees: leaders with the same scope and filters
 * share one computation (db/shared-reads.ts).
 */
export function dashboard(db: Kysely<Database>, actor: Actor, q: DashboardQuery): Promise<DashboardView> {
  const orgs = orgsInView(actor, q);
  const today = vietnamDate();
  const key = JSON.stringify(['dashboard', today, orgs, q.period ?? null, q.directiveId ?? null, q.orgId ?? null, q.sectionId ?? null, q.workingGroupId ?? null, q.field ?? null]);
  return sharedRead(db, key, () => computeDashboard(db, orgs, q, today));
}

async function computeDashboard(db: Kysely<Database>, orgs: OrgFilter, q: DashboardQuery, today: string): Promise<DashboardView> {
  const currentPeriod = today.slice(0, 7);
  const period = q.period && q.period < currentPeriod ? q.period : currentPeriod;
  const now: Moment = period === currentPeriod ? { date: today, live: true } : { date: endOfMonthLabel(period), live: false };
  const before: Moment = { date: endOfMonthLabel(previousMonthLabel(period)), live: false };
  const dueSoonDays = await getSetting(db, 'status.dueSoonDays');
  // The counters count by directive and agency; a filter on the tasks themselves needs the rows.
  const filtersTasks = Boolean(q.sectionId || q.workingGroupId || q.field);
  const rowFilter = { directiveId: q.directiveId, sectionId: q.sectionId, workingGroupId: q.workingGroupId, field: q.field };
  const snap = snapshot(db, orgs, rowFilter, now, dueSoonDays);
  const s = () => db.selectFrom(snap.as('s'));
  const taskRefColumns = ['s.assignment_id', 's.task_id', 's.org_id', 's.directive_id', 's.due_at', 's.cls', 'tasks.ordinal', 'tasks.title', 'directives.number', 'orgs.name as org_name'] as const;
  const withTask = () => s().innerJoin('tasks', 'tasks.id', 's.task_id').innerJoin('directives', 'directives.id', 's.directive_id').innerJoin('orgs', 'orgs.id', 's.org_id');
  const horizon = addDays(now.date, UPCOMING_DAYS);

  const counts = now.live && !filtersTasks ? await countsFromCounters(db, orgs, q) : await countsFromSnapshot(db, snap);
  const [previousByStatus, upcomingRows, upcomingTotal, overdueRows, indicators] = await Promise.all([
    previousFigures(db, orgs, q, filtersTasks, before, dueSoonDays),
    withTask()
      .where('s.cls', 'not in', COMPLETED)
      .where('s.due_at', '>=', now.date)
      .where('s.due_at', '<=', horizon)
      .select([...taskRefColumns])
      .orderBy('s.due_at')
      .orderBy('tasks.sort_key')
      .limit(MAX_UPCOMING)
      .execute(),
    now.live && !filtersTasks
      ? dueWithin(db, orgs, q.directiveId, now.date, horizon)
      : s()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('s.cls', 'not in', COMPLETED)
          .where('s.due_at', '>=', now.date)
          .where('s.due_at', '<=', horizon)
          .executeTakeFirst(),
    withTask().select([...taskRefColumns]).where('s.cls', '=', 'overdue').orderBy('s.due_at').orderBy('orgs.sort_key').limit(TOP_OVERDUE).execute(),
    // An agency's scope sees the indicators of the directives it works on.
    indicatorSummary(db, { directiveId: q.directiveId, orgId: q.orgId, directiveIds: orgs === 'all' ? undefined : counts.directiveIds }, now.date, now.live),
  ]);

  const { byStatus, shown } = counts;
  const names = new Map((shown.length ? await db.selectFrom('directives').select(['id', 'number', 'title']).where('id', 'in', shown.map((d) => d.id)).execute() : []).map((d) => [d.id, d]));
  const directiveList = shown.map((d) => {
    const total = sumOf(d.byStatus);
    const completed = COMPLETED.reduce((sum, cls) => sum + (d.byStatus[cls] ?? 0), 0);
    return { id: d.id, number: names.get(d.id)?.number ?? '', title: names.get(d.id)?.title ?? '', total, completed, percentCompleted: total ? Math.round((completed / total) * 1000) / 10 : 0, byStatus: d.byStatus };
  });

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

  return {
    period,
    asOf: now.date,
    comparedTo: before.date,
    live: now.live,
    totals: { assignments: sumOf(byStatus), tasks: counts.tasks, directives: counts.directiveCount, previousAssignments: sumOf(previousByStatus) },
    byStatus,
    previousByStatus,
    directives: directiveList,
    agencies: counts.agencies.map((a) => ({ orgId: a.orgId, orgName: a.orgName, total: a.total, completedOnTime: a.onTime, completedLate: a.late, overdue: a.overdue, open: a.total - a.onTime - a.late })),
    upcoming: { total: Number(upcomingTotal?.n ?? 0), items: upcomingRows.map((r) => ({ ...ref(r), daysLeft: days(now.date, r.due_at ?? now.date) })) },
    overdue: { total: byStatus.overdue ?? 0, items: overdueRows.map((r) => ({ ...ref(r), daysLate: days(r.due_at ?? now.date, now.date) })) },
    indicators,
  };
}

/** Open assignments due between two dates, counted on the due-date index alone (no joins). */
function dueWithin(db: Kysely<Database>, orgs: OrgFilter, directiveId: number | undefined, from: string, to: string) {
  return db
    .selectFrom('assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('due_on', '>=', from)
    .where('due_on', '<=', to)
    .where('state', '!=', 'cancelled')
    .where('status_class', 'not in', COMPLETED)
    .$if(orgs !== 'all', (qb) => qb.where('org_id', 'in', orgs === 'all' || orgs.length === 0 ? [-1] : [...orgs]))
    .$if(Boolean(directiveId), (qb) => qb.where('task_id', 'in', db.selectFrom('tasks').select('id').where('directive_id', '=', directiveId ?? 0)))
    .executeTakeFirst();
}

/** Last month's end: the figures the daily job kept when only agencies are chosen, else rebuilt from the rows. */
async function previousFigures(db: Kysely<Database>, orgs: OrgFilter, q: DashboardQuery, filtersTasks: boolean, before: Moment, dueSoonDays: number) {
  const kept = q.directiveId || filtersTasks ? null : await monthEndByStatus(db, before.date, orgs);
  return kept ?? countByStatus(db, snapshot(db, orgs, { directiveId: q.directiveId, sectionId: q.sectionId, workingGroupId: q.workingGroupId, field: q.field }, before, dueSoonDays));
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
