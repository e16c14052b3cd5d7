import { Empty, Switch, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { auditDiff } from './auditDiff.ts';
import type { AuditEntry } from './types.ts';

/** An audit row's change, field by field: what it was, what it became; unchanged fields on request. */
export function AuditChange({ entry }: { entry: AuditEntry }) {
  const t = useT('admin');
  const tc = useT('common');
  const [all, setAll] = useState(false);
  const rows = useMemo(() => auditDiff(entry.before, entry.after, tc('yes'), tc('no')), [entry, tc]);
  const shown = all ? rows : rows.filter((r) => r.changed);
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noChange')} />;
  const hidden = rows.length - rows.filter((r) => r.changed).length;
  return (
    <div>
      {hidden > 0 ? (
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
          <Switch size="small" checked={all} onChange={setAll} />
          <Typography.Text>{t('audit.showUnchanged', { n: hidden })}</Typography.Text>
        </label>
      ) : null}
      <Table
        size="small"
        rowKey={(r) => r.field || '-'}
        pagination={false}
        dataSource={shown}
        columns={[
          { key: 'field', title: t('audit.field'), width: 180, render: (_, r) => <Typography.Text code>{r.field || t('audit.value')}</Typography.Text> },
          { key: 'before', title: t('audit.before'), render: (_, r) => <span className="audit-value" style={{ wordBreak: 'break-word' }}>{r.before}</span> },
          {
            key: 'after',
            title: t('audit.after'),
            render: (_, r) => <Typography.Text strong={r.changed} style={{ wordBreak: 'break-word' }}>{r.after}</Typography.Text>,
          },
        ]}
      />
    </div>
  );
}
