import { Alert, Col, Flex, Row, Tag, Typography } from 'antd';
import { hasRole, useUser } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { formatDate, formatMonth } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { countdown, DueCountdown } from '../reports/DueCountdown.tsx';
import { usePeriodWork } from '../reports/queries.ts';
import { ReportStateTag } from '../reports/ReportStateTag.tsx';
import type { PeriodWorkItem } from '../reports/types.ts';
import { WorkSection, type WorkEntry } from './WorkSection.tsx';

const taskTitle = (i: PeriodWorkItem) => `${i.task.ordinal}. ${i.task.title}`;

/** The agency's "what I must do": returned reports, drafts to send, reports due, deadlines near or past. */
export function AgencyHome() {
  const t = useT('home');
  const tc = useT('common');
  const user = useUser();
  const isLeader = hasRole(user, 'agency_leader');
  const work = usePeriodWork();
  if (work.isPending) return <Loading />;
  if (work.isError) return <ErrorState error={work.error} onRetry={() => void work.refetch()} />;
  const { items, today } = work.data;

  const entry = (i: PeriodWorkItem, extra?: Partial<WorkEntry>): WorkEntry => ({
    key: i.assignmentId,
    to: `/assignments/${i.assignmentId}`,
    title: taskTitle(i),
    meta: (
      <>
        <Tag>{i.directive.number}</Tag>
        <ReportStateTag state={i.reportState} />
      </>
    ),
    ...extra,
  });
  const returned = items.filter((i) => i.reportState === 'returned').map((i) => entry(i, { detail: i.report?.reviewComment ? <Typography.Text type="danger">“{i.report.reviewComment}”</Typography.Text> : undefined }));
  const drafts = items.filter((i) => i.reportState === 'draft').map((i) => entry(i));
  const toReport = items
    .filter((i) => i.reportState === 'not_started' || (!isLeader && i.reportState === 'draft'))
    .map((i) => entry(i, { meta: (<><Tag>{i.directive.number}</Tag><ReportStateTag state={i.reportState} /><DueCountdown today={today} dueOn={i.period.dueOn} /></>) }));
  const deadlines = items
    .filter((i) => i.statusClass === 'overdue' || i.statusClass === 'due_soon')
    .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''))
    .map((i) =>
      entry(i, {
        meta: (
          <>
            <StatusTag status={i.statusClass} />
            <Tag>{i.dueOn ? formatDate(i.dueOn) : ''}</Tag>
            {i.daysOverdue > 0 ? <Tag color="red">{tc('daysLate', { n: i.daysOverdue })}</Tag> : null}
          </>
        ),
      }),
    );

  // The nearest due day among the periods still waiting for a report: the headline countdown.
  const waiting = items.filter((i) => i.reportState === 'not_started' || i.reportState === 'draft' || i.reportState === 'returned');
  const nearest = waiting.map((i) => i.period).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  const headline = nearest ? countdown(today, nearest.dueOn) : null;

  return (
    <>
      <PageTitle title={t('agencyTitle', { name: user.fullName })} subtitle={t('agencySubtitle')} />
      <Flex vertical gap={16}>
        {headline && nearest ? (
          <Alert
            type={headline.kind === 'late' ? 'error' : headline.kind === 'today' || headline.days <= 3 ? 'warning' : 'info'}
            showIcon
            title={t(`headline.${headline.kind}`, { n: headline.days, period: formatMonth(nearest.label), date: formatDate(nearest.dueOn) })}
            description={t('headlineCount', { n: waiting.length })}
          />
        ) : (
          <Alert type="success" showIcon title={t('allReported')} />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <WorkSection id="home-returned" title={t('returned')} entries={returned} empty={t('returnedEmpty')} more={{ to: '/reports?state=returned', label: t('seeAll') }} />
          </Col>
          <Col xs={24} lg={12}>
            <WorkSection
              id="home-drafts"
              title={isLeader ? t('draftsLeader') : t('draftsStaff')}
              entries={drafts}
              empty={isLeader ? t('draftsLeaderEmpty') : t('draftsStaffEmpty')}
              more={{ to: '/reports?state=draft', label: t('seeAll') }}
            />
          </Col>
          <Col xs={24} lg={12}>
            <WorkSection id="home-due" title={t('toReport')} entries={toReport} empty={t('toReportEmpty')} more={{ to: '/reports?state=not_started', label: t('seeAll') }} />
          </Col>
          <Col xs={24} lg={12}>
            <WorkSection id="home-deadlines" title={t('deadlines')} entries={deadlines} empty={t('deadlinesEmpty')} more={{ to: '/reports', label: t('seeAll') }} />
          </Col>
        </Row>
      </Flex>
    </>
  );
}
