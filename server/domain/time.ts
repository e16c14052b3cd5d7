/** Dates and instants in Vietnam's time zone (UTC+7, no daylight saving). Pure functions. */

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The one clock business rules read. Tests that drive months of the monthly cycle move it forward;
 * everything else leaves it on the real time.
 */
export const clock = { now: (): Date => new Date() };

/**
 * Runs the business clock from a given Vietnamese date (09:00 that morning) onwards, at the real pace:
 * the demo's sample data is of 2025, so it shows that time as the present. Sessions, leases and caches
 * keep the real time.
 */
export function runClockFrom(date: string): void {
  const offset = Date.parse(`${date}T09:00:00+07:00`) - Date.now();
  clock.now = () => new Date(Date.now() + offset);
}

export function nowIso(): string {
  return clock.now().toISOString();
}

/** The calendar date (yyyy-mm-dd) in Vietnam at the given instant (now by default). */
export function vietnamDate(at: Date = clock.now()): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** yyyy-mm-dd → dd/mm/yyyy as Vietnamese documents write dates. */
export function formatVietnameseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A real date in the years 1900–2999. Date arithmetic writes years with four digits, so input such as
 * year 0073 or 9999 (a due date plus a few days is year 10000) is refused at the edge rather than crashing
 * later; period labels (reports/schemas.ts, dashboard, scores, documents/month.ts) take the same years.
 */
export function isIsoDate(value: string): boolean {
  if (!/^(?:19|2\d)\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Days in a month (m is 1-12). */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The last day (yyyy-mm-dd) of a month given as numbers. */
export function endOfMonth(y: number, m: number): string {
  return `${y}-${pad2(m)}-${pad2(daysInMonth(y, m))}`;
}

/** The last day of a month given as a label "2025-05". */
export function endOfMonthLabel(label: string): string {
  const [y, m] = label.split('-').map(Number) as [number, number];
  return endOfMonth(y, m);
}

/** The month after a label: "2025-12" → "2026-01". */
export function nextMonthLabel(label: string): string {
  const [y, m] = label.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad2(m + 1)}`;
}

/** The month before a label: "2026-01" → "2025-12". */
export function previousMonthLabel(label: string): string {
  const [y, m] = label.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad2(m - 1)}`;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
