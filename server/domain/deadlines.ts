import { daysInMonth, endOfMonth } from './time.ts';
import { foldVietnamese } from './vietnamese.ts';

/**
 * Deadlines as Vietnamese directives write them, parsed into a due date and a kind, keeping the text.
 * Pure: a month is due at its last day, a quarter at its last day, a year on 31/12.
 * Phrases without a year ("trong tháng 6", "quý I", "ngày 10/3", "trong 15 ngày") resolve against the document date.
 */
export const DEADLINE_KINDS = ['date', 'month', 'quarter', 'year', 'ongoing', 'annual', 'conditional', 'compound', 'none'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** How precisely the due date is known: a day, or only the month, quarter or year it falls in. */
export type DeadlinePrecision = 'day' | 'month' | 'quarter' | 'year';

export interface ParsedDeadline {
  kind: DeadlineKind;
  /** yyyy-mm-dd; null for ongoing, conditional and unparsed deadlines. */
  dueOn: string | null;
  /** Precision of dueOn; null when there is no due date. */
  precision: DeadlinePrecision | null;
  /** No end: "Thường xuyên", or a first date followed by "và thực hiện thường xuyên". */
  ongoing: boolean;
  /** Recurs every year ("Trước tháng 10 hàng năm"). */
  annual: boolean;
  /** "10:00" when the text gives a clock time ("trước 10 giờ ngày 20/02/2025"). */
  dueTime?: string;
  /** Annual tasks: due in this month each year (before: due by the end of the previous month). */
  recurrence?: { month: number; before: boolean };
  /** Conditional tasks: the condition as folded text ("sau khi trung uong ban hanh"). */
  condition?: string;
  /** Compound: what follows the first due date. */
  continues?: 'ongoing' | 'following_years' | 'other_places_later';
  /** Set by importers when no deadline is written and one was inferred (a standing instruction is ongoing). */
  implied?: boolean;
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
// Years a directive's deadline can fall in; "Quý IV/0000" or "12/9999" is a typo, left for the coordinator to fix.
const validYear = (y: number) => y >= 1990 && y <= 2100;
const validDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && validYear(y);

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

interface Found {
  kind: 'date' | 'month' | 'quarter' | 'year';
  dueOn: string;
  dueTime?: string;
}

/** Adds days to a yyyy-mm-dd date; working days skip Saturdays and Sundays (holidays are not known here). */
function addDays(date: string, days: number, workingDaysOnly: boolean): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (!workingDaysOnly || (weekday !== 0 && weekday !== 6)) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

function findFirstDue(f: string, documentDate: string | undefined): Found | null {
  const documentYear = documentDate ? Number(documentDate.slice(0, 4)) : undefined;
  // A clock time is "10 giờ", "10 giờ 30" or "10h30"; "18 hàng tháng" is not one.
  const time = /(\d{1,2})\s*gio(?:\s*(\d{1,2}))?|(\d{1,2})h(\d{2})?\b/.exec(f);
  const dueTime = time ? `${pad(Number(time[1] ?? time[3]))}:${pad(Number(time[2] ?? time[4] ?? 0))}` : undefined;
  const withTime = dueTime ? { dueTime } : {};
  let m = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(f) ?? /ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})/.exec(f);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDate(y, mo, d)) return { kind: 'date', dueOn: `${y}-${pad(mo)}-${pad(d)}`, ...withTime };
  }
  m = /ngay (\d{1,2})\s*[/.-]\s*(\d{1,2})(?![\d/])/.exec(f) ?? /ngay (\d{1,2}) thang (\d{1,2})(?! nam)(?!\d)/.exec(f);
  if (m && documentYear) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    if (validDate(documentYear, mo, d)) return { kind: 'date', dueOn: `${documentYear}-${pad(mo)}-${pad(d)}`, ...withTime };
  }
  m = /quy\s+(iv|iii|ii|i|[1-4])\s*(?:\/|nam|-)\s*(\d{4})/.exec(f);
  if (m && validYear(Number(m[2]))) {
    const q = ROMAN[m[1] ?? ''] ?? 0;
    return { kind: 'quarter', dueOn: endOfMonth(Number(m[2]), q * 3) };
  }
  m = /quy\s+(iv|iii|ii|i|[1-4])\b(?!\s*[/-]?\s*\d)/.exec(f);
  if (m && documentYear) {
    const q = ROMAN[m[1] ?? ''] ?? 0;
    return { kind: 'quarter', dueOn: endOfMonth(documentYear, q * 3) };
  }
  m = /(?:^|[^\d/])(\d{1,2})\s*\/\s*(\d{4})/.exec(f) ?? /thang (\d{1,2}) nam (\d{4})/.exec(f);
  if (m) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    if (mo >= 1 && mo <= 12 && validYear(y)) return { kind: 'month', dueOn: endOfMonth(y, mo) };
  }
  m = /thang (\d{1,2})(?!\s*[/.-]?\s*\d)(?! nam \d)/.exec(f);
  if (m && documentYear) {
    const mo = Number(m[1]);
    if (mo >= 1 && mo <= 12) return { kind: 'month', dueOn: endOfMonth(documentYear, mo) };
  }
  m = /trong (?:vong |thoi han )?(\d{1,3}) ngay( lam viec)?/.exec(f);
  if (m && documentDate) return { kind: 'date', dueOn: addDays(documentDate, Number(m[1]), Boolean(m[2])) };
  m = /(?:nam|^)\s*(20\d{2}|19\d{2})(?!\d)/.exec(f);
  if (m) return { kind: 'year', dueOn: `${m[1]}-12-31` };
  if (/trong nam nay|trong nam\s*$/.test(f) && documentYear) return { kind: 'year', dueOn: `${documentYear}-12-31` };
  return null;
}

