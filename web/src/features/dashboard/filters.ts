import type { StatusClass } from '../../api/types.ts';

/**
 * The dashboard's filters as they live in the URL, so a view can be shared or reloaded. Malformed values are
 * dropped, not sent (the server would refuse the whole request). Drill-down links carry the same filters to
 * the task list, which reads the same names (period aside: the list shows tasks as they are today).
 */
export interface DashboardFilters {
  directiveId?: number;
  sectionId?: number;
  workingGroupId?: number;
  field?: string;
  orgId?: number;
  period?: string;
}

export const DASHBOARD_FILTER_KEYS = ['directiveId', 'sectionId', 'workingGroupId', 'field', 'orgId', 'period'] as const satisfies readonly (keyof DashboardFilters)[];

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 && n <= 2_147_483_647 ? n : undefined;
}

export function filtersFromSearch(params: URLSearchParams): DashboardFilters {
  const field = params.get('field')?.trim().slice(0, 200);
  const period = params.get('period');
  const directiveId = positiveInt(params.get('directiveId'));
  const filters: DashboardFilters = {
    directiveId,
    // A section only means something inside its directive.
    sectionId: directiveId ? positiveInt(params.get('sectionId')) : undefined,
    workingGroupId: positiveInt(params.get('workingGroupId')),
    field: field || undefined,
    orgId: positiveInt(params.get('orgId')),
    period: period && /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : undefined,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as DashboardFilters;
}

export function filtersToSearch(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of DASHBOARD_FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

/** Changing the directive forgets its section; every other filter changes alone. */
export function withFilter(filters: DashboardFilters, change: Partial<DashboardFilters>): DashboardFilters {
  const next: DashboardFilters = { ...filters, ...change };
  if ('directiveId' in change && change.directiveId !== filters.directiveId) delete next.sectionId;
  for (const key of DASHBOARD_FILTER_KEYS) if (next[key] === undefined || next[key] === '') delete next[key];
  return next;
}

export function activeFilterCount(filters: DashboardFilters): number {
  return DASHBOARD_FILTER_KEYS.filter((k) => filters[k] !== undefined).length;
}

/** The task list showing what a number counts: the dashboard's filters plus the number's own. */
export function taskListLink(filters: DashboardFilters, extra: { statusClass?: StatusClass; orgId?: number; directiveId?: number; dueFrom?: string; dueTo?: string } = {}): string {
  const params = new URLSearchParams();
  const directiveId = extra.directiveId ?? filters.directiveId;
  const orgId = extra.orgId ?? filters.orgId;
  if (directiveId) params.set('directiveId', String(directiveId));
  if (filters.sectionId && directiveId === filters.directiveId) params.set('sectionId', String(filters.sectionId));
  if (orgId) {
    params.set('orgId', String(orgId));
    // The dashboard counts the assignments of lead agencies.
    params.set('role', 'lead');
  }
  if (extra.statusClass) params.set('statusClass', extra.statusClass);
  if (filters.workingGroupId) params.set('workingGroupId', String(filters.workingGroupId));
  if (filters.field) params.set('field', filters.field);
  if (extra.dueFrom) params.set('dueFrom', extra.dueFrom);
  if (extra.dueTo) params.set('dueTo', extra.dueTo);
  const qs = params.toString();
  return qs ? `/tasks?${qs}` : '/tasks';
}

/** yyyy-mm-dd plus some days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
