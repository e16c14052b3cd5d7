import { Button, Drawer, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/index.tsx';

/** The drawer the preview's rows are edited in: a title, the form, and Cancel / Apply at the foot. */
export function EditDrawer({ open, title, size, onClose, onApply, children }: { open: boolean; title: string; size: number; onClose: () => void; onApply: () => void; children: ReactNode }) {
  const t = useT('imports');
  const tc = useT('common');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      title={title}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('cancel')}</Button>
          <Button type="primary" onClick={onApply}>
            {t('task.apply')}
          </Button>
        </Flex>
      }
    >
      {children}
    </Drawer>
  );
}
