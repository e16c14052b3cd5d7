import type { DeadlineKind } from './deadlines.ts';

/** The status classes the Government Office uses; always computed, never typed by hand. */
export const STATUS_CLASSES = [
  'completed_on_time',
  'completed_late',
  'in_progress',
  'due_soon',
  'overdue',
  'ongoing',
  'waiting_condition',
  'not_started',
] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export const STATUS_LABELS: Record<StatusClass, string> = {
  completed_on_time: 'Hoàn thành đúng hạn',
  completed_late: 'Hoàn thành quá hạn',
  in_progress: 'Đang thực hiện trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  ongoing: 'Thường xuyên',
  waiting_condition: 'Chờ điều kiện',
  not_started: 'Chưa triển khai',
};

export interface AssignmentFacts {
  state: string; // open | completed | cancelled
  deadlineKind: DeadlineKind | string;
  dueOn: string | null;
  /** The due date lateness is judged against (the original, unless an extension was approved in time). */
  judgedDueOn: string | null;
  completedOn: string | null;
  progress: number;
  hasReport: boolean;
}

export const DEFAULT_DUE_SOON_DAYS = 7;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function statusClassOf(a: AssignmentFacts, today: string, dueSoonDays = DEFAULT_DUE_SOON_DAYS): StatusClass {
  if (a.state === 'completed') {
    const due = a.judgedDueOn ?? a.dueOn;
    return due && a.completedOn && a.completedOn > due ? 'completed_late' : 'completed_on_time';
  }
  if (a.dueOn) {
    if (today > a.dueOn) return 'overdue';
    if (daysBetween(today, a.dueOn) <= dueSoonDays) return 'due_soon';
    return a.hasReport || a.progress > 0 ? 'in_progress' : 'not_started';
  }
  if (a.deadlineKind === 'ongoing') return 'ongoing';
  if (a.deadlineKind === 'conditional') return 'waiting_condition';
  return a.hasReport || a.progress > 0 ? 'in_progress' : 'not_started';
}

/** Days past due for an open assignment (0 when not overdue). */
export function daysOverdue(dueOn: string | null, today: string): number {
  return dueOn && today > dueOn ? daysBetween(dueOn, today) : 0;
}

/** A task's status from its assignments: the worst open one leads; all completed → late if any was late. */
const SEVERITY: StatusClass[] = ['overdue', 'due_soon', 'not_started', 'in_progress', 'waiting_condition', 'ongoing', 'completed_late', 'completed_on_time'];
export function rollUpStatus(classes: readonly string[]): StatusClass {
  for (const s of SEVERITY) if (classes.includes(s)) return s;
  return 'not_started';
}
