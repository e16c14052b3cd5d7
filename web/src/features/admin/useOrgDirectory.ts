import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import type { Org, Page } from '../../api/types.ts';

export const ORGS_KEY = ['orgs'] as const;

/**
 * The whole directory (a province has a few hundred bodies at most), former ones included, in the server's
 * order (position, then Vietnamese sort key). Used for the tree and to name an org by its id.
 */
export function useOrgDirectory() {
  const query = useQuery({
    queryKey: [...ORGS_KEY, 'directory'],
    queryFn: async ({ signal }) => {
      const all: Org[] = [];
      for (let page = 1; ; page++) {
        const res = await api.get<Page<Org>>('/api/orgs', { page, pageSize: 200, includeInactive: 'true' }, signal);
        all.push(...res.items);
        if (all.length >= res.total || res.items.length === 0) return all;
      }
    },
    staleTime: 60_000,
  });
  const byId = useMemo(() => new Map((query.data ?? []).map((o) => [o.id, o])), [query.data]);
  return { ...query, orgs: query.data ?? [], byId };
}
