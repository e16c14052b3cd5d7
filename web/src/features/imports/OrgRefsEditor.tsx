import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { OrgSelect } from '../admin/OrgSelect.tsx';
import { pickedOrg } from './previewEdits.ts';
import type { PreviewOrg } from './types.ts';

/**
 * The agencies of one role on a task (leads, coordinators, monitors): each name as the document writes it,
 * the directory's org it goes to (changeable), a way to remove it, and a way to add one from the directory.
 */
export function OrgRefsEditor({ value = [], onChange, label }: { value?: PreviewOrg[]; onChange?: (next: PreviewOrg[]) => void; label: string }) {
  const t = useT('imports');
  const set = (next: PreviewOrg[]) => onChange?.(next);
  return (
    <Flex vertical gap={8}>
      {value.length === 0 ? <Typography.Text type="secondary">{t('orgs.noneYet')}</Typography.Text> : null}
      {value.map((org, i) => (
        <Flex key={`${org.text}-${i}`} gap={8} wrap align="center" className="import-org-row">
          <Typography.Text style={{ flex: '1 1 160px', minWidth: 0 }}>
            {org.text}
            {org.collective ? <Tag style={{ marginInlineStart: 6 }}>{t('orgs.collective', { n: org.members })}</Tag> : null}
          </Typography.Text>
          <div style={{ flex: '1 1 200px', minWidth: 0 }}>
            <OrgSelect
              aria-label={t('orgs.mapOne', { name: org.text })}
              value={org.orgId}
              valueLabel={org.orgName}
              status={org.orgName ? undefined : 'warning'}
              placeholder={t('orgs.unknown')}
              allowClear
              onChange={(_, picked) =>
                set(value.map((o, j) => (j !== i ? o : picked ? pickedOrg(o.text, picked) : { ...o, orgId: null, orgName: null, members: 0, collective: false, external: false, replaced: null })))
              }
            />
          </div>
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('orgs.remove', { name: org.text })} onClick={() => set(value.filter((_, j) => j !== i))} />
        </Flex>
      ))}
      <OrgSelect
        aria-label={t('orgs.add', { role: label })}
        placeholder={t('orgs.add', { role: label })}
        value={null}
        onChange={(_, picked) => {
          if (picked) set([...value, pickedOrg(picked.name, picked)]);
        }}
      />
    </Flex>
  );
}
