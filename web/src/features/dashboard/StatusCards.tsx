import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import type { StatusClass } from '../../api/types.ts';
import { STATUS_COLORS, STATUS_ORDER } from '../../components/StatusTag.tsx';
import { formatNumber, useLocale, useT } from '../../i18n/index.tsx';
import { type DashboardFilters, taskListLink } from './filters.ts';
import { type Trend, trendOf } from './trend.ts';
import type { Dashboard } from './types.ts';

// Dark enough to read as small text on white (WCAG AA).
const MOOD_COLOUR = { better: '#237804', worse: '#cf1322', neutral: '#595959' } as const;

function TrendLine({ trend }: { trend: Trend }) {
  const t = useT('dashboard');
  const icon = trend.direction === 'up' ? <ArrowUpOutlined aria-hidden /> : trend.direction === 'down' ? <ArrowDownOutlined aria-hidden /> : <MinusOutlined aria-hidden />;
  const text = trend.direction === 'flat' ? t('cards.same') : t(trend.direction === 'up' ? 'cards.up' : 'cards.down', { n: Math.abs(trend.delta) });
  return (
    <Typography.Text style={{ color: MOOD_COLOUR[trend.mood], fontSize: 13 }}>
      {icon} {text}
    </Typography.Text>
  );
}

function NumberCard({ to, label, value, colour, trend, detail }: { to: string; label: string; value: number; colour: string; trend?: Trend; detail?: string }) {
  const t = useT('dashboard');
  const { locale } = useLocale();
  return (
    <Link to={to} style={{ display: 'block', height: '100%' }} aria-label={t('a11y.numberLink', { n: value, label })}>
      <Card size="small" hoverable style={{ height: '100%', borderTop: `4px solid ${colour}` }} styles={{ body: { padding: 12 } }}>
        <Typography.Text type="secondary" style={{ display: 'block', lineHeight: 1.3 }}>
          {label}
        </Typography.Text>
        {/* The number in dark ink (some status hues are too light for text); the colour is in the top border. */}
        <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.25 }}>
          {formatNumber(value, locale)}
        </div>
        {detail ? (
          <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
            {detail}
          </Typography.Text>
        ) : null}
        {trend ? <TrendLine trend={trend} /> : null}
      </Card>
    </Link>
  );
}

/** The count of every status class, each with its change since the end of last month and a link to its tasks. */
export function StatusCards({ data, filters }: { data: Dashboard; filters: DashboardFilters }) {
  const t = useT('dashboard');
  const tc = useT('common');
  const count = (s: StatusClass) => data.byStatus[s] ?? 0;
  return (
    <section aria-label={t('status.title')} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 12 }}>
      <NumberCard
        to={taskListLink(filters)}
        label={t('cards.total')}
        value={data.totals.assignments}
        colour="#0b5cad"
        detail={t('cards.totalDetail', { tasks: data.totals.tasks, n: data.totals.assignments })}
        trend={trendOf('ongoing', data.totals.assignments, data.totals.previousAssignments)}
      />
      {STATUS_ORDER.map((s) => (
        <NumberCard key={s} to={taskListLink(filters, { statusClass: s })} label={tc(`status.${s}`)} value={count(s)} colour={STATUS_COLORS[s]} trend={trendOf(s, count(s), data.previousByStatus[s] ?? 0)} />
      ))}
    </section>
  );
}
