import { describe, expect, it } from 'vitest';
import { WorkingCalendar, publicHolidays } from '../server/domain/calendar.ts';
import { lunarToSolar, solarToLunar } from '../server/domain/lunar.ts';

describe('the Vietnamese calendar', () => {
  it.each([
    [2023, '2023-01-22', '2023-04-29'],
    [2024, '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
  ])('lunar new year and Giỗ Tổ of %i', (year, tet, gioTo) => {
    expect(lunarToSolar(1, 1, year)).toBe(tet);
    expect(lunarToSolar(10, 3, year)).toBe(gioTo);
    expect(solarToLunar(tet)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it('knows the leap month of 2025 and converts both ways', () => {
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25');
    expect(() => lunarToSolar(1, 5, 2025, true)).toThrow();
  });

  it('lists the public holidays with a compensating day for those on a weekend', () => {
    const h2025 = publicHolidays(2025).map((h) => h.date);
    expect(h2025).toEqual(expect.arrayContaining(['2025-01-01', '2025-01-28', '2025-02-01', '2025-02-03', '2025-04-07', '2025-04-30', '2025-05-01', '2025-09-01', '2025-09-02']));
    // 30/4/2022 fell on a Saturday and 1/5 on a Sunday: Monday 2/5 and Tuesday 3/5 were off.
    expect(publicHolidays(2022).map((h) => h.date)).toEqual(expect.arrayContaining(['2022-05-02', '2022-05-03']));
  });

  it('moves days off to the next working day and counts working days, with announced swaps', () => {
    const cal = new WorkingCalendar();
    expect(cal.onOrNextWorkingDay('2025-05-18')).toBe('2025-05-19'); // Sunday
    expect(cal.onOrNextWorkingDay('2025-04-30')).toBe('2025-05-02'); // 30/4 and 1/5
    expect(cal.addWorkingDays('2025-04-29', 2)).toBe('2025-05-05');
    expect(cal.dayOffReason('2025-04-07')).toContain('Giỗ Tổ');
    const swapped = new WorkingCalendar([
      { date: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi' },
      { date: '2025-04-26', kind: 'working_day', name: 'Làm bù' },
    ]);
    expect(swapped.onOrNextWorkingDay('2025-04-30')).toBe('2025-05-05');
    expect(swapped.isWorkingDay('2025-04-26')).toBe(true);
  });
});
