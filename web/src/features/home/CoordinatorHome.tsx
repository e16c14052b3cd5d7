import { Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useUser } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDate, formatMonth } from '../../format.ts';
import { useLocale, useT, formatNumber } from '../../i18n/index.tsx';
import { DueCountdown } from '../reports/DueCountdown.tsx';
import { cycleKeys } from '../reports/queries.ts';
import type { Coordination } from '../reports/types.ts';
import { WorkSection } from './WorkSection.tsx';
import { ToneTag } from '../reports/ToneTag.tsx';

type Missing = Coordination['missing'][number];

function Counter({ to, label, value, danger }: { to: string; label: string; value: number; danger?: boolean }) {
  const { locale } = useLocale();
  const card = (
    <Card size="small" hoverable style={{ height: '100%' }}>
      <Statistic title={label} value={value} formatter={(v) => formatNumber(Number(v), locale)} styles={{ content: { color: danger && value > 0 ? '#cf1322' : undefined } }} />
    </Card>
  );
  const style = { display: 'block', height: '100%' };
  // A counter about this page's own table jumps to it; the others open their screen.
  return to.startsWith('#') ? (
    <a href={to} style={style}>
      {card}
    </a>
  ) : (
    <Link to={to} style={style}>
      {card}
    </Link>
  );
}

/** The coordinator's day: reports to review, agencies that have not reported, requests waiting for a decision. */
export function CoordinatorHome() {
  const t = useT('home');
  const user = useUser();
  const query = useQuery({ queryKey: cycleKeys.coordination, queryFn: ({ signal }) => api.get<Coordination>('/api/worklist/coordination', undefined, signal) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const missingOrgs = new Set(c.missing.map((m) => m.org.id)).size;

  return (
    <>
      <PageTitle title={t('coordinatorTitle', { name: user.fullName })} subtitle={t('coordinatorSubtitle')} />
      <Flex vertical gap={16}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Counter to="/review" label={t('counter.review')} value={c.reviewQueue} danger />
          </Col>
          <Col xs={12} md={6}>
            <Counter to="#home-missing" label={t('counter.missing')} value={missingOrgs} danger />
          </Col>
          <Col xs={12} md={6}>
            <Counter to="/review?tab=completions" label={t('counter.completions')} value={c.completions.length} />
          </Col>
          <Col xs={12} md={6}>
            <Counter to="/review?tab=extensions" label={t('counter.extensions')} value={c.extensions.length} />
          </Col>
        </Row>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <WorkSection
              id="home-completions"
              title={t('completions')}
              empty={t('completionsEmpty')}
              more={{ to: '/review?tab=completions', label: t('seeAll') }}
              entries={c.completions.map((p) => ({
                key: p.id,
                to: '/review?tab=completions',
                title: `${p.task.ordinal}. ${p.task.title}`,
                meta: (<><Tag>{p.directive.number}</Tag><Tag>{p.org.name}</Tag></>),
                detail: <Typography.Text type="secondary">{p.productNote}</Typography.Text>,
              }))}
            />
          </Col>
          <Col xs={24} lg={12}>
            <WorkSection
              id="home-extensions"
              title={t('extensions')}
              empty={t('extensionsEmpty')}
              more={{ to: '/review?tab=extensions', label: t('seeAll') }}
              entries={c.extensions.map((e) => ({
                key: e.id,
                to: '/review?tab=extensions',
                title: `${e.task.ordinal}. ${e.task.title}`,
                meta: (<><Tag>{e.org.name}</Tag><ToneTag tone="gold" wrap>{t('extensionTo', { from: formatDate(e.previousDueOn), to: formatDate(e.requestedDueOn) })}</ToneTag></>),
              }))}
            />
          </Col>
        </Row>
        <MissingReports missing={c.missing} today={c.today} />
      </Flex>
    </>
  );
}

function MissingReports({ missing, today }: { missing: readonly Missing[]; today: string }) {
  const t = useT('home');
  return (
    <Card size="small" title={<span id="home-missing" style={{ whiteSpace: 'normal' }}>{t('missing')}</span>}>
      <Table<Missing>
        size="small"
        rowKey={(m) => `${m.directive.id}:${m.org.id}`}
        dataSource={[...missing]}
        pagination={missing.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: true }}
        locale={{ emptyText: t('missingEmpty') }}
        columns={[
          { key: 'org', title: t('col.org'), render: (_v, m) => <Link to={`/tasks?orgId=${m.org.id}`}>{m.org.name}</Link> },
          { key: 'directive', title: t('col.directive'), render: (_v, m) => `${m.directive.number} · ${formatMonth(m.period.label)}` },
          { key: 'count', title: t('col.count'), align: 'right', width: 110, render: (_v, m) => m.count },
          { key: 'due', title: t('col.due'), width: 200, render: (_v, m) => <DueCountdown today={today} dueOn={m.period.dueOn} /> },
        ]}
      />
    </Card>
  );
}
