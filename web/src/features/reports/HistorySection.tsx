import { Collapse, Flex, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { AssignmentDetail, Completion, Extension, Page, Report } from '../../api/types.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { formatDate, formatDateTime, formatMonth } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { cycleKeys } from './queries.ts';
import { ReportStateTag } from './ReportStateTag.tsx';
import type { ReportListItem } from './types.ts';
import { ToneTag, type Tone } from './ToneTag.tsx';
import { TextBlock } from '../../components/TextBlock.tsx';

const DECISION_TONES: Record<string, Tone> = { pending: 'gold', approved: 'green', verified: 'green', refused: 'red' };

function ReportBody({ id }: { id: number }) {
  const t = useT('reports');
  const query = useQuery({ queryKey: ['report', id], queryFn: ({ signal }) => api.get<Report>(`/api/reports/${id}`, undefined, signal) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  return (
    <div>
      <TextBlock label={t('results')} text={r.results} />
      <TextBlock label={t('obstacles')} text={r.obstacles} />
      <TextBlock label={t('proposals')} text={r.proposals} />
      <TextBlock label={t('reviewComment')} text={r.reviewComment} />
      <EvidenceList items={r.evidence} />
    </div>
  );
}

function ReportHistory({ assignmentId }: { assignmentId: number }) {
  const t = useT('reports');
  const query = useQuery({
    queryKey: cycleKeys.history(assignmentId),
    queryFn: ({ signal }) => api.get<Page<ReportListItem>>('/api/reports', { assignmentId, pageSize: 60, sort: '-due_on' }, signal),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data.items.length) return <Typography.Text type="secondary">{t('historyEmpty')}</Typography.Text>;
  return (
    <Collapse
      size="small"
      items={query.data.items.map((r) => ({
        key: r.id,
        label: (
          <Flex gap={8} wrap align="center">
            <span>{t('formTitle', { period: formatMonth(r.period) })}</span>
            <ReportStateTag state={r.state} />
            <span>{r.progress}%</span>
            {r.late ? <ToneTag tone="volcano">{t('lateTag')}</ToneTag> : null}
            {r.returnCount ? <Tag>{t('returnCount', { n: r.returnCount })}</Tag> : null}
          </Flex>
        ),
        children: <ReportBody id={r.id} />,
      }))}
    />
  );
}

function DeadlineHistory({ assignment, extensions }: { assignment: AssignmentDetail; extensions: readonly Extension[] }) {
  const t = useT('reports');
  const items = [
    { key: 'original', color: 'gray', content: t('originalDue', { date: assignment.originalDueOn ? formatDate(assignment.originalDueOn) : t('noDueDate') }) },
    ...assignment.dueChanges.map((c, i) => ({
      key: `c${i}`,
      color: 'blue',
      content: (
        <>
          <div>{t('dueChanged', { from: formatDate(c.oldDueOn) || t('noDueDate'), to: formatDate(c.newDueOn) || t('noDueDate') })}</div>
          <div>{c.reason}</div>
          <Typography.Text type="secondary">{t('dueChangedBy', { time: formatDateTime(c.changedAt) })}</Typography.Text>
        </>
      ),
    })),
    ...extensions.map((e) => ({
      key: `e${e.id}`,
      color: e.state === 'approved' ? 'green' : e.state === 'refused' ? 'red' : 'gold',
      content: (
        <>
          <Flex gap={6} wrap>
            <span>{t('extensionLine', { to: formatDate(e.requestedDueOn), from: formatDate(e.previousDueOn) || t('noDueDate') })}</span>
            <ToneTag tone={DECISION_TONES[e.state] ?? 'gray'}>{t(`extension.${e.state}` as 'extension.pending')}</ToneTag>
          </Flex>
          <div>{e.reason}</div>
          {e.decisionComment ? <Typography.Text type="secondary">{e.decisionComment}</Typography.Text> : null}
        </>
      ),
    })),
  ];
  return (
    <>
      <Timeline items={items} />
      {!assignment.dueChanges.length && !extensions.length ? <Typography.Text type="secondary">{t('noDeadlineChanges')}</Typography.Text> : null}
    </>
  );
}

function CompletionHistory({ completions }: { completions: readonly Completion[] }) {
  const t = useT('reports');
  if (!completions.length) return <Typography.Text type="secondary">{t('noCompletions')}</Typography.Text>;
  return (
    <Timeline
      items={completions.map((c) => ({
        key: c.id,
        color: c.state === 'verified' ? 'green' : c.state === 'refused' ? 'red' : 'gold',
        content: (
          <>
            <Flex gap={6} wrap>
              <span>{formatDateTime(c.proposedAt)}</span>
              <ToneTag tone={DECISION_TONES[c.state] ?? 'gray'}>{t(`completion.${c.state}` as 'completion.pending')}</ToneTag>
            </Flex>
            <div style={{ whiteSpace: 'pre-wrap' }}>{c.productNote}</div>
            {c.completedOn ? <div>{t('completedOn', { date: formatDate(c.completedOn) })}</div> : null}
            {c.decisionComment ? <Typography.Text type="secondary">{c.decisionComment}</Typography.Text> : null}
          </>
        ),
      }))}
    />
  );
}

/** Everything that happened to this assignment: reports and their reviews, due dates and extensions, completion. */
export function HistorySection({ assignment, extensions, completions }: { assignment: AssignmentDetail; extensions: readonly Extension[]; completions: readonly Completion[] }) {
  const t = useT('reports');
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={5}>{t('historyReports')}</Typography.Title>
        <ReportHistory assignmentId={assignment.id} />
      </div>
      <div>
        <Typography.Title level={5}>{t('historyDeadlines')}</Typography.Title>
        <DeadlineHistory assignment={assignment} extensions={extensions} />
      </div>
      <div>
        <Typography.Title level={5}>{t('historyProposals')}</Typography.Title>
        <CompletionHistory completions={completions} />
      </div>
    </Flex>
  );
}
