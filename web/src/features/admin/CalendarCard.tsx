import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, List, Popconfirm, Row, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ErrorState, errorMessage } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { formatDate, todayInVietnam } from '../../format.ts';
import { useLocale, useT } from '../../i18n/index.tsx';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../imports/dates.ts';
import { EmptyText } from './EmptyText.tsx';
import type { CalendarYear } from './types.ts';

interface DayInput {
  date: string | null;
  kind: 'day_off' | 'working_day';
  name: string;
}

/** The working calendar of a year: the holidays the law fixes, and the swapped days the Government announces. */
export function CalendarCard() {
  const t = useT('admin');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const [form] = Form.useForm<DayInput>();
  const [failure, setFailure] = useState<string | null>(null);
  const key = ['calendar', year] as const;
  const calendar = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<CalendarYear>('/api/calendar', { year }, signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar'] });
  const add = useMutation({
    mutationFn: (d: DayInput) => api.put(`/api/calendar/days/${d.date ?? ''}`, { kind: d.kind, name: d.name }),
    onSuccess: async () => {
      form.resetFields();
      setFailure(null);
      message.success(t('calendar.added'));
      await refresh();
    },
    onError: (err) => setFailure(errorMessage(err, locale, tc('unknownError'))),
  });
  const remove = useMutation({
    mutationFn: (date: string) => api.delete(`/api/calendar/days/${date}`),
    onSuccess: refresh,
    onError: (err) => message.error(errorMessage(err, locale, tc('unknownError'))),
  });

  const kindTag = (k: string) => (k === 'working_day' ? <Tag color="blue">{t('calendar.working_day')}</Tag> : <Tag color="orange">{t('calendar.day_off')}</Tag>);

  return (
    <Card title={t('calendar.title')} extra={<InputNumber aria-label={t('calendar.year')} min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} style={{ width: 100 }} />}>
      {calendar.isPending ? (
        <Loading />
      ) : calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={10}>
            <Typography.Title level={5}>{t('calendar.holidays', { year: String(year) })}</Typography.Title>
            <List size="small" dataSource={calendar.data.holidays} locale={{ emptyText: <EmptyText>{t('calendar.noHolidays')}</EmptyText> }} renderItem={(h) => <List.Item><span style={{ minWidth: 96, display: 'inline-block' }}>{formatDate(h.date)}</span> {h.name}</List.Item>} />
          </Col>
          <Col xs={24} lg={14}>
            <Typography.Title level={5}>{t('calendar.overrides')}</Typography.Title>
            <Table
              size="small"
              rowKey="date"
              pagination={false}
              dataSource={calendar.data.overrides}
              locale={{ emptyText: <EmptyText>{t('calendar.noOverrides')}</EmptyText> }}
              columns={[
                { key: 'date', title: t('calendar.date'), width: 110, render: (_, d) => formatDate(d.date) },
                { key: 'kind', title: t('calendar.kind'), width: 130, render: (_, d) => kindTag(d.kind) },
                { key: 'name', title: t('calendar.name'), render: (_, d) => d.name },
                {
                  key: 'del',
                  title: tc('actions'),
                  width: 80,
                  render: (_, d) => (
                    <Popconfirm title={t('calendar.removeAsk')} okText={tc('yes')} cancelText={tc('no')} onConfirm={() => remove.mutateAsync(d.date)}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('calendar.remove', { date: formatDate(d.date) })} />
                    </Popconfirm>
                  ),
                },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('calendar.add')}</Typography.Title>
            {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
            <Form<DayInput> form={form} layout="vertical" initialValues={{ kind: 'day_off' }} onFinish={(v) => add.mutate(v)}>
              <Flex gap={12} wrap align="flex-end">
                <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true, message: t('form.required') }]} normalize={fromDayjs} getValueProps={(v: string | null) => ({ value: toDayjs(v) })} style={{ flex: '1 1 150px' }}>
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="kind" label={t('calendar.kind')} style={{ flex: '1 1 150px' }}>
                  <Select options={[{ value: 'day_off', label: t('calendar.day_off') }, { value: 'working_day', label: t('calendar.working_day') }]} />
                </Form.Item>
                <Form.Item name="name" label={t('calendar.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]} style={{ flex: '2 1 220px' }}>
                  <Input placeholder={t('calendar.namePlaceholder')} />
                </Form.Item>
                <Form.Item>
                  <Button htmlType="submit" type="primary" loading={add.isPending}>{t('calendar.addButton')}</Button>
                </Form.Item>
              </Flex>
            </Form>
          </Col>
        </Row>
      )}
    </Card>
  );
}
