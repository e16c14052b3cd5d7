import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import type { DirectiveOverview } from './types.ts';

/** Task count, rolled-up status and progress of every directive (what the user may see of each). */
export function useDirectiveOverview() {
  const query = useQuery({ queryKey: ['task-overview', 'directives'], queryFn: ({ signal }) => api.get<DirectiveOverview[]>('/api/task-overview/directives', undefined, signal) });
  const byId = useMemo(() => new Map((query.data ?? []).map((d) => [d.directiveId, d])), [query.data]);
  return { ...query, byId };
}
