import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A visible label bound to its control by id (screen readers and axe need one on every input). */
export function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        <label htmlFor={id}>{label}</label>
      </Typography.Text>
      {children}
    </div>
  );
}
