import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { OrgDetail } from '../../api/types.ts';
import { errorMessage } from '../../components/ErrorState.tsx';
import { useLocale, useT } from '../../i18n/index.tsx';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../imports/dates.ts';
import { applyServerErrors } from './formErrors.ts';
import { ORG_KIND_LIST, SUCCESSION_KIND_LIST } from './labels.ts';
import { OrgSelect } from './OrgSelect.tsx';
import type { OrgCreateInput } from './types.ts';
import { ORGS_KEY } from './useOrgDirectory.ts';

export type OrgFormTarget = { mode: 'create'; parent: { id: number; name: string } | null } | { mode: 'edit'; org: OrgDetail; parentName: string | null };

type Values = OrgCreateInput;

function initialValues(target: OrgFormTarget): Partial<Values> {
  if (target.mode === 'create') return { kind: 'unit', parentId: target.parent?.id ?? null, aliases: [], successors: [] };
  const o = target.org;
  return {
    code: o.code,
    name: o.name,
    shortName: o.shortName,
    kind: o.kind as Values['kind'],
    parentId: o.parentId,
    aliases: o.aliases,
    validFrom: o.validFrom,
    validTo: o.validTo,
    email: o.email,
    position: o.position,
    successors: o.predecessors.map((p) => ({ orgId: p.id, kind: p.kind as 'merger', effectiveOn: p.effectiveOn })),
  };
}

const dateItem = { getValueProps: (v: string | null) => ({ value: toDayjs(v) }), normalize: fromDayjs };

/** Create or edit an organisation (admin): names, place in the tree, validity, and the bodies it replaced. */
export function OrgFormDrawer({ target, onClose, onSaved }: { target: OrgFormTarget | null; onClose: () => void; onSaved: (org: OrgDetail) => void }) {
  const t = useT('admin');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const parentLabel = target?.mode === 'create' ? (target.parent?.name ?? null) : (target?.parentName ?? null);
  const [parentName, setParentName] = useState<string | null>(parentLabel);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(initialValues(target));
    setParentName(parentLabel);
    setFailure(null);
  }, [target, form, parentLabel]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = { ...values, shortName: values.shortName || null, email: values.email || null };
      return target?.mode === 'edit' ? api.patch<OrgDetail>(`/api/orgs/${target.org.id}`, body) : api.post<OrgDetail>('/api/orgs', body);
    },
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: ORGS_KEY });
      message.success(t('org.saved'));
      onSaved(org);
    },
    onError: (err) => {
      if (!applyServerErrors(form, err, locale, 'code')) setFailure(errorMessage(err, locale, tc('unknownError')));
    },
  });

  const selfId = target?.mode === 'edit' ? target.org.id : undefined;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={target?.mode === 'edit' ? t('org.editTitle', { name: target.org.name }) : t('org.createTitle')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {tc('save')}
          </Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => { setFailure(null); save.mutate(v); }}>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="code" label={t('org.code')} rules={[{ required: true, message: t('form.required') }, { pattern: /^[A-Z0-9][A-Z0-9_-]{0,39}$/, message: t('org.codeRule') }]} style={{ flex: '1 1 160px' }}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '1 1 180px' }}>
            <Select options={ORG_KIND_LIST.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="shortName" label={t('org.shortName')}>
          <Input />
        </Form.Item>
        <Form.Item name="parentId" label={t('org.parent')}>
          <OrgSelect allowClear excludeId={selfId} valueLabel={parentName} onChange={(_, o) => setParentName(o?.name ?? null)} />
        </Form.Item>
        <Form.Item name="aliases" label={t('org.aliases')} extra={t('org.aliasesHint')}>
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="validFrom" label={t('org.validFrom')} {...dateItem} style={{ flex: '1 1 160px' }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validTo" label={t('org.validTo')} {...dateItem} style={{ flex: '1 1 160px' }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="email" label={t('org.email')} rules={[{ type: 'email', message: t('form.email') }]} style={{ flex: '2 1 220px' }}>
            <Input />
          </Form.Item>
          <Form.Item name="position" label={t('org.position')} style={{ flex: '1 1 100px' }}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.List name="successors">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              <strong>{t('org.replaces')}</strong>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="flex-start">
                  <Form.Item name={[field.name, 'orgId']} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '2 1 200px', marginBottom: 0 }}>
                    <OrgSelect aria-label={t('org.replacedOrg')} excludeId={selfId} valueLabel={target?.mode === 'edit' ? target.org.predecessors[field.name]?.name : undefined} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '1 1 120px', marginBottom: 0 }}>
                    <Select aria-label={t('org.successionKind')} options={SUCCESSION_KIND_LIST.map((k) => ({ value: k, label: t(`succession.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'effectiveOn']} rules={[{ required: true, message: t('form.required') }]} {...dateItem} style={{ flex: '1 1 140px', marginBottom: 0 }}>
                    <DatePicker aria-label={t('org.effectiveOn')} format={DATE_FORMAT} style={{ width: '100%' }} />
                  </Form.Item>
                  <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={t('org.removeReplaced')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'merger' })}>
                {t('org.addReplaced')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
