import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Assignment, Page, TaskDetail } from '../../api/types.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { READABLE } from './readableStyles.ts';

type Brief = TaskDetail['assignments'][number];

/** Last report dates come from the assignment list (the task detail carries the rest). */
function useLastReports(taskId: number) {
  return useQuery({
    queryKey: ['assignments', 'by-task', taskId],
    queryFn: ({ signal }) => api.get<Page<Assignment>>('/api/assignments', { taskId, pageSize: 200 }, signal),
  });
}

function AssignmentRow({ a, lastReportAt, first }: { a: Brief; lastReportAt: string | null | undefined; first: boolean }) {
  const t = useT('tasks');
  const cancelled = a.state === 'cancelled';
  return (
    <li style={{ padding: '12px 0', borderTop: first ? undefined : '1px solid rgba(5, 5, 5, 0.06)' }}>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          {/* The server lists only assignments this user may read, so each one may be opened. */}
          <Link to={`/assignments/${a.id}`} style={{ fontWeight: 500, overflowWrap: 'anywhere' }} aria-label={`${t('assignment.open')}: ${a.orgName}`}>
            {a.orgName}
          </Link>
          {cancelled ? <Tag>{t('assignment.cancelled')}</Tag> : <StatusTag status={a.statusClass} />}
        </Flex>
        <Progress percent={a.progress} size="small" aria-label={`${t('col.progress')}: ${a.orgName}`} status={a.progress >= 100 ? 'success' : 'normal'} />
        <Flex gap={16} wrap>
          <Typography.Text type="secondary">{a.dueOn ? t('assignment.dueOn', { date: formatDate(a.dueOn) }) : t('noDueDate')}</Typography.Text>
          {a.daysOverdue > 0 ? <Typography.Text style={{ color: READABLE.danger }}>{t('assignment.daysOverdue', { n: a.daysOverdue })}</Typography.Text> : null}
          {a.completedOn ? <Typography.Text style={{ color: READABLE.success }}>{t('assignment.completedOn', { date: formatDate(a.completedOn) })}</Typography.Text> : null}
          <Typography.Text type="secondary">{lastReportAt ? t('assignment.lastReport', { date: formatDate(lastReportAt) }) : t('assignment.noReport')}</Typography.Text>
        </Flex>
      </Flex>
    </li>
  );
}

export function TaskAssignments({ task }: { task: TaskDetail }) {
  const t = useT('tasks');
  const reports = useLastReports(task.id);
  const lastReport = new Map((reports.data?.items ?? []).map((a) => [a.id, a.lastReportAt]));
  return (
    <Card title={t('assignments')} size="small" style={{ marginBottom: 16 }}>
      {task.assignments.length ? (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {task.assignments.map((a, i) => (
            <AssignmentRow key={a.id} a={a} first={i === 0} lastReportAt={reports.isPending ? undefined : lastReport.get(a.id)} />
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assignmentsEmpty')} />
      )}
    </Card>
  );
}
