import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Input, Row, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { hasRole, useUser } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/index.tsx';
import { OrgDetailCard } from './OrgDetailCard.tsx';
import { type OrgFormTarget, OrgFormDrawer } from './OrgFormDrawer.tsx';
import { OrgTree } from './OrgTree.tsx';
import { RequireRole } from './RequireRole.tsx';
import { useOrgDirectory } from './useOrgDirectory.ts';

/** /admin/orgs — the directory as a tree; the admin creates and edits, coordinators read. */
export default function OrgsPage() {
  return (
    <RequireRole roles={['admin', 'coordinator']}>
      <Orgs />
    </RequireRole>
  );
}

function Orgs() {
  const t = useT('admin');
  const user = useUser();
  const canEdit = hasRole(user, 'admin');
  const [params, setParams] = useSearchParams();
  const selectedId = Number(params.get('id')) || null;
  const [search, setSearch] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [form, setForm] = useState<OrgFormTarget | null>(null);
  const directory = useOrgDirectory();
  const shown = useMemo(() => (showInactive ? directory.orgs : directory.orgs.filter((o) => o.active)), [directory.orgs, showInactive]);
  const select = (id: number) => {
    setParams({ id: String(id) });
    // On a phone the detail is below the tree: bring it into view.
    requestAnimationFrame(() => document.getElementById('org-detail')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };
  const parentName = (id: number | null) => (id ? (directory.byId.get(id)?.name ?? null) : null);

  return (
    <>
      <PageTitle
        title={t('orgs.title')}
        subtitle={t('orgs.subtitle', { n: directory.orgs.filter((o) => o.active).length })}
        extra={canEdit ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create', parent: null })}>{t('org.create')}</Button> : null}
      />
      {directory.isPending ? (
        <Loading />
      ) : directory.isError ? (
        <ErrorState error={directory.error} onRetry={() => void directory.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card>
              <Flex vertical gap={12}>
                <Input.Search allowClear placeholder={t('orgs.search')} aria-label={t('orgs.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
                <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                  <Switch size="small" checked={showInactive} onChange={setShowInactive} />
                  <Typography.Text>{t('orgs.showInactive')}</Typography.Text>
                </label>
                <OrgTree orgs={shown} search={search} selectedId={selectedId} onSelect={select} />
              </Flex>
            </Card>
          </Col>
          <Col xs={24} lg={14} id="org-detail">
            {selectedId ? (
              <OrgDetailCard
                id={selectedId}
                parentName={parentName(directory.byId.get(selectedId)?.parentId ?? null)}
                canEdit={canEdit}
                onSelect={select}
                onEdit={(org) => setForm({ mode: 'edit', org, parentName: parentName(org.parentId) })}
                onAddChild={(org) => setForm({ mode: 'create', parent: { id: org.id, name: org.name } })}
              />
            ) : (
              <Card>
                <Typography.Text type="secondary">{t('orgs.pick')}</Typography.Text>
              </Card>
            )}
          </Col>
        </Row>
      )}
      <OrgFormDrawer
        target={form}
        onClose={() => setForm(null)}
        onSaved={(org) => {
          setForm(null);
          select(org.id);
        }}
      />
    </>
  );
}
