import type { StatusClass } from '../../api/types.ts';
import { STATUS_ORDER } from '../../components/StatusTag.tsx';
import type { DeadlineKind } from './types.ts';

/**
 * The task list's filters as they live in the URL: the dashboard and the global search link to /tasks with
 * these exact names, and a reload or a shared link shows the same list. Unknown or malformed values are
 * dropped rather than sent to the server (which would refuse the whole request).
 */

export const DEADLINE_KIND_ORDER: readonly DeadlineKind[] = ['date', 'month', 'quarter', 'year', 'ongoing', 'annual', 'conditional', 'compound', 'none'];
export const TASK_SORTS = ['position', 'title', '-title', 'due_on', '-due_on'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];
export type OrgRole = 'lead' | 'coordinator';

export interface TaskFilters {
  directiveId?: number;
  sectionId?: number;
  orgId?: number;
  role?: OrgRole;
  statusClass?: StatusClass;
  deadlineKind?: DeadlineKind;
  workingGroupId?: number;
  field?: string;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
}

export interface TaskListState extends TaskFilters {
  sort: TaskSort;
  page: number;
}

export const FILTER_KEYS = ['directiveId', 'sectionId', 'orgId', 'role', 'statusClass', 'deadlineKind', 'workingGroupId', 'field', 'dueFrom', 'dueTo', 'q'] as const satisfies readonly (keyof TaskFilters)[];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 && n <= 2_147_483_647 ? n : undefined;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: string | null, max = 200): string | undefined {
  const v = value?.trim();
  return v ? v.slice(0, max) : undefined;
}

function date(value: string | null): string | undefined {
  return value && ISO_DATE.test(value) ? value : undefined;
}

export function readTaskListState(params: URLSearchParams): TaskListState {
  const state: TaskListState = {
    directiveId: positiveInt(params.get('directiveId')),
    sectionId: positiveInt(params.get('sectionId')),
    orgId: positiveInt(params.get('orgId')),
    role: oneOf<OrgRole>(params.get('role'), ['lead', 'coordinator']),
    statusClass: oneOf(params.get('statusClass'), STATUS_ORDER),
    deadlineKind: oneOf(params.get('deadlineKind'), DEADLINE_KIND_ORDER),
    workingGroupId: positiveInt(params.get('workingGroupId')),
    field: text(params.get('field')),
    dueFrom: date(params.get('dueFrom')),
    dueTo: date(params.get('dueTo')),
    q: text(params.get('q')),
    sort: oneOf(params.get('sort'), TASK_SORTS) ?? 'position',
    page: positiveInt(params.get('page')) ?? 1,
  };
  // Drop the empty keys so two equal states compare equal.
  for (const key of FILTER_KEYS) if (state[key] === undefined) delete state[key];
  return state;
}

/** The URL query of a state: defaults (position order, first page) are left out to keep links short. */
export function writeTaskListState(state: TaskListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (state.sort !== 'position') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/**
 * Applies a change of filters: the page goes back to 1 (the old page may not exist any more); choosing
 * another directive clears its section; the role means nothing without an agency.
 */
export function changeFilters(state: TaskListState, change: Partial<TaskFilters>): TaskListState {
  const next: TaskListState = { ...state, ...change, page: 1 };
  if ('directiveId' in change && change.directiveId !== state.directiveId) delete next.sectionId;
  if (!next.orgId) delete next.role;
  for (const key of FILTER_KEYS) if (next[key] === undefined || next[key] === '') delete next[key];
  return next;
}

export function activeFilterCount(state: TaskFilters): number {
  return FILTER_KEYS.filter((key) => state[key] !== undefined && key !== 'q').length;
}

/** The same list as an Excel workbook (the export takes the list's filters and order, not its page). */
export function exportHref(state: TaskListState, bySection: boolean): string {
  const params = writeTaskListState({ ...state, page: 1 });
  params.delete('page');
  if (bySection) params.set('bySection', 'true');
  const qs = params.toString();
  return `/api/exports/tasks.xlsx${qs ? `?${qs}` : ''}`;
}
