import { Button, ConfigProvider, Result, type ThemeConfig } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Role } from '../../api/types.ts';
import { hasRole, useUser } from '../../auth/session.tsx';
import { useT } from '../../i18n/index.tsx';

/**
 * The no-permission page for a screen a role may not open (typed address, old bookmark). The server refuses
 * the data anyway; this says so plainly instead of showing a half-empty screen of errors.
 */
// antd's placeholder grey falls under WCAG AA contrast on white; the filters and forms here rely on placeholders.
const READABLE: ThemeConfig = { token: { colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)' } };

export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const user = useUser();
  const t = useT('common');
  if (hasRole(user, ...roles)) return <ConfigProvider theme={READABLE}>{children}</ConfigProvider>;
  return (
    <Result
      status="403"
      title={t('forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('goHome')}</Button>
        </Link>
      }
    />
  );
}
