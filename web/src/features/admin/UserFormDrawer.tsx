import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Drawer, Flex, Form, Input, Popconfirm, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { errorMessage } from '../../components/ErrorState.tsx';
import { useLocale, useT } from '../../i18n/index.tsx';
import { applyServerErrors } from './formErrors.ts';
import { ROLE_LIST } from './labels.ts';
import { OrgSelect } from './OrgSelect.tsx';
import type { UserCreateInput, UserUpdateInput } from './types.ts';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User; orgName: string | null };

export const USERS_KEY = ['users'] as const;
const PASSWORD_MIN = 8;

/** Create an account, or change one: name, org, role, contact; reset its password; deactivate it. */
export function UserFormDrawer({ target, onClose }: { target: UserFormTarget | null; onClose: () => void }) {
  const t = useT('admin');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserCreateInput>();
  const [resetForm] = Form.useForm<{ password: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [orgName, setOrgName] = useState<string | null>(null);
  const editing = target?.mode === 'edit' ? target.user : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    resetForm.resetFields();
    setFailure(null);
    if (target.mode === 'edit') {
      const u = target.user;
      form.setFieldsValue({ fullName: u.fullName, email: u.email, title: u.title, phone: u.phone, orgId: u.orgId, role: u.role as UserCreateInput['role'] });
      setOrgName(target.orgName);
    } else setOrgName(null);
  }, [target, form, resetForm]);

  const done = async (text: string) => {
    await queryClient.invalidateQueries({ queryKey: USERS_KEY });
    message.success(text);
  };
  const save = useMutation({
    mutationFn: (values: UserCreateInput) => {
      const contact = { email: values.email || null, title: values.title || null, phone: values.phone || null };
      if (!editing) return api.post<User>('/api/users', { ...values, ...contact });
      const body: UserUpdateInput = { fullName: values.fullName, orgId: values.orgId, role: values.role, ...contact };
      return api.patch<User>(`/api/users/${editing.id}`, body);
    },
    onSuccess: async (user) => {
      await done(editing ? t('user.saved') : t('user.created', { username: user.username }));
      onClose();
    },
    onError: (err) => {
      if (!applyServerErrors(form, err, locale, 'username')) setFailure(errorMessage(err, locale, tc('unknownError')));
    },
  });
  const patch = useMutation({
    mutationFn: (body: UserUpdateInput) => api.patch<User>(`/api/users/${editing?.id ?? 0}`, body),
    onError: (err) => setFailure(errorMessage(err, locale, tc('unknownError'))),
  });

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={editing ? t('user.editTitle', { name: editing.fullName }) : t('user.createTitle')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {editing ? tc('save') : t('user.create')}
          </Button>
        </Flex>
      }
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      <Form<UserCreateInput> form={form} layout="vertical" onFinish={(v) => { setFailure(null); save.mutate(v); }}>
        {editing ? (
          <Typography.Paragraph>
            {t('user.username')}: <strong>{editing.username}</strong>
          </Typography.Paragraph>
        ) : (
          <Form.Item name="username" label={t('user.username')} extra={t('user.usernameHint')} rules={[{ required: true, message: t('form.required') }, { pattern: /^[a-z0-9][a-z0-9._-]{2,59}$/, message: t('user.usernameRule') }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="fullName" label={t('user.fullName')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="orgId" label={t('user.org')} rules={[{ required: true, message: t('form.required') }]}>
          <OrgSelect valueLabel={orgName} onChange={(_, o) => setOrgName(o?.name ?? null)} />
        </Form.Item>
        <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('form.required') }]}>
          <Select options={ROLE_LIST.map((r) => ({ value: r, label: tc(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('user.title')}>
          <Input />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email', message: t('form.email') }]} style={{ flex: '2 1 220px' }}>
            <Input type="email" />
          </Form.Item>
          <Form.Item name="phone" label={t('user.phone')} style={{ flex: '1 1 140px' }}>
            <Input type="tel" />
          </Form.Item>
        </Flex>
        {editing ? null : (
          <Form.Item name="password" label={t('user.password')} extra={t('user.passwordHint')} rules={[{ required: true, message: t('form.required') }, { min: PASSWORD_MIN, message: t('user.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
      {editing ? (
        <>
          <Divider titlePlacement="start">{t('user.resetTitle')}</Divider>
          <Form
            form={resetForm}
            layout="vertical"
            onFinish={({ password }) =>
              patch.mutate({ password }, { onSuccess: () => { resetForm.resetFields(); void done(t('user.resetDone')); } })
            }
          >
            <Form.Item name="password" label={t('user.newPassword')} extra={t('user.resetHint')} rules={[{ required: true, message: t('form.required') }, { min: PASSWORD_MIN, message: t('user.passwordRule') }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button htmlType="submit" loading={patch.isPending && patch.variables?.password !== undefined}>
              {t('user.reset')}
            </Button>
          </Form>
          <Divider titlePlacement="start">{t('user.accountTitle')}</Divider>
          <Flex vertical gap={8} align="flex-start">
            <Typography.Text>{editing.active ? t('user.isActive') : t('user.isInactive')}</Typography.Text>
            <Popconfirm
              title={editing.active ? t('user.deactivateAsk') : t('user.activateAsk')}
              okText={tc('yes')}
              cancelText={tc('no')}
              onConfirm={() =>
                patch.mutateAsync({ active: !editing.active }).then(async () => {
                  await done(editing.active ? t('user.deactivated') : t('user.activated'));
                  onClose();
                })
              }
            >
              <Button>{editing.active ? t('user.deactivate') : t('user.activate')}</Button>
            </Popconfirm>
          </Flex>
        </>
      ) : null}
    </Drawer>
  );
}
