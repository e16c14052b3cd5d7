import { foldVietnamese } from './vietnamese.ts';

/**
 * Deadlines as Vietnamese directives write them, parsed into a due date and a kind, keeping the text.
 * Pure: a month is due at its last day, a quarter at its last day, a year on 31/12.
 */
export const DEADLINE_KINDS = ['date', 'month', 'quarter', 'year', 'ongoing', 'annual', 'conditional', 'compound', 'none'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface ParsedDeadline {
  kind: DeadlineKind;
  /** yyyy-mm-dd; null for ongoing, conditional and unparsed deadlines. */
  dueOn: string | null;
  /** "10:00" when the text gives a clock time ("trước 10 giờ ngày 20/02/2025"). */
  dueTime?: string;
  /** Annual tasks: due in this month each year (before: due by the end of the previous month). */
  recurrence?: { month: number; before: boolean };
  /** Conditional tasks: the condition as folded text ("sau khi trung uong ban hanh"). */
  condition?: string;
  /** Compound: what follows the first due date. */
  continues?: 'ongoing' | 'following_years' | 'other_places_later';
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const endOfMonth = (y: number, m: number) => `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}`;
const validDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m) && y >= 1990 && y <= 2100;

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

interface Found {
  kind: 'date' | 'month' | 'quarter' | 'year';
  dueOn: string;
  dueTime?: string;
}

function findFirstDue(f: string, documentYear: number | undefined): Found | null {
  const time = /(\d{1,2})\s*(?:gio|h)\s*(\d{1,2})?/.exec(f);
  const dueTime = time ? `${pad(Number(time[1]))}:${pad(Number(time[2] ?? 0))}` : undefined;
  let m = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(f) ?? /ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})/.exec(f);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDate(y, mo, d)) return { kind: 'date', dueOn: `${y}-${pad(mo)}-${pad(d)}`, ...(dueTime ? { dueTime } : {}) };
  }
  m = /ngay (\d{1,2})\s*[/.-]\s*(\d{1,2})(?![\d/])/.exec(f);
  if (m && documentYear) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    if (validDate(documentYear, mo, d)) return { kind: 'date', dueOn: `${documentYear}-${pad(mo)}-${pad(d)}`, ...(dueTime ? { dueTime } : {}) };
  }
  m = /quy\s+(iv|iii|ii|i|[1-4])\s*(?:\/|nam|-)\s*(\d{4})/.exec(f);
  if (m) {
    const q = ROMAN[m[1] ?? ''] ?? 0;
    return { kind: 'quarter', dueOn: endOfMonth(Number(m[2]), q * 3) };
  }
  m = /(?:^|[^\d/])(\d{1,2})\s*\/\s*(\d{4})/.exec(f) ?? /thang (\d{1,2}) nam (\d{4})/.exec(f);
  if (m) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    if (mo >= 1 && mo <= 12) return { kind: 'month', dueOn: endOfMonth(y, mo) };
  }
  m = /(?:nam|^)\s*(20\d{2}|19\d{2})(?!\d)/.exec(f);
  if (m) return { kind: 'year', dueOn: `${m[1]}-12-31` };
  return null;
}

/** @param documentDate the directive's date (yyyy-mm-dd), for relative phrases and years left out. */
export function parseDeadline(text: string | null | undefined, documentDate?: string): ParsedDeadline {
  const raw = (text ?? '').normalize('NFC').trim();
  const f = foldVietnamese(raw.replace(/<[^>]+>/g, ' ')).replace(/[*_]/g, '');
  if (!f) return { kind: 'none', dueOn: null, text: raw };
  const documentYear = documentDate ? Number(documentDate.slice(0, 4)) : undefined;

  const annual = /(truoc )?thang (\d{1,2}) hang nam/.exec(f);
  if (annual) {
    const month = Number(annual[2]);
    const before = Boolean(annual[1]);
    const dueMonth = before ? month - 1 || 12 : month;
    let dueOn: string | null = null;
    if (documentDate) {
      let year = Number(documentDate.slice(0, 4));
      if (endOfMonth(year, dueMonth) < documentDate) year += 1;
      dueOn = endOfMonth(year, dueMonth);
    }
    return { kind: 'annual', dueOn, recurrence: { month, before }, text: raw };
  }

  const first = findFirstDue(f, documentYear);
  const ongoing = /thuong xuyen|hang thang|hang quy|lien tuc/.test(f);
  const followingYears = /(cac|nhung) nam tiep theo/.test(f);
  const conditional = /sau khi|theo huong dan|theo lo trinh|khi co|khi duoc|theo yeu cau|theo chi dao/.exec(f);

  if (first) {
    const continues = ongoing ? 'ongoing' : followingYears ? (/dia ban khac|doi voi cac/.test(f) ? 'other_places_later' : 'following_years') : undefined;
    if (continues) return { kind: 'compound', dueOn: first.dueOn, continues, text: raw, ...(first.dueTime ? { dueTime: first.dueTime } : {}) };
    return { kind: first.kind, dueOn: first.dueOn, text: raw, ...(first.dueTime ? { dueTime: first.dueTime } : {}) };
  }
  if (conditional) return { kind: 'conditional', dueOn: null, condition: f, text: raw };
  if (ongoing) return { kind: 'ongoing', dueOn: null, text: raw };
  return { kind: 'none', dueOn: null, text: raw };
}
