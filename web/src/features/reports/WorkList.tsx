import { Card, Flex, Grid, Progress, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { StatusTag } from '../../components/StatusTag.tsx';
import { formatDate, formatMonth } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { DueCountdown } from './DueCountdown.tsx';
import { ReportStateTag } from './ReportStateTag.tsx';
import type { PeriodWorkItem } from './types.ts';

function TaskCell({ item }: { item: PeriodWorkItem }) {
  return (
    <Link to={`/assignments/${item.assignmentId}`} style={{ display: 'block' }}>
      <Typography.Text strong>{item.task.ordinal}.</Typography.Text> <span>{item.task.title}</span>
    </Link>
  );
}

function ReportCell({ item, today }: { item: PeriodWorkItem; today: string }) {
  const waiting = item.reportState === 'not_started' || item.reportState === 'draft' || item.reportState === 'returned';
  return (
    <Flex vertical gap={4} align="flex-start">
      <ReportStateTag state={item.reportState} />
      {waiting ? <DueCountdown today={today} dueOn={item.period.dueOn} /> : null}
    </Flex>
  );
}

function DueCell({ item }: { item: PeriodWorkItem }) {
  const t = useT('reports');
  const tc = useT('common');
  return (
    <Flex vertical gap={4} align="flex-start">
      <StatusTag status={item.statusClass} />
      <span>{item.dueOn ? formatDate(item.dueOn) : t('noDueDate')}</span>
      {item.daysOverdue > 0 ? <Typography.Text type="danger">{tc('daysLate', { n: item.daysOverdue })}</Typography.Text> : null}
    </Flex>
  );
}

/** The agency's assignments with this period's report: a table on a desk, cards on a phone. */
export function WorkList({ items, today, empty }: { items: readonly PeriodWorkItem[]; today: string; empty: string }) {
  const t = useT('reports');
  const screens = Grid.useBreakpoint();
  if (!(screens.md ?? true)) {
    if (!items.length) return <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph>;
    return (
      <Flex vertical gap={12}>
        {items.map((item) => (
          <Card key={item.assignmentId} size="small">
            <Flex vertical gap={8}>
              <TaskCell item={item} />
              <Flex gap={6} wrap>
                <Tag>{item.directive.number}</Tag>
                <Tag>{t('formTitle', { period: formatMonth(item.period.label) })}</Tag>
              </Flex>
              <Flex justify="space-between" gap={12} wrap>
                <ReportCell item={item} today={today} />
                <DueCell item={item} />
              </Flex>
              <Progress percent={item.progress} size="small" aria-label={t('col.progress')} />
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  }
  return (
    <Table<PeriodWorkItem>
      rowKey="assignmentId"
      dataSource={[...items]}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: true }}
      locale={{ emptyText: empty }}
      columns={[
        { key: 'task', title: t('col.task'), render: (_v, item) => <TaskCell item={item} /> },
        { key: 'directive', title: t('filter.directive'), width: 140, render: (_v, item) => item.directive.number },
        { key: 'report', title: t('col.report'), width: 200, render: (_v, item) => <ReportCell item={item} today={today} /> },
        { key: 'progress', title: t('col.progress'), width: 120, render: (_v, item) => <Progress percent={item.progress} size="small" aria-label={t('col.progress')} /> },
        { key: 'due', title: t('col.due'), width: 190, render: (_v, item) => <DueCell item={item} /> },
      ]}
    />
  );
}
