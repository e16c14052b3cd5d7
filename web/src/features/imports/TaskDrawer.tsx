import { Collapse, DatePicker, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/index.tsx';
import { EditDrawer } from './EditDrawer.tsx';
import { DATE_FORMAT, fromDayjs, toDayjs } from './dates.ts';
import { OrgRefsEditor } from './OrgRefsEditor.tsx';
import type { PreviewSection, PreviewTask } from './types.ts';

/** Every field of one extracted task, with the lines it was read from to compare against. */
export function TaskDrawer({
  task,
  sections,
  errors,
  onSave,
  onClose,
}: {
  task: PreviewTask | null;
  sections: PreviewSection[];
  errors: string[];
  onSave: (next: PreviewTask) => void;
  onClose: () => void;
}) {
  const t = useT('imports');
  const tc = useT('common');
  const [form] = Form.useForm<PreviewTask>();
  useEffect(() => {
    if (task) form.setFieldsValue(task);
  }, [task, form]);

  return (
    <EditDrawer open={task !== null} onClose={onClose} size={640} title={task ? t('task.editTitle', { ordinal: task.ordinal }) : ''} onApply={() => form.submit()}>
      {task ? (
        <Form<PreviewTask>
          form={form}
          layout="vertical"
          initialValues={task}
          onFinish={(values) => onSave({ ...task, ...values, deadline: { ...task.deadline, ...values.deadline } })}
        >
          {errors.length ? (
            <Typography.Paragraph type="danger" role="alert">
              {errors.join(' ')}
            </Typography.Paragraph>
          ) : null}
          <Flex gap={12} wrap>
            <Form.Item name="ordinal" label={t('task.ordinal')} rules={[{ required: true, message: t('task.required') }]} style={{ flex: '0 1 120px' }}>
              <Input />
            </Form.Item>
            <Form.Item name="section" label={t('task.section')} style={{ flex: '1 1 240px', minWidth: 0 }}>
              <Select allowClear options={sections.map((s) => ({ value: s.code, label: `${s.code}. ${s.title}` }))} placeholder={t('task.noSection')} />
            </Form.Item>
          </Flex>
          <Form.Item name="title" label={t('task.title')} rules={[{ required: true, whitespace: true, message: t('task.required') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
          </Form.Item>
          <Form.Item name="leads" label={tc('lead')}>
            <OrgRefsEditor label={tc('lead')} />
          </Form.Item>
          <Form.Item name="coordinators" label={tc('coordinators')}>
            <OrgRefsEditor label={tc('coordinators')} />
          </Form.Item>
          <Form.Item name="product" label={tc('product')} normalize={(v: string) => v || null}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name={['deadline', 'text']} label={t('task.deadlineText')} style={{ flex: '1 1 220px' }}>
              <Input />
            </Form.Item>
            <Form.Item
              name={['deadline', 'dueOn']}
              label={t('task.dueOn')}
              getValueProps={(v: string | null) => ({ value: toDayjs(v) })}
              normalize={fromDayjs}
              style={{ flex: '0 1 180px' }}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name={['deadline', 'ongoing']} label={t('task.ongoing')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Flex>
          <Collapse
            size="small"
            items={[
              {
                key: 'source',
                label: t('task.source'),
                children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{task.source}</Typography.Paragraph>,
              },
            ]}
          />
        </Form>
      ) : null}
    </EditDrawer>
  );
}
