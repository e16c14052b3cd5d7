import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { errorMessage } from '../components/ErrorState.tsx';
import { useLocale, useT } from '../i18n/index.tsx';
import { useSession } from './session.tsx';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-app paths are followed after sign-in (an open redirect would help phishing). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const t = useT('auth');
  const tl = useT('layout');
  const tc = useT('common');
  const { locale } = useLocale();
  const { user, signIn, expired } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const next = safeNext(new URLSearchParams(location.search).get('next'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to={next} replace />;

  async function submit(values: LoginForm) {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username, values.password);
      void navigate(next, { replace: true });
    } catch (err) {
      setError(errorMessage(err, locale, tc('unknownError')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand" aria-hidden>
          5R
        </div>
        <Typography.Title level={2} style={{ textAlign: 'center', marginBottom: 4 }}>
          {tc('appName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('intro')}
        </Typography.Paragraph>
        {expired ? <Alert type="warning" showIcon title={tl('sessionExpired')} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item label={t('username')} name="username" rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" className="login-tagline">
        {tc('appTagline')}
      </Typography.Text>
    </main>
  );
}
