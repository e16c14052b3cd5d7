import { Flex, Form, Input, InputNumber } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/index.tsx';
import { EditDrawer } from './EditDrawer.tsx';
import { OrgRefsEditor } from './OrgRefsEditor.tsx';
import type { PreviewIndicator } from './types.ts';

/** Every field of one extracted indicator (chỉ tiêu). */
export function IndicatorDrawer({ indicator, onSave, onClose }: { indicator: PreviewIndicator | null; onSave: (next: PreviewIndicator) => void; onClose: () => void }) {
  const t = useT('imports');
  const [form] = Form.useForm<PreviewIndicator>();
  useEffect(() => {
    if (indicator) form.setFieldsValue(indicator);
  }, [indicator, form]);
  return (
    <EditDrawer open={indicator !== null} onClose={onClose} size={600} title={indicator ? t('indicator.editTitle', { code: indicator.code }) : ''} onApply={() => form.submit()}>
      {indicator ? (
        <Form<PreviewIndicator>
          form={form}
          layout="vertical"
          initialValues={indicator}
          onFinish={(values) => onSave({ ...indicator, ...values, target: { ...indicator.target, ...values.target } })}
        >
          <Flex gap={12} wrap>
            <Form.Item name="code" label={t('indicator.code')} rules={[{ required: true, message: t('task.required') }]} style={{ flex: '0 1 120px' }}>
              <Input />
            </Form.Item>
            <Form.Item name="parent" label={t('indicator.parent')} normalize={(v: string) => v || null} style={{ flex: '0 1 120px' }}>
              <Input />
            </Form.Item>
            <Form.Item name="unit" label={t('indicator.unit')} normalize={(v: string) => v || null} style={{ flex: '1 1 140px' }}>
              <Input />
            </Form.Item>
          </Flex>
          <Form.Item name="name" label={t('indicator.name')} rules={[{ required: true, whitespace: true, message: t('task.required') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name={['target', 'text']} label={t('indicator.target')} style={{ flex: '1 1 200px' }}>
              <Input />
            </Form.Item>
            <Form.Item name={['target', 'value']} label={t('indicator.targetValue')} style={{ flex: '0 1 140px' }}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="horizonYear" label={t('indicator.horizon')} style={{ flex: '0 1 120px' }}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item name="monitors" label={t('indicator.monitors')}>
            <OrgRefsEditor label={t('indicator.monitors')} />
          </Form.Item>
        </Form>
      ) : null}
    </EditDrawer>
  );
}
