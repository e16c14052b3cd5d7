import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Typography, type MenuProps } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ChangePasswordModal } from '../auth/ChangePasswordModal.tsx';
import { useSession, useUser } from '../auth/session.tsx';
import { Loading } from '../components/Loading.tsx';
import { useT } from '../i18n/index.tsx';
import { GlobalSearch } from './GlobalSearch.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { activeMenuPath, menuFor } from './menu.tsx';
import { NotificationBell } from './NotificationBell.tsx';

/** The signed-in frame: a side menu on a desk, a drawer on a phone; search, bell, language and account on top. */
export function AppLayout() {
  const t = useT('layout');
  const tc = useT('common');
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isDesk = screens.lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);

  const entries = useMemo(() => menuFor(user.role as Parameters<typeof menuFor>[0]), [user.role]);
  const selected = activeMenuPath(location.pathname, entries);
  const items: MenuProps['items'] = useMemo(() => {
    const toItem = (e: (typeof entries)[number]) => ({ key: e.path, icon: e.icon, label: <Link to={e.path}>{t(e.label)}</Link> });
    const main = entries.filter((e) => !e.group).map(toItem);
    const admin = entries.filter((e) => e.group === 'admin').map(toItem);
    return admin.length ? [...main, { type: 'group' as const, key: 'admin', label: t('menu.admin'), children: admin }] : main;
  }, [entries, t]);

  const menu = <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={() => setDrawerOpen(false)} style={{ borderInlineEnd: 0 }} />;
  const accountItems: MenuProps['items'] = [
    { key: 'who', label: <span className="account-who">{user.fullName}<br /><small>{tc(`role.${user.role}` as 'role.admin')}</small></span>, disabled: true },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('changePassword'), onClick: () => setPasswordOpen(true) },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: t('signOut'),
      onClick: () => void signOut().then(() => navigate('/login', { replace: true })),
    },
  ];

  return (
    <Layout className="app-layout">
      <a className="skip-link" href="#main">
        {tc('appName')}
      </a>
      {isDesk ? (
        <Layout.Sider width={232} theme="light" className="app-sider">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden>5R</span>
            <span className="brand-name">{tc('appName')}</span>
          </Link>
          <nav aria-label={t('menu.home')}>{menu}</nav>
        </Layout.Sider>
      ) : (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260} title={tc('appName')} styles={{ body: { padding: 0 } }}>
          <nav>{menu}</nav>
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {isDesk ? null : <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('openMenu')} />}
          <div className="app-header-search">
            <GlobalSearch />
          </div>
          <div className="app-header-tools">
            {screens.sm ? <LanguageSwitch /> : null}
            <NotificationBell />
            <Dropdown menu={{ items: accountItems }} trigger={['click']} placement="bottomRight">
              <Button type="text" className="account-button" aria-label={t('account')}>
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#0b5cad' }} />
                {screens.md ? <Typography.Text ellipsis style={{ maxWidth: 160 }}>{user.fullName}</Typography.Text> : null}
              </Button>
            </Dropdown>
          </div>
        </Layout.Header>
        <Layout.Content id="main" className="app-content" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
