import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { useLocale, useT } from '../i18n/index.tsx';

const MIN_LENGTH = 8;

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT('auth');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);

  async function submit(values: PasswordForm) {
    setBusy(true);
    try {
      await api.post('/api/me/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      void message.success(t('passwordChanged'));
      form.resetFields();
      onClose();
    } catch (err) {
      // The server's message goes next to the field it is about.
      const text = err instanceof ApiError ? err.localized(locale) : tc('unknownError');
      const field = err instanceof ApiError && err.fields.some((f) => f.field === 'newPassword') ? 'newPassword' : 'currentPassword';
      form.setFields([{ name: field, errors: [text] }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title={t('changePasswordTitle')} onCancel={onClose} onOk={() => form.submit()} okText={tc('save')} cancelText={tc('cancel')} confirmLoading={busy} destroyOnHidden>
      <Form<PasswordForm> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={t('currentPassword')} name="currentPassword" rules={[{ required: true, message: t('passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label={t('newPassword')} name="newPassword" rules={[{ required: true, min: MIN_LENGTH, message: t('passwordTooShort', { n: MIN_LENGTH }) }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('confirmPassword')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('passwordsDiffer')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
