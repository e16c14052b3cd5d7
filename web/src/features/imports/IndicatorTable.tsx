import { EditOutlined } from '@ant-design/icons';
import { Button, Grid, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../i18n/index.tsx';
import type { PreviewIndicator } from './types.ts';
import { VisuallyHidden } from './VisuallyHidden.tsx';
import { EmptyText } from '../admin/EmptyText.tsx';

interface Row {
  index: number;
  indicator: PreviewIndicator;
}

export function IndicatorTable({ indicators, onEdit }: { indicators: PreviewIndicator[]; onEdit: (index: number) => void }) {
  const t = useT('imports');
  const tc = useT('common');
  const wide = Grid.useBreakpoint().md ?? true;
  const rows = indicators.map((indicator, index) => ({ index, indicator }));
  const edit = (r: Row) => (
    <Button icon={<EditOutlined />} onClick={() => onEdit(r.index)} aria-label={t('indicator.edit', { code: r.indicator.code })}>
      {wide ? t('task.editShort') : null}
    </Button>
  );
  const monitors = (r: Row) =>
    r.indicator.monitors.map((m, i) => (
      <Tag key={`${m.text}-${i}`} color={m.orgName ? undefined : 'warning'} style={{ whiteSpace: 'normal', marginBlock: 2 }}>
        {m.orgName ?? m.text}
      </Tag>
    ));
  const columns: TableColumnsType<Row> = wide
    ? [
        { key: 'code', title: t('indicator.code'), width: 80, render: (_, r) => r.indicator.code },
        { key: 'name', title: t('indicator.name'), render: (_, r) => r.indicator.name },
        { key: 'target', title: t('indicator.target'), width: 200, render: (_, r) => [r.indicator.target.text, r.indicator.unit].filter(Boolean).join(' ') },
        { key: 'monitors', title: t('indicator.monitors'), width: 220, render: (_, r) => monitors(r) },
        { key: 'edit', title: tc('actions'), width: 100, render: (_, r) => edit(r) },
      ]
    : [
        {
          key: 'name',
          title: t('indicator.name'),
          render: (_, r) => (
            <>
              <Typography.Text>
                <strong>{r.indicator.code}. </strong>
                {r.indicator.name}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary">{[r.indicator.target.text, r.indicator.unit].filter(Boolean).join(' ')}</Typography.Text>
              </div>
              <div>{monitors(r)}</div>
            </>
          ),
        },
        { key: 'edit', title: <VisuallyHidden>{tc('actions')}</VisuallyHidden>, width: 56, render: (_, r) => edit(r) },
      ];
  return <Table<Row> size="small" rowKey={(r) => r.index} columns={columns} dataSource={rows} pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }} locale={{ emptyText: <EmptyText>{t('indicator.none')}</EmptyText> }} />;
}
