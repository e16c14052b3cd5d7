import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A table's empty message in readable grey (antd's default placeholder grey is below WCAG AA contrast). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
