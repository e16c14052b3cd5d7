import { App, Button, Descriptions, Drawer, Flex, Grid, List, Typography } from 'antd';
import { errorMessage } from '../../components/ErrorState.tsx';
import { formatMonth } from '../../format.ts';
import { useLocale, useT } from '../../i18n/index.tsx';
import { IndicatorColourTag, type IndicatorColour } from './IndicatorColourTag.tsx';
import { useFormatValue, ValueStateTag } from './IndicatorValueText.tsx';
import { useVerifyValue } from './queries.ts';
import { TrendChart } from './TrendChart.tsx';
import type { Indicator, IndicatorValue } from './types.ts';

function VerifyButtons({ value }: { value: IndicatorValue }) {
  const t = useT('indicators');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const verify = useVerifyValue();
  const decide = (decision: 'verify' | 'return') =>
    verify.mutate(
      { valueId: value.id, decision },
      {
        onSuccess: () => void message.success(t(decision === 'verify' ? 'verified' : 'returned', { period: formatMonth(value.period) })),
        onError: (err) => void message.error(errorMessage(err, locale, tc('unknownError'))),
      },
    );
  return (
    <Flex gap={8} wrap>
      <Button size="small" type="primary" loading={verify.isPending && verify.variables?.decision === 'verify'} onClick={() => decide('verify')}>
        {t('verify')}
      </Button>
      <Button size="small" danger loading={verify.isPending && verify.variables?.decision === 'return'} onClick={() => decide('return')}>
        {t('return')}
      </Button>
    </Flex>
  );
}

/** One indicator: its target, trend chart and values by period; the coordinator verifies or returns new values. */
export function TrendDrawer({ indicator, canVerify, onClose }: { indicator: Indicator; canVerify: boolean; onClose: () => void }) {
  const t = useT('indicators');
  const format = useFormatValue();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const history = [...indicator.history].reverse();
  return (
    <Drawer open onClose={onClose} size={phone ? '100%' : 640} title={<span style={{ whiteSpace: 'normal' }}>{t('trendOf', { name: `${indicator.code}. ${indicator.name}` })}</span>}>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('col.target')}>
          {indicator.target.text}
          {indicator.horizonYear ? ` (${t('horizon', { year: String(indicator.horizonYear) })})` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('col.colour')}>
          <IndicatorColourTag colour={indicator.colour as IndicatorColour} />
        </Descriptions.Item>
        <Descriptions.Item label={t('col.monitors')}>{indicator.monitors.map((m) => m.name).join('; ')}</Descriptions.Item>
      </Descriptions>
      <TrendChart indicator={indicator} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('history.title')}
      </Typography.Title>
      <List
        dataSource={history}
        rowKey="id"
        locale={{ emptyText: t('history.empty') }}
        renderItem={(v) => (
          <List.Item style={{ display: 'block' }}>
            <Flex justify="space-between" wrap gap={8} align="center">
              <Typography.Text strong>
                {formatMonth(v.period)}: {format(v, indicator.unit)}
              </Typography.Text>
              <ValueStateTag state={v.state} />
            </Flex>
            {v.source ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {t('history.source')}: {v.source}
              </Typography.Text>
            ) : null}
            {canVerify && v.state === 'entered' ? (
              <div style={{ marginTop: 8 }}>
                <VerifyButtons value={v} />
              </div>
            ) : null}
          </List.Item>
        )}
      />
    </Drawer>
  );
}
