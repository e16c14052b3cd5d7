import { Alert, App, Button, DatePicker, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { AssignmentDetail, Completion, Extension } from '../../api/types.ts';
import { errorMessage } from '../../components/ErrorState.tsx';
import { formatDate } from '../../format.ts';
import { useLocale, useT } from '../../i18n/index.tsx';
import { FileField } from './FileField.tsx';
import { showFieldErrors } from './fieldErrors.ts';
import { cycleKeys } from './queries.ts';
import type { UploadedFile } from './types.ts';

interface CompletionForm {
  productNote: string;
  docNumber?: string;
  docDate?: Dayjs | null;
  url?: string;
  file?: UploadedFile | null;
}

interface ExtensionForm {
  requestedDueOn?: Dayjs | null;
  reason: string;
}

function useRefreshAssignment(assignmentId: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: cycleKeys.assignment(assignmentId) });
    void queryClient.invalidateQueries({ queryKey: ['worklist'] });
  };
}

/** Proposing completion with the product as evidence (the agency's leader only). */
export function CompletionProposalForm({ assignmentId, pending }: { assignmentId: number; pending: Completion | undefined }) {
  const t = useT('reports');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompletionForm>();
  const [busy, setBusy] = useState(false);
  const refresh = useRefreshAssignment(assignmentId);
  if (pending) return <Alert type="info" showIcon title={t('completionPending', { date: formatDate(pending.proposedAt) })} description={pending.productNote} />;

  async function propose(v: CompletionForm) {
    const evidence = v.docNumber || v.url || v.file ? [{ docNumber: v.docNumber?.trim() || null, docDate: v.docDate?.format('YYYY-MM-DD') ?? null, url: v.url?.trim() || null, fileId: v.file?.id ?? null }] : [];
    setBusy(true);
    try {
      await api.post<Completion>(`/api/assignments/${assignmentId}/completions`, { productNote: v.productNote, evidence });
      form.resetFields();
      refresh();
      message.success(t('completionSent'));
    } catch (err) {
      if (!showFieldErrors(form, err, ['productNote'])) message.error(errorMessage(err, locale, tc('unknownError')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<CompletionForm> form={form} layout="vertical" onFinish={(v) => void propose(v)}>
      <Form.Item name="productNote" label={t('productNote')} extra={t('productNoteHelp')} rules={[{ required: true, whitespace: true, message: t('productRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      <Form.Item name="docNumber" label={t('docNumber')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="docDate" label={t('docDate')}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
      </Form.Item>
      <Form.Item name="url" label={t('url')} rules={[{ type: 'url', message: t('urlInvalid') }]}>
        <Input maxLength={2000} inputMode="url" />
      </Form.Item>
      <Form.Item name="file" label={t('file')}>
        <FileField />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        {t('proposeCompletion')}
      </Button>
    </Form>
  );
}

/** Asking for a later due date with a reason (the agency's leader only); the current date stays in history. */
export function ExtensionRequestForm({ assignment, pending }: { assignment: AssignmentDetail; pending: Extension | undefined }) {
  const t = useT('reports');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExtensionForm>();
  const [busy, setBusy] = useState(false);
  const refresh = useRefreshAssignment(assignment.id);
  const queryClient = useQueryClient();
  if (pending) return <Alert type="info" showIcon title={t('extensionPending', { date: formatDate(pending.requestedDueOn) })} description={pending.reason} />;
  if (!assignment.dueOn) return <Typography.Text type="secondary">{t('noDueNoExtension')}</Typography.Text>;
  const currentDue = dayjs(assignment.dueOn);

  async function request(v: ExtensionForm) {
    setBusy(true);
    try {
      await api.post<Extension>(`/api/assignments/${assignment.id}/extensions`, { requestedDueOn: v.requestedDueOn?.format('YYYY-MM-DD'), reason: v.reason });
      form.resetFields();
      refresh();
      void queryClient.invalidateQueries({ queryKey: cycleKeys.extensions(assignment.id) });
      message.success(t('extensionSent'));
    } catch (err) {
      if (!showFieldErrors(form, err, ['requestedDueOn', 'reason'])) message.error(errorMessage(err, locale, tc('unknownError')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<ExtensionForm> form={form} layout="vertical" onFinish={(v) => void request(v)}>
      <Form.Item
        name="requestedDueOn"
        label={t('requestedDueOn')}
        rules={[
          { required: true, message: t('requestedDueRequired') },
          { validator: async (_r, v: Dayjs | null | undefined) => (!v || v.isAfter(currentDue, 'day') ? undefined : Promise.reject(new Error(t('requestedDueAfter', { date: formatDate(assignment.dueOn) })))) },
        ]}
      >
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder="dd/mm/yyyy" disabledDate={(d) => !d.isAfter(currentDue, 'day')} />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        {t('requestExtension')}
      </Button>
    </Form>
  );
}
