import { Typography } from 'antd';

/** A labelled paragraph of a report (results, obstacles, proposals…) keeping its line breaks; nothing when empty. */
export function TextBlock({ label, text }: { label: string; text: string | null }) {
  if (!text) return null;
  return (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div>
    </div>
  );
}
