import { Table, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useT } from '../../i18n/index.tsx';
import { DeadlineText, LeadAgencies, TaskProgressBar } from './TaskBits.tsx';
import type { TaskSort } from './taskFilters.ts';
import type { TaskListItem } from './types.ts';

interface Props {
  tasks: TaskListItem[];
  progress: Map<number, number | null>;
  sort: TaskSort;
  onSort(sort: TaskSort): void;
}

function orderOf(sort: TaskSort, column: 'title' | 'due_on'): SortOrder {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

/** The task list on a wide screen; sorting is done by the server (Vietnamese order), the table only asks. */
export function TaskTable({ tasks, progress, sort, onSort }: Props) {
  const t = useT('tasks');
  return (
    <Table<TaskListItem>
      rowKey="id"
      dataSource={tasks}
      pagination={false}
      scroll={{ x: 960 }}
      onChange={(_p, _f, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const key = s?.columnKey === 'title' || s?.columnKey === 'due_on' ? s.columnKey : null;
        if (!key || !s?.order) onSort('position');
        else onSort(s.order === 'descend' ? `-${key}` : key);
      }}
      columns={[
        { key: 'ordinal', title: t('col.ordinal'), dataIndex: 'ordinal', width: 64 },
        {
          key: 'title',
          title: t('col.title'),
          sorter: true,
          sortOrder: orderOf(sort, 'title'),
          render: (_v, task) => (
            <Link to={`/tasks/${task.id}`} style={{ overflowWrap: 'anywhere' }}>
              <Typography.Paragraph ellipsis={{ rows: 3, tooltip: task.title }} style={{ margin: 0, color: 'inherit' }}>
                {task.title}
              </Typography.Paragraph>
            </Link>
          ),
        },
        { key: 'lead', title: t('col.lead'), width: 200, render: (_v, task) => <LeadAgencies task={task} /> },
        {
          key: 'due_on',
          title: t('col.deadline'),
          width: 170,
          sorter: true,
          sortOrder: orderOf(sort, 'due_on'),
          render: (_v, task) => <DeadlineText text={task.deadlineText} kind={task.deadlineKind} dueOn={task.dueOn} />,
        },
        { key: 'status', title: t('col.status'), width: 160, render: (_v, task) => <StatusTag status={task.statusClass} /> },
        { key: 'progress', title: t('col.progress'), width: 130, render: (_v, task) => <TaskProgressBar progress={progress.get(task.id)} label={t('col.progress')} /> },
      ]}
    />
  );
}
