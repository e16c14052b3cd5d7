import { Card, Col, Empty, Grid, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDate, formatMonth } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { AgencyChart } from './AgencyChart.tsx';
import { DashboardFilterBar } from './DashboardFilterBar.tsx';
import { ShareButton } from './ShareButton.tsx';
import { DirectiveProgressList } from './DirectiveProgressList.tsx';
import { IndicatorSummary } from './IndicatorSummary.tsx';
import { OverdueList } from './OverdueList.tsx';
import { StatusCards } from './StatusCards.tsx';
import { StatusDonut } from './StatusDonut.tsx';
import { UpcomingList } from './UpcomingList.tsx';
import { useDashboard } from './queries.ts';
import { useDashboardFilters } from './useDashboardFilters.ts';

function Panel({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const phone = !(Grid.useBreakpoint().md ?? true);
  return (
    <Card size={phone ? 'small' : 'default'} title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{title}</h2>} style={{ height: '100%' }}>
      {subtitle ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {subtitle}
        </Typography.Paragraph>
      ) : null}
      {children}
    </Card>
  );
}

/** The leader's dashboard: what is done, late and coming, by directive and agency, filtered through the URL. */
export default function DashboardPage() {
  const t = useT('dashboard');
  const [filters, change, clear] = useDashboardFilters();
  const query = useDashboard(filters);
  const data = query.data;

  const subtitle = data
    ? data.live
      ? t('subtitleLive', { date: formatDate(data.asOf), previous: formatMonth(data.comparedTo.slice(0, 7)) })
      : t('subtitlePast', { period: formatMonth(data.period), date: formatDate(data.asOf), previous: formatMonth(data.comparedTo.slice(0, 7)) })
    : undefined;

  return (
    <>
      <PageTitle title={t('title')} subtitle={subtitle} extra={<ShareButton />} />
      <DashboardFilterBar filters={filters} onChange={change} onClear={clear} />
      {query.isPending ? (
        <Loading />
      ) : query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : data ? (
        <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }} aria-busy={query.isFetching}>
          {data.totals.assignments === 0 ? (
            <Card style={{ marginBottom: 16 }}>
              <Empty description={t('empty')} />
            </Card>
          ) : (
            <>
              <StatusCards data={data} filters={filters} />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 13 }}>
                {t('countingNote')} {data.live ? '' : t('pastNote')}
              </Typography.Paragraph>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={10}>
                  <Panel title={t('status.title')}>
                    <StatusDonut data={data} filters={filters} />
                  </Panel>
                </Col>
                <Col xs={24} lg={14}>
                  <Panel title={t('directives.title')}>
                    <DirectiveProgressList directives={data.directives} total={data.totals.directives} filters={filters} />
                  </Panel>
                </Col>
                <Col xs={24} xl={14}>
                  <Panel title={t('agencies.title')}>
                    <AgencyChart agencies={data.agencies} filters={filters} />
                  </Panel>
                </Col>
                <Col xs={24} xl={10}>
                  <Panel title={t('upcoming.title')}>
                    <UpcomingList upcoming={data.upcoming} asOf={data.asOf} filters={filters} />
                  </Panel>
                </Col>
                <Col xs={24}>
                  <Panel title={t('overdue.title')} subtitle={data.overdue.total ? t('overdue.subtitle', { n: data.overdue.total }) : undefined}>
                    <OverdueList overdue={data.overdue} filters={filters} />
                  </Panel>
                </Col>
              </Row>
            </>
          )}
          <div style={{ marginTop: 16 }}>
            <Panel title={t('indicators.title')}>
              <IndicatorSummary indicators={data.indicators} directiveId={filters.directiveId} />
            </Panel>
          </div>
        </div>
      ) : null}
    </>
  );
}
