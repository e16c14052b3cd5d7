import { Alert, Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/index.tsx';
import { formatNumber } from '../../i18n/index.tsx';
import { averageConfidence, lowConfidenceCount } from './previewEdits.ts';
import type { ImportPreview } from './types.ts';

/** What was read, how sure the reader is, and what confirming will do to an existing directive. */
export function PreviewSummary({ preview, reimportOf }: { preview: ImportPreview; reimportOf: number | null }) {
  const t = useT('imports');
  const { locale } = useLocale();
  const confidence = Math.round(averageConfidence(preview) * 100);
  const low = lowConfidenceCount(preview);
  const existing = preview.existing;
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} sm={8} md={6}>
            <Flex gap={12} align="center">
              <Progress type="circle" size={64} percent={confidence} status={confidence < 70 ? 'exception' : 'normal'} format={(p) => `${p ?? 0}%`} aria-label={t('summary.confidence')} />
              <div>
                <Typography.Text strong>{t('summary.confidence')}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{low ? t('summary.lowTasks', { n: low }) : t('summary.allConfident')}</Typography.Text>
              </div>
            </Flex>
          </Col>
          <Col xs={12} sm={4} md={4}>
            <Statistic title={t('summary.tasks')} value={preview.tasks.length} formatter={(v) => formatNumber(Number(v), locale)} />
          </Col>
          <Col xs={12} sm={4} md={4}>
            <Statistic title={t('summary.indicators')} value={preview.indicators.length} formatter={(v) => formatNumber(Number(v), locale)} />
          </Col>
          <Col xs={12} sm={4} md={4}>
            <Statistic title={t('summary.sections')} value={preview.sections.length} formatter={(v) => formatNumber(Number(v), locale)} />
          </Col>
          <Col xs={12} sm={4} md={4}>
            <Statistic title={t('summary.warnings')} value={preview.warnings.length} formatter={(v) => formatNumber(Number(v), locale)} />
          </Col>
        </Row>
      </Card>
      {preview.repairs > 0 ? <Alert type="warning" showIcon title={t('summary.repaired', { n: preview.repairs })} description={t('summary.repairedHint')} /> : null}
      {existing ? (
        <Alert
          type="info"
          showIcon
          title={
            <span>
              {t('summary.existing')} <Link to={`/directives/${existing.directiveId}`}>{t('summary.openExisting')}</Link>
            </span>
          }
          description={t('summary.existingCounts', { added: existing.added.length, changed: existing.changed.length, unchanged: existing.unchanged, missing: existing.missing.length })}
        />
      ) : null}
      {reimportOf && existing?.directiveId !== reimportOf ? <Alert type="warning" showIcon title={t('summary.reimportMismatch')} /> : null}
    </Flex>
  );
}
