import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Result, Steps } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Directive } from '../../api/types.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/index.tsx';
import { RequireRole } from '../admin/RequireRole.tsx';
import { DoneStep } from './DoneStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import type { ImportResult } from './types.ts';
import { UploadStep } from './UploadStep.tsx';
import { useImportJob } from './useImportJob.ts';

/** /import — upload → preview and corrections → confirmed; ?directiveId= re-imports a directive, ?job= resumes a preview. */
export default function ImportWizardPage() {
  return (
    <RequireRole roles={['admin', 'coordinator']}>
      <ImportWizard />
    </RequireRole>
  );
}

function ImportWizard() {
  const t = useT('imports');
  const [params, setParams] = useSearchParams();
  const jobId = Number(params.get('job')) || null;
  const reimportOf = Number(params.get('directiveId')) || null;
  const [result, setResult] = useState<ImportResult | null>(null);
  const reimported = useQuery({
    queryKey: ['directives', reimportOf],
    queryFn: ({ signal }) => api.get<Directive>(`/api/directives/${reimportOf}`, undefined, signal),
    enabled: reimportOf !== null,
  });

  const go = (next: { job?: number }) => {
    const p = new URLSearchParams();
    if (reimportOf) p.set('directiveId', String(reimportOf));
    if (next.job) p.set('job', String(next.job));
    setParams(p);
  };
  const step = result ? 2 : jobId ? 1 : 0;
  const subtitle = reimportOf ? t('reimportSubtitle', { number: reimported.data?.number ?? `#${reimportOf}` }) : t('subtitle');

  return (
    <>
      <PageTitle title={t('title')} subtitle={subtitle} />
      <Flex vertical gap={16}>
        <Steps current={step} size="small" responsive items={[{ title: t('step.upload') }, { title: t('step.review') }, { title: t('step.done') }]} />
        {result ? (
          <DoneStep
            directiveId={result.directiveId}
            result={result}
            onAnother={() => {
              setResult(null);
              go({});
            }}
          />
        ) : jobId ? (
          <JobStep jobId={jobId} reimportOf={reimportOf} onConfirmed={setResult} onRestart={() => go({})} />
        ) : (
          <UploadStep onStarted={(job) => go({ job: job.id })} />
        )}
      </Flex>
    </>
  );
}

function JobStep({ jobId, reimportOf, onConfirmed, onRestart }: { jobId: number; reimportOf: number | null; onConfirmed: (r: ImportResult) => void; onRestart: () => void }) {
  const job = useImportJob(jobId);
  if (job.isPending) return <Loading />;
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  // A job confirmed earlier (a reload after confirming): straight to its directive.
  if (job.data.state === 'confirmed' && job.data.directiveId) return <DoneStep directiveId={job.data.directiveId} result={null} onAnother={onRestart} />;
  if (job.data.state !== 'preview') return <Discarded onRestart={onRestart} />;
  return <ReviewStep key={job.data.id} job={job.data} reimportOf={reimportOf} onConfirmed={onConfirmed} onDiscarded={onRestart} />;
}

function Discarded({ onRestart }: { onRestart: () => void }) {
  const t = useT('imports');
  return <Result status="info" title={t('job.discarded')} extra={<Button onClick={onRestart}>{t('done.another')}</Button>} />;
}
