import { DownloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Tooltip } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { exportHref, type TaskListState } from './taskFilters.ts';

/** "Xuất Excel": the server builds the workbook from the same filters; the browser saves it. */
export function ExportButton({ state }: { state: TaskListState }) {
  const t = useT('tasks');
  const [bySection, setBySection] = useState(false);
  return (
    <Flex gap={8} align="center" wrap>
      <Checkbox checked={bySection} onChange={(e) => setBySection(e.target.checked)}>
        {t('exportBySection')}
      </Checkbox>
      <Tooltip title={t('exportHint')}>
        <Button type="primary" icon={<DownloadOutlined />} href={exportHref(state, bySection)} download>
          {t('export')}
        </Button>
      </Tooltip>
    </Flex>
  );
}
