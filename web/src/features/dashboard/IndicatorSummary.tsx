import { Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import { formatMonth } from '../../format.ts';
import { formatNumber, useLocale, useT } from '../../i18n/index.tsx';
import { ColourTag, INDICATOR_COLOURS, IndicatorColourTag } from '../indicators/IndicatorColourTag.tsx';
import type { Dashboard } from './types.ts';

const SHOWN = 8;

/** How many indicators are met, behind, at risk or not yet measured, and the ones needing attention first. */
export function IndicatorSummary({ indicators, directiveId }: { indicators: Dashboard['indicators']; directiveId?: number }) {
  const t = useT('dashboard');
  const ti = useT('indicators');
  const { locale } = useLocale();
  if (!indicators.total) return <Typography.Text type="secondary">{t('indicators.empty')}</Typography.Text>;
  const link = directiveId ? `/indicators?directiveId=${directiveId}` : '/indicators';
  const items = indicators.items.slice(0, SHOWN);
  const value = (i: (typeof items)[number]) =>
    i.latestValue !== null ? `${formatNumber(i.latestValue, locale)}${i.unit ? ` ${i.unit}` : ''}` : (i.latestText ?? t('indicators.noValue'));
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8}>
        {INDICATOR_COLOURS.map((c) => (
          <ColourTag key={c} colour={c} large>
            {ti(`colour.${c}`)}: {formatNumber(indicators.byColour[c], locale)}
          </ColourTag>
        ))}
      </Flex>
      <List
        size="small"
        dataSource={items}
        rowKey="id"
        renderItem={(i) => (
          <List.Item style={{ display: 'block', paddingInline: 0 }}>
            <Flex justify="space-between" gap={8} align="flex-start">
              <Typography.Text>
                {i.directiveNumber} · {i.code}. {i.name}
              </Typography.Text>
              <IndicatorColourTag colour={i.colour} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
              {t('indicators.target')}: {i.targetText} — {t('indicators.latest')}: {value(i)}
              {i.latestPeriod ? ` (${formatMonth(i.latestPeriod)})` : ''}
            </Typography.Text>
          </List.Item>
        )}
      />
      {indicators.total > items.length ? <Typography.Text type="secondary">{t('indicators.more', { n: indicators.total - items.length })}</Typography.Text> : null}
      <Link to={link}>{t('indicators.open')}</Link>
    </Flex>
  );
}
