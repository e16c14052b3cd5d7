import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useT } from '../../i18n/index.tsx';
import { DeadlineText, LeadAgencies, TaskProgressBar } from './TaskBits.tsx';
import type { TaskListItem } from './types.ts';

/** One task on a phone: what, who leads, by when, where it stands. */
export function TaskCard({ task, progress }: { task: TaskListItem; progress: number | null | undefined }) {
  const t = useT('tasks');
  const tc = useT('common');
  return (
    <Card size="small" styles={{ body: { padding: 12 } }}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text type="secondary">{task.ordinal}</Typography.Text>
          <StatusTag status={task.statusClass} />
        </Flex>
        <Link to={`/tasks/${task.id}`} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
          {task.title}
        </Link>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {tc('lead')}:{' '}
          </Typography.Text>
          <LeadAgencies task={task} />
        </div>
        <DeadlineText text={task.deadlineText} kind={task.deadlineKind} dueOn={task.dueOn} />
        <TaskProgressBar progress={progress} label={t('col.progress')} />
      </Flex>
    </Card>
  );
}
