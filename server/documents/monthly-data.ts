import type { Kysely } from 'kysely';
import type { Database, Directive } from '../db/types.ts';
import { STATUS_CLASSES, STATUS_LABELS, type StatusClass } from '../domain/status.ts';
import { findDirective } from '../directives/service.ts';
import { type Issuer } from './nd30.ts';
import { issuerFor } from './issuer.ts';
import { type MonthWindow, monthWindow } from './month.ts';
import { type IndicatorLine, type ReportingLine, type FeedbackGroup, indicatorsAt, reportingOf } from './period-facts.ts';
import { type AssignmentAsOf, assignmentsAsOf, bareTaskStatus, rollUpByTask } from './status-as-of.ts';
import { date } from './wording.ts';

/**
 * Everything the monthly synthesis of one directive says, gathered from the database. Only roles that
 * read every agency may ask for it (policies.document.monthlyReport), so nothing here is narrowed by scope.
 */

export interface StatusCount {
  statusClass: StatusClass;
  label: string;
  previous: number;
  current: number;
}
export interface TaskRow {
  ordinal: string;
  title: string;
  leads: string;
  deadline: string;
  status: string;
  progress: number | null;
  daysLate: number | null;
}
export interface MonthlyData {
  directive: Directive;
  window: MonthWindow;
  issuer: Issuer & { orgName: string };
  statuses: StatusCount[];
  totals: { previous: number; current: number };
  completed: { ordinal: string; title: string; leads: string; completedOn: string; status: string }[];
  overdue: { ordinal: string; title: string; org: string; dueOn: string; daysLate: number }[];
  dueNext: { ordinal: string; title: string; orgs: string; dueOn: string }[];
  reporting: { required: number; submitted: number; late: number; agencies: ReportingLine[] };
  feedback: FeedbackGroup[];
  indicators: IndicatorLine[];
  appendix: TaskRow[];
}

type TaskBase = { id: number; ordinal: string; title: string; deadline_text: string | null; deadline_kind: string; due_on: string | null };

async function tasksOf(db: Kysely<Database>, directiveId: number) {
  const tasks = await db.selectFrom('tasks').select(['id', 'ordinal', 'title', 'deadline_text', 'deadline_kind', 'due_on']).where('directive_id', '=', directiveId).orderBy('position').orderBy('id').execute();
  const leads = await db
    .selectFrom('task_orgs')
    .innerJoin('tasks', 'tasks.id', 'task_orgs.task_id')
    .leftJoin('orgs', 'orgs.id', 'task_orgs.org_id')
    .select(['task_orgs.task_id', 'task_orgs.name_as_written', 'orgs.name'])
    .where('tasks.directive_id', '=', directiveId)
    .where('task_orgs.role', '=', 'lead')
    .orderBy('task_orgs.position')
    .execute();
  const leadNames = (taskId: number) => leads.filter((l) => l.task_id === taskId).map((l) => l.name ?? l.name_as_written).join('; ');
  return { tasks, leadNames };
}

/** Each task's class at the day: rolled up from its assignments, or from its own deadline when it has none. */
async function taskClasses(db: Kysely<Database>, tasks: readonly TaskBase[], rows: readonly AssignmentAsOf[], asOf: string): Promise<Map<number, StatusClass>> {
  const classes = rollUpByTask(rows);
  for (const t of tasks) if (!classes.has(t.id)) classes.set(t.id, await bareTaskStatus(db, t, asOf));
  return classes;
}

const isDone = (c: StatusClass | undefined) => c === 'completed_on_time' || c === 'completed_late';

function countStatuses(now: Map<number, StatusClass>, before: Map<number, StatusClass>): StatusCount[] {
  const count = (m: Map<number, StatusClass>, s: StatusClass) => [...m.values()].filter((c) => c === s).length;
  return STATUS_CLASSES.map((s) => ({ statusClass: s, label: STATUS_LABELS[s], previous: count(before, s), current: count(now, s) }));
}

