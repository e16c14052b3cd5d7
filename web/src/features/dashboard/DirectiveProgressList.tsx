import { Flex, Progress, Typography } from 'antd';
import { Link } from 'react-router';
import { STATUS_COLORS } from '../../components/StatusTag.tsx';
import { useT } from '../../i18n/index.tsx';
import { type DashboardFilters, taskListLink } from './filters.ts';
import type { DirectiveProgress } from './types.ts';

/** Each directive's share of completed assignments, with its overdue count as a link. */
export function DirectiveProgressList({ directives, total, filters }: { directives: DirectiveProgress[]; total: number; filters: DashboardFilters }) {
  const t = useT('dashboard');
  if (!directives.length) return <Typography.Text type="secondary">{t('directives.empty')}</Typography.Text>;
  return (
    <Flex vertical gap={14}>
      {directives.map((d) => {
        const overdue = d.byStatus.overdue ?? 0;
        return (
          <div key={d.id}>
            <Link to={taskListLink(filters, { directiveId: d.id })} style={{ fontWeight: 500 }}>
              {d.number}
            </Link>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0, fontSize: 13 }}>
              {d.title}
            </Typography.Paragraph>
            <Progress
              percent={d.percentCompleted}
              success={{ percent: d.total ? Math.round(((d.byStatus.completed_on_time ?? 0) / d.total) * 1000) / 10 : 0, strokeColor: STATUS_COLORS.completed_on_time }}
              strokeColor={STATUS_COLORS.completed_late}
              showInfo={false}
              aria-label={t('directives.completed', { done: d.completed, total: d.total, percent: d.percentCompleted })}
            />
            <Flex justify="space-between" wrap gap={8} style={{ fontSize: 13 }}>
              <Typography.Text>{t('directives.completed', { done: d.completed, total: d.total, percent: d.percentCompleted })}</Typography.Text>
              {overdue > 0 ? (
                <Link to={taskListLink(filters, { directiveId: d.id, statusClass: 'overdue' })} style={{ color: STATUS_COLORS.overdue }}>
                  {t('directives.overdue', { n: overdue })}
                </Link>
              ) : null}
            </Flex>
          </div>
        );
      })}
      {total > directives.length ? <Typography.Text type="secondary">{t('directives.more', { n: total - directives.length })}</Typography.Text> : null}
    </Flex>
  );
}
