import { Alert, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../components/ErrorState.tsx';
import { showFieldErrors } from '../reports/fieldErrors.ts';
import { useLocale, useT } from '../../i18n/index.tsx';

interface Props {
  open: boolean;
  title: string;
  /** The label of the comment field and whether it must be filled. */
  commentLabel: string;
  required: boolean;
  okText: string;
  danger?: boolean;
  onCancel(): void;
  onConfirm(comment: string): Promise<void>;
  children?: ReactNode;
}

/** A decision that carries a comment (returning a report, refusing a request): required where the server requires it. */
export function DecisionDialog({ open, title, commentLabel, required, okText, danger, onCancel, onConfirm, children }: Props) {
  const t = useT('review');
  const [form] = Form.useForm<{ comment: string }>();
  const tc = useT('common');
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    let values: { comment?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(values.comment?.trim() ?? '');
      form.resetFields();
    } catch (err) {
      if (!showFieldErrors(form, err, ['comment'])) setError(errorMessage(err, locale, tc('unknownError')));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={open} title={title} okText={okText} okButtonProps={{ danger, loading: busy }} onOk={() => void confirm()} onCancel={() => {
        setError(null);
        onCancel();
      }} destroyOnHidden>
      {children}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="comment" label={commentLabel} rules={required ? [{ required: true, whitespace: true, message: t('commentRequired') }] : []}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
