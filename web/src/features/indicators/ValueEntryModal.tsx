import { Alert, App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/ErrorState.tsx';
import { formatMonth } from '../../format.ts';
import { useToday } from '../../auth/session.tsx';
import { useLocale, useT } from '../../i18n/index.tsx';
import { useEnterValue } from './queries.ts';
import type { Indicator } from './types.ts';

interface FormValues {
  period: Dayjs | null;
  valueNumber: number | null;
  valueText?: string;
  source?: string;
}

const FORM_FIELDS = ['period', 'valueNumber', 'valueText', 'source'] as const;

/** The monitoring agency's value for a month (a month not yet begun is refused by the server, and hidden here). */
export function ValueEntryModal({ indicator, onClose }: { indicator: Indicator; onClose: () => void }) {
  const t = useT('indicators');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const enter = useEnterValue(indicator.id);
  // The server's business date (the demo runs on its own): months after it are in the future.
  const today = useToday();
  const currentMonth = today.slice(0, 7);

  const submit = async (values: FormValues) => {
    setFailure(null);
    const period = values.period?.format('YYYY-MM') ?? currentMonth;
    try {
      await enter.mutateAsync({ period, valueNumber: values.valueNumber ?? null, valueText: values.valueText?.trim() || null, source: values.source?.trim() || null });
      void message.success(t('form.saved', { period: formatMonth(period) }));
      onClose();
    } catch (err) {
      // The server names the field at fault ("body.period"): the message goes next to it.
      const fields = err instanceof ApiError ? err.fields.map((f) => ({ name: f.field.replace(/^body\./, ''), errors: [f.message] })).filter((f) => (FORM_FIELDS as readonly string[]).includes(f.name)) : [];
      if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as (typeof FORM_FIELDS)[number], errors: f.errors })));
      else setFailure(errorMessage(err, locale, tc('unknownError')));
    }
  };

  return (
    <Modal
      open
      title={<span style={{ whiteSpace: 'normal' }}>{t('enterTitle', { name: `${indicator.code}. ${indicator.name}` })}</span>}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('form.submit')}
      cancelText={tc('cancel')}
      confirmLoading={enter.isPending}
      destroyOnHidden
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ period: dayjs(`${currentMonth}-01`), valueNumber: null }}>
        <Form.Item name="period" label={t('form.period')} rules={[{ required: true, message: t('form.periodRequired') }]}>
          <DatePicker picker="month" format="MM/YYYY" style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM') > currentMonth} />
        </Form.Item>
        <Form.Item
          name="valueNumber"
          label={t('form.valueNumber')}
          extra={indicator.unit ? t('form.valueNumberHelp', { unit: indicator.unit }) : undefined}
          dependencies={['valueText']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: number | null) => (value != null || String(getFieldValue('valueText') ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(t('form.valueRequired')))),
            }),
          ]}
        >
          <InputNumber style={{ width: '100%' }} decimalSeparator={locale === 'vi' ? ',' : '.'} />
        </Form.Item>
        <Form.Item name="valueText" label={t('form.valueText')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="source" label={t('form.source')}>
          <Input placeholder={t('form.sourcePlaceholder')} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
