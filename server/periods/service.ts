import type { Kysely } from 'kysely';
import type { Database, Directive } from '../db/types.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { addDays, daysInMonth, endOfMonth, nowIso } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { getSetting, loadCalendar } from '../settings/service.ts';

export type PeriodKind = 'month' | 'quarter' | 'half_year';

export interface PeriodShape {
  kind: PeriodKind;
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  meetingOn: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A directive's report frequency as a period kind. */
export function periodKindOf(frequency: string): PeriodKind {
  return frequency === 'quarterly' ? 'quarter' : frequency === 'half_yearly' ? 'half_year' : 'month';
}

/**
 * The reporting period that contains a date. Reports fall due on the due day of the period's last month
 * (moved to the next working day when it is a day off); the review meeting likewise.
 */
export function periodContaining(date: string, kind: PeriodKind, dueDay: number, meetingDay: number | null, calendar: WorkingCalendar): PeriodShape {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const span = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 6;
  const firstMonth = Math.floor((m - 1) / span) * span + 1;
  const lastMonth = firstMonth + span - 1;
  const label = kind === 'month' ? `${y}-${pad(m)}` : kind === 'quarter' ? `${y}-Q${(firstMonth + 2) / 3}` : `${y}-H${firstMonth === 1 ? 1 : 2}`;
  const dayIn = (day: number) => `${y}-${pad(lastMonth)}-${pad(Math.min(day, daysInMonth(y, lastMonth)))}`;
  return {
    kind,
    label,
    startsOn: `${y}-${pad(firstMonth)}-01`,
    endsOn: endOfMonth(y, lastMonth),
    dueOn: calendar.onOrNextWorkingDay(dayIn(dueDay)),
    meetingOn: meetingDay ? calendar.onOrNextWorkingDay(dayIn(meetingDay)) : null,
  };
}

/** Parses a period label (2025-05, 2025-Q2, 2025-H1) into a date inside it. */
export function dateInPeriodLabel(label: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${label}-01`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return `${quarter[1]}-${pad((Number(quarter[2]) - 1) * 3 + 1)}-01`;
  const half = /^(\d{4})-H([12])$/.exec(label);
  if (half) return `${half[1]}-${half[2] === '1' ? '01' : '07'}-01`;
  throw new AppError('validation_failed', `Kỳ báo cáo "${label}" không hợp lệ (dạng 2025-05, 2025-Q2 hoặc 2025-H1).`);
}

/** The period row of a directive containing a date, created on first use (safe under concurrency). */
export async function ensurePeriod(db: Kysely<Database>, directive: Directive, date: string, calendar?: WorkingCalendar) {
  const cal = calendar ?? (await loadCalendar(db));
  const dueDay = directive.reporting_day ?? (await getSetting(db, 'reporting.dueDay'));
  const meetingDay = directive.meeting_day ?? (await getSetting(db, 'reporting.meetingDay'));
  const shape = periodContaining(date, periodKindOf(directive.report_frequency), dueDay, meetingDay, cal);
  const find = () =>
    db.selectFrom('reporting_periods').selectAll().where('directive_id', '=', directive.id).where('kind', '=', shape.kind).where('label', '=', shape.label).executeTakeFirst();
  const existing = await find();
  if (existing) return existing;
  await db
    .insertInto('reporting_periods')
    .values({ directive_id: directive.id, kind: shape.kind, label: shape.label, starts_on: shape.startsOn, ends_on: shape.endsOn, due_on: shape.dueOn, meeting_on: shape.meetingOn, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['directive_id', 'kind', 'label']).doNothing())
    .execute();
  const row = await find();
  if (!row) throw new AppError('internal');
  return row;
}

/**
 * Moves the due and meeting days of periods not yet due when the calendar or the default days change
 * (a swapped day off announced after the period row was created).
 */
export async function refreshOpenPeriods(db: Kysely<Database>, today: string): Promise<number> {
  const cal = await loadCalendar(db);
  const open = await db
    .selectFrom('reporting_periods')
    .innerJoin('directives', 'directives.id', 'reporting_periods.directive_id')
    .selectAll('reporting_periods')
    .select(['directives.reporting_day', 'directives.meeting_day'])
    .where('reporting_periods.due_on', '>=', today)
    .execute();
  const defaultDue = await getSetting(db, 'reporting.dueDay');
  const defaultMeeting = await getSetting(db, 'reporting.meetingDay');
  let moved = 0;
  for (const p of open) {
    const shape = periodContaining(p.starts_on, p.kind === 'quarter' || p.kind === 'half_year' ? p.kind : 'month', p.reporting_day ?? defaultDue, p.meeting_day ?? defaultMeeting, cal);
    if (shape.dueOn !== p.due_on || shape.meetingOn !== p.meeting_on) {
      await db.updateTable('reporting_periods').set({ due_on: shape.dueOn, meeting_on: shape.meetingOn }).where('id', '=', p.id).execute();
      moved++;
    }
  }
  return moved;
}

/** The last moment a report of the period is on time: the end of its due day in Vietnam (UTC+7). */
export function periodDeadlineInstant(dueOn: string): string {
  return `${addDays(dueOn, 1)}T00:00:00+07:00`;
}
