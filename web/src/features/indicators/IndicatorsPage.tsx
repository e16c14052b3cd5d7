import { Alert, Card, Empty, Flex, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUser } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatNumber, useLocale, useT } from '../../i18n/index.tsx';
import { READABLE_SELECT_STYLES } from '../dashboard/selectStyles.ts';
import { useDashboardOptions } from '../dashboard/queries.ts';
import { ColourTag, INDICATOR_COLOURS } from './IndicatorColourTag.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { canEnterValue, canVerifyValue } from './permissions.ts';
import { useDirective, useIndicators } from './queries.ts';
import { TrendDrawer } from './TrendDrawer.tsx';
import type { Indicator } from './types.ts';
import { ValueEntryModal } from './ValueEntryModal.tsx';

/** Indicators per directive: target, latest value and colour, a trend per indicator, value entry and verification. */
export default function IndicatorsPage() {
  const t = useT('indicators');
  const { locale } = useLocale();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const options = useDashboardOptions();
  const withIndicators = useMemo(() => (options.data?.directives ?? []).filter((d) => d.indicators > 0), [options.data]);
  const asked = Number(params.get('directiveId')) || undefined;
  // Without a choice in the address: the user's own directive (the one its org coordinates) first.
  const directiveId = asked ?? (withIndicators.find((d) => d.coordinatorOrgId === user.orgId) ?? withIndicators[0])?.id;
  const indicators = useIndicators(directiveId);
  const directive = useDirective(directiveId);
  const [trendId, setTrendId] = useState<number | null>(null);
  const [entering, setEntering] = useState<Indicator | null>(null);
  const list = useMemo(() => indicators.data ?? [], [indicators.data]);
  // The drawer reads the indicator from the list, so a verification shows at once.
  const trendIndicator = list.find((i) => i.id === trendId) ?? null;
  const counts = useMemo(() => {
    const c = { green: 0, orange: 0, red: 0, grey: 0 };
    for (const i of list) c[i.colour] += 1;
    return c;
  }, [list]);

  const selectId = 'indicator-directive';
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      {options.isPending ? (
        <Loading />
      ) : options.isError ? (
        <ErrorState error={options.error} onRetry={() => void options.refetch()} />
      ) : !withIndicators.length && !asked ? (
        <Card>
          <Empty description={t('noDirectives')} />
        </Card>
      ) : (
        <>
          <Flex vertical gap={4} style={{ marginBottom: 16, maxWidth: 720 }}>
            <label htmlFor={selectId} style={{ fontWeight: 500 }}>
              {t('directive')}
            </label>
            <Select
              id={selectId}
              styles={READABLE_SELECT_STYLES}
              value={directiveId}
              placeholder={t('chooseDirective')}
              onChange={(id: number) => setParams({ directiveId: String(id) }, { replace: true })}
              options={(options.data?.directives ?? []).map((d) => ({ value: d.id, label: `${d.number} — ${d.title} (${t('indicatorCount', { n: d.indicators })})` }))}
              optionRender={(opt) => <span style={{ whiteSpace: 'normal' }}>{opt.label}</span>}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Flex>
          {indicators.isPending ? (
            <Loading />
          ) : indicators.isError ? (
            <ErrorState error={indicators.error} onRetry={() => void indicators.refetch()} />
          ) : !list.length ? (
            <Card>
              <Empty description={t('empty')} />
            </Card>
          ) : (
            <>
              <Flex wrap gap={8} style={{ marginBottom: 8 }}>
                {INDICATOR_COLOURS.map((c) => (
                  <ColourTag key={c} colour={c} large>
                    {t(`colour.${c}`)}: {formatNumber(counts[c], locale)}
                  </ColourTag>
                ))}
              </Flex>
              <Alert type="info" title={t('colour.legend')} style={{ marginBottom: 16 }} />
              <IndicatorTable
                indicators={list}
                actions={{ onTrend: (i) => setTrendId(i.id), onEnter: setEntering, canEnter: (i) => canEnterValue(user, i, directive.data) }}
              />
            </>
          )}
        </>
      )}
      {trendIndicator ? <TrendDrawer indicator={trendIndicator} canVerify={canVerifyValue(user, directive.data)} onClose={() => setTrendId(null)} /> : null}
      {entering ? <ValueEntryModal indicator={entering} onClose={() => setEntering(null)} /> : null}
    </>
  );
}
