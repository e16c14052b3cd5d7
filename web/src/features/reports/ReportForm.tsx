import { Alert, App, Button, Flex, Form, Input, Popconfirm } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Report } from '../../api/types.ts';
import { errorMessage } from '../../components/ErrorState.tsx';
import { formatMonth } from '../../format.ts';
import { useLocale, useT } from '../../i18n/index.tsx';
import { AutosaveStatusLine } from './AutosaveStatusLine.tsx';
import { clearLocalDraft, draftKey, isValidProgress, readLocalDraft, sameDraft } from './draftStorage.ts';
import { showFieldErrors } from './fieldErrors.ts';
import { ProgressInput } from './ProgressInput.tsx';
import { cycleKeys } from './queries.ts';
import { ReportReadOnly } from './ReportReadOnly.tsx';
import { ReportStatusBanner } from './ReportStatusBanner.tsx';
import type { ReportDraft } from './types.ts';
import { useAutosave } from './useAutosave.ts';

const FIELDS = ['results', 'progress', 'obstacles', 'proposals', 'responsiblePerson'] as const;

export function draftOf(report: Report): ReportDraft {
  return { results: report.results, progress: report.progress, obstacles: report.obstacles ?? '', proposals: report.proposals ?? '', responsiblePerson: report.responsiblePerson ?? '' };
}

function bodyOf(values: ReportDraft, period: string) {
  const orNull = (s: string) => (s.trim() ? s : null);
  return { period, results: values.results, progress: values.progress, obstacles: orNull(values.obstacles), proposals: orNull(values.proposals), responsiblePerson: orNull(values.responsiblePerson) };
}

interface Props {
  assignmentId: number;
  report: Report;
  /** The user's agency is assigned and the assignment is open. */
  canDraft: boolean;
  canSubmit: boolean;
  /** Called with the saved report when the form needs it persisted first (evidence needs a report id). */
  registerFlush?: (flush: () => Promise<Report | null>) => void;
}

/** The current period's report: autosaved draft, prefilled from last period, submitted by the agency's leader. */
export function ReportForm({ assignmentId, report, canDraft, canSubmit, registerFlush }: Props) {
  const t = useT('reports');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReportDraft>();
  const [values, setValues] = useState<ReportDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const latestReport = useRef<Report>(report);
  const period = report.period.label;
  const editable = canDraft && (report.state === 'draft' || report.state === 'returned');
  const storageKey = draftKey(assignmentId, period);

  const save = useCallback(
    async (draft: ReportDraft) => {
      try {
        const saved = await api.put<Report>(`/api/assignments/${assignmentId}/report`, bodyOf(draft, period));
        latestReport.current = saved;
        queryClient.setQueryData(cycleKeys.report(assignmentId), saved);
        void queryClient.invalidateQueries({ queryKey: ['worklist'] });
      } catch (err) {
        showFieldErrors(form, err, FIELDS);
        throw err;
      }
    },
    [assignmentId, period, queryClient, form],
  );
  const autosave = useAutosave({ values, storageKey, enabled: editable, save });
  const { setBaseline, flush } = autosave;

  // The form is filled once per period and state (not after each autosave, which would undo typing).
  const initKey = `${period}:${report.state}:${editable}`;
  const initialised = useRef<string | null>(null);
  useEffect(() => {
    if (initialised.current === initKey) return;
    initialised.current = initKey;
    if (!editable) return; // shown read-only, no form to fill
    const server = draftOf(report);
    const local = editable ? readLocalDraft(storageKey) : null;
    setBaseline(server);
    if (local && !sameDraft(local, server)) {
      form.setFieldsValue(local);
      setRestored(true);
      setValues(local);
    } else {
      if (local) clearLocalDraft(storageKey);
      form.setFieldsValue(server);
      setValues(null);
    }
  }, [initKey, report, editable, storageKey, form, setBaseline]);

  useEffect(() => {
    latestReport.current = report;
  }, [report]);

  useEffect(() => {
    registerFlush?.(async () => {
      if (!editable) return latestReport.current;
      await flush();
      if (latestReport.current.id === null) {
        await save(form.getFieldsValue(true) as ReportDraft);
      }
      return latestReport.current;
    });
  }, [registerFlush, flush, save, form, editable]);

  async function submit() {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      await flush();
      if (latestReport.current.id === null) await save(form.getFieldsValue(true) as ReportDraft);
      const id = latestReport.current.id;
      if (id === null) return;
      const sent = await api.post<Report>(`/api/reports/${id}/submit`);
      clearLocalDraft(storageKey);
      queryClient.setQueryData(cycleKeys.report(assignmentId), sent);
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
      void queryClient.invalidateQueries({ queryKey: cycleKeys.history(assignmentId) });
      void queryClient.invalidateQueries({ queryKey: cycleKeys.assignment(assignmentId) });
      message.success(t('submitted'));
    } catch (err) {
      if (!showFieldErrors(form, err, FIELDS)) message.error(errorMessage(err, locale, tc('unknownError')));
    } finally {
      setSubmitting(false);
    }
  }

  if (!editable) {
    return (
      <div>
        <ReportStatusBanner report={report} canDraft={canDraft} />
        <ReportReadOnly report={report} />
      </div>
    );
  }

  return (
    <Form<ReportDraft> form={form} layout="vertical" onValuesChange={(_changed, all) => setValues({ ...all, progress: all.progress as number })}>
      <ReportStatusBanner report={report} canDraft={canDraft} />
      {restored ? <Alert type="info" showIcon closable={{ onClose: () => setRestored(false) }} title={t('restoredLocal')} style={{ marginBottom: 16 }} /> : null}
      {report.prefilledFrom && !restored ? <Alert type="info" showIcon title={t('prefilled', { period: formatMonth(report.prefilledFrom) })} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="results" label={t('results')} extra={t('resultsHelp')} rules={[{ required: true, whitespace: true, message: t('resultsRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20_000} />
      </Form.Item>
      <Form.Item
        name="progress"
        label={t('progress')}
        rules={[{ validator: async (_rule, v: unknown) => (isValidProgress(v) ? undefined : Promise.reject(new Error(t('progressRange')))) }]}
        validateTrigger={['onChange', 'onBlur']}
      >
        <ProgressInput />
      </Form.Item>
      <Form.Item name="obstacles" label={t('obstacles')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10_000} />
      </Form.Item>
      <Form.Item name="proposals" label={t('proposals')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10_000} />
      </Form.Item>
      <Form.Item name="responsiblePerson" label={t('responsiblePerson')}>
        <Input maxLength={200} />
      </Form.Item>
      <Flex vertical gap={12}>
        <AutosaveStatusLine state={autosave} />
        {!canSubmit ? <Alert type="info" showIcon title={t('staffCannotSubmit')} /> : null}
        <Flex gap={8} wrap>
          <Button onClick={() => void flush().catch(() => undefined)} loading={autosave.status === 'saving'}>
            {t('saveNow')}
          </Button>
          {canSubmit ? (
            <Popconfirm title={t('submitConfirm', { period: formatMonth(period) })} onConfirm={() => void submit()} okText={t('submit')}>
              <Button type="primary" loading={submitting}>
                {t('submit')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      </Flex>
    </Form>
  );
}
