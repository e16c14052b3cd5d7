import { Typography } from 'antd';
import { formatMonth } from '../../format.ts';
import { formatNumber, useLocale, useT } from '../../i18n/index.tsx';
import { ColourTag } from './IndicatorColourTag.tsx';
import type { IndicatorValue } from './types.ts';

export function useFormatValue() {
  const { locale } = useLocale();
  return (value: Pick<IndicatorValue, 'valueNumber' | 'valueText'>, unit: string | null) =>
    value.valueNumber !== null ? `${formatNumber(value.valueNumber, locale)}${unit && unit !== '%' ? ` ${unit}` : (unit ?? '')}` : (value.valueText ?? '');
}

export function ValueStateTag({ state }: { state: string }) {
  const t = useT('indicators');
  const key = state === 'verified' ? 'state.verified' : state === 'returned' ? 'state.returned' : 'state.entered';
  return (
    <ColourTag colour={state === 'verified' ? 'green' : state === 'returned' ? 'red' : 'orange'}>{t(key)}</ColourTag>
  );
}

/** The latest value with its unit, period and whether it is verified; "no value yet" otherwise. */
export function LatestValue({ value, unit }: { value: IndicatorValue | null; unit: string | null }) {
  const t = useT('indicators');
  const format = useFormatValue();
  if (!value) return <Typography.Text type="secondary">{t('noValue')}</Typography.Text>;
  return (
    <span>
      <Typography.Text strong>{format(value, unit)}</Typography.Text>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        ({t('ofPeriod', { period: formatMonth(value.period) })})
      </Typography.Text>{' '}
      <ValueStateTag state={value.state} />
    </span>
  );
}
