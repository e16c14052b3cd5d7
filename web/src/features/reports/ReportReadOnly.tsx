import { Progress, Typography } from 'antd';
import type { Report } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';

/** A report that cannot be edited (sent, accepted, or seen by someone outside the agency), as readable text. */
export function ReportReadOnly({ report }: { report: Report }) {
  const t = useT('reports');
  const tc = useT('common');
  const block = (label: string, text: string | null) => (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <div style={{ whiteSpace: 'pre-wrap' }}>{text?.trim() ? text : <Typography.Text type="secondary">{tc('none')}</Typography.Text>}</div>
    </div>
  );
  return (
    <div>
      {block(t('results'), report.results)}
      <div style={{ marginBottom: 12, maxWidth: 360 }}>
        <Typography.Text strong>{t('progress')}</Typography.Text>
        <Progress percent={report.progress} aria-label={t('progress')} />
      </div>
      {block(t('obstacles'), report.obstacles)}
      {block(t('proposals'), report.proposals)}
      {block(t('responsiblePerson'), report.responsiblePerson)}
    </div>
  );
}
