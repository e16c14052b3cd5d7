import { Alert, App, Badge, ConfigProvider, Result, Tabs } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { hasRole, useUser } from '../../auth/session.tsx';
import { ErrorState, errorMessage } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useLocale, useT } from '../../i18n/index.tsx';
import { cycleKeys } from '../reports/queries.ts';
import type { Coordination, ReviewQueueItem } from '../reports/types.ts';
import { CompletionQueue } from './CompletionQueue.tsx';
import { ExtensionQueue } from './ExtensionQueue.tsx';
import { type BulkResult, ReportQueue } from './ReportQueue.tsx';

const TABS = ['reports', 'completions', 'extensions'] as const;
// antd's default error red (#ff4d4f) as text on white falls under WCAG AA; the refuse/return buttons use a darker one.
const READABLE_DANGER = { token: { colorError: '#cf1322' } };
type Tab = (typeof TABS)[number];

/** The coordinator's review desk: submitted reports, completion proposals and extension requests. */
export default function ReviewPage() {
  const t = useT('review');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const user = useUser();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'reports';
  const allowed = hasRole(user, 'coordinator', 'admin');
  const queue = useQuery({ queryKey: cycleKeys.reviewQueue, queryFn: ({ signal }) => api.get<ReviewQueueItem[]>('/api/worklist/review-queue', undefined, signal), enabled: allowed });
  const pending = useQuery({ queryKey: cycleKeys.coordination, queryFn: ({ signal }) => api.get<Coordination>('/api/worklist/coordination', undefined, signal), enabled: allowed });

  if (!allowed) return <Result status="403" title={tc('forbidden')} />;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['worklist'] });

  async function accept(ids: readonly number[]): Promise<BulkResult> {
    // One at a time: each acceptance is its own audited transaction; a refusal of one does not stop the rest.
    const failed: BulkResult['failed'] = [];
    let accepted = 0;
    for (const id of ids) {
      try {
        await api.post(`/api/reports/${id}/review`, { decision: 'accept' });
        accepted++;
      } catch (err) {
        failed.push({ id, message: errorMessage(err, locale, tc('unknownError')) });
      }
    }
    await refresh();
    if (ids.length === 1 && accepted === 1) message.success(t('acceptedOne'));
    return { accepted, failed };
  }

  async function returnReport(id: number, comment: string) {
    await api.post(`/api/reports/${id}/review`, { decision: 'return', comment });
    await refresh();
    message.success(t('returnedOne'));
  }

  const label = (text: string, n: number | undefined) => (
    <span>
      {text} <Badge count={n ?? 0} overflowCount={99_999} showZero color={n ? '#0b5cad' : '#595959'} />
    </span>
  );

  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <ConfigProvider theme={READABLE_DANGER}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'reports' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'reports',
              // The desk lists the oldest reports only (the server's limit); the count is of all that wait.
              label: label(t('tab.reports'), pending.data?.reviewQueue ?? queue.data?.length),
              children: queue.isPending ? (
                <Loading />
              ) : queue.isError ? (
                <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
              ) : (
                <>
                  {pending.data && pending.data.reviewQueue > queue.data.length ? (
                    <Alert type="info" showIcon title={t('oldestShown', { shown: queue.data.length, total: pending.data.reviewQueue })} style={{ marginBottom: 12 }} />
                  ) : null}
                  <ReportQueue items={queue.data} onAccept={accept} onReturn={returnReport} />
                </>
              ),
            },
            {
              key: 'completions',
              label: label(t('tab.completions'), pending.data?.completions.length),
              children: pending.isPending ? (
                <Loading />
              ) : pending.isError ? (
                <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />
              ) : (
                <CompletionQueue
                  items={pending.data.completions}
                  today={pending.data.today}
                  onDecide={async (id, body) => {
                    await api.post(`/api/completions/${id}/decision`, body);
                    await refresh();
                    message.success(t('decided'));
                  }}
                />
              ),
            },
            {
              key: 'extensions',
              label: label(t('tab.extensions'), pending.data?.extensions.length),
              children: pending.isPending ? (
                <Loading />
              ) : pending.isError ? (
                <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />
              ) : (
                <ExtensionQueue
                  items={pending.data.extensions}
                  onDecide={async (id, body) => {
                    await api.post(`/api/extensions/${id}/decision`, body);
                    await refresh();
                    message.success(t('decided'));
                  }}
                />
              ),
            },
          ]}
        />
      </ConfigProvider>
    </>
  );
}
