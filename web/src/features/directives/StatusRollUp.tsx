import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Summary } from '../../api/types.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { STATUS_COLORS, STATUS_ORDER, StatusTag } from '../../components/StatusTag.tsx';
import { formatNumber, useLocale, useT } from '../../i18n/index.tsx';

/**
 * The directive's assignments by status as one stacked bar and a legend of counts (no chart library:
 * eight coloured segments say it, and the page stays light). Each count opens the filtered task list.
 */
export function StatusRollUp({ directiveId }: { directiveId: number }) {
  const t = useT('directives');
  const tc = useT('common');
  const { locale } = useLocale();
  const summary = useQuery({ queryKey: ['summary', directiveId], queryFn: ({ signal }) => api.get<Summary>('/api/summary', { directiveId }, signal) });
  const content = () => {
    if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
    if (!summary.data) return <Spin style={{ display: 'block', padding: 24 }} />;
    const { assignments, byStatus, status } = summary.data;
    if (!assignments) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rollUpEmpty')} />;
    const present = STATUS_ORDER.filter((s) => (byStatus[s] ?? 0) > 0);
    return (
      <Flex vertical gap={12}>
        <div>
          <Typography.Text>{t('overallStatus')}</Typography.Text>
          <StatusTag status={status} />
        </div>
        <div role="img" aria-label={present.map((s) => `${tc(`status.${s}`)}: ${formatNumber(byStatus[s] ?? 0, locale)}`).join(', ')} style={{ display: 'flex', height: 14, borderRadius: 7, overflow: 'hidden' }}>
          {present.map((s) => (
            <div key={s} style={{ width: `${((byStatus[s] ?? 0) / assignments) * 100}%`, background: STATUS_COLORS[s] }} />
          ))}
        </div>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 6 }}>
          {present.map((s) => (
            <li key={s}>
              <Link to={`/tasks?directiveId=${directiveId}&statusClass=${s}`}>
                <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: STATUS_COLORS[s], marginInlineEnd: 6 }} />
                {tc(`status.${s}`)}: <strong>{formatNumber(byStatus[s] ?? 0, locale)}</strong>
              </Link>
            </li>
          ))}
        </ul>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('rollUpHint', { n: assignments })}
        </Typography.Text>
      </Flex>
    );
  };
  return (
    <Card title={t('rollUp')} size="small" style={{ marginBottom: 16 }}>
      {content()}
    </Card>
  );
}
