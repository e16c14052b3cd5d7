import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { TaskDetail } from '../../api/types.ts';
import { errorMessage } from '../../components/ErrorState.tsx';
import { useLocale, useT } from '../../i18n/index.tsx';
import { showFieldErrors } from './formErrors.ts';

interface Values {
  ordinal: string;
  title: string;
  description?: string;
  product?: string;
  deadlineText?: string;
  dueOn?: Dayjs | null;
  field?: string;
}
const FIELDS = ['ordinal', 'title', 'description', 'product', 'deadlineText', 'dueOn', 'field'] as const;

/** The coordinator corrects what the import read: text fields and the deadline (the server re-parses it). */
export function TaskEditModal({ task, open, onClose }: { task: TaskDetail; open: boolean; onClose(): void }) {
  const t = useT('tasks');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.patch<TaskDetail>(`/api/tasks/${task.id}`, {
        ordinal: v.ordinal,
        title: v.title,
        description: v.description || null,
        product: v.product || null,
        deadlineText: v.deadlineText || null,
        // Only send a due date the user changed: otherwise the server recomputes it from the deadline text.
        ...(form.isFieldTouched('dueOn') ? { dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null } : {}),
        field: v.field || null,
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['tasks', task.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void message.success(t('editSaved'));
      onClose();
    },
    onError: (err) => {
      if (!showFieldErrors(form, err, FIELDS)) setFailure(errorMessage(err, locale, tc('unknownError')));
    },
  });
  return (
    <Modal
      open={open}
      title={t('editTitle', { ordinal: task.ordinal })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tc('save')}
      cancelText={tc('cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={720}
    >
      {failure ? <Alert type="error" title={failure} showIcon style={{ marginBottom: 12 }} /> : null}
      <Form<Values>
        form={form}
        name="task-edit"
        layout="vertical"
        preserve={false}
        initialValues={{
          ordinal: task.ordinal,
          title: task.title,
          description: task.description ?? '',
          product: task.product ?? '',
          deadlineText: task.deadlineText ?? '',
          dueOn: task.dueOn ? dayjs(task.dueOn) : null,
          field: task.field ?? '',
        }}
        onFinish={(v) => {
          setFailure(null);
          save.mutate(v);
        }}
      >
        <Form.Item name="ordinal" label={t('field.ordinal')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={30} style={{ maxWidth: 160 }} />
        </Form.Item>
        <Form.Item name="title" label={t('field.title')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20_000} />
        </Form.Item>
        <Form.Item name="product" label={t('field.product')}>
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item name="deadlineText" label={t('field.deadlineText')} extra={t('field.deadlineTextHelp')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('field.dueOn')}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="field" label={t('field.field')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
