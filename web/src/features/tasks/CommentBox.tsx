import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Radio, Select } from 'antd';
import { api } from '../../api/client.ts';
import type { TaskDetail } from '../../api/types.ts';
import { errorMessage } from '../../components/ErrorState.tsx';
import { useLocale, useT } from '../../i18n/index.tsx';
import { showFieldErrors } from './formErrors.ts';
import { SELECT_STYLES } from './readableStyles.ts';
import { timelineKey } from './TaskTimeline.tsx';

interface Values {
  kind: 'comment' | 'direction';
  assignmentId?: number;
  body: string;
}

/** Anyone who reads the task may comment; leaders and the coordinator may also give a direction. */
export function CommentBox({ task, canDirect }: { task: TaskDetail; canDirect: boolean }) {
  const t = useT('tasks');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'comment';
  const queryClient = useQueryClient();
  const targets = task.assignments.filter((a) => a.state === 'open');
  const send = useMutation({
    mutationFn: (values: Values) => api.post(`/api/tasks/${task.id}/comments`, { kind: values.kind, body: values.body, assignmentId: values.assignmentId ?? null }),
    onSuccess: async () => {
      form.resetFields(['body']);
      void message.success(t('commentSent'));
      await queryClient.invalidateQueries({ queryKey: timelineKey(task.id) });
    },
    onError: (err) => {
      if (!showFieldErrors(form, err, ['body', 'assignmentId', 'kind'])) form.setFields([{ name: 'body', errors: [errorMessage(err, locale, t('commentRequired'))] }]);
    },
  });
  return (
    <Card title={t('commentTitle')} size="small" style={{ marginBottom: 16 }}>
      <Form<Values> form={form} name="task-comment" layout="vertical" initialValues={{ kind: 'comment' }} onFinish={(v) => send.mutate(v)} requiredMark={false}>
        {canDirect ? (
          <Form.Item name="kind" label={t('commentKind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'comment', label: t('commentKind.comment') },
                { value: 'direction', label: t('commentKind.direction') },
              ]}
            />
          </Form.Item>
        ) : null}
        {targets.length > 1 ? (
          <Form.Item name="assignmentId" label={t('commentTarget')}>
            <Select allowClear styles={SELECT_STYLES} placeholder={t('commentTargetAll')} options={targets.map((a) => ({ value: a.id, label: a.orgName }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="body" label={t('commentLabel')} rules={[{ required: true, whitespace: true, message: t('commentRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10_000} placeholder={kind === 'direction' ? t('directionPlaceholder') : t('commentPlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending}>
          {t('commentSend')}
        </Button>
      </Form>
    </Card>
  );
}
