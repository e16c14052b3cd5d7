import { Alert, Button, Card, Checkbox, Flex, Grid, Popconfirm, Progress, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatMonth } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { EvidenceList } from '../reports/EvidenceList.tsx';
import type { ReviewQueueItem } from '../reports/types.ts';
import { DecisionDialog } from './DecisionDialog.tsx';
import { useSelection } from './useSelection.ts';
import { ToneTag } from '../reports/ToneTag.tsx';
import { TextBlock } from '../../components/TextBlock.tsx';

export interface BulkResult {
  accepted: number;
  failed: { id: number; message: string }[];
}

interface Props {
  items: readonly ReviewQueueItem[];
  onAccept(ids: readonly number[]): Promise<BulkResult>;
  onReturn(id: number, comment: string): Promise<void>;
}

function ReportContent({ item }: { item: ReviewQueueItem }) {
  const t = useT('review');
  return (
    <div>
      <TextBlock label={t('results')} text={item.results} />
      <TextBlock label={t('obstacles')} text={item.obstacles} />
      <TextBlock label={t('proposals')} text={item.proposals} />
      <Typography.Text strong>{t('evidence')}</Typography.Text>
      <EvidenceList items={item.evidence} emptyText={t('noEvidence')} />
    </div>
  );
}

function Heading({ item }: { item: ReviewQueueItem }) {
  const t = useT('review');
  return (
    <Flex vertical gap={4}>
      <Link to={`/tasks/${item.task.id}`}>
        <Typography.Text strong>{item.task.ordinal}.</Typography.Text> {item.task.title}
      </Link>
      <Flex gap={6} wrap>
        <Tag>{item.directive.number}</Tag>
        <Tag color="geekblue">{item.org.name}</Tag>
        <Tag>{t('period', { period: formatMonth(item.period.label) })}</Tag>
        {item.late ? <ToneTag tone="volcano">{t('late')}</ToneTag> : null}
        {item.returnCount ? <Tag>{t('resubmitted', { n: item.returnCount })}</Tag> : null}
      </Flex>
    </Flex>
  );
}

/** Submitted reports: read, accept or return with a comment, one by one or the chosen ones at once. */
export function ReportQueue({ items, onAccept, onReturn }: Props) {
  const t = useT('review');
  const screens = Grid.useBreakpoint();
  const phone = !(screens.md ?? true);
  const selection = useSelection(items.map((i) => i.id));
  const [returning, setReturning] = useState<ReviewQueueItem | null>(null);
  const [busy, setBusy] = useState<number | 'bulk' | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);

  async function accept(ids: readonly number[]) {
    setBusy(ids.length === 1 ? (ids[0] ?? null) : 'bulk');
    try {
      const r = await onAccept(ids);
      setResult(r);
      selection.clear();
    } finally {
      setBusy(null);
    }
  }

  const actions = (item: ReviewQueueItem) => (
    <Flex gap={8} wrap>
      <Button type="primary" size="small" loading={busy === item.id} onClick={() => void accept([item.id])} aria-label={t('acceptOne', { period: formatMonth(item.period.label), task: item.task.ordinal, org: item.org.name })}>
        {t('accept')}
      </Button>
      <Button danger size="small" onClick={() => setReturning(item)} aria-label={t('returnOne', { period: formatMonth(item.period.label), task: item.task.ordinal, org: item.org.name })}>
        {t('return')}
      </Button>
    </Flex>
  );

  const toolbar = (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
      {phone ? (
        <Checkbox checked={selection.allSelected} indeterminate={selection.selected.length > 0 && !selection.allSelected} onChange={(e) => selection.setAll(e.target.checked)}>
          {t('selectAll')}
        </Checkbox>
      ) : null}
      <Typography.Text type="secondary" aria-live="polite">
        {t('selected', { n: selection.selected.length })}
      </Typography.Text>
      <Popconfirm title={t('bulkConfirm', { n: selection.selected.length })} onConfirm={() => void accept(selection.selected)} disabled={!selection.selected.length}>
        <Button type="primary" disabled={!selection.selected.length} loading={busy === 'bulk'}>
          {t('bulkAccept', { n: selection.selected.length })}
        </Button>
      </Popconfirm>
    </Flex>
  );

  return (
    <>
      {result ? (
        <Alert
          type={result.failed.length ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setResult(null) }}
          style={{ marginBottom: 12 }}
          title={t('bulkDone', { n: result.accepted })}
          description={result.failed.length ? result.failed.map((f) => <div key={f.id}>{t('bulkFailed', { id: f.id, message: f.message })}</div>) : undefined}
        />
      ) : null}
      {toolbar}
      {phone ? (
        <Flex vertical gap={12}>
          {items.length ? null : <Typography.Text type="secondary">{t('queueEmpty')}</Typography.Text>}
          {items.map((item) => (
            <Card key={item.id} size="small">
              <Flex vertical gap={8}>
                <Checkbox checked={selection.selected.includes(item.id)} onChange={(e) => selection.toggle(item.id, e.target.checked)} aria-label={t('chooseOne', { task: item.task.ordinal, org: item.org.name })}>
                  {t('choose')}
                </Checkbox>
                <Heading item={item} />
                <Progress percent={item.progress} size="small" aria-label={t('progress')} />
                <Typography.Text type="secondary">{t('submittedAt', { time: formatDateTime(item.submittedAt) })}</Typography.Text>
                <details>
                  <summary>{t('readReport')}</summary>
                  <ReportContent item={item} />
                </details>
                {actions(item)}
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<ReviewQueueItem>
          rowKey="id"
          dataSource={[...items]}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          // No scroll.x: its hidden measure row would copy the select-all checkbox (focusable inside aria-hidden).
          // The table shows from 768 px up only; phones get cards.
          locale={{ emptyText: t('queueEmpty') }}
          rowSelection={{
            selectedRowKeys: [...selection.selected],
            onChange: (keys) => selection.set(keys.map(Number)),
            getCheckboxProps: (item) => ({ 'aria-label': t('chooseOne', { task: item.task.ordinal, org: item.org.name }) }),
            columnTitle: (node) => node,
          }}
          expandable={{ expandedRowRender: (item) => <ReportContent item={item} /> }}
          columns={[
            { key: 'task', title: t('col.task'), render: (_v, item) => <Heading item={item} /> },
            { key: 'progress', title: t('progress'), width: 130, render: (_v, item) => <Progress percent={item.progress} size="small" aria-label={t('progress')} /> },
            { key: 'submitted', title: t('col.submitted'), width: 150, render: (_v, item) => formatDateTime(item.submittedAt) },
            { key: 'actions', title: t('col.actions'), width: 190, render: (_v, item) => actions(item) },
          ]}
        />
      )}
      <DecisionDialog
        open={returning !== null}
        title={t('returnTitle')}
        commentLabel={t('returnComment')}
        required
        danger
        okText={t('return')}
        onCancel={() => setReturning(null)}
        onConfirm={async (comment) => {
          if (!returning) return;
          await onReturn(returning.id, comment);
          setReturning(null);
        }}
      >
        {returning ? <Typography.Paragraph>{`${returning.task.ordinal}. ${returning.task.title} — ${returning.org.name}`}</Typography.Paragraph> : null}
      </DecisionDialog>
    </>
  );
}
