import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/index.tsx';

export function NotFoundPage() {
  const t = useT('common');
  return (
    <Result
      status="404"
      title={t('notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('goHome')}</Button>
        </Link>
      }
    />
  );
}
