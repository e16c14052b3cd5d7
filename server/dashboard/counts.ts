import { type AliasedExpression, type Kysely, sql } from 'kysely';
import { nullsLast } from '../db/ordering.ts';
import type { Database } from '../db/types.ts';
import { STATUS_CLASSES } from '../domain/status.ts';
import type { DashboardQuery } from './schemas.ts';
import { emptyByStatus, type OrgFilter, type Snapshot } from './snapshot.ts';

/**
 * The dashboard's counts — per directive by status class, the tasks in view, the agencies with the most overdue —
 * from the counters the database keeps in step (migration 0004) when they can answer, else from the rows.
 */

const TOP_AGENCIES = 15;
export const MAX_DIRECTIVES = 30;

export interface DirectiveCounts {
  id: number;
  /** For the order of the list; the number and title are fetched for the directives shown only. */
  issuedOn: string | null;
  byStatus: Record<string, number>;
}

export interface AgencyCounts {
  orgId: number;
  orgName: string;
  total: number;
  onTime: number;
  late: number;
  overdue: number;
}

export interface DashboardCounts {
  /** Assignments in view by status class. */
  byStatus: Record<string, number>;
  /** How many directives have assignments in view. */
  directiveCount: number;
  /** The newest of them (at most MAX_DIRECTIVES), with their counts. */
  shown: DirectiveCounts[];
  /** All of them when the view is an agency's scope (its indicators follow them); undefined for the whole country. */
  directiveIds?: number[];
  tasks: number;
  agencies: AgencyCounts[];
}

type CountFilter = Pick<DashboardQuery, 'directiveId'>;

/** Counts by org and status class: a counter table, or the rows of a snapshot grouped. */
type OrgCounts = AliasedExpression<{ org_id: number; status_class: string; n: number }, 'c'>;

function directivesFrom(rows: readonly { directive_id: number; issued_on: string | null; status_class: string; n: number | string }[]): DirectiveCounts[] {
  const byId = new Map<number, DirectiveCounts>();
  for (const r of rows) {
    let d = byId.get(r.directive_id);
    if (!d) {
      d = { id: r.directive_id, issuedOn: r.issued_on, byStatus: emptyByStatus() };
      byId.set(r.directive_id, d);
    }
    d.byStatus[r.status_class] = (d.byStatus[r.status_class] ?? 0) + Number(r.n);
  }
  return [...byId.values()];
}

/** Newest first (by date of issue, then id); a directive without a date last. */
const newestFirst = (a: DirectiveCounts, b: DirectiveCounts) => (a.issuedOn === b.issuedOn ? a.id - b.id : a.issuedOn === null ? 1 : b.issuedOn === null ? -1 : b.issuedOn.localeCompare(a.issuedOn));

/** The figures of a view whose directives were all read (an agency's scope, a snapshot): a few hundred rows. */
function summarise(directives: DirectiveCounts[]): Pick<DashboardCounts, 'byStatus' | 'directiveCount' | 'shown' | 'directiveIds'> {
  return { byStatus: sumByStatus(directives), directiveCount: directives.length, shown: [...directives].sort(newestFirst).slice(0, MAX_DIRECTIVES), directiveIds: directives.map((d) => d.id) };
}

/**
 * The agencies with the most overdue, then late, then by name — ranked by the database: a country has thousands
 * of agencies and eight classes each, and reading them all into JavaScript cost more than the rest of the page.
 */
async function topAgencies(db: Kysely<Database>, counts: OrgCounts): Promise<AgencyCounts[]> {
  const sumOf = (cls: string) => sql<number | string>`sum(case when c.status_class = ${cls} then c.n else 0 end)`;
  const rows = await db
    .selectFrom(counts)
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.org_id', 'o.name'])
    .select((eb) => [eb.fn.sum<number | string>('c.n').as('total'), sumOf('completed_on_time').as('on_time'), sumOf('completed_late').as('late'), sumOf('overdue').as('overdue')])
    .groupBy(['c.org_id', 'o.name', 'o.sort_key'])
    .having((eb) => eb.fn.sum('c.n'), '>', 0)
    .orderBy(sumOf('overdue'), 'desc')
    .orderBy(sumOf('completed_late'), 'desc')
    .orderBy('o.sort_key')
    .orderBy('c.org_id')
    .limit(TOP_AGENCIES)
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, orgName: r.name, total: Number(r.total), onTime: Number(r.on_time), late: Number(r.late), overdue: Number(r.overdue) }));
}

/**
 * The whole country from the directive counters, summed by the database: a country has thousands of directives
 * (16,000 counter rows), and the page lists the 30 newest.
 */
