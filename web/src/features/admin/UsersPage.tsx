import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Flex, Grid, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page, User } from '../../api/types.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { ROLE_LIST, isOneOf } from './labels.ts';
import { EmptyText } from './EmptyText.tsx';
import { RequireRole } from './RequireRole.tsx';
import { USERS_KEY, type UserFormTarget, UserFormDrawer } from './UserFormDrawer.tsx';
import { useOrgDirectory } from './useOrgDirectory.ts';

const PAGE_SIZE = 20;

/** /admin/users — accounts: search, filter by role, create, change, reset, deactivate. */
export default function UsersPage() {
  return (
    <RequireRole roles={['admin']}>
      <Users />
    </RequireRole>
  );
}

function Users() {
  const t = useT('admin');
  const tc = useT('common');
  const wide = Grid.useBreakpoint().md ?? true;
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<UserFormTarget | null>(null);
  const directory = useOrgDirectory();
  const users = useQuery({
    queryKey: [...USERS_KEY, { q: search, role, page }],
    queryFn: ({ signal }) => api.get<Page<User>>('/api/users', { q: search, role, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  const orgName = (id: number) => directory.byId.get(id)?.name ?? `#${id}`;
  const roleTag = (r: string) => <Tag color={r === 'admin' ? 'red' : r === 'coordinator' ? 'blue' : undefined}>{isOneOf(ROLE_LIST, r) ? tc(`role.${r}`) : r}</Tag>;
  const state = (u: User) =>
    !u.active ? (
      <Badge status="default" text={t('user.inactive')} />
    ) : u.lockedUntil && u.lockedUntil > new Date().toISOString() ? (
      <Badge status="warning" text={t('user.locked')} />
    ) : (
      <Badge status="success" text={t('user.active')} />
    );
  const edit = (u: User) => (
    <Button icon={<EditOutlined />} aria-label={t('user.editOf', { name: u.fullName })} onClick={() => setForm({ mode: 'edit', user: u, orgName: orgName(u.orgId) })}>
      {wide ? t('user.edit') : null}
    </Button>
  );

  const columns: TableColumnsType<User> = wide
    ? [
        { key: 'name', title: t('user.fullName'), width: 200, render: (_, u) => <><Typography.Text strong>{u.fullName}</Typography.Text><br /><Typography.Text type="secondary" style={{ wordBreak: 'keep-all' }}>{u.username}</Typography.Text></> },
        { key: 'org', title: t('user.org'), width: 180, render: (_, u) => orgName(u.orgId) },
        { key: 'role', title: t('user.role'), width: 170, render: (_, u) => roleTag(u.role) },
        { key: 'email', title: t('user.email'), render: (_, u) => <span style={{ wordBreak: 'break-word' }}>{u.email ?? '—'}</span> },
        {
          key: 'state',
          title: `${tc('status')} · ${t('user.lastLogin')}`,
          width: 170,
          render: (_, u) => (
            <Flex vertical>
              {state(u)}
              <Typography.Text type="secondary">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('user.never')}</Typography.Text>
            </Flex>
          ),
        },
        { key: 'edit', title: tc('actions'), width: 90, render: (_, u) => edit(u) },
      ]
    : [
        {
          key: 'all',
          title: t('user.fullName'),
          render: (_, u) => (
            <Flex vertical gap={2}>
              <Typography.Text strong>{u.fullName} <Typography.Text type="secondary">({u.username})</Typography.Text></Typography.Text>
              <Typography.Text>{orgName(u.orgId)}</Typography.Text>
              <div>{roleTag(u.role)} {state(u)}</div>
            </Flex>
          ),
        },
        { key: 'edit', title: tc('actions'), width: 64, render: (_, u) => edit(u) },
      ];

  return (
    <>
      <PageTitle
        title={t('users.title')}
        subtitle={users.data ? t('users.count', { n: users.data.total }) : undefined}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })}>{t('user.createTitle')}</Button>}
      />
      <Card>
        <Flex vertical gap={12}>
          <Flex gap={8} wrap>
            <Input.Search
              allowClear
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => { setSearch(v.trim()); setPage(1); }}
              placeholder={t('users.search')}
              aria-label={t('users.search')}
              style={{ flex: '1 1 240px', maxWidth: 420 }}
            />
            <Select
              allowClear
              value={role}
              onChange={(r) => { setRole(r ?? null); setPage(1); }}
              placeholder={t('users.allRoles')}
              aria-label={t('users.roleFilter')}
              options={ROLE_LIST.map((r) => ({ value: r, label: tc(`role.${r}`) }))}
              style={{ flex: '1 1 200px', maxWidth: 280 }}
            />
          </Flex>
          {users.isError ? (
            <ErrorState error={users.error} onRetry={() => void users.refetch()} />
          ) : (
            <Table<User>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={users.data?.items ?? []}
              loading={users.isFetching}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: users.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('users.count', { n }) }}
              locale={{ emptyText: <EmptyText>{search || role ? t('users.noMatch') : t('users.none')}</EmptyText> }}
            />
          )}
        </Flex>
      </Card>
      <UserFormDrawer target={form} onClose={() => setForm(null)} />
    </>
  );
}
