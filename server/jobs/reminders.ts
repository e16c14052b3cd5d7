import type { Kysely } from 'kysely';
import { rollAnnualAssignments } from '../assignments/annual.ts';
import { refreshAllStatuses } from '../assignments/status.ts';
import type { Database, Directive } from '../db/types.ts';
import { formatVietnameseDate } from '../domain/time.ts';
import { type NotificationInput, notifyMany } from '../notifications/service.ts';
import { ensurePeriod } from '../periods/service.ts';
import { getSetting, loadCalendar } from '../settings/service.ts';

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const short = (title: string) => (title.length > 90 ? `${title.slice(0, 87)}…` : title);

export interface ReminderSummary {
  date: string;
  statusesRefreshed: number;
  notifications: number;
}

/**
 * The daily reminders. Every message carries a key naming what it is about (assignment, due date or
 * period, threshold), so running the same day twice, or a day after downtime, never repeats one: a server
 * that was down catches up with what is due now, once.
 */
export async function runDailyReminders(db: Kysely<Database>, today: string): Promise<ReminderSummary> {
  await rollAnnualAssignments(db, today);
  const statusesRefreshed = await refreshAllStatuses(db, today);
  const [reportDaysBefore, deadlineDays, repeatDays, escalateAfter] = await Promise.all([
    getSetting(db, 'reminders.reportDaysBefore'),
    getSetting(db, 'reminders.deadlineDays'),
    getSetting(db, 'reminders.overdueRepeatDays'),
    getSetting(db, 'reminders.escalateAfter'),
  ]);
  const thresholds = [...new Set(deadlineDays)].sort((a, b) => b - a);

  const rows = await db
    .selectFrom('assignments')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .innerJoin('orgs', 'orgs.id', 'assignments.org_id')
    .leftJoin('working_groups', 'working_groups.id', 'tasks.working_group_id')
    .select([
      'assignments.id',
      'assignments.org_id',
      'assignments.due_on',
      'tasks.id as task_id',
      'tasks.ordinal',
      'tasks.title',
      'tasks.deadline_kind',
      'tasks.directive_id',
      'directives.number as directive_number',
      'directives.coordinator_org_id',
      'orgs.name as org_name',
      'working_groups.leader_user_id',
    ])
    .where('assignments.state', '=', 'open')
    .where('directives.state', '=', 'active')
    .execute();

  // Who hears about what: the agency's people, the coordinators, the supervising leader.
  const users = await db.selectFrom('users').select(['id', 'org_id', 'role']).where('active', '=', 1).execute();
  const agencyPeople = new Map<number, number[]>();
  const coordinators = new Map<number, number[]>();
  for (const u of users) {
    const map = u.role === 'agency_leader' || u.role === 'agency_staff' ? agencyPeople : u.role === 'coordinator' ? coordinators : null;
    if (map) map.set(u.org_id, [...(map.get(u.org_id) ?? []), u.id]);
  }

  // The current period of each directive, and which assignments already reported in it.
  const calendar = await loadCalendar(db);
  const directives = new Map<number, Directive>();
  for (const d of await db.selectFrom('directives').selectAll().where('state', '=', 'active').execute()) directives.set(d.id, d);
  const periods = new Map<number, Awaited<ReturnType<typeof ensurePeriod>>>();
  for (const d of directives.values()) periods.set(d.id, await ensurePeriod(db, d, today, calendar));
  const periodIds = [...periods.values()].map((p) => p.id);
  const reported = new Set(
    periodIds.length
      ? (await db.selectFrom('progress_reports').select(['assignment_id', 'period_id']).where('period_id', 'in', periodIds).where('state', 'in', ['submitted', 'accepted']).execute()).map((r) => `${r.assignment_id}:${r.period_id}`)
      : [],
  );

  // Overdue reminders already sent, per assignment and due date.
  const overdueSent = new Map<string, Set<string>>();
  for (const r of await db.selectFrom('notifications').select('dedupe_key').distinct().where('kind', '=', 'overdue').where('dedupe_key', 'is not', null).execute()) {
    const key = r.dedupe_key ?? '';
    const [, id, due] = key.split(':');
    const k = `${id}:${due}`;
    overdueSent.set(k, (overdueSent.get(k) ?? new Set()).add(key));
  }
  const out: { userId: number; n: NotificationInput }[] = [];
  const send = (userIds: readonly number[] | undefined, n: NotificationInput) => {
    for (const userId of userIds ?? []) out.push({ userId, n });
  };

  for (const a of rows) {
    const people = agencyPeople.get(a.org_id);
    const about = { link: `/tasks/${a.task_id}`, entityType: 'assignment', entityId: a.id };
    const label = `Nhiệm vụ ${a.ordinal} (${a.directive_number}): ${short(a.title)}`;

    // Reports of the current period not yet sent.
    const period = periods.get(a.directive_id);
    if (period && a.deadline_kind !== 'conditional' && !reported.has(`${a.id}:${period.id}`)) {
      const left = daysBetween(today, period.due_on);
      const due = formatVietnameseDate(period.due_on);
      if (left > 0 && left <= reportDaysBefore) {
        send(people, { ...about, kind: 'report_due', title: `Còn ${left} ngày đến hạn nộp báo cáo kỳ ${period.label} (${due})`, body: label, dedupeKey: `report_due:${a.id}:${period.label}:before` });
      } else if (left === 0) {
        send(people, { ...about, kind: 'report_due', title: `Hôm nay (${due}) là hạn nộp báo cáo kỳ ${period.label}`, body: label, dedupeKey: `report_due:${a.id}:${period.label}:today` });
      } else if (left < 0) {
        send(people, { ...about, kind: 'report_due', title: `Chưa nộp báo cáo kỳ ${period.label} (hạn ${due})`, body: label, dedupeKey: `report_due:${a.id}:${period.label}:late` });
      }
    }

    if (!a.due_on) continue;
    const dueOn = calendar.onOrNextWorkingDay(a.due_on);
    const left = daysBetween(today, dueOn);
    if (left >= 0) {
      // The tightest threshold reached, once per due date (an extension starts the sequence again).
      const reached = thresholds.filter((t) => left <= t).at(-1);
      if (reached !== undefined && left > 0) {
        send(people, { ...about, kind: 'deadline_near', title: `Còn ${left} ngày đến hạn hoàn thành (${formatVietnameseDate(a.due_on)})`, body: label, dedupeKey: `deadline:${a.id}:${a.due_on}:${reached}` });
      }
      continue;
    }
    // Overdue: once when it happens, then every `repeatDays`; after `escalateAfter` reminders, the leaders hear.
    const late = -left;
    const round = Math.floor((late - 1) / repeatDays) + 1;
    const overdueKey = `overdue:${a.id}:${a.due_on}:${round}`;
    send(people, { ...about, kind: 'overdue', title: `Quá hạn ${late} ngày (hạn ${formatVietnameseDate(dueOn)})`, body: label, dedupeKey: overdueKey });
    // Leaders hear after the agency has really been reminded `escalateAfter` times (not merely for being late long).
    const sentBefore = [...(overdueSent.get(`${a.id}:${a.due_on}`) ?? [])].filter((k) => k !== overdueKey).length;
    if (sentBefore >= escalateAfter) {
      const escalation = { ...about, kind: 'escalation' as const, title: `${a.org_name} quá hạn ${late} ngày sau ${sentBefore} lần nhắc`, body: label, dedupeKey: `escalation:${a.id}:${a.due_on}:${round}` };
      send(a.coordinator_org_id ? coordinators.get(a.coordinator_org_id) : [], escalation);
      if (a.leader_user_id) send([a.leader_user_id], escalation);
    }
  }
  const notifications = await notifyMany(db, out);
  return { date: today, statusesRefreshed, notifications };
}