const PRECISION: Record<Found['kind'], DeadlinePrecision> = { date: 'day', month: 'month', quarter: 'quarter', year: 'year' };

/** @param documentDate the directive's date (yyyy-mm-dd), for relative phrases and years left out. */
export function parseDeadline(text: string | null | undefined, documentDate?: string): ParsedDeadline {
  const raw = (text ?? '').normalize('NFC').trim();
  const f = foldVietnamese(raw.replace(/<[^>]+>/g, ' ')).replace(/[*_]/g, '');
  const none: ParsedDeadline = { kind: 'none', dueOn: null, precision: null, ongoing: false, annual: false, text: raw };
  if (!f) return none;

  const annual = /(truoc )?thang (\d{1,2}) hang nam/.exec(f);
  // "Tháng 00 hàng năm" names no month: not a recurrence (it would be due on "2026-00-31").
  if (annual && Number(annual[2]) >= 1 && Number(annual[2]) <= 12) {
    const month = Number(annual[2]);
    const before = Boolean(annual[1]);
    const dueMonth = before ? month - 1 || 12 : month;
    let dueOn: string | null = null;
    if (documentDate) {
      let year = Number(documentDate.slice(0, 4));
      if (endOfMonth(year, dueMonth) < documentDate) year += 1;
      dueOn = endOfMonth(year, dueMonth);
    }
    return { kind: 'annual', dueOn, precision: dueOn ? 'month' : null, ongoing: false, annual: true, recurrence: { month, before }, text: raw };
  }

  const first = findFirstDue(f, documentDate);
  const ongoing = /thuong xuyen|hang thang|hang quy|lien tuc/.test(f);
  const followingYears = /(cac|nhung) nam tiep theo/.test(f);
  const conditional = /sau khi|theo huong dan|theo lo trinh|khi co|khi duoc|theo yeu cau|theo chi dao/.exec(f);

  if (first) {
    const base = { dueOn: first.dueOn, precision: PRECISION[first.kind], annual: false, text: raw, ...(first.dueTime ? { dueTime: first.dueTime } : {}) };
    const continues = ongoing ? 'ongoing' : followingYears ? (/dia ban khac|doi voi cac/.test(f) ? 'other_places_later' : 'following_years') : undefined;
    if (continues) return { kind: 'compound', ...base, ongoing: continues === 'ongoing', continues };
    return { kind: first.kind, ...base, ongoing: false };
  }
  if (conditional) return { ...none, kind: 'conditional', condition: f };
  if (ongoing) return { ...none, kind: 'ongoing', ongoing: true };
  return none;
}
