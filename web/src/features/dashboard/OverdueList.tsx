import { Flex, Grid, List, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { STATUS_COLORS } from '../../components/StatusTag.tsx';
import { formatDate } from '../../format.ts';
import { formatNumber, useLocale, useT } from '../../i18n/index.tsx';
import { type DashboardFilters, taskListLink } from './filters.ts';
import type { Dashboard, DashboardTaskRef } from './types.ts';

type OverdueItem = DashboardTaskRef & { daysLate: number };

const PHONE_ITEMS = 8;

function TaskLink({ item }: { item: OverdueItem }) {
  return (
    <Link to={`/tasks/${item.taskId}`}>
      {item.directiveNumber} · {item.ordinal}. {item.title}
    </Link>
  );
}

function DaysLate({ days }: { days: number }) {
  const tc = useT('common');
  return (
    <Tag color={STATUS_COLORS.overdue} style={{ marginInlineEnd: 0 }}>
      {tc('daysLate', { n: days })}
    </Tag>
  );
}

/** The longest-overdue assignments: a table on a desk, a list on a phone. */
export function OverdueList({ overdue, filters }: { overdue: Dashboard['overdue']; filters: DashboardFilters }) {
  const t = useT('dashboard');
  const tc = useT('common');
  const { locale } = useLocale();
  const phone = !(Grid.useBreakpoint().md ?? true);
  if (!overdue.items.length) return <Typography.Text type="secondary">{t('overdue.empty')}</Typography.Text>;
  const all = (
    <Link to={taskListLink(filters, { statusClass: 'overdue' })}>
      {t('overdue.all')} ({formatNumber(overdue.total, locale)})
    </Link>
  );
  if (phone) {
    return (
      <Flex vertical gap={8}>
        <List
          // A phone shows the worst few; the link below opens them all.
          dataSource={overdue.items.slice(0, PHONE_ITEMS)}
          rowKey="assignmentId"
          renderItem={(item) => (
            <List.Item style={{ display: 'block' }}>
              <TaskLink item={item} />
              <Flex wrap gap={8} align="center" style={{ marginTop: 4, fontSize: 13 }}>
                <DaysLate days={item.daysLate} />
                <Typography.Text type="secondary">
                  {item.orgName} · {t('overdue.dueOn')} {formatDate(item.dueOn)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
        {all}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8}>
      <Table<OverdueItem>
        size="small"
        rowKey="assignmentId"
        dataSource={overdue.items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { key: 'days', title: t('overdue.daysLate'), width: 130, render: (_, r) => <DaysLate days={r.daysLate} /> },
          { key: 'task', title: tc('task'), render: (_, r) => <TaskLink item={r} /> },
          { key: 'org', title: tc('lead'), dataIndex: 'orgName', width: 220 },
          { key: 'due', title: t('overdue.dueOn'), width: 110, render: (_, r) => formatDate(r.dueOn) },
        ]}
      />
      {all}
    </Flex>
  );
}
