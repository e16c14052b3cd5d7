import { CheckCircleTwoTone, WarningTwoTone } from '@ant-design/icons';
import { Empty, Flex, List, Typography } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { OrgSelect } from '../admin/OrgSelect.tsx';
import { type UnresolvedName, mappingOf } from './previewEdits.ts';
import type { ImportPreview } from './types.ts';

/**
 * The names the directory did not recognise, each mapped once for the whole document (every task and
 * indicator that names it). Names left unmapped are kept as written: the task shows them, nobody reports for them.
 */
export function OrgMapping({
  names,
  preview,
  onMap,
}: {
  names: UnresolvedName[];
  preview: ImportPreview;
  onMap: (key: string, org: { id: number; name: string; kind: string } | null) => void;
}) {
  const t = useT('imports');
  if (!names.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.allKnown')} />;
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('orgs.explain')}
      </Typography.Paragraph>
      <List
        bordered
        dataSource={names}
        renderItem={(name) => {
          const mapped = mappingOf(preview, name.key);
          return (
            <List.Item>
              <Flex gap={12} wrap align="center" style={{ width: '100%' }}>
                <Flex gap={8} align="flex-start" style={{ flex: '1 1 220px', minWidth: 0 }}>
                  {mapped ? <CheckCircleTwoTone twoToneColor="#389e0d" aria-hidden /> : <WarningTwoTone twoToneColor="#d48806" aria-hidden />}
                  <div>
                    <Typography.Text strong>{name.text}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{t('orgs.times', { n: name.count })}</Typography.Text>
                  </div>
                </Flex>
                <div style={{ flex: '1 1 260px', minWidth: 0 }}>
                  <OrgSelect
                    aria-label={t('orgs.mapOne', { name: name.text })}
                    value={mapped?.orgId ?? null}
                    valueLabel={mapped?.orgName}
                    placeholder={t('orgs.keepAsWritten')}
                    allowClear
                    onChange={(_, org) => onMap(name.key, org)}
                  />
                </div>
              </Flex>
            </List.Item>
          );
        }}
      />
    </Flex>
  );
}
