import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Indicator } from '../../api/types.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { formatNumber, useLocale, useT, type Locale } from '../../i18n/index.tsx';

const COLOURS = ['green', 'orange', 'red', 'grey'] as const;
const TAG_COLOUR: Record<(typeof COLOURS)[number], string> = { green: 'success', orange: 'warning', red: 'error', grey: 'default' };
/** The first indicators are shown; the indicators page holds the rest with their history. */
const SHOWN = 8;

function latestText(i: Indicator, locale: Locale): string {
  if (!i.latest) return '';
  if (i.latest.valueNumber !== null) return `${formatNumber(i.latest.valueNumber, locale)}${i.unit ? ` ${i.unit}` : ''}`;
  return i.latest.valueText ?? '';
}

export function IndicatorSummary({ directiveId }: { directiveId: number }) {
  const t = useT('directives');
  const { locale } = useLocale();
  const indicators = useQuery({ queryKey: ['indicators', directiveId], queryFn: ({ signal }) => api.get<Indicator[]>(`/api/directives/${directiveId}/indicators`, undefined, signal) });
  const content = () => {
    if (indicators.isError) return <ErrorState error={indicators.error} onRetry={() => void indicators.refetch()} />;
    if (!indicators.data) return <Spin style={{ display: 'block', padding: 24 }} />;
    const list = indicators.data;
    if (!list.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicatorsEmpty')} />;
    return (
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <Typography.Text strong>{t('indicatorsCount', { n: list.length })}</Typography.Text>
          {COLOURS.map((c) => {
            const n = list.filter((i) => i.colour === c).length;
            return n ? (
              <Tag key={c} color={TAG_COLOUR[c]}>
                {t(`colour.${c}`)}: {formatNumber(n, locale)}
              </Tag>
            ) : null;
          })}
        </Flex>
        <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
          {list.slice(0, SHOWN).map((i) => (
            <li key={i.id} style={{ padding: '6px 0', borderTop: '1px solid rgba(5, 5, 5, 0.06)' }}>
              <Flex justify="space-between" gap={8} align="flex-start">
                <span style={{ overflowWrap: 'anywhere' }}>
                  {i.code ? `${i.code}. ` : ''}
                  {i.name}
                </span>
                <Tag color={TAG_COLOUR[i.colour]} style={{ marginInlineEnd: 0 }}>
                  {t(`colour.${i.colour}`)}
                </Tag>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {[i.target.text ? t('indicator.target', { target: i.target.text }) : '', latestText(i, locale) ? t('indicator.latest', { value: latestText(i, locale) }) : ''].filter(Boolean).join(' · ')}
              </Typography.Text>
            </li>
          ))}
        </ul>
        <Link to={`/indicators?directiveId=${directiveId}`}>{t('indicatorsAll')}</Link>
      </Flex>
    );
  };
  return (
    <Card title={t('indicators')} size="small" style={{ marginBottom: 16 }}>
      {content()}
    </Card>
  );
}
