import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type DashboardFilters, filtersFromSearch, filtersToSearch, withFilter } from './filters.ts';

/** The filters read from and written to the URL (replacing the history entry: filters are not pages). */
export function useDashboardFilters(): [DashboardFilters, (change: Partial<DashboardFilters>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const change = useCallback((c: Partial<DashboardFilters>) => setParams(filtersToSearch(withFilter(filtersFromSearch(params), c)), { replace: true }), [params, setParams]);
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return [filters, change, clear];
}
