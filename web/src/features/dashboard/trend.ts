import type { StatusClass } from '../../api/types.ts';

/** For these classes more is better; for the others (late, not started…) more is worse. */
const MORE_IS_BETTER: ReadonlySet<StatusClass> = new Set(['completed_on_time', 'in_progress']);
/** Classes where a change says nothing good or bad (they follow the calendar, or are late work finally done). */
const NEUTRAL: ReadonlySet<StatusClass> = new Set(['ongoing', 'waiting_condition', 'due_soon', 'completed_late']);

export type TrendMood = 'better' | 'worse' | 'neutral';

export interface Trend {
  delta: number;
  /** Change against the earlier count in percent; null when there was nothing to compare with. */
  percent: number | null;
  direction: 'up' | 'down' | 'flat';
  mood: TrendMood;
}

/** How a status class's count moved between the end of last month and now, and whether that is good news. */
export function trendOf(status: StatusClass, now: number, before: number): Trend {
  const delta = now - before;
  const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  const percent = before > 0 ? Math.round((delta / before) * 1000) / 10 : null;
  let mood: TrendMood = 'neutral';
  if (direction !== 'flat' && !NEUTRAL.has(status)) {
    const better = MORE_IS_BETTER.has(status) ? delta > 0 : delta < 0;
    mood = better ? 'better' : 'worse';
  }
  return { delta, percent, direction, mood };
}
