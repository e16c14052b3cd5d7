import { Alert, Button, Card, DatePicker, Empty, Flex, Grid, List, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isAgencyRole, useUser, useToday } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatMonth } from '../../format.ts';
import { formatNumber, useLocale, useT } from '../../i18n/index.tsx';
import { READABLE_SELECT_STYLES } from '../dashboard/selectStyles.ts';
import { useDashboardOptions } from '../dashboard/queries.ts';
import { BandTag } from './BandTag.tsx';
import { shiftMonth } from './bands.ts';
import { useScores } from './queries.ts';
import { ScoreBreakdown } from './ScoreBreakdown.tsx';
import { ScoreHistoryChart } from './ScoreHistoryChart.tsx';
import type { ScoreRow } from './types.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Read by screen readers, not shown: the expand column's header. */
const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** Why a score is what it is, and how it moved over the year. */
function ScoreDetails({ row, period, directiveId }: { row: ScoreRow; period: string; directiveId?: number }) {
  const t = useT('scores');
  return (
    <Flex wrap gap={24}>
      <div style={{ flex: '1 1 320px', minWidth: 0 }}>
        <ScoreBreakdown row={row} />
      </div>
      <div style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Typography.Text strong>{t('history.title')}</Typography.Text>
        <ScoreHistoryChart orgId={row.orgId} period={period} directiveId={directiveId} />
      </div>
    </Flex>
  );
}

function Total({ row }: { row: ScoreRow }) {
  const { locale } = useLocale();
  return <Typography.Text strong style={{ fontSize: 16 }}>{formatNumber(row.score.total, locale, 1)}</Typography.Text>;
}

/** The ranking for a month: one card per agency on a phone, each opening its breakdown. */
function ScoreCards({ rows, period, directiveId, initiallyOpen }: { rows: ScoreRow[]; period: string; directiveId?: number; initiallyOpen: boolean }) {
  const t = useT('scores');
  const [open, setOpen] = useState<number | null>(initiallyOpen ? (rows[0]?.orgId ?? null) : null);
  return (
    <List
      dataSource={rows}
      rowKey="orgId"
      split={false}
      renderItem={(row) => (
        <List.Item style={{ display: 'block', padding: '0 0 12px' }}>
          <Card size="small">
            <Flex justify="space-between" gap={8} align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Typography.Text type="secondary">{t('mobile.rank', { rank: row.rank })}</Typography.Text>
                <Typography.Text strong style={{ display: 'block' }}>
                  {row.orgName}
                </Typography.Text>
              </div>
              <Total row={row} />
            </Flex>
            <div style={{ margin: '8px 0' }}>
              <BandTag band={row.score.band} />
            </div>
            <Button size="small" aria-expanded={open === row.orgId} onClick={() => setOpen(open === row.orgId ? null : row.orgId)}>
              {t('details')}
            </Button>
            {open === row.orgId ? (
              <div style={{ marginTop: 12 }}>
                <ScoreDetails row={row} period={period} directiveId={directiveId} />
              </div>
            ) : null}
          </Card>
        </List.Item>
      )}
    />
  );
}

export default function ScoresPage() {
  const t = useT('scores');
  const user = useUser();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [params, setParams] = useSearchParams();
  // The server's business date (the demo runs on its own): months after it are in the future.
  const today = useToday();
  const currentMonth = today.slice(0, 7);
  // The last full month by default: the current one is still being reported.
  const askedPeriod = params.get('period');
  const period = askedPeriod && MONTH.test(askedPeriod) ? askedPeriod : shiftMonth(currentMonth, -1);
  const directiveId = Number(params.get('directiveId')) || undefined;
  const options = useDashboardOptions();
  const scores = useScores(period, directiveId);
  const agency = isAgencyRole(user.role);
  const periodId = useId();
  const directiveSelectId = useId();

  const set = (change: { period?: string; directiveId?: number }) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };
  const rows = scores.data ?? [];

  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 12, marginBottom: 16, maxWidth: 760 }}>
        <Flex vertical gap={4}>
          <label htmlFor={periodId} style={{ fontWeight: 500 }}>
            {t('period')}
          </label>
          <DatePicker
            id={periodId}
            picker="month"
            format="MM/YYYY"
            allowClear={false}
            value={dayjs(`${period}-01`)}
            disabledDate={(d) => d.format('YYYY-MM') > currentMonth}
            onChange={(d) => d && set({ period: d.format('YYYY-MM') })}
          />
        </Flex>
        <Flex vertical gap={4}>
          <label htmlFor={directiveSelectId} style={{ fontWeight: 500 }}>
            {t('directive')}
          </label>
          <Select
            id={directiveSelectId}
            allowClear
            placeholder={t('allDirectives')}
            value={directiveId}
            loading={options.isPending}
            onChange={(v: number | undefined) => set({ directiveId: v })}
            options={(options.data?.directives ?? []).map((d) => ({ value: d.id, label: `${d.number} — ${d.title}` }))}
            optionRender={(opt) => <span style={{ whiteSpace: 'normal' }}>{opt.label}</span>}
            popupMatchSelectWidth={false}
            styles={READABLE_SELECT_STYLES}
          />
        </Flex>
      </div>
      {agency ? <Alert type="info" title={t('ownOnly')} style={{ marginBottom: 16 }} /> : null}
      {scores.isPending ? (
        <Loading />
      ) : scores.isError ? (
        <ErrorState error={scores.error} onRetry={() => void scores.refetch()} />
      ) : !rows.length ? (
        <Card>
          <Empty description={t('empty', { period: formatMonth(period) })} />
        </Card>
      ) : phone ? (
        <ScoreCards key={`${period}-${directiveId ?? ''}`} rows={rows} period={period} directiveId={directiveId} initiallyOpen={agency} />
      ) : (
        <div style={{ opacity: scores.isPlaceholderData ? 0.6 : 1 }}>
          <Table<ScoreRow>
            rowKey="orgId"
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: true }}
            expandable={{
              expandedRowRender: (row) => <ScoreDetails row={row} period={period} directiveId={directiveId} />,
              defaultExpandedRowKeys: agency ? rows.map((r) => r.orgId) : [],
              columnTitle: <span style={VISUALLY_HIDDEN}>{t('details')}</span>,
            }}
            columns={[
              { key: 'rank', title: t('col.rank'), dataIndex: 'rank', width: 80 },
              { key: 'agency', title: t('col.agency'), dataIndex: 'orgName' },
              { key: 'total', title: t('col.total'), width: 120, render: (_, row) => <Total row={row} /> },
              { key: 'band', title: t('col.band'), width: 260, render: (_, row) => <BandTag band={row.score.band} /> },
            ]}
          />
        </div>
      )}
    </>
  );
}
