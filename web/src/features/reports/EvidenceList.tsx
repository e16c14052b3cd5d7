import { FileOutlined, LinkOutlined, FileTextOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import type { EvidenceItem } from './types.ts';

/** Evidence as people cite it: "Văn bản số 12/BC-SYT ngày 15/11/2026", a link, an attached file. */
export function EvidenceList({ items, emptyText }: { items: readonly EvidenceItem[]; emptyText?: string }) {
  const t = useT('reports');
  if (!items.length) return emptyText ? <Typography.Text type="secondary">{emptyText}</Typography.Text> : null;
  return (
    <ul className="evidence-list" style={{ paddingInlineStart: 0, listStyle: 'none', margin: 0 }}>
      {items.map((e) => (
        <li key={e.id} style={{ marginBottom: 6 }}>
          <Flex gap={6} wrap align="baseline">
            {e.docNumber ? (
              <span>
                <FileTextOutlined /> {t('docLabel', { number: e.docNumber })}
                {e.docDate ? ` ${t('docDated', { date: formatDate(e.docDate) })}` : ''}
              </span>
            ) : null}
            {e.url ? (
              <a href={e.url} target="_blank" rel="noreferrer noopener" style={{ overflowWrap: 'anywhere' }}>
                <LinkOutlined /> {e.url}
              </a>
            ) : null}
            {e.fileId ? (
              <a href={`/api/files/${e.fileId}`}>
                <FileOutlined /> {t('attachedFile', { id: e.fileId })}
              </a>
            ) : null}
            {e.note ? <Typography.Text type="secondary">— {e.note}</Typography.Text> : null}
          </Flex>
        </li>
      ))}
    </ul>
  );
}
