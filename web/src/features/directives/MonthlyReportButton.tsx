import { FileWordOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Popover, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { hasRole, useToday, useUser } from '../../auth/session.tsx';
import { useT } from '../../i18n/index.tsx';

/**
 * The synthesis report for the review meeting, in one click: a month (last month by default) and a DOCX
 * in the Nghị định 30 layout; beside it the indicator workbook. Agencies get their own report elsewhere.
 */
export function MonthlyReportButton({ directiveId }: { directiveId: number }) {
  const t = useT('directives');
  const user = useUser();
  const today = useToday();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(today).subtract(1, 'month'));
  if (!hasRole(user, 'admin', 'coordinator', 'leader', 'inspector', 'viewer')) return null;
  const period = month.format('YYYY-MM');
  const content = (
    <Flex vertical gap={12} style={{ width: 260 }}>
      <label>
        <Typography.Text>{t('monthlyReportMonth')}</Typography.Text>
        <DatePicker picker="month" format="MM/YYYY" value={month} allowClear={false} onChange={(v) => v && setMonth(v)} disabledDate={(d) => d.isAfter(dayjs(today), 'month')} style={{ width: '100%', marginTop: 4 }} />
      </label>
      <Button type="primary" icon={<FileWordOutlined />} href={`/api/documents/monthly-report.docx?directiveId=${directiveId}&period=${period}`} download>
        {t('monthlyReportDownload')}
      </Button>
      <Button href={`/api/exports/indicators.xlsx?directiveId=${directiveId}`} download>
        {t('indicatorWorkbook')}
      </Button>
    </Flex>
  );
  return (
    <Popover content={content} title={t('monthlyReportTitle')} trigger="click" placement="bottomRight">
      <Button icon={<FileWordOutlined />}>{t('monthlyReport')}</Button>
    </Popover>
  );
}