async function countryCounts(db: Kysely<Database>, directiveId: number | undefined): Promise<Pick<DashboardCounts, 'byStatus' | 'directiveCount' | 'shown'>> {
  const counters = () =>
    db
      .selectFrom('directive_status_counts as c')
      .where('c.n', '<>', 0)
      .$if(Boolean(directiveId), (qb) => qb.where('c.directive_id', '=', directiveId ?? 0));
  const newest = db
    .selectFrom('directives as d')
    .select(['d.id', 'd.issued_on'])
    .where('d.id', 'in', counters().select('c.directive_id'))
    .orderBy('d.issued_on', nullsLast('desc'))
    .orderBy('d.id')
    .limit(MAX_DIRECTIVES);
  const [byClass, counted, shownRows] = await Promise.all([
    counters()
      .select(['c.status_class', (eb) => eb.fn.sum<number | string>('c.n').as('n')])
      .groupBy('c.status_class')
      .execute(),
    counters()
      .select((eb) => eb.fn.count<number | string>('c.directive_id').distinct().as('n'))
      .executeTakeFirst(),
    // The counters of the newest directives only, with their date for the order.
    counters()
      .innerJoin(newest.as('d'), 'd.id', 'c.directive_id')
      .select(['c.directive_id', 'd.issued_on', 'c.status_class', 'c.n'])
      .execute(),
  ]);
  const byStatus = emptyByStatus();
  for (const r of byClass) byStatus[r.status_class] = (byStatus[r.status_class] ?? 0) + Number(r.n);
  const shown = directivesFrom(shownRows).sort(newestFirst);
  return { byStatus, directiveCount: Number(counted?.n ?? 0), shown };
}

/** From the counters: a few hundred rows for the whole country, fewer for an agency's scope. */
export async function countsFromCounters(db: Kysely<Database>, orgs: OrgFilter, q: CountFilter): Promise<DashboardCounts> {
  const directiveId = q.directiveId;
  if (orgs === 'all') {
    const [country, tasks, agencies] = await Promise.all([
      countryCounts(db, directiveId),
      db
        .selectFrom('directive_task_counts')
        .select((eb) => eb.fn.sum<number>('tasks').as('n'))
        .$if(Boolean(directiveId), (qb) => qb.where('directive_id', '=', directiveId ?? 0))
        .executeTakeFirst(),
      topAgencies(
        db,
        directiveId
          ? db.selectFrom('directive_org_status_counts').select(['org_id', 'status_class', 'n']).where('directive_id', '=', directiveId).as('c')
          : db.selectFrom('org_status_counts').select(['org_id', 'status_class', 'n']).as('c'),
      ),
    ]);
    return { ...country, tasks: Number(tasks?.n ?? 0), agencies };
  }
  const ids = orgs.length ? [...orgs] : [-1];
  const inScope = () =>
    db
      .selectFrom('directive_org_status_counts as c')
      .where('c.org_id', 'in', ids)
      .$if(Boolean(directiveId), (qb) => qb.where('c.directive_id', '=', directiveId ?? 0));
  const [directiveRows, tasks, agencies] = await Promise.all([
    inScope()
      .innerJoin('directives as d', 'd.id', 'c.directive_id')
      .select(['c.directive_id', 'd.issued_on', 'c.status_class'])
      .select((eb) => eb.fn.sum<number | string>('c.n').as('n'))
      .groupBy(['c.directive_id', 'd.issued_on', 'c.status_class'])
      .having((eb) => eb.fn.sum('c.n'), '<>', 0)
      .execute(),
    db
      .selectFrom('assignments as a')
      .select(sql<number>`count(distinct a.task_id)`.as('n'))
      .where('a.org_id', 'in', ids)
      .where('a.state', '!=', 'cancelled')
      .$if(Boolean(directiveId), (qb) => qb.where('a.task_id', 'in', db.selectFrom('tasks').select('id').where('directive_id', '=', directiveId ?? 0)))
      .executeTakeFirst(),
    topAgencies(db, inScope().select(['c.org_id', 'c.status_class', 'c.n']).as('c')),
  ]);
  return { ...summarise(directivesFrom(directiveRows)), tasks: Number(tasks?.n ?? 0), agencies };
}

/** From the rows of a snapshot: a past month's end, or a filter on tasks (section, working group, field). */
export async function countsFromSnapshot(db: Kysely<Database>, snap: Snapshot): Promise<DashboardCounts> {
  const s = () => db.selectFrom(snap.as('s'));
  const [directiveRows, tasks, agencies] = await Promise.all([
    s()
      .innerJoin('directives', 'directives.id', 's.directive_id')
      .select(['s.directive_id', 'directives.issued_on', 's.cls'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['s.directive_id', 'directives.issued_on', 's.cls'])
      .execute()
      .then((rows) => rows.map(({ cls, ...r }) => ({ ...r, status_class: cls }))),
    s()
      .select(sql<number>`count(distinct s.task_id)`.as('n'))
      .executeTakeFirst(),
    topAgencies(
      db,
      s()
        .select(['s.org_id', 's.cls as status_class'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .groupBy(['s.org_id', 's.cls'])
        .as('c'),
    ),
  ]);
  return { ...summarise(directivesFrom(directiveRows)), tasks: Number(tasks?.n ?? 0), agencies };
}

export const sumByStatus = (directives: readonly DirectiveCounts[]): Record<string, number> => {
  const byStatus = emptyByStatus();
  for (const d of directives) for (const cls of STATUS_CLASSES) byStatus[cls] = (byStatus[cls] ?? 0) + (d.byStatus[cls] ?? 0);
  return byStatus;
};
