import { Flex, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { STATUS_COLORS, isStatusClass } from '../../components/StatusTag.tsx';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { type DashboardFilters, addDays, taskListLink } from './filters.ts';
import type { Dashboard } from './types.ts';

/** The deadlines of the next 30 days, nearest first, as a timeline. */
export function UpcomingList({ upcoming, asOf, filters }: { upcoming: Dashboard['upcoming']; asOf: string; filters: DashboardFilters }) {
  const t = useT('dashboard');
  if (!upcoming.items.length) return <Typography.Text type="secondary">{t('upcoming.empty')}</Typography.Text>;
  const more = upcoming.total - upcoming.items.length;
  return (
    <Flex vertical gap={8}>
      <Timeline
        items={upcoming.items.map((u) => ({
          key: u.assignmentId,
          color: isStatusClass(u.statusClass) ? STATUS_COLORS[u.statusClass] : undefined,
          title: (
            <Typography.Text strong>
              {formatDate(u.dueOn)} · {u.daysLeft === 0 ? t('upcoming.today') : t('upcoming.daysLeft', { n: u.daysLeft })}
            </Typography.Text>
          ),
          content: (
            <div>
              <Link to={`/tasks/${u.taskId}`}>
                {u.directiveNumber} · {u.ordinal}. {u.title}
              </Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {u.orgName}
              </Typography.Text>
            </div>
          ),
        }))}
      />
      {more > 0 ? <Link to={taskListLink(filters, { dueFrom: asOf, dueTo: addDays(asOf, 30) })}>{t('upcoming.more', { n: more })}</Link> : null}
    </Flex>
  );
}
