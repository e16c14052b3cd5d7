import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { visibleOrgScope } from '../auth/permissions.ts';
import type { Database } from '../db/types.ts';
import { type AgencyFacts, scoreAgency } from '../domain/scoring.ts';
import { endOfMonthLabel, nextMonthLabel } from '../domain/time.ts';
import { vietnameseCollator } from '../domain/vietnamese.ts';
import { AppError } from '../errors.ts';
import { queryId } from '../http/schemas.ts';
import { dateInPeriodLabel } from '../periods/service.ts';
import { periodLabel } from '../reports/schemas.ts';
import { getSetting } from '../settings/service.ts';

export const scoreQuery = z.object({ period: z.string().trim().regex(/^(?:19|2\d)\d{2}-(0[1-9]|1[0-2])$/, 'Kỳ chấm điểm là một tháng, dạng 2025-05'), directiveId: queryId.optional() });
export const historyQuery = z.object({ orgId: queryId, from: periodLabel, to: periodLabel, directiveId: queryId.optional() });

const breakdown = z.object({ completion: z.number(), timeliness: z.number(), reporting: z.number(), quality: z.number(), total: z.number(), band: z.string() });
export const scoreRow = z.object({
  rank: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  score: breakdown,
  facts: z.object({ due: z.number(), completedOnTime: z.number(), completedLate: z.number(), overdue: z.number(), reportsRequired: z.number(), reportsOnTime: z.number(), reportsSubmitted: z.number(), reportsAcceptedFirstTime: z.number() }),
});


/** The facts of every agency for a month, read as they stood at its end. */
async function factsFor(db: Kysely<Database>, period: string, directiveId: number | undefined): Promise<Map<number, AgencyFacts & { name: string }>> {
  dateInPeriodLabel(period);
  const end = endOfMonthLabel(period);
  let assignments = db
    .selectFrom('assignments')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('orgs', 'orgs.id', 'assignments.org_id')
    .select(['assignments.org_id', 'orgs.name', 'assignments.due_on', 'assignments.original_due_on', 'assignments.completed_on', 'assignments.status_class', 'assignments.created_at'])
    .where('assignments.state', '!=', 'cancelled');
  if (directiveId) assignments = assignments.where('tasks.directive_id', '=', directiveId);
  let reports = db
    .selectFrom('progress_reports')
    .innerJoin('assignments', 'assignments.id', 'progress_reports.assignment_id')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id')
    .select(['assignments.org_id', 'progress_reports.state', 'progress_reports.late', 'progress_reports.return_count'])
    .where('reporting_periods.label', '=', period)
    .where('progress_reports.state', 'in', ['submitted', 'accepted', 'returned']);
  if (directiveId) reports = reports.where('tasks.directive_id', '=', directiveId);
  // Reports the month asked for: assignments open during it whose task is not waiting for a condition.
  let required = db
    .selectFrom('assignments')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .select(['assignments.org_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assignments.state', '!=', 'cancelled')
    .where('tasks.deadline_kind', '!=', 'conditional')
    .where('assignments.created_at', '<=', `${end}T23:59:59`)
    .where((eb) => eb.or([eb('assignments.completed_on', 'is', null), eb('assignments.completed_on', '>=', `${period}-01`)]))
    .groupBy('assignments.org_id');
  if (directiveId) required = required.where('tasks.directive_id', '=', directiveId);

  const facts = new Map<number, AgencyFacts & { name: string }>();
  const get = (orgId: number, name: string) => {
    let f = facts.get(orgId);
    if (!f) {
      f = { name, due: 0, completedOnTime: 0, completedLate: 0, overdue: 0, reportsRequired: 0, reportsOnTime: 0, reportsSubmitted: 0, reportsAcceptedFirstTime: 0 };
      facts.set(orgId, f);
    }
    return f;
  };
  for (const a of await assignments.execute()) {
    const f = get(a.org_id, a.name);
    const due = a.original_due_on ?? a.due_on;
    if (!due || due > end) continue;
    f.due++;
    if (a.completed_on && a.completed_on <= end) {
      if (a.status_class === 'completed_late' || a.completed_on > (a.due_on ?? due)) f.completedLate++;
      else f.completedOnTime++;
    } else f.overdue++;
  }
  const names = new Map([...facts].map(([id, f]) => [id, f.name]));
  for (const r of await required.execute()) get(r.org_id, names.get(r.org_id) ?? '').reportsRequired = Number(r.n);
  for (const r of await reports.execute()) {
    const f = get(r.org_id, names.get(r.org_id) ?? '');
    f.reportsSubmitted++;
    if (!r.late) f.reportsOnTime++;
    if (r.state === 'accepted' && r.return_count === 0) f.reportsAcceptedFirstTime++;
  }
  return facts;
}

/** The ranking of agencies for a month, with every score's breakdown; agencies see their own rows only. */
export async function rankAgencies(db: Kysely<Database>, actor: Actor, q: z.infer<typeof scoreQuery>): Promise<z.infer<typeof scoreRow>[]> {
  const weights = await getSetting(db, 'scoring.weights');
  const facts = await factsFor(db, q.period, q.directiveId);
  const missingNames = [...facts].filter(([, f]) => !f.name).map(([id]) => id);
  if (missingNames.length) {
    for (const o of await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', missingNames).execute()) {
      const f = facts.get(o.id);
      if (f) f.name = o.name;
    }
  }
  const rows = [...facts].map(([orgId, { name, ...f }]) => ({ orgId, orgName: name, score: scoreAgency(f, weights), facts: f }));
  rows.sort((a, b) => b.score.total - a.score.total || vietnameseCollator.compare(a.orgName, b.orgName));
  const ranked = rows.map((r, i) => ({ rank: i + 1, ...r }));
  const scope = visibleOrgScope(actor);
  return scope === 'all' ? ranked : ranked.filter((r) => scope.includes(r.orgId));
}

/** One agency's score month by month. */
export async function scoreHistory(db: Kysely<Database>, actor: Actor, q: z.infer<typeof historyQuery>) {
  const scope = visibleOrgScope(actor);
  if (scope !== 'all' && !scope.includes(q.orgId)) throw new AppError('forbidden', 'Bạn chỉ xem được điểm của cơ quan mình.');
  if (q.from > q.to) throw new AppError('validation_failed', 'Kỳ bắt đầu phải trước kỳ kết thúc.');
  const out: { period: string; rank: number | null; score: z.infer<typeof breakdown> | null }[] = [];
  for (let label = q.from, n = 0; label <= q.to && n < 36; n++) {
    const ranking = await rankAgencies(db, { ...actor, role: 'viewer' }, { period: label, directiveId: q.directiveId });
    const mine = ranking.find((r) => r.orgId === q.orgId);
    out.push({ period: label, rank: mine?.rank ?? null, score: mine?.score ?? null });
    label = nextMonthLabel(label);
  }
  return out;
}

export { breakdown };
