import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { DirectiveDetail } from '../../api/types.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useT } from '../../i18n/index.tsx';
import type { SectionOverview } from './types.ts';

/** The directive's sections, each with its task count and worst status, opening the task list filtered to it. */
export function SectionList({ d }: { d: DirectiveDetail }) {
  const t = useT('directives');
  const overview = useQuery({
    queryKey: ['task-overview', 'sections', d.id],
    queryFn: ({ signal }) => api.get<SectionOverview[]>(`/api/task-overview/directives/${d.id}/sections`, undefined, signal),
  });
  const bySection = new Map((overview.data ?? []).map((s) => [s.sectionId, s]));
  const total = (overview.data ?? []).reduce((sum, s) => sum + s.taskCount, 0);
  const loose = bySection.get(null);
  return (
    <Card
      title={t('sections')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={overview.data ? <Link to={`/tasks?directiveId=${d.id}`}>{t('allTasks', { n: total })}</Link> : null}
    >
      {d.sections.length ? (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {d.sections.map((s, i) => {
            const o = bySection.get(s.id);
            return (
              <li key={s.id} style={{ padding: '10px 0', borderTop: i ? '1px solid rgba(5, 5, 5, 0.06)' : undefined, paddingInlineStart: s.parentId ? 16 : 0 }}>
                <Flex justify="space-between" gap={8} align="flex-start" wrap>
                  <span style={{ flex: '1 1 260px', minWidth: 0, overflowWrap: 'anywhere' }}>
                    <Typography.Text strong>{s.code}. </Typography.Text>
                    {s.title}
                  </span>
                  <Flex gap={8} align="center" wrap>
                    {o ? <StatusTag status={o.status} /> : null}
                    <Link to={`/tasks?directiveId=${d.id}&sectionId=${s.id}`} aria-label={t('sectionOpen', { code: s.code })}>
                      {t('sectionTasks', { n: o?.taskCount ?? 0 })}
                    </Link>
                  </Flex>
                </Flex>
              </li>
            );
          })}
        </ol>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sectionsEmpty')} />
      )}
      {loose && d.sections.length ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('noSection')}: {t('sectionTasks', { n: loose.taskCount })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
