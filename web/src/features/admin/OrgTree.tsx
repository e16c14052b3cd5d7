import { Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import type { Org } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { foldVietnamese } from './fold.ts';
import { ORG_KIND_LIST, isOneOf } from './labels.ts';

/** Parents before children, children in the server's order; an org whose parent is missing becomes a root. */
export function buildOrgTree(orgs: Org[], matches: (o: Org) => boolean): { roots: number[]; children: Map<number, number[]>; visible: Set<number> } {
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  for (const o of orgs) {
    if (o.parentId && ids.has(o.parentId)) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
    else roots.push(o.id);
  }
  // A match keeps its ancestors visible, so the tree still shows where it sits.
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const visible = new Set<number>();
  for (const o of orgs) {
    if (!matches(o)) continue;
    for (let cur: Org | undefined = o; cur && !visible.has(cur.id); cur = cur.parentId ? byId.get(cur.parentId) : undefined) visible.add(cur.id);
  }
  return { roots, children, visible };
}

export function OrgTree({ orgs, search, selectedId, onSelect }: { orgs: Org[]; search: string; selectedId: number | null; onSelect: (id: number) => void }) {
  const t = useT('admin');
  const tree = useMemo(() => {
    const needle = foldVietnamese(search);
    const { roots, children, visible } = buildOrgTree(orgs, (o) => !needle || foldVietnamese(`${o.name} ${o.shortName ?? ''} ${o.code}`).includes(needle));
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const node = (id: number): DataNode | null => {
      const o = byId.get(id);
      if (!o || !visible.has(id)) return null;
      const kids = (children.get(id) ?? []).map(node).filter((n): n is DataNode => n !== null);
      return {
        key: id,
        title: (
          <span style={{ whiteSpace: 'normal' }}>
            <Typography.Text delete={!o.active}>{o.name}</Typography.Text>{' '}
            <Tag style={{ marginInlineEnd: 0 }}>{isOneOf(ORG_KIND_LIST, o.kind) ? t(`kind.${o.kind}`) : o.kind}</Tag>
            {o.active ? null : <Tag color="default">{t('org.inactive')}</Tag>}
          </span>
        ),
        children: kids.length ? kids : undefined,
      };
    };
    return roots.map(node).filter((n): n is DataNode => n !== null);
  }, [orgs, search, t]);
  const expanded = useMemo(() => (search ? orgs.map((o) => o.id) : orgs.filter((o) => !o.parentId).map((o) => o.id)), [orgs, search]);

  if (!tree.length) return <Typography.Text type="secondary">{t('org.noMatch')}</Typography.Text>;
  return (
    <Tree
      key={search ? 'search' : 'all'}
      treeData={tree}
      defaultExpandedKeys={expanded}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => {
        if (keys[0] !== undefined) onSelect(Number(keys[0]));
      }}
      blockNode
      aria-label={t('org.treeLabel')}
    />
  );
}
