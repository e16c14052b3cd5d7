import { ArrowLeftOutlined, DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Grid, Row, Tooltip, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { DirectiveDetail, Org } from '../../api/types.ts';
import { useUser } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { managesDirective } from '../tasks/permissions.ts';
import { KindTag, directiveNumber } from './DirectiveBits.tsx';
import { IndicatorSummary } from './IndicatorSummary.tsx';
import { MonthlyReportButton } from './MonthlyReportButton.tsx';
import { SectionList } from './SectionList.tsx';
import { StatusRollUp } from './StatusRollUp.tsx';

const STATES = ['draft', 'active', 'closed'] as const;
const FREQUENCIES = ['monthly', 'quarterly', 'half_yearly'] as const;
const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

function useOrgName(id: number | null) {
  return useQuery({ queryKey: ['org', id], queryFn: ({ signal }) => api.get<Org>(`/api/orgs/${id ?? 0}`, undefined, signal), enabled: id !== null, staleTime: 10 * 60_000 }).data?.name;
}

function HeaderCard({ d }: { d: DirectiveDetail }) {
  const t = useT('directives');
  const phone = !Grid.useBreakpoint().sm;
  const coordinator = useOrgName(d.coordinatorOrgId);
  const none = <Typography.Text type="secondary">{t('none')}</Typography.Text>;
  return (
    <Card title={t('header')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        column={1}
        size="small"
        layout={phone ? 'vertical' : 'horizontal'}
        styles={{ label: phone ? undefined : { width: '30%', minWidth: 120 }, content: { overflowWrap: 'anywhere' } }}
        items={[
          { key: 'number', label: t('field.number'), children: directiveNumber(d.number, t('noNumber')) },
          { key: 'kind', label: t('field.kind'), children: <KindTag kind={d.kind} /> },
          { key: 'issuedOn', label: t('field.issuedOn'), children: d.issuedOn ? formatDate(d.issuedOn) : none },
          { key: 'issuer', label: t('field.issuer'), children: d.issuerName ?? none },
          { key: 'signer', label: t('field.signer'), children: d.signerName ? [d.signerTitle, d.signerName].filter(Boolean).join(' — ') : none },
          { key: 'coordinator', label: t('field.coordinator'), children: coordinator ?? none },
          { key: 'state', label: t('field.state'), children: isOneOf(STATES, d.state) ? t(`state.${d.state}`) : d.state },
          { key: 'title', label: t('field.title'), children: d.title },
        ]}
      />
    </Card>
  );
}

function LegalBasis({ d }: { d: DirectiveDetail }) {
  const t = useT('directives');
  return (
    <Card title={t('legalBasis')} size="small" style={{ marginBottom: 16 }}>
      {d.implements.length ? (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {d.implements.map((link) => (
            <li key={link.number}>
              {link.directiveId ? (
                <Link to={`/directives/${link.directiveId}`}>{link.number}</Link>
              ) : (
                <>
                  {link.number} <Typography.Text type="secondary">({t('notInSystem')})</Typography.Text>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">{t('legalBasisEmpty')}</Typography.Text>
      )}
      {d.implementedBy.length ? (
        <>
          <Typography.Paragraph strong style={{ margin: '12px 0 4px' }}>
            {t('implementedBy')}
          </Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {d.implementedBy.map((x) => (
              <li key={x.id}>
                {/* Underlined: a link inside running text must not rely on colour alone. */}
                <Link to={`/directives/${x.id}`} style={{ textDecoration: 'underline' }}>
                  {directiveNumber(x.number, t('noNumber'))}
                </Link>{' '}
                — {x.title}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

function ReportingRule({ d }: { d: DirectiveDetail }) {
  const t = useT('directives');
  const notSet = <Typography.Text type="secondary">{t('rule.notSet')}</Typography.Text>;
  return (
    <Card title={t('reportingRule')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'frequency', label: t('rule.frequency'), children: isOneOf(FREQUENCIES, d.reportFrequency) ? t(`frequency.${d.reportFrequency}`) : d.reportFrequency },
          { key: 'reportingDay', label: t('rule.reportingDay'), children: d.reportingDay ? t('rule.reportingDayValue', { day: d.reportingDay }) : notSet },
          { key: 'meetingDay', label: t('rule.meetingDay'), children: d.meetingDay ? t('rule.meetingDayValue', { day: d.meetingDay }) : notSet },
        ]}
      />
    </Card>
  );
}

function DirectiveView({ d }: { d: DirectiveDetail }) {
  const t = useT('directives');
  const user = useUser();
  const navigate = useNavigate();
  const number = directiveNumber(d.number, t('noNumber'));
  return (
    <>
      <Link to="/directives">
        <ArrowLeftOutlined /> {t('back')}
      </Link>
      <PageTitle
        title={number}
        subtitle={d.title}
        extra={
          <>
            <MonthlyReportButton directiveId={d.id} />
            <Button icon={<DownloadOutlined />} href={`/api/exports/tasks.xlsx?directiveId=${d.id}`} download>
              {t('exportTasks')}
            </Button>
            {managesDirective(user, d.coordinatorOrgId) ? (
              <Tooltip title={t('reimportHint')}>
                <Button icon={<ImportOutlined />} onClick={() => void navigate(`/import?directiveId=${d.id}`)}>
                  {t('reimport')}
                </Button>
              </Tooltip>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={14}>
          <HeaderCard d={d} />
          <SectionList d={d} />
        </Col>
        <Col xs={24} xl={10}>
          <StatusRollUp directiveId={d.id} />
          <ReportingRule d={d} />
          <LegalBasis d={d} />
          <IndicatorSummary directiveId={d.id} />
        </Col>
      </Row>
    </>
  );
}

export default function DirectivePage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const directive = useQuery({
    queryKey: ['directive', id],
    queryFn: ({ signal }) => api.get<DirectiveDetail>(`/api/directives/${id}`, undefined, signal),
    enabled: valid,
  });
  if (!valid) return <ErrorState error={null} />;
  if (directive.isError) return <ErrorState error={directive.error} onRetry={() => void directive.refetch()} />;
  if (!directive.data) return <Loading />;
  return <DirectiveView d={directive.data} />;
}
