import type { PeriodReportState, PeriodWorkItem } from './types.ts';

export interface WorkFilter {
  state?: PeriodReportState;
  directiveId?: number;
}

/** The rows matching the filter, and the count per state within the chosen directive (for the filter's labels). */
export function filterWork(items: readonly PeriodWorkItem[], filter: WorkFilter) {
  const inDirective = filter.directiveId ? items.filter((i) => i.directive.id === filter.directiveId) : items;
  const counts: Record<PeriodReportState, number> = { not_started: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 };
  for (const i of inDirective) counts[i.reportState]++;
  const rows = filter.state ? inDirective.filter((i) => i.reportState === filter.state) : inDirective;
  return { rows, counts, total: inDirective.length };
}

/** The directives present in the list, once each, in list order. */
export function directivesOf(items: readonly PeriodWorkItem[]): { id: number; number: string }[] {
  const seen = new Map<number, string>();
  for (const i of items) if (!seen.has(i.directive.id)) seen.set(i.directive.id, i.directive.number);
  return [...seen].map(([id, number]) => ({ id, number }));
}
