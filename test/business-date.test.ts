import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { clock, runClockFrom, vietnamDate } from '../server/domain/time.ts';

const realNow = clock.now;
afterEach(() => {
  clock.now = realNow;
});

describe('the business date of a demo (NAMRO_TODAY)', () => {
  it('is read from the environment, "now" or absent meaning the real date, and refused when not a date', () => {
    expect(loadConfig({ NAMRO_TODAY: '2025-11-10' }).businessDate).toBe('2025-11-10');
    expect(loadConfig({ NAMRO_TODAY: 'now' }).businessDate).toBeNull();
    expect(loadConfig({}).businessDate).toBeNull();
    expect(() => loadConfig({ NAMRO_TODAY: '2025-13-40' })).toThrow(/NAMRO_TODAY: phải là ngày/);
  });

  it('runs the clock from 09:00 of that day in Vietnam at the real pace', async () => {
    runClockFrom('2025-11-10');
    expect(vietnamDate()).toBe('2025-11-10');
    const first = clock.now().getTime();
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now().getTime() - first).toBeGreaterThanOrEqual(15);
    expect(clock.now().toISOString().slice(0, 13)).toBe('2025-11-10T02');
  });
});
