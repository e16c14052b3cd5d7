import { App, Button, Card, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { errorMessage } from '../../components/ErrorState.tsx';
import { useLocale, useT } from '../../i18n/index.tsx';
import type { SettingKey, SettingValue } from './types.ts';
import { type useSettings, useSaveSettings } from './useSettings.ts';

type Settings = ReturnType<typeof useSettings>;
type Values = Partial<{ [K in SettingKey]: SettingValue<K> }>;

/** One card of settings: its own form and save button; only changed keys are sent. */
function SettingsCard({ title, keys, settings, children, validate }: {
  title: string;
  keys: SettingKey[];
  settings: Settings;
  children: React.ReactNode;
  validate?: (values: Values) => string | null;
}) {
  const t = useT('admin');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveSettings();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(Object.fromEntries(keys.map((k) => [k, settings.get(k)?.value])) as Values);
  }, [settings.data]); // eslint-disable-line react-hooks/exhaustive-deps -- the keys of a card never change

  const onFinish = (values: Values) => {
    const problem = validate?.(values);
    if (problem) {
      message.error(problem);
      return;
    }
    const changes = keys
      .filter((k) => JSON.stringify(values[k] ?? null) !== JSON.stringify(settings.get(k)?.value ?? null))
      .map((k) => ({ key: k, value: (values[k] ?? null) as SettingValue<SettingKey> }));
    if (!changes.length) {
      message.info(t('settings.nothingChanged'));
      return;
    }
    save.mutate(changes, {
      onSuccess: () => message.success(t('settings.saved')),
      onError: (err) => {
        const key = (err as { settingKey?: SettingKey }).settingKey;
        const text = errorMessage(err, locale, tc('unknownError'));
        if (key) form.setFields([{ name: key, errors: [text] }]);
        else message.error(text);
      },
    });
  };
  return (
    <Card title={title}>
      <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
        {children}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {tc('save')}
        </Button>
      </Form>
    </Card>
  );
}

function Default({ settings, k }: { settings: Settings; k: SettingKey }) {
  const t = useT('admin');
  const d = settings.get(k)?.default;
  const shown = d === null || d === undefined ? t('settings.none') : Array.isArray(d) ? d.join(', ') : String(d);
  return <Typography.Text type="secondary">{t('settings.default', { value: shown })}</Typography.Text>;
}

const numberField = { style: { width: '100%', maxWidth: 200 } };

export function ReportingSettings({ settings }: { settings: Settings }) {
  const t = useT('admin');
  return (
    <SettingsCard title={t('settings.reporting')} keys={['reporting.dueDay', 'reporting.meetingDay', 'status.dueSoonDays']} settings={settings}>
      <Form.Item name="reporting.dueDay" label={t('settings.dueDay')} extra={<Default settings={settings} k="reporting.dueDay" />} rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber min={1} max={31} {...numberField} />
      </Form.Item>
      <Form.Item name="reporting.meetingDay" label={t('settings.meetingDay')} extra={<>{t('settings.meetingDayHint')} <Default settings={settings} k="reporting.meetingDay" /></>}>
        <InputNumber min={1} max={31} {...numberField} />
      </Form.Item>
      <Form.Item name="status.dueSoonDays" label={t('settings.dueSoonDays')} extra={<Default settings={settings} k="status.dueSoonDays" />} rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber min={1} max={60} {...numberField} />
      </Form.Item>
    </SettingsCard>
  );
}

export function ReminderSettings({ settings }: { settings: Settings }) {
  const t = useT('admin');
  return (
    <SettingsCard
      title={t('settings.reminders')}
      keys={['reminders.reportDaysBefore', 'reminders.deadlineDays', 'reminders.overdueRepeatDays', 'reminders.escalateAfter', 'reminders.hour']}
      settings={settings}
    >
      <Form.Item name="reminders.reportDaysBefore" label={t('settings.reportDaysBefore')} extra={<Default settings={settings} k="reminders.reportDaysBefore" />} rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber min={0} max={15} {...numberField} />
      </Form.Item>
      <Form.Item
        name="reminders.deadlineDays"
        label={t('settings.deadlineDays')}
        extra={<>{t('settings.deadlineDaysHint')} <Default settings={settings} k="reminders.deadlineDays" /></>}
        normalize={(v: (string | number)[]) => [...new Set(v.map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 60))].sort((a, b) => b - a).slice(0, 5)}
      >
        <Select mode="tags" open={false} suffixIcon={null} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="reminders.overdueRepeatDays" label={t('settings.overdueRepeatDays')} extra={<Default settings={settings} k="reminders.overdueRepeatDays" />} rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber min={1} max={60} {...numberField} />
      </Form.Item>
      <Form.Item name="reminders.escalateAfter" label={t('settings.escalateAfter')} extra={<Default settings={settings} k="reminders.escalateAfter" />} rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber min={1} max={20} {...numberField} />
      </Form.Item>
      <Form.Item name="reminders.hour" label={t('settings.hour')} extra={<Default settings={settings} k="reminders.hour" />} rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber min={0} max={23} {...numberField} />
      </Form.Item>
    </SettingsCard>
  );
}

const WEIGHTS = ['completion', 'timeliness', 'reporting', 'quality'] as const;

export function ScoringSettings({ settings }: { settings: Settings }) {
  const t = useT('admin');
  return (
    <SettingsCard
      title={t('settings.scoring')}
      keys={['scoring.weights']}
      settings={settings}
      validate={(v) => {
        const w = v['scoring.weights'];
        const sum = w ? WEIGHTS.reduce((s, k) => s + (w[k] ?? 0), 0) : 0;
        return sum === 100 ? null : t('settings.weightsSum', { n: sum });
      }}
    >
      <Typography.Paragraph type="secondary">{t('settings.weightsHint')}</Typography.Paragraph>
      <Flex gap={12} wrap>
        {WEIGHTS.map((k) => (
          <Form.Item key={k} name={['scoring.weights', k]} label={t(`settings.weight.${k}`)} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '1 1 160px' }}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Flex>
      <Form.Item noStyle shouldUpdate>
        {(f) => {
          const w = (f.getFieldValue('scoring.weights') ?? {}) as Record<string, number | null>;
          const sum = WEIGHTS.reduce((s, k) => s + (w[k] ?? 0), 0);
          return (
            <Typography.Paragraph type={sum === 100 ? 'secondary' : 'danger'} role="status">
              {t('settings.weightsTotal', { n: sum })}
            </Typography.Paragraph>
          );
        }}
      </Form.Item>
    </SettingsCard>
  );
}
