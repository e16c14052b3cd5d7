import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { PeriodWork } from './types.ts';

/** Query keys of the monthly cycle: one place, so every write invalidates the same lists. */
export const cycleKeys = {
  periodWork: ['worklist', 'period'] as const,
  coordination: ['worklist', 'coordination'] as const,
  reviewQueue: ['worklist', 'review-queue'] as const,
  assignment: (id: number) => ['assignment', id] as const,
  report: (assignmentId: number) => ['assignment', assignmentId, 'report'] as const,
  history: (assignmentId: number) => ['assignment', assignmentId, 'history'] as const,
  extensions: (assignmentId: number) => ['assignment', assignmentId, 'extensions'] as const,
  completions: (assignmentId: number) => ['assignment', assignmentId, 'completions'] as const,
};

/** Every open assignment the user sees with its current-period report state (filtered on the client). */
export function usePeriodWork() {
  return useQuery({ queryKey: cycleKeys.periodWork, queryFn: ({ signal }) => api.get<PeriodWork>('/api/worklist/period', undefined, signal) });
}
