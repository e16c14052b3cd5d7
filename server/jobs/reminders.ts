import type { Kysely } from 'kysely';
import { rollAnnualAssignments } from '../assignments/annual.ts';
import { refreshAllStatuses } from '../assignments/status.ts';
import type { Database, Directive } from '../db/types.ts';
import { addDays, endOfMonthLabel, formatVietnameseDate, previousMonthLabel } from '../domain/time.ts';
import { recordMonthEnd } from '../dashboard/month-end.ts';
import { type NotificationInput, notifyMany } from '../notifications/service.ts';
import { ensurePeriod } from '../periods/service.ts';
import { getSetting, loadCalendar } from '../settings/service.ts';
import { groupBy } from '../collections.ts';

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
  // Once a month is over, its figures are kept for the dashboard's comparison.
  await recordMonthEnd(db, endOfMonthLabel(previousMonthLabel(today.slice(0, 7))));
  const [reportDaysBefore, deadlineDays, repeatDays, escalateAfter] = await Promise.all([
    getSetting(db, 'reminders.reportDaysBefore'),
    getSetting(db, 'reminders.deadlineDays'),
    getSetting(db, 'reminders.overdueRepeatDays'),
    getSetting(db, 'reminders.escalateAfter'),
  ]);
  const thresholds = [...new Set(deadlineDays)].sort((a, b) => b - a);

  // Who hears about what: the agency's people, the coordinators, the supervising leader.
  const users = await db.selectFrom('users').select(['id', 'org_id', 'role']).where('active', '=', 1).execute();
  const agencyPeople = groupBy(users.filter((u) => u.role === 'agency_leader' || u.role === 'agency_staff'), (u) => u.org_id, (u) => u.id);
  const coordinators = groupBy(users.filter((u) => u.role === 'coordinator'), (u) => u.org_id, (u) => u.id);

  // The current period of each directive.
  const calendar = await loadCalendar(db);
  const directives = new Map<number, Directive>();
  for (const d of await db.selectFrom('directives').selectAll().where('state', '=', 'active').execute()) directives.set(d.id, d);
  const periods = new Map<number, Awaited<ReturnType<typeof ensurePeriod>>>();
  for (const d of directives.values()) periods.set(d.id, await ensurePeriod(db, d, today, calendar));
  const periodIds = [...periods.values()].map((p) => p.id);

  // The open assignments in bounded chunks: memory stays flat whether there are 500 or 600,000 of them.
  let notifications = 0;
  for (let afterId = 0; ; ) {
    const rows = await openAssignmentsAfter(db, afterId);
    const last = rows.at(-1);
    if (!last) break;
    afterId = last.id;
    const ids = rows.map((r) => r.id);
    const [reportedRows, overdueRows, recentRows] = await Promise.all([
      periodIds.length
        ? db.selectFrom('progress_reports').select(['assignment_id', 'period_id']).where('assignment_id', 'in', ids).where('period_id', 'in', periodIds).where('state', 'in', ['submitted', 'accepted']).execute()
        : [],
      // Overdue reminders already sent, per assignment and due date (escalation counts them).
      db.selectFrom('notifications').select('dedupe_key').distinct().where('entity_type', '=', 'assignment').where('entity_id', 'in', ids).where('kind', '=', 'overdue').where('dedupe_key', 'is not', null).execute(),
      // What recent days already said (every key of today's rules is at most a period old): not written again.
      db.selectFrom('notifications').select(['user_id', 'dedupe_key']).where('entity_type', '=', 'assignment').where('entity_id', 'in', ids).where('created_at', '>=', `${addDays(today, -RECENT_DAYS)}T00:00:00Z`).where('dedupe_key', 'is not', null).execute(),
    ]);
    const reported = new Set(reportedRows.map((r) => `${r.assignment_id}:${r.period_id}`));
    const overdueSent = new Map<string, Set<string>>();
    for (const r of overdueRows) {
      const key = r.dedupe_key ?? '';
      const [, id, due] = key.split(':');
      const k = `${id}:${due}`;
      overdueSent.set(k, (overdueSent.get(k) ?? new Set()).add(key));
    }
    const already = new Set(recentRows.map((r) => `${r.user_id}|${r.dedupe_key}`));
    const out: { userId: number; n: NotificationInput }[] = [];
    const send = (userIds: readonly number[] | undefined, n: NotificationInput) => {
      for (const userId of userIds ?? []) if (!already.has(`${userId}|${n.dedupeKey}`)) out.push({ userId, n });
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
    notifications += await notifyMany(db, out);
  }
  return { date: today, statusesRefreshed, notifications };
}

const CHUNK = 5_000;
/**
 * Longer than a half-year reporting period, a threshold window or an overdue repeat: older keys cannot come
 * again today. Only a saving: the unique (user, key) index is what makes a reminder go out once.
 */
const RECENT_DAYS = 200;

function openAssignmentsAfter(db: Kysely<Database>, afterId: number) {
  return db
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
    .where('assignments.id', '>', afterId)
    .orderBy('assignments.id')
    .limit(CHUNK)
    .execute();
}
