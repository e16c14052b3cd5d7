import { lunarToSolar } from './lunar.ts';
import { addDays } from './time.ts';

/**
 * Working days of Vietnamese state agencies: Monday to Friday, minus the public holidays of the Labour
 * Code 2019 (art. 112), with a compensating day off when a holiday falls on a weekend, and the swaps the
 * Government announces each year (entered as overrides).
 */
export interface Holiday {
  date: string;
  name: string;
}

export interface CalendarOverride {
  date: string;
  kind: 'day_off' | 'working_day';
  name: string;
}

const isWeekend = (isoDate: string) => {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

/** The public holidays of a calendar year, including compensating days for those on a weekend. */
export function publicHolidays(year: number): Holiday[] {
  const tet = lunarToSolar(1, 1, year);
  const fixed: Holiday[] = [
    { date: `${year}-01-01`, name: 'Tết Dương lịch' },
    // Five days of Tết: the last day of the lunar year and the first four of the new one.
    { date: addDays(tet, -1), name: 'Tết Nguyên Đán (30 Tết)' },
    ...[0, 1, 2, 3].map((i) => ({ date: addDays(tet, i), name: `Tết Nguyên Đán (mùng ${i + 1})` })),
    { date: lunarToSolar(10, 3, year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: `${year}-04-30`, name: 'Ngày Chiến thắng (30/4)' },
    { date: `${year}-05-01`, name: 'Ngày Quốc tế Lao động (1/5)' },
    { date: `${year}-09-01`, name: 'Quốc khánh (ngày liền kề)' },
    { date: `${year}-09-02`, name: 'Quốc khánh (2/9)' },
  ];
  const taken = new Set(fixed.map((h) => h.date));
  const compensating: Holiday[] = [];
  for (const h of [...fixed].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    compensating.push({ date: d, name: `Nghỉ bù ${h.name}` });
  }
  return [...fixed, ...compensating].sort((a, b) => (a.date < b.date ? -1 : 1));
}

export class WorkingCalendar {
  private readonly overrides = new Map<string, CalendarOverride>();
  private readonly holidays = new Map<number, Map<string, string>>();

  constructor(overrides: readonly CalendarOverride[] = []) {
    for (const o of overrides) this.overrides.set(o.date, o);
  }

  private holidaysOf(year: number): Map<string, string> {
    let map = this.holidays.get(year);
    if (!map) {
      map = new Map(publicHolidays(year).map((h) => [h.date, h.name]));
      this.holidays.set(year, map);
    }
    return map;
  }

  /** Why the day is not worked, or null for a working day. */
  dayOffReason(isoDate: string): string | null {
    const o = this.overrides.get(isoDate);
    if (o) return o.kind === 'day_off' ? o.name : null;
    const holiday = this.holidaysOf(Number(isoDate.slice(0, 4))).get(isoDate);
    if (holiday) return holiday;
    return isWeekend(isoDate) ? 'Nghỉ cuối tuần' : null;
  }

  isWorkingDay(isoDate: string): boolean {
    return this.dayOffReason(isoDate) === null;
  }

  /** The day itself if worked, else the next working day: where a due day that falls on a day off moves to. */
  onOrNextWorkingDay(isoDate: string): string {
    let d = isoDate;
    for (let i = 0; i < 30 && !this.isWorkingDay(d); i++) d = addDays(d, 1);
    return d;
  }

  /** n working days after a date (n ≥ 0); "within 5 working days" rules. */
  addWorkingDays(isoDate: string, n: number): string {
    let d = isoDate;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }
}
