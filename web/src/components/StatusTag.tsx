import { Tag } from 'antd';
import type { StatusClass } from '../api/types.ts';
import { useT } from '../i18n/index.tsx';

/** One colour per status class, used by every tag, chart and legend so a colour means the same everywhere. */
export const STATUS_COLORS: Record<StatusClass, string> = {
  completed_on_time: '#389e0d',
  completed_late: '#7cb305',
  in_progress: '#1677ff',
  due_soon: '#d48806',
  overdue: '#cf1322',
  ongoing: '#08979c',
  waiting_condition: '#8c8c8c',
  not_started: '#595959',
};

export const STATUS_ORDER: readonly StatusClass[] = ['overdue', 'due_soon', 'in_progress', 'ongoing', 'not_started', 'waiting_condition', 'completed_late', 'completed_on_time'];

export function isStatusClass(value: string): value is StatusClass {
  return (STATUS_ORDER as readonly string[]).includes(value);
}

/**
 * antd writes a tag in its colour on a pale tint of it; the lighter colours then fall under WCAG AA contrast
 * (axe flags them), so their text turns near-black — the tint still carries the colour.
 */
function readableText(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // 5.2 against white leaves room for the tint, which is a little darker than white.
  return 1.05 / (luminance + 0.05) >= 5.2 ? hex : 'rgba(0, 0, 0, 0.88)';
}

export function StatusTag({ status }: { status: string }) {
  const t = useT('common');
  if (!isStatusClass(status)) return <Tag>{status}</Tag>;
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0, color: readableText(STATUS_COLORS[status]) }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
