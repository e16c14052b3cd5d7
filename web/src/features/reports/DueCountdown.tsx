import { daysBetween } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { ToneTag } from './ToneTag.tsx';

export type Countdown = { kind: 'left' | 'today' | 'late'; days: number };

/** Days from today to a report's due day: still time, today, or late by n days. */
export function countdown(today: string, dueOn: string): Countdown {
  const days = daysBetween(today, dueOn);
  if (days > 0) return { kind: 'left', days };
  if (days === 0) return { kind: 'today', days: 0 };
  return { kind: 'late', days: -days };
}

export function DueCountdown({ today, dueOn }: { today: string; dueOn: string }) {
  const t = useT('reports');
  const c = countdown(today, dueOn);
  const tone = c.kind === 'late' ? 'red' : c.kind === 'today' || c.days <= 3 ? 'orange' : 'blue';
  return (
    <ToneTag tone={tone} wrap>
      {t(`countdown.${c.kind}`, { n: c.days })}
    </ToneTag>
  );
}
