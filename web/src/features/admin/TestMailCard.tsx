import { MailOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { useUser } from '../../auth/session.tsx';
import { errorMessage } from '../../components/ErrorState.tsx';
import { formatDateTime } from '../../format.ts';
import { useLocale, useT } from '../../i18n/index.tsx';

/** Checks the mail server: one test mail to the signed-in admin's own address (POST /api/settings/test-mail). */
export function TestMailCard() {
  const t = useT('admin');
  const tc = useT('common');
  const { locale } = useLocale();
  const user = useUser();
  const send = useMutation({ mutationFn: () => api.post<{ to: string; sentAt: string }>('/api/settings/test-mail') });
  return (
    <Card title={t('mail.title')}>
      <Flex vertical gap={12} align="flex-start">
        <Typography.Text>{user.email ? t('mail.explain', { email: user.email }) : t('mail.noEmail')}</Typography.Text>
        <Button icon={<MailOutlined />} onClick={() => send.mutate()} loading={send.isPending}>
          {t('mail.send')}
        </Button>
        {send.isSuccess ? <Alert type="success" showIcon title={t('mail.sent', { email: send.data.to, at: formatDateTime(send.data.sentAt) })} /> : null}
        {send.isError ? <Alert type="error" showIcon title={errorMessage(send.error, locale, tc('unknownError'))} /> : null}
      </Flex>
    </Card>
  );
}
