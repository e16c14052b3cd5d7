import { Badge, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface WorkEntry {
  key: string | number;
  to: string;
  title: ReactNode;
  meta?: ReactNode;
  detail?: ReactNode;
}

/** One group of things to do on the home page: a heading with a count, the first few, a link to all. */
export function WorkSection({ id, title, entries, empty, more, limit = 6 }: { id: string; title: string; entries: readonly WorkEntry[]; empty: string; more?: { to: string; label: string }; limit?: number }) {
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <span id={id} style={{ whiteSpace: 'normal' }}>{title}</span>
          <Badge count={entries.length} showZero color={entries.length ? '#cf1322' : '#595959'} />
        </Flex>
      }
      extra={more && entries.length > limit ? <Link to={more.to}>{more.label}</Link> : null}
    >
      {entries.length ? (
        <ul aria-labelledby={id} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {entries.slice(0, limit).map((e) => (
            <li key={e.key} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
              <Link to={e.to} style={{ display: 'block' }}>
                {e.title}
              </Link>
              {e.meta ? (
                <Flex gap={6} wrap style={{ marginTop: 4 }}>
                  {e.meta}
                </Flex>
              ) : null}
              {e.detail ? <div style={{ marginTop: 4 }}>{e.detail}</div> : null}
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      )}
    </Card>
  );
}
