import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Section } from '../../api/types.ts';
import type { DashboardFilters } from './filters.ts';
import type { Dashboard, DashboardOptions } from './types.ts';

const LONG = 10 * 60_000;

export function useDashboard(filters: DashboardFilters) {
  return useQuery({
    queryKey: ['dashboard', filters],
    queryFn: ({ signal }) => api.get<Dashboard>('/api/dashboard', { ...filters }, signal),
    // While a new filter loads, the previous figures stay on screen (dimmed) instead of a blank page.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useDashboardOptions() {
  return useQuery({ queryKey: ['dashboard', 'options'], queryFn: ({ signal }) => api.get<DashboardOptions>('/api/dashboard/options', undefined, signal), staleTime: LONG });
}

export function useSections(directiveId: number | undefined) {
  return useQuery({
    queryKey: ['directive', directiveId, 'sections'],
    queryFn: ({ signal }) => api.get<Section[]>(`/api/directives/${directiveId ?? 0}/sections`, undefined, signal),
    enabled: Boolean(directiveId),
    staleTime: LONG,
  });
}
