import { Alert, Flex, Tag } from 'antd';
import type { Report } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { ReportStateTag } from './ReportStateTag.tsx';
import { ToneTag } from './ToneTag.tsx';

/** The report's state in a sentence, with the reviewer's comment when it came back. */
export function ReportStatusBanner({ report, canDraft }: { report: Report; canDraft: boolean }) {
  const t = useT('reports');
  const tags = (
    <Flex gap={6} wrap style={{ marginBottom: 12 }}>
      <ReportStateTag state={report.id === null ? 'not_started' : report.state} />
      {report.late ? <ToneTag tone="volcano">{t('lateTag')}</ToneTag> : null}
      {report.returnCount > 0 ? <Tag>{t('returnCount', { n: report.returnCount })}</Tag> : null}
    </Flex>
  );
  const style = { marginBottom: 16 };
  let banner = null;
  if (report.state === 'returned') {
    banner = (
      <Alert
        type="warning"
        showIcon
        style={style}
        title={t('stateReturned')}
        description={
          <>
            <div style={{ whiteSpace: 'pre-wrap', fontWeight: 500 }}>{report.reviewComment}</div>
            {canDraft ? <div>{t('stateReturnedHint')}</div> : null}
          </>
        }
      />
    );
  } else if (report.state === 'submitted') banner = <Alert type="info" showIcon style={style} title={t('stateSubmitted', { time: formatDateTime(report.submittedAt) })} />;
  else if (report.state === 'accepted') {
    banner = <Alert type="success" showIcon style={style} title={t('stateAccepted', { time: formatDateTime(report.reviewedAt) })} description={report.reviewComment ?? undefined} />;
  } else if (!canDraft) banner = <Alert type="info" showIcon style={style} title={t('readOnlyRole')} />;
  return (
    <>
      {tags}
      {banner}
    </>
  );
}
