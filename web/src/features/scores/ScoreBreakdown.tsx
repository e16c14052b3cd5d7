import { Flex, Progress, Typography } from 'antd';
import { formatNumber, useLocale, useT } from '../../i18n/index.tsx';
import { useScoreWeights } from './queries.ts';
import type { ScoreRow, ScoreWeights } from './types.ts';

type Part = keyof ScoreWeights;
const PARTS: readonly Part[] = ['completion', 'timeliness', 'reporting', 'quality'];

/** Why each part scored what it did, in the facts the rule counted (server/domain/scoring.ts). */
function useWhy() {
  const t = useT('scores');
  return (part: Part, f: ScoreRow['facts']): string => {
    switch (part) {
      case 'completion':
        return f.due ? t('why.completion', { done: f.completedOnTime + f.completedLate, due: f.due, onTime: f.completedOnTime, late: f.completedLate }) : t('why.nothingDue');
      case 'timeliness':
        return f.due ? t('why.timeliness', { bad: f.completedLate + f.overdue, due: f.due }) : t('why.nothingDue');
      case 'reporting':
        return f.reportsRequired ? t('why.reporting', { onTime: f.reportsOnTime, required: f.reportsRequired }) : t('why.nothingRequired');
      case 'quality':
        return f.reportsSubmitted ? t('why.quality', { first: f.reportsAcceptedFirstTime, submitted: f.reportsSubmitted }) : t('why.nothingRequired');
    }
  };
}

export function ScoreBreakdown({ row }: { row: ScoreRow }) {
  const t = useT('scores');
  const { locale } = useLocale();
  const weights = useScoreWeights();
  const why = useWhy();
  return (
    <Flex vertical gap={12}>
      {PARTS.map((part) => {
        const got = row.score[part];
        const max = weights[part];
        return (
          <div key={part}>
            <Flex justify="space-between" wrap gap={8}>
              <Typography.Text strong>{t(`part.${part}`)}</Typography.Text>
              <Typography.Text>{t('points', { got: formatNumber(got, locale, 1), max: formatNumber(max, locale) })}</Typography.Text>
            </Flex>
            <Progress percent={max ? Math.round((got / max) * 100) : 0} showInfo={false} size="small" aria-label={`${t(`part.${part}`)}: ${t('points', { got: formatNumber(got, locale, 1), max: formatNumber(max, locale) })}`} />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {why(part, row.facts)}
            </Typography.Text>
          </div>
        );
      })}
    </Flex>
  );
}
