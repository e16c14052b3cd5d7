import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Flex, Grid, Pagination, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { isAgencyRole, useUser } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/index.tsx';
import { ExportButton } from './ExportButton.tsx';
import { TaskCard } from './TaskCard.tsx';
import { TaskFilterBar } from './TaskFilterBar.tsx';
import { TaskTable } from './TaskTable.tsx';
import { FILTER_KEYS, activeFilterCount, type TaskListState } from './taskFilters.ts';
import type { TaskListItem, TaskProgress } from './types.ts';
import { useTaskListState } from './useTaskListState.ts';

export const TASK_PAGE_SIZE = 20;

function useTaskPage(state: TaskListState) {
  const query: Record<string, string | number | undefined> = { sort: state.sort, page: state.page, pageSize: TASK_PAGE_SIZE };
  for (const key of FILTER_KEYS) query[key] = state[key];
  return useQuery({
    queryKey: ['tasks', 'list', query],
    queryFn: ({ signal }) => api.get<Page<TaskListItem>>('/api/tasks', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Progress of the tasks on the page, fetched in one request beside the list. */
function useProgress(tasks: TaskListItem[] | undefined) {
  const ids = (tasks ?? []).map((x) => x.id).join(',');
  const query = useQuery({
    queryKey: ['task-overview', 'progress', ids],
    queryFn: ({ signal }) => api.get<TaskProgress[]>('/api/task-overview/progress', { ids }, signal),
    enabled: ids !== '',
  });
  return useMemo(() => new Map((query.data ?? []).map((p) => [p.taskId, p.progress])), [query.data]);
}

export default function TaskListPage() {
  const t = useT('tasks');
  const user = useUser();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const { state, setFilters, setSort, setPage, clear } = useTaskListState();
  const list = useTaskPage(state);
  const progress = useProgress(list.data?.items);
  const filtered = activeFilterCount(state) > 0 || Boolean(state.q);

  const body = () => {
    if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
    if (!list.data) return <Spin spinning style={{ display: 'block', padding: 48 }} />;
    if (!list.data.items.length) {
      const description = filtered ? `${t('empty')} ${t('emptyHint')}` : isAgencyRole(user.role) ? t('emptyAgency') : t('empty');
      return <Empty description={description} style={{ padding: 32 }} />;
    }
    return (
      <Spin spinning={list.isFetching} delay={300}>
        {phone ? (
          <Flex vertical gap={8} role="list" aria-label={t('title')}>
            {list.data.items.map((task) => (
              <div role="listitem" key={task.id}>
                <TaskCard task={task} progress={progress.get(task.id)} />
              </div>
            ))}
          </Flex>
        ) : (
          <TaskTable tasks={list.data.items} progress={progress} sort={state.sort} onSort={setSort} />
        )}
      </Spin>
    );
  };

  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} extra={<ExportButton state={state} />} />
      <TaskFilterBar state={state} onChange={setFilters} onSort={setSort} onClear={clear} />
      {list.data ? (
        <Typography.Paragraph strong data-testid="task-count" aria-live="polite">
          {t('count', { n: list.data.total })}
        </Typography.Paragraph>
      ) : null}
      {body()}
      {list.data && list.data.total > TASK_PAGE_SIZE ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Pagination
            current={state.page}
            pageSize={TASK_PAGE_SIZE}
            total={list.data.total}
            showSizeChanger={false}
            simple={phone}
            onChange={(page) => {
              setPage(page);
              window.scrollTo({ top: 0 });
            }}
          />
        </Flex>
      ) : null}
    </>
  );
}
