import { Button, Flex, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/index.tsx';
import { directivesOf, filterWork } from './filterWork.ts';
import { usePeriodWork } from './queries.ts';
import { isPeriodReportState } from './ReportStateTag.tsx';
import { PERIOD_REPORT_STATES } from './types.ts';
import { WorkList } from './WorkList.tsx';

/** "Báo cáo của đơn vị": every open assignment of the agency and where its report of this period stands. */
export default function MyReportsPage() {
  const t = useT('reports');
  const tc = useT('common');
  const [params, setParams] = useSearchParams();
  const rawState = params.get('state') ?? '';
  const state = isPeriodReportState(rawState) ? rawState : undefined;
  const directiveId = Number(params.get('directiveId')) || undefined;
  const work = usePeriodWork();
  const items = work.data?.items;
  const { rows, counts, total } = useMemo(() => filterWork(items ?? [], { state, directiveId }), [items, state, directiveId]);
  const directives = useMemo(() => directivesOf(items ?? []), [items]);

  const setFilter = (key: 'state' | 'directiveId', value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      {work.isPending ? <Loading /> : null}
      {work.isError ? <ErrorState error={work.error} onRetry={() => void work.refetch()} /> : null}
      {work.data ? (
        <Flex vertical gap={16}>
          <Flex gap={12} wrap align="flex-end">
            <label style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 220, flex: '1 1 220px', maxWidth: 320 }}>
              <Typography.Text type="secondary">{t('filter.state')}</Typography.Text>
              <Select
                aria-label={t('filter.state')}
                value={state ?? ''}
                onChange={(v: string) => setFilter('state', v)}
                options={[{ value: '', label: `${t('filter.allStates')} (${total})` }, ...PERIOD_REPORT_STATES.map((s) => ({ value: s, label: `${t(`state.${s}`)} (${counts[s]})` }))]}
              />
            </label>
            <label style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 220, flex: '1 1 220px', maxWidth: 320 }}>
              <Typography.Text type="secondary">{t('filter.directive')}</Typography.Text>
              <Select
                aria-label={t('filter.directive')}
                value={directiveId ?? 0}
                onChange={(v: number) => setFilter('directiveId', v || undefined)}
                options={[{ value: 0, label: t('filter.allDirectives') }, ...directives.map((d) => ({ value: d.id, label: d.number }))]}
              />
            </label>
            {state || directiveId ? <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{tc('clearFilters')}</Button> : null}
          </Flex>
          <WorkList items={rows} today={work.data.today} empty={work.data.items.length ? t('empty') : t('emptyAll')} />
        </Flex>
      ) : null}
    </>
  );
}
