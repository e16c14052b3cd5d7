import { describe, expect, it } from 'vitest';
import { trendOf } from './trend.ts';

describe('the trend against the end of last month', () => {
  it('calls more overdue work worse and less of it better, with the change in percent', () => {
    expect(trendOf('overdue', 30, 20)).toEqual({ delta: 10, percent: 50, direction: 'up', mood: 'worse' });
    expect(trendOf('overdue', 15, 20)).toEqual({ delta: -5, percent: -25, direction: 'down', mood: 'better' });
    expect(trendOf('not_started', 12, 10).mood).toBe('worse');
  });

  it('calls more work done on time and more under way better', () => {
    expect(trendOf('completed_on_time', 124, 87)).toMatchObject({ delta: 37, direction: 'up', mood: 'better', percent: 42.5 });
    expect(trendOf('in_progress', 60, 76).mood).toBe('worse');
  });

  it('stays neutral where a change is neither good nor bad, or nothing changed', () => {
    expect(trendOf('due_soon', 9, 2).mood).toBe('neutral');
    expect(trendOf('ongoing', 13, 14).mood).toBe('neutral');
    // Late work finally done: fewer overdue says the good news; this count alone does not.
    expect(trendOf('completed_late', 26, 18).mood).toBe('neutral');
    expect(trendOf('overdue', 88, 88)).toEqual({ delta: 0, percent: 0, direction: 'flat', mood: 'neutral' });
  });

  it('gives no percentage when there was nothing to compare with', () => {
    expect(trendOf('overdue', 4, 0)).toEqual({ delta: 4, percent: null, direction: 'up', mood: 'worse' });
  });
});
