/** Dates as Vietnamese documents write them (dd/mm/yyyy) in both languages; instants shown in Vietnam's time. */

const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** yyyy-mm-dd (or an ISO instant's date part) → dd/mm/yyyy; empty for null. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (value.length > 10) return formatDateTime(value).slice(0, 10);
  const [y, m, d] = value.split('-');
  return y && m && d ? `${d}/${m}/${y}` : value;
}

/** ISO instant → dd/mm/yyyy hh:mm in Vietnam's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: VN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** yyyy-mm → mm/yyyy (a reporting period's label as people say it: "tháng 05/2025"). */
export function formatMonth(label: string | null | undefined): string {
  if (!label) return '';
  const [y, m] = label.split('-');
  return y && m ? `${m}/${y}` : label;
}

/** Today's date (yyyy-mm-dd) in Vietnam. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: VN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from one yyyy-mm-dd to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
