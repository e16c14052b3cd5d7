import { Button, Card, Flex, Grid, List, Table, Typography } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { IndicatorColourTag, type IndicatorColour } from './IndicatorColourTag.tsx';
import { LatestValue } from './IndicatorValueText.tsx';
import type { Indicator } from './types.ts';

export interface IndicatorRowActions {
  onTrend: (indicator: Indicator) => void;
  onEnter: (indicator: Indicator) => void;
  canEnter: (indicator: Indicator) => boolean;
}

function Actions({ indicator, actions }: { indicator: Indicator; actions: IndicatorRowActions }) {
  const t = useT('indicators');
  return (
    <Flex gap={8} wrap>
      <Button size="small" onClick={() => actions.onTrend(indicator)} aria-label={`${t('trend')}: ${indicator.code}. ${indicator.name}`}>
        {t('trend')}
      </Button>
      {actions.canEnter(indicator) ? (
        <Button size="small" type="primary" onClick={() => actions.onEnter(indicator)} aria-label={`${t('enter')}: ${indicator.code}. ${indicator.name}`}>
          {t('enter')}
        </Button>
      ) : null}
    </Flex>
  );
}

function Target({ indicator }: { indicator: Indicator }) {
  const t = useT('indicators');
  return (
    <span>
      {indicator.target.text}
      {indicator.horizonYear ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {' '}
          ({t('horizon', { year: String(indicator.horizonYear) })})
        </Typography.Text>
      ) : null}
    </span>
  );
}

/** The indicators of a directive: a table on a desk, cards on a phone; sub-indicators indented under their parent. */
export function IndicatorTable({ indicators, actions }: { indicators: Indicator[]; actions: IndicatorRowActions }) {
  const t = useT('indicators');
  const phone = !(Grid.useBreakpoint().md ?? true);
  if (phone) {
    return (
      <List
        dataSource={indicators}
        rowKey="id"
        split={false}
        renderItem={(i) => (
          <List.Item style={{ display: 'block', padding: '0 0 12px', marginInlineStart: i.parentId ? 12 : 0 }}>
            <Card size="small">
              <Flex justify="space-between" gap={8} align="flex-start">
                <Typography.Text strong>
                  {i.code}. {i.name}
                  {i.unit ? ` (${i.unit})` : ''}
                </Typography.Text>
                <IndicatorColourTag colour={i.colour as IndicatorColour} />
              </Flex>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0', fontSize: 13 }}>
                {t('col.target')}: <Target indicator={i} />
              </Typography.Paragraph>
              <div style={{ marginBottom: 8 }}>
                <LatestValue value={i.latest} unit={i.unit} />
              </div>
              <Actions indicator={i} actions={actions} />
            </Card>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<Indicator>
      rowKey="id"
      dataSource={indicators}
      pagination={false}
      size="middle"
      scroll={{ x: true }}
      columns={[
        { key: 'code', title: t('col.code'), dataIndex: 'code', width: 70 },
        {
          key: 'name',
          title: t('col.name'),
          minWidth: 260,
          render: (_, i) => (
            <span style={{ paddingInlineStart: i.parentId ? 16 : 0, display: 'block' }}>
              {i.name}
              {i.unit ? <Typography.Text type="secondary"> ({i.unit})</Typography.Text> : null}
            </span>
          ),
        },
        { key: 'target', title: t('col.target'), width: 220, render: (_, i) => <Target indicator={i} /> },
        { key: 'latest', title: t('col.latest'), width: 190, render: (_, i) => <LatestValue value={i.latest} unit={i.unit} /> },
        { key: 'colour', title: t('col.colour'), width: 110, render: (_, i) => <IndicatorColourTag colour={i.colour as IndicatorColour} /> },
        { key: 'monitors', title: t('col.monitors'), width: 180, render: (_, i) => i.monitors.map((m) => m.name).join('; ') },
        { key: 'actions', title: t('col.actions'), width: 120, render: (_, i) => <Actions indicator={i} actions={actions} /> },
      ]}
    />
  );
}
