import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Flex, List, Tag, Typography } from 'antd';
import { api } from '../../api/client.ts';
import type { OrgDetail } from '../../api/types.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { ORG_KIND_LIST, SUCCESSION_KIND_LIST, isOneOf } from './labels.ts';
import { ORGS_KEY } from './useOrgDirectory.ts';

export const orgDetailKey = (id: number) => [...ORGS_KEY, 'detail', id] as const;

/** One organisation: names it is known by, where it sits, what it replaced and what replaced it. */
export function OrgDetailCard({ id, parentName, canEdit, onSelect, onEdit, onAddChild }: {
  id: number;
  parentName: string | null;
  canEdit: boolean;
  onSelect: (id: number) => void;
  onEdit: (org: OrgDetail) => void;
  onAddChild: (org: OrgDetail) => void;
}) {
  const t = useT('admin');
  const detail = useQuery({ queryKey: orgDetailKey(id), queryFn: ({ signal }) => api.get<OrgDetail>(`/api/orgs/${id}`, undefined, signal) });
  if (detail.isPending) return <Card><Loading /></Card>;
  if (detail.isError) return <Card><ErrorState error={detail.error} onRetry={() => void detail.refetch()} /></Card>;
  const org = detail.data;
  const kind = (k: string) => (isOneOf(ORG_KIND_LIST, k) ? t(`kind.${k}`) : k);
  const succession = (k: string) => (isOneOf(SUCCESSION_KIND_LIST, k) ? t(`succession.${k}`) : k);
  const link = (o: { id: number; name: string }) => (
    <Typography.Link onClick={() => onSelect(o.id)}>{o.name}</Typography.Link>
  );
  const validity = org.validFrom || org.validTo ? `${org.validFrom ? formatDate(org.validFrom) : '…'} – ${org.validTo ? formatDate(org.validTo) : '…'}` : t('org.alwaysValid');

  return (
    <Card
      title={<span style={{ whiteSpace: 'normal' }}>{org.name}</span>}
      extra={
        canEdit ? (
          <Flex gap={8} wrap>
            <Button icon={<EditOutlined />} onClick={() => onEdit(org)}>
              {t('org.edit')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => onAddChild(org)}>
              {t('org.addChild')}
            </Button>
          </Flex>
        ) : null
      }
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
    >
      <Flex vertical gap={16}>
        <Descriptions size="small" column={1} bordered items={[
          { key: 'code', label: t('org.code'), children: org.code },
          { key: 'kind', label: t('org.kind'), children: kind(org.kind) },
          { key: 'short', label: t('org.shortName'), children: org.shortName ?? '—' },
          { key: 'parent', label: t('org.parent'), children: org.parentId ? link({ id: org.parentId, name: parentName ?? `#${org.parentId}` }) : '—' },
          { key: 'valid', label: t('org.validity'), children: <>{validity} {org.active ? null : <Tag>{t('org.inactive')}</Tag>}</> },
          { key: 'email', label: t('org.email'), children: org.email ?? '—' },
          { key: 'aliases', label: t('org.aliases'), children: org.aliases.length ? org.aliases.map((a) => <Tag key={a} style={{ whiteSpace: 'normal', marginBlock: 2 }}>{a}</Tag>) : '—' },
        ]} />
        <div>
          <Typography.Title level={5}>{t('org.predecessors')}</Typography.Title>
          {org.predecessors.length ? (
            <List size="small" dataSource={org.predecessors} renderItem={(p) => <List.Item>{link(p)} — {succession(p.kind)} {t('org.since', { date: formatDate(p.effectiveOn) })}</List.Item>} />
          ) : <Typography.Text type="secondary">{t('org.noPredecessors')}</Typography.Text>}
        </div>
        <div>
          <Typography.Title level={5}>{t('org.successors')}</Typography.Title>
          {org.successors.length ? (
            <List size="small" dataSource={org.successors} renderItem={(s) => <List.Item>{link(s)} — {succession(s.kind)} {t('org.since', { date: formatDate(s.effectiveOn) })}</List.Item>} />
          ) : <Typography.Text type="secondary">{t('org.noSuccessors')}</Typography.Text>}
        </div>
        <div>
          <Typography.Title level={5}>{t('org.children', { n: org.children.length })}</Typography.Title>
          {org.children.length ? (
            <List size="small" dataSource={org.children} renderItem={(c) => <List.Item>{link(c)} <Tag>{kind(c.kind)}</Tag></List.Item>} />
          ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noChildren')} />}
        </div>
      </Flex>
    </Card>
  );
}
