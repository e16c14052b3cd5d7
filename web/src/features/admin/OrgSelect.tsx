import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Org, Page } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';

export interface OrgOption {
  id: number;
  name: string;
  kind: string;
}

interface OrgSelectProps {
  value?: number | null;
  onChange?: (id: number | null, org: OrgOption | null) => void;
  /** The name of the current value, shown before any search has run. */
  valueLabel?: string | null;
  id?: string;
  'aria-label'?: string;
  placeholder?: string;
  allowClear?: boolean;
  /** An org that may not be picked (an org cannot be its own parent). */
  excludeId?: number;
  status?: 'warning' | 'error';
  style?: React.CSSProperties;
}

/** Waits for a pause in typing before asking the server. */
function useDebounced<T>(value: T, ms = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Picks an organisation of the directory by typing part of its name, accents optional ("so y te" finds
 * Sở Y tế): the server searches its folded names and aliases (GET /api/orgs?q=).
 */
export function OrgSelect({ value, onChange, valueLabel, excludeId, placeholder, ...rest }: OrgSelectProps) {
  const t = useT('admin');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const query = useQuery({
    queryKey: ['orgs', 'search', q],
    queryFn: ({ signal }) => api.get<Page<Org>>('/api/orgs', { q, pageSize: 20, sort: q ? 'name' : 'position' }, signal),
    staleTime: 60_000,
  });
  const found = useMemo(() => (query.data?.items ?? []).filter((o) => o.id !== excludeId), [query.data, excludeId]);
  const options = useMemo(() => {
    const list = found.map((o) => ({ value: o.id, label: o.name, org: { id: o.id, name: o.name, kind: o.kind } }));
    // The current value stays readable even when the latest search did not return it.
    if (value && !list.some((o) => o.value === value)) list.unshift({ value, label: valueLabel ?? `#${value}`, org: { id: value, name: valueLabel ?? '', kind: '' } });
    return list;
  }, [found, value, valueLabel]);

  return (
    <Select<number | null>
      {...rest}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value ?? null}
      placeholder={placeholder ?? t('orgSelect.placeholder')}
      options={options}
      loading={query.isFetching}
      notFoundContent={query.isFetching ? t('orgSelect.searching') : t('orgSelect.none')}
      onChange={(id) => {
        const picked = options.find((o) => o.value === id)?.org ?? null;
        setSearch('');
        onChange?.(id ?? null, picked);
      }}
      onClear={() => onChange?.(null, null)}
      style={{ width: '100%', ...rest.style }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(520px, calc(100vw - 24px))' } } }}
      optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
    />
  );
}
