import { Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';

/** A page's heading; also names the browser tab so several open tabs stay tellable apart. */
export function PageTitle({ title, extra, subtitle }: { title: string; extra?: ReactNode; subtitle?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Năm Rõ`;
  }, [title]);
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? <Flex gap={8} wrap>{extra}</Flex> : null}
    </Flex>
  );
}
