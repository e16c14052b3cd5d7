import { Card, Col, Flex, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { AssignmentDetail, Completion, Extension, Report, TaskDetail } from '../../api/types.ts';
import { hasRole, isAgencyRole, useUser } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { formatDate, formatMonth } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { EvidenceSection } from './EvidenceSection.tsx';
import { FiveClears } from './FiveClears.tsx';
import { HistorySection } from './HistorySection.tsx';
import { CompletionProposalForm, ExtensionRequestForm } from './ProposalForms.tsx';
import { cycleKeys } from './queries.ts';
import { ReportForm } from './ReportForm.tsx';

function useAssignmentData(id: number) {
  const assignment = useQuery({ queryKey: cycleKeys.assignment(id), queryFn: ({ signal }) => api.get<AssignmentDetail>(`/api/assignments/${id}`, undefined, signal), retry: false });
  const allowed = assignment.isSuccess;
  const taskId = assignment.data?.taskId;
  const task = useQuery({ queryKey: ['task', taskId], queryFn: ({ signal }) => api.get<TaskDetail>(`/api/tasks/${taskId}`, undefined, signal), enabled: taskId !== undefined });
  // A completed or cancelled assignment has no report to write: do not ask for one.
  const report = useQuery({ queryKey: cycleKeys.report(id), queryFn: ({ signal }) => api.get<Report>(`/api/assignments/${id}/report`, undefined, signal), enabled: allowed && assignment.data.state === 'open' });
  const extensions = useQuery({ queryKey: cycleKeys.extensions(id), queryFn: ({ signal }) => api.get<Extension[]>(`/api/assignments/${id}/extensions`, undefined, signal), enabled: allowed });
  const completions = useQuery({ queryKey: cycleKeys.completions(id), queryFn: ({ signal }) => api.get<Completion[]>(`/api/assignments/${id}/completions`, undefined, signal), enabled: allowed });
  return { assignment, task, report, extensions, completions };
}

/** One assignment of an agency: the five clears, this period's report, proposals and the history. */
export default function AssignmentPage() {
  const { id: rawId } = useParams();
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <AssignmentView key={id} id={id} />;
}

function AssignmentView({ id }: { id: number }) {
  const t = useT('reports');
  const user = useUser();
  const { assignment, task, report, extensions, completions } = useAssignmentData(id);
  const flushRef = useRef<(() => Promise<Report | null>) | null>(null);
  const registerFlush = useCallback((flush: () => Promise<Report | null>) => {
    flushRef.current = flush;
  }, []);
  const ensureSaved = useCallback(async () => (flushRef.current ? flushRef.current() : null), []);

  if (assignment.isPending) return <Loading />;
  if (assignment.isError) return <ErrorState error={assignment.error} onRetry={() => void assignment.refetch()} />;
  const a = assignment.data;
  const open = a.state === 'open';
  // The server decides (policies.report.*); these only choose what to offer.
  const canDraft = open && isAgencyRole(user.role);
  const canSubmit = canDraft && hasRole(user, 'agency_leader');
  const pendingCompletion = completions.data?.find((c) => c.state === 'pending');
  const pendingExtension = extensions.data?.find((e) => e.state === 'pending');
  const directiveNumber = task.data?.directive.number;

  return (
    <>
      <PageTitle
        title={t('assignmentTitle', { ordinal: a.task.ordinal })}
        subtitle={[directiveNumber, a.orgName].filter(Boolean).join(' · ')}
        extra={<Link to={`/tasks/${a.taskId}`}>{t('openTask')}</Link>}
      />
      <Flex vertical gap={16}>
        <Card title={t('fiveClears')} size="small">
          <FiveClears assignment={a} task={task.data} />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Card title={report.data ? t('formTitle', { period: formatMonth(report.data.period.label) }) : t('results')} size="small">
              {report.data && open ? (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {t('periodDue', { period: formatMonth(report.data.period.label), date: formatDate(report.data.period.dueOn) })}
                </Typography.Paragraph>
              ) : null}
              {!open ? (
                <Typography.Paragraph>{a.state === 'completed' ? t('assignmentCompleted', { date: formatDate(a.completedOn) }) : t('assignmentCancelled')}</Typography.Paragraph>
              ) : null}
              {report.isPending ? <Loading /> : null}
              {report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : null}
              {report.data && open ? (
                <Flex vertical gap={24}>
                  <ReportForm assignmentId={id} report={report.data} canDraft={canDraft} canSubmit={canSubmit} registerFlush={registerFlush} />
                  <EvidenceSection report={report.data} editable={canDraft && (report.data.state === 'draft' || report.data.state === 'returned')} ensureSaved={ensureSaved} />
                </Flex>
              ) : null}
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Flex vertical gap={16}>
              {open && (canDraft || pendingCompletion || pendingExtension) ? (
                <Card title={t('proposalsTitle')} size="small">
                  {!canSubmit && canDraft ? <Typography.Paragraph type="secondary">{t('leaderOnlyProposals')}</Typography.Paragraph> : null}
                  {canSubmit || pendingCompletion ? (
                    <section aria-labelledby="completion-heading" style={{ marginBottom: 24 }}>
                      <Typography.Title level={5} id="completion-heading">
                        {t('completionTitle')}
                      </Typography.Title>
                      <CompletionProposalForm assignmentId={id} pending={pendingCompletion} />
                    </section>
                  ) : null}
                  {canSubmit || pendingExtension ? (
                    <section aria-labelledby="extension-heading">
                      <Typography.Title level={5} id="extension-heading">
                        {t('extensionTitle')}
                      </Typography.Title>
                      <ExtensionRequestForm assignment={a} pending={pendingExtension} />
                    </section>
                  ) : null}
                </Card>
              ) : null}
              <Card title={t('history')} size="small">
                <HistorySection assignment={a} extensions={extensions.data ?? []} completions={completions.data ?? []} />
              </Card>
            </Flex>
          </Col>
        </Row>
      </Flex>
    </>
  );
}
