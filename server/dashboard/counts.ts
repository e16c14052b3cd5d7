import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/types.ts';
import { STATUS_CLASSES } from '../domain/status.ts';
import type { DashboardQuery } from './schemas.ts';
import { emptyByStatus, type OrgFilter, type Snapshot } from './snapshot.ts';

/**
 * The dashboard's counts — per directive by status class, the tasks in view, the agencies with the most overdue —
 * from the counters the database keeps in step (migration 0004) when they can answer, else from the rows.
 */

const TOP_AGENCIES = 15;

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
  directives: DirectiveCounts[];
  tasks: number;
  agencies: AgencyCounts[];
}

type CountFilter = Pick<DashboardQuery, 'directiveId'>;

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

const agencyOrder = <T extends { overdue: number; late: number; sortKey: string }>(a: T, b: T) => b.overdue - a.overdue || b.late - a.late || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0);

/** Agencies by overdue, then late, then name, from per-org counts (one row per org and class). */
async function topAgencies(db: Kysely<Database>, rows: readonly { org_id: number; status_class: string; n: number | string }[]): Promise<AgencyCounts[]> {
  const byOrg = new Map<number, { total: number; onTime: number; late: number; overdue: number }>();
  for (const r of rows) {
    const a = byOrg.get(r.org_id) ?? { total: 0, onTime: 0, late: 0, overdue: 0 };
    const n = Number(r.n);
    a.total += n;
    if (r.status_class === 'completed_on_time') a.onTime += n;
    if (r.status_class === 'completed_late') a.late += n;
    if (r.status_class === 'overdue') a.overdue += n;
    byOrg.set(r.org_id, a);
  }
  const ids = [...byOrg.keys()];
  if (ids.length === 0) return [];
  // Names and order only for the candidates that can make the top: at most TOP_AGENCIES distinct (overdue, late) pairs ahead.
  const orgs = await db.selectFrom('orgs').select(['id', 'name', 'sort_key']).where('id', 'in', ids.length > 2_000 ? candidates(byOrg) : ids).execute();
  return orgs
    .map((o) => ({ ...(byOrg.get(o.id) ?? { total: 0, onTime: 0, late: 0, overdue: 0 }), orgId: o.id, orgName: o.name, sortKey: o.sort_key }))
    .filter((a) => a.total > 0)
    .sort(agencyOrder)
    .slice(0, TOP_AGENCIES)
    .map(({ sortKey: _sortKey, ...a }) => a);
}

/** The orgs whose (overdue, late) is at least the 15th best: every org that can be in the top, ties included. */
function candidates(byOrg: ReadonlyMap<number, { total: number; late: number; overdue: number }>): number[] {
  const ranked = [...byOrg].filter(([, a]) => a.total > 0).sort(([, a], [, b]) => b.overdue - a.overdue || b.late - a.late);
  const last = ranked[Math.min(TOP_AGENCIES, ranked.length) - 1]?.[1];
  if (!last) return [-1];
  return ranked.filter(([, a]) => a.overdue > last.overdue || (a.overdue === last.overdue && a.late >= last.late)).map(([id]) => id);
}

/** From the counters: a few thousand rows for the whole country, a few hundred for an agency's scope. */
export async function countsFromCounters(db: Kysely<Database>, orgs: OrgFilter, q: CountFilter): Promise<DashboardCounts> {
  const directiveId = q.directiveId;
  if (orgs === 'all') {
    const [directiveRows, tasks, orgRows] = await Promise.all([
      db
        .selectFrom('directive_status_counts as c')
        .innerJoin('directives as d', 'd.id', 'c.directive_id')
        .select(['c.directive_id', 'd.issued_on', 'c.status_class', 'c.n'])
        .where('c.n', '<>', 0)
        .$if(Boolean(directiveId), (qb) => qb.where('c.directive_id', '=', directiveId ?? 0))
        .execute(),
      db
        .selectFrom('directive_task_counts')
        .select((eb) => eb.fn.sum<number>('tasks').as('n'))
        .$if(Boolean(directiveId), (qb) => qb.where('directive_id', '=', directiveId ?? 0))
        .executeTakeFirst(),
      directiveId
        ? db.selectFrom('directive_org_status_counts').select(['org_id', 'status_class', 'n']).where('directive_id', '=', directiveId).where('n', '<>', 0).execute()
        : db.selectFrom('org_status_counts').select(['org_id', 'status_class', 'n']).where('n', '<>', 0).execute(),
    ]);
    return { directives: directivesFrom(directiveRows), tasks: Number(tasks?.n ?? 0), agencies: await topAgencies(db, orgRows) };
  }
  const ids = orgs.length ? [...orgs] : [-1];
  const [rows, tasks] = await Promise.all([
    db
      .selectFrom('directive_org_status_counts as c')
      .innerJoin('directives as d', 'd.id', 'c.directive_id')
      .select(['c.directive_id', 'c.org_id', 'd.issued_on', 'c.status_class', 'c.n'])
      .where('c.org_id', 'in', ids)
      .where('c.n', '<>', 0)
      .$if(Boolean(directiveId), (qb) => qb.where('c.directive_id', '=', directiveId ?? 0))
      .execute(),
    db
      .selectFrom('assignments as a')
      .select(sql<number>`count(distinct a.task_id)`.as('n'))
      .where('a.org_id', 'in', ids)
      .where('a.state', '!=', 'cancelled')
      .$if(Boolean(directiveId), (qb) => qb.where('a.task_id', 'in', db.selectFrom('tasks').select('id').where('directive_id', '=', directiveId ?? 0)))
      .executeTakeFirst(),
  ]);
  return { directives: directivesFrom(rows), tasks: Number(tasks?.n ?? 0), agencies: await topAgencies(db, rows) };
}

/** From the rows of a snapshot: a past month's end, or a filter on tasks (section, working group, field). */
export async function countsFromSnapshot(db: Kysely<Database>, snap: Snapshot): Promise<DashboardCounts> {
  const s = () => db.selectFrom(snap.as('s'));
  const [directiveRows, tasks, orgRows] = await Promise.all([
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
    s()
      .select(['s.org_id', 's.cls'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['s.org_id', 's.cls'])
      .execute()
      .then((rows) => rows.map(({ cls, ...r }) => ({ ...r, status_class: cls }))),
  ]);
  return { directives: directivesFrom(directiveRows), tasks: Number(tasks?.n ?? 0), agencies: await topAgencies(db, orgRows) };
}

export const sumByStatus = (directives: readonly DirectiveCounts[]): Record<string, number> => {
  const byStatus = emptyByStatus();
  for (const d of directives) for (const cls of STATUS_CLASSES) byStatus[cls] = (byStatus[cls] ?? 0) + (d.byStatus[cls] ?? 0);
  return byStatus;
};
