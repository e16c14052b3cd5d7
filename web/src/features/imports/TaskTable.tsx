import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Input, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { LOW_CONFIDENCE } from './previewEdits.ts';
import type { PreviewOrg, PreviewTask } from './types.ts';
import { VisuallyHidden } from './VisuallyHidden.tsx';
import { EmptyText } from '../admin/EmptyText.tsx';

interface Row {
  index: number;
  task: PreviewTask;
}

/** A task needs a look when the reader was unsure, no lead was found, or an agency name is unknown. */
export function needsCheck(task: PreviewTask): boolean {
  return task.confidence < LOW_CONFIDENCE || task.leads.length === 0 || [...task.leads, ...task.coordinators].some((o) => !o.orgName);
}

function OrgTags({ orgs }: { orgs: PreviewOrg[] }) {
  return (
    <>
      {orgs.map((o, i) => (
        <Tag key={`${o.text}-${i}`} color={o.orgName ? undefined : 'warning'} style={{ whiteSpace: 'normal', marginBlock: 2 }}>
          {o.orgName ?? o.text}
        </Tag>
      ))}
    </>
  );
}

/** The extracted tasks; each row opens its editor. Filters to the ones worth checking first. */
export function TaskTable({ tasks, errorRows, onEdit }: { tasks: PreviewTask[]; errorRows: Set<number>; onEdit: (index: number) => void }) {
  const t = useT('imports');
  const tc = useT('common');
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const [filter, setFilter] = useState<'all' | 'check'>('all');
  const [search, setSearch] = useState('');

  const rows = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('vi');
    return tasks
      .map((task, index) => ({ index, task }))
      .filter((r) => filter === 'all' || needsCheck(r.task) || errorRows.has(r.index))
      .filter((r) => !needle || `${r.task.ordinal} ${r.task.title}`.toLocaleLowerCase('vi').includes(needle));
  }, [tasks, filter, search, errorRows]);
  const toCheck = useMemo(() => tasks.filter(needsCheck).length, [tasks]);

  const edit = (r: Row) => (
    <Button icon={<EditOutlined />} onClick={() => onEdit(r.index)} aria-label={t('task.edit', { ordinal: r.task.ordinal })}>
      {wide ? t('task.editShort') : null}
    </Button>
  );
  const titleCell = (r: Row) => (
    <Flex vertical gap={4}>
      <Typography.Text>
        {wide ? null : <strong>{r.task.ordinal}. </strong>}
        {r.task.title}
      </Typography.Text>
      <div>
        {r.task.leads.length ? <OrgTags orgs={r.task.leads} /> : <Tag color="error">{t('task.noLead')}</Tag>}
        {r.task.confidence < LOW_CONFIDENCE ? <Tag color="orange">{t('task.lowConfidence', { p: Math.round(r.task.confidence * 100) })}</Tag> : null}
        {errorRows.has(r.index) ? <Tag color="error">{t('task.hasError')}</Tag> : null}
      </div>
      {wide ? null : <Typography.Text type="secondary">{r.task.deadline.text}</Typography.Text>}
    </Flex>
  );

  const columns: TableColumnsType<Row> = wide
    ? [
        { key: 'ordinal', title: t('task.ordinal'), width: 80, render: (_, r) => r.task.ordinal },
        { key: 'section', title: tc('section'), width: 70, render: (_, r) => r.task.section },
        { key: 'title', title: t('task.titleAndLeads'), render: (_, r) => titleCell(r) },
        { key: 'deadline', title: tc('deadline'), width: 170, render: (_, r) => r.task.deadline.text },
        { key: 'edit', title: tc('actions'), width: 100, render: (_, r) => edit(r) },
      ]
    : [
        { key: 'title', title: tc('task'), render: (_, r) => titleCell(r) },
        { key: 'edit', title: <VisuallyHidden>{tc('actions')}</VisuallyHidden>, width: 56, render: (_, r) => edit(r) },
      ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Segmented<'all' | 'check'>
          value={filter}
          onChange={(v) => setFilter(v)}
          options={[
            { value: 'all', label: t('task.filterAll', { n: tasks.length }) },
            { value: 'check', label: t('task.filterCheck', { n: toCheck }) },
          ]}
        />
        <Input.Search allowClear value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('task.search')} aria-label={t('task.search')} style={{ maxWidth: 320 }} />
      </Flex>
      <Table<Row>
        size="small"
        rowKey={(r) => r.index}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>{filter === 'check' ? t('task.noneToCheck') : t('task.none')}</EmptyText> }}
      />
    </Flex>
  );
}
