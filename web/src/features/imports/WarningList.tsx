import { Collapse, Empty, List, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/index.tsx';
import type { PreviewWarning } from './types.ts';

const KNOWN_CODES = new Set([
  'no_tasks_found', 'damaged_text', 'text_repaired', 'number_missing', 'date_missing', 'date_incomplete', 'kind_unknown', 'signer_missing', 'word_repaired',
  'task_without_lead', 'deadline_missing', 'deadline_unparsed', 'prose_task_not_in_appendix', 'table_row_unrecognised', 'table_line_orphan', 'target_unparsed',
  'ordinal_repeated', 'unknown_org', 'merged_org',
]);

/** The reader's warnings grouped by kind; each shows the server's Vietnamese message and where in the document. */
export function WarningList({ warnings }: { warnings: PreviewWarning[] }) {
  const t = useT('imports');
  const groups = useMemo(() => {
    const map = new Map<string, PreviewWarning[]>();
    for (const w of warnings) map.set(w.code, [...(map.get(w.code) ?? []), w]);
    return [...map.entries()];
  }, [warnings]);
  if (!warnings.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('warnings.none')} />;
  return (
    <Collapse
      items={groups.map(([code, list]) => ({
        key: code,
        label: `${KNOWN_CODES.has(code) ? t(`warning.${code}` as 'warning.unknown_org') : code} (${list.length})`,
        children: (
          <List
            size="small"
            dataSource={list}
            renderItem={(w) => (
              <List.Item>
                <div>
                  <Typography.Text type="secondary">{w.where}: </Typography.Text>
                  <Typography.Text>{w.message}</Typography.Text>
                </div>
              </List.Item>
            )}
          />
        ),
      }))}
    />
  );
}