function completedThisMonth(tasks: readonly TaskBase[], now: Map<number, StatusClass>, before: Map<number, StatusClass>, rows: readonly AssignmentAsOf[], leadNames: (id: number) => string) {
  return tasks
    .filter((t) => isDone(now.get(t.id)) && !isDone(before.get(t.id)))
    .map((t) => {
      const last = rows.filter((r) => r.taskId === t.id && r.completedOn).map((r) => r.completedOn ?? '').sort().at(-1) ?? '';
      const cls = now.get(t.id) ?? 'completed_on_time';
      return { ordinal: t.ordinal, title: t.title, leads: leadNames(t.id), completedOn: date(last), status: STATUS_LABELS[cls] };
    });
}

function overdueAssignments(rows: readonly AssignmentAsOf[]) {
  return rows
    .filter((r) => r.statusClass === 'overdue')
    .sort((a, b) => b.daysLate - a.daysLate || a.taskPosition - b.taskPosition)
    .map((r) => ({ ordinal: r.ordinal, title: r.title, org: r.orgName, dueOn: date(r.dueOn), daysLate: r.daysLate }));
}

/** Open assignments falling due in the next month, one line per task with the agencies that owe it. */
function dueNextMonth(rows: readonly AssignmentAsOf[], w: MonthWindow) {
  const byTask = new Map<number, { ordinal: string; title: string; orgs: string[]; dueOn: string }>();
  for (const r of rows) {
    if (!r.open || !r.dueOn || r.dueOn < w.next.startsOn || r.dueOn > w.next.endsOn) continue;
    const line = byTask.get(r.taskId) ?? { ordinal: r.ordinal, title: r.title, orgs: [], dueOn: r.dueOn };
    line.orgs.push(r.orgName);
    if (r.dueOn < line.dueOn) line.dueOn = r.dueOn;
    byTask.set(r.taskId, line);
  }
  return [...byTask.values()].sort((a, b) => a.dueOn.localeCompare(b.dueOn)).map((l) => ({ ordinal: l.ordinal, title: l.title, orgs: l.orgs.join('; '), dueOn: date(l.dueOn) }));
}

function appendixRows(tasks: readonly TaskBase[], now: Map<number, StatusClass>, rows: readonly AssignmentAsOf[], leadNames: (id: number) => string): TaskRow[] {
  return tasks.map((t) => {
    const mine = rows.filter((r) => r.taskId === t.id);
    const late = Math.max(0, ...mine.map((r) => r.daysLate));
    return {
      ordinal: t.ordinal,
      title: t.title,
      leads: leadNames(t.id),
      deadline: t.deadline_text ?? date(t.due_on),
      status: STATUS_LABELS[now.get(t.id) ?? 'not_started'],
      progress: mine.length ? Math.round(mine.reduce((s, r) => s + r.progress, 0) / mine.length) : null,
      daysLate: late || null,
    };
  });
}

export async function gatherMonthly(db: Kysely<Database>, directiveId: number, period: string): Promise<MonthlyData> {
  const directive = await findDirective(db, directiveId);
  const window = monthWindow(period);
  const { tasks, leadNames } = await tasksOf(db, directiveId);
  const nowRows = await assignmentsAsOf(db, { directiveId }, window.asOf);
  const beforeRows = await assignmentsAsOf(db, { directiveId }, window.previous.asOf);
  const now = await taskClasses(db, tasks, nowRows, window.asOf);
  const before = await taskClasses(db, tasks, beforeRows, window.previous.asOf);
  const { reporting, feedback } = await reportingOf(db, { directiveId }, window, nowRows);
  return {
    directive,
    window,
    issuer: await issuerFor(db, directive.coordinator_org_id),
    statuses: countStatuses(now, before),
    totals: { previous: before.size, current: now.size },
    completed: completedThisMonth(tasks, now, before, nowRows, leadNames),
    overdue: overdueAssignments(nowRows),
    dueNext: dueNextMonth(nowRows, window),
    reporting,
    feedback,
    indicators: await indicatorsAt(db, directiveId, window.endsOn),
    appendix: appendixRows(tasks, now, nowRows, leadNames),
  };
}
