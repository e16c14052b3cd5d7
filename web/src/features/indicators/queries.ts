import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { DirectiveDetail } from '../../api/types.ts';
import type { Indicator, IndicatorValue } from './types.ts';

export interface ValueInput {
  period: string;
  valueNumber?: number | null;
  valueText?: string | null;
  source?: string | null;
}

export function useIndicators(directiveId: number | undefined) {
  return useQuery({
    queryKey: ['indicators', directiveId],
    queryFn: ({ signal }) => api.get<Indicator[]>(`/api/directives/${directiveId ?? 0}/indicators`, undefined, signal),
    enabled: Boolean(directiveId),
  });
}

export function useDirective(directiveId: number | undefined) {
  return useQuery({
    queryKey: ['directive', directiveId],
    queryFn: ({ signal }) => api.get<DirectiveDetail>(`/api/directives/${directiveId ?? 0}`, undefined, signal),
    enabled: Boolean(directiveId),
    staleTime: 10 * 60_000,
  });
}

/** After a value changes, the list, the trend and the dashboard's colours all read it again. */
function useRefreshAfterChange() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: ['indicators'] }), client.invalidateQueries({ queryKey: ['dashboard'] })]);
}

export function useEnterValue(indicatorId: number) {
  const refresh = useRefreshAfterChange();
  return useMutation({ mutationFn: (input: ValueInput) => api.post<IndicatorValue>(`/api/indicators/${indicatorId}/values`, input), onSuccess: refresh });
}

export function useVerifyValue() {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: ({ valueId, decision }: { valueId: number; decision: 'verify' | 'return' }) => api.post<IndicatorValue>(`/api/indicator-values/${valueId}/verify`, { decision }),
    onSuccess: refresh,
  });
}
