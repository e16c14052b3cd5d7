import { Flex, Spin } from 'antd';
import { useT } from '../i18n/index.tsx';

export function Loading() {
  const t = useT('common');
  return (
    <Flex justify="center" align="center" style={{ minHeight: 200 }} role="status" aria-live="polite">
      <Spin tip={t('loading')} size="large">
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}
