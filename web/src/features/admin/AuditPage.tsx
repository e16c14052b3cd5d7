import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Grid, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Page, User } from '../../api/types.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { DATE_FORMAT, toDayjs } from '../imports/dates.ts';
import { AuditChange } from './AuditChange.tsx';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, isOneOf } from './labels.ts';
import { EmptyText } from './EmptyText.tsx';
import { RequireRole } from './RequireRole.tsx';
import type { AuditEntry } from './types.ts';

const PAGE_SIZE = 30;

/** /admin/audit — who changed what and when (admin, inspector); read-only like the log itself. */
export default function AuditPage() {
  return (
    <RequireRole roles={['admin', 'inspector']}>
      <Audit />
    </RequireRole>
  );
}

function Audit() {
  const t = useT('admin');
  const tc = useT('common');
  const wide = Grid.useBreakpoint().md ?? true;
  // Filters live in the address: a filtered view can be reloaded and shared.
  const [params, setParams] = useSearchParams();
  const filter = {
    actorUserId: Number(params.get('user')) || undefined,
    entityType: params.get('entity') ?? undefined,
    action: params.get('action') ?? undefined,
    fromDay: params.get('from') ?? undefined,
    toDay: params.get('to') ?? undefined,
    page: Number(params.get('page')) || 1,
  };
  const set = (changes: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const users = useQuery({ queryKey: ['users', 'all-for-audit'], queryFn: ({ signal }) => api.get<Page<User>>('/api/users', { pageSize: 200 }, signal), staleTime: 60_000 });
  const log = useQuery({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) =>
      api.get<Page<AuditEntry>>(
        '/api/audit',
        {
          actorUserId: filter.actorUserId,
          entityType: filter.entityType,
          action: filter.action,
          // Whole days in Vietnam's time.
          from: filter.fromDay ? `${filter.fromDay}T00:00:00+07:00` : undefined,
          to: filter.toDay ? `${filter.toDay}T23:59:59.999+07:00` : undefined,
          page: filter.page,
          pageSize: PAGE_SIZE,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  const entityLabel = (e: string) => (isOneOf(AUDIT_ENTITY_TYPES, e) ? t(`entity.${e}`) : e);
  const actionLabel = (a: string) => (isOneOf(AUDIT_ACTIONS, a) ? t(`action.${a}`) : a);
  const filtered = Boolean(filter.actorUserId || filter.entityType || filter.action || filter.fromDay || filter.toDay);

  const columns: TableColumnsType<AuditEntry> = wide
    ? [
        { key: 'at', title: t('audit.at'), width: 150, render: (_, e) => formatDateTime(e.at) },
        { key: 'actor', title: t('audit.actor'), width: 160, render: (_, e) => e.actor },
        { key: 'action', title: t('audit.action'), width: 170, render: (_, e) => <Tag>{actionLabel(e.action)}</Tag> },
        { key: 'entity', title: t('audit.entity'), render: (_, e) => `${entityLabel(e.entityType)}${e.entityId ? ` #${e.entityId}` : ''}` },
        { key: 'ip', title: t('audit.ip'), width: 130, render: (_, e) => e.ip ?? '—' },
      ]
    : [
        {
          key: 'all',
          title: t('audit.entry'),
          render: (_, e) => (
            <Flex vertical gap={2}>
              <Typography.Text type="secondary">{formatDateTime(e.at)} · {e.actor}</Typography.Text>
              <span>
                <Tag>{actionLabel(e.action)}</Tag> {entityLabel(e.entityType)}
                {e.entityId ? ` #${e.entityId}` : ''}
              </span>
            </Flex>
          ),
        },
      ];

  return (
    <>
      <PageTitle title={t('audit.title')} subtitle={log.data ? t('audit.count', { n: log.data.total }) : undefined} />
      <Card>
        <Flex vertical gap={12}>
          <Flex gap={8} wrap>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('audit.filterUser')}
              placeholder={t('audit.filterUser')}
              value={filter.actorUserId ?? null}
              onChange={(v) => set({ user: v })}
              loading={users.isPending}
              options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }))}
              style={{ flex: '1 1 220px', maxWidth: 300 }}
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('audit.filterEntity')}
              placeholder={t('audit.filterEntity')}
              value={filter.entityType ?? null}
              onChange={(v) => set({ entity: v })}
              options={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: t(`entity.${e}`) }))}
              style={{ flex: '1 1 200px', maxWidth: 260 }}
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('audit.filterAction')}
              placeholder={t('audit.filterAction')}
              value={filter.action ?? null}
              onChange={(v) => set({ action: v })}
              options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`action.${a}`) }))}
              style={{ flex: '1 1 180px', maxWidth: 240 }}
            />
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              aria-label={t('audit.filterDates')}
              placeholder={[t('audit.from'), t('audit.to')]}
              value={[toDayjs(filter.fromDay), toDayjs(filter.toDay)]}
              onChange={(range: [Dayjs | null, Dayjs | null] | null) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
              allowEmpty={[true, true]}
              style={{ flex: '1 1 240px', maxWidth: 300 }}
            />
            {filtered ? <Button onClick={() => setParams(new URLSearchParams())}>{tc('clearFilters')}</Button> : null}
          </Flex>
          {log.isError ? (
            <ErrorState error={log.error} onRetry={() => void log.refetch()} />
          ) : (
            <Table<AuditEntry>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={log.data?.items ?? []}
              loading={log.isFetching}
              expandable={{ expandedRowRender: (e) => <AuditChange entry={e} />, rowExpandable: (e) => e.before !== null || e.after !== null }}
              pagination={{ current: filter.page, pageSize: PAGE_SIZE, total: log.data?.total ?? 0, onChange: (p) => set({ page: p }), showSizeChanger: false, hideOnSinglePage: true }}
              locale={{ emptyText: <EmptyText>{filtered ? t('audit.noMatch') : t('audit.none')}</EmptyText> }}
            />
          )}
        </Flex>
      </Card>
    </>
  );
}
