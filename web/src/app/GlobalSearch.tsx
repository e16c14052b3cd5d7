import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Input } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import type { Directive, Org, Page, Task } from '../api/types.ts';
import { useT } from '../i18n/index.tsx';

interface Hits {
  tasks: Task[];
  directives: Directive[];
  orgs: Org[];
}

async function searchAll(q: string, signal: AbortSignal): Promise<Hits> {
  // Each list searches accent-insensitively on the server ("so y te" finds "Sở Y tế").
  const [tasks, directives, orgs] = await Promise.all([
    api.get<Page<Task>>('/api/tasks', { q, pageSize: 5 }, signal),
    api.get<Page<Directive>>('/api/directives', { q, pageSize: 3 }, signal),
    api.get<Page<Org>>('/api/orgs', { q, pageSize: 3 }, signal),
  ]);
  return { tasks: tasks.items, directives: directives.items, orgs: orgs.items };
}

export function GlobalSearch() {
  const t = useT('layout');
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const query = useQuery({ queryKey: ['search', q], queryFn: ({ signal }) => searchAll(q, signal), enabled: q.length >= 2, staleTime: 30_000 });

  const hits = query.data;
  const options = hits
    ? [
        { label: t('searchTasks'), options: hits.tasks.map((x) => ({ value: `/tasks/${x.id}`, label: `${x.ordinal ? `${x.ordinal}. ` : ''}${x.title}` })) },
        { label: t('searchDirectives'), options: hits.directives.map((x) => ({ value: `/directives/${x.id}`, label: `${x.number ?? ''} ${x.title}`.trim() })) },
        { label: t('searchOrgs'), options: hits.orgs.map((x) => ({ value: `/tasks?orgId=${x.id}`, label: x.name })) },
      ].filter((g) => g.options.length > 0)
    : [];

  return (
    <AutoComplete
      className="global-search"
      options={options}
      filterOption={false}
      value={text}
      onChange={setText}
      onSelect={(path: string) => {
        setText('');
        void navigate(path);
      }}
      notFoundContent={q.length >= 2 && hits ? t('searchNothing') : null}
      popupMatchSelectWidth={Math.min(520, typeof window === 'undefined' ? 520 : window.innerWidth - 24)}
    >
      <Input prefix={<SearchOutlined />} placeholder={t('searchPlaceholder')} aria-label={t('searchPlaceholder')} allowClear />
    </AutoComplete>
  );
}
