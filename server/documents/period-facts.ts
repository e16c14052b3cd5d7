import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { assessIndicator } from '../domain/indicator-progress.ts';
import { vietnameseCollator } from '../domain/vietnamese.ts';
import type { MonthWindow } from './month.ts';
import type { AssignmentAsOf, AssignmentFilter } from './status-as-of.ts';
import { COLOUR_LABELS } from './wording.ts';

/** What the agencies sent for a month (reports, lateness, obstacles and proposals) and the indicators' values. */

export interface PeriodReport {
  assignmentId: number;
  orgName: string;
  ordinal: string;
  title: string;
  directiveNumber: string;
  state: string;
  late: boolean;
  progress: number;
  results: string;
  obstacles: string | null;
  proposals: string | null;
  submittedAt: string | null;
}
export interface ReportingLine {
  orgName: string;
  required: number;
  missing: number;
  late: number;
}
/** An agency's obstacles and proposals; the same words written for several tasks are said once. */
export interface FeedbackGroup {
  orgName: string;
  items: { tasks: { ordinal: string; title: string }[]; obstacles: string | null; proposals: string | null }[];
}
export interface IndicatorLine {
  code: string;
  name: string;
  target: string;
  value: string;
  assessment: string;
}

/** Reports sent (at least once) for the month, of the assignments matching the filter. */
export async function periodReports(db: Kysely<Database>, f: AssignmentFilter, label: string): Promise<PeriodReport[]> {
  let q = db
    .selectFrom('progress_reports')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id')
    .innerJoin('assignments', 'assignments.id', 'progress_reports.assignment_id')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .innerJoin('orgs', 'orgs.id', 'assignments.org_id')
    .select(['progress_reports.assignment_id', 'orgs.name as org_name', 'tasks.ordinal', 'tasks.title', 'directives.number', 'progress_reports.state', 'progress_reports.late', 'progress_reports.progress', 'progress_reports.results', 'progress_reports.obstacles', 'progress_reports.proposals', 'progress_reports.submitted_at'])
    .where('reporting_periods.label', '=', label)
    .where('progress_reports.submitted_at', 'is not', null)
    .where('assignments.state', '!=', 'cancelled');
  if (f.directiveId) q = q.where('tasks.directive_id', '=', f.directiveId);
  if (f.orgIds) q = q.where('assignments.org_id', 'in', f.orgIds.length ? [...f.orgIds] : [-1]);
  const rows = await q.orderBy('directives.id').orderBy('tasks.position').execute();
  return rows.map((r) => ({
    assignmentId: r.assignment_id,
    orgName: r.org_name,
    ordinal: r.ordinal,
    title: r.title,
    directiveNumber: r.number,
    state: r.state,
    late: r.late === 1,
    progress: r.progress,
    results: r.results,
    obstacles: r.obstacles?.trim() || null,
    proposals: r.proposals?.trim() || null,
    submittedAt: r.submitted_at,
  }));
}

/**
 * The month asked a report of every assignment still open when it began whose task is not waiting for a
 * condition (the rule of scores/service.ts); those without one are missing.
 */
export function requiredReports(rows: readonly AssignmentAsOf[], w: MonthWindow): AssignmentAsOf[] {
  return rows.filter((r) => r.deadlineKind !== 'conditional' && (r.completedOn === null || r.completedOn >= w.startsOn));
}

const byName = <T extends { orgName: string }>(a: T, b: T) => vietnameseCollator.compare(a.orgName, b.orgName);

function feedbackOf(reports: readonly PeriodReport[]): FeedbackGroup[] {
  const groups = new Map<string, FeedbackGroup>();
  for (const r of reports) {
    if (!r.obstacles && !r.proposals) continue;
    const g = groups.get(r.orgName) ?? { orgName: r.orgName, items: [] };
    const same = g.items.find((i) => i.obstacles === r.obstacles && i.proposals === r.proposals);
    if (same) same.tasks.push({ ordinal: r.ordinal, title: r.title });
    else g.items.push({ tasks: [{ ordinal: r.ordinal, title: r.title }], obstacles: r.obstacles, proposals: r.proposals });
    groups.set(r.orgName, g);
  }
  return [...groups.values()].sort(byName);
}

/** Who reported for the month, who did not, who was late; and the obstacles and proposals, by agency. */
export async function reportingOf(db: Kysely<Database>, f: AssignmentFilter, w: MonthWindow, rows: readonly AssignmentAsOf[]) {
  const reports = await periodReports(db, f, w.label);
  const reported = new Set(reports.map((r) => r.assignmentId));
  const lines = new Map<string, ReportingLine>();
  const line = (orgName: string) => {
    let l = lines.get(orgName);
    if (!l) lines.set(orgName, (l = { orgName, required: 0, missing: 0, late: 0 }));
    return l;
  };
  const required = requiredReports(rows, w);
  for (const r of required) {
    const l = line(r.orgName);
    l.required++;
    if (!reported.has(r.id)) l.missing++;
  }
  for (const r of reports) if (r.late) line(r.orgName).late++;
  const agencies = [...lines.values()].filter((l) => l.missing > 0 || l.late > 0).sort((a, b) => b.missing - a.missing || b.late - a.late || byName(a, b));
  return {
    reports,
    reporting: { required: required.length, submitted: required.filter((r) => reported.has(r.id)).length, late: reports.filter((r) => r.late).length, agencies },
    feedback: feedbackOf(reports),
  };
}

const number = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** Each indicator of the directive with its latest value entered for a period that began by `until`. */
export async function indicatorsAt(db: Kysely<Database>, directiveId: number, until: string): Promise<IndicatorLine[]> {
  const indicators = await db.selectFrom('indicators').selectAll().where('directive_id', '=', directiveId).orderBy('position').orderBy('id').execute();
  if (!indicators.length) return [];
  const values = await db
    .selectFrom('indicator_values')
    .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'indicator_values.period_id')
    .select(['indicator_values.indicator_id', 'indicator_values.value_number', 'indicator_values.value_text', 'reporting_periods.starts_on'])
    .where('indicators.directive_id', '=', directiveId)
    .where('indicator_values.state', '!=', 'returned')
    .where('reporting_periods.starts_on', '<=', until)
    .orderBy('reporting_periods.starts_on')
    .execute();
  return indicators.map((i) => {
    const latest = values.filter((v) => v.indicator_id === i.id).at(-1);
    const unit = !i.unit ? '' : i.unit === '%' ? '%' : ` ${i.unit}`;
    const shown = latest?.value_number != null ? `${number(latest.value_number)}${unit}` : (latest?.value_text ?? '');
    const colour = assessIndicator({ operator: i.target_operator, value: i.target_value, valueMax: i.target_value_max }, latest?.value_number ?? null);
    return { code: i.code, name: i.name, target: i.target_text, value: shown || 'Chưa có số liệu', assessment: COLOUR_LABELS[colour] };
  });
}
