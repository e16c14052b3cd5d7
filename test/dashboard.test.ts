import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../server/auth/actor.ts';
import { refreshTaskStatus } from '../server/assignments/status.ts';
import type { DashboardView } from '../server/dashboard/schemas.ts';
import { addDays, endOfMonthLabel, nowIso, vietnamDate } from '../server/domain/time.ts';
import { createTask } from '../server/tasks/service.ts';
import { forEachDialect } from './helpers/db.ts';
import { type AccountName, setupApi } from './helpers/api.ts';

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const previousMonthEnd = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return endOfMonthLabel(m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`);
};

/**
 * The fixtures of helpers/api.ts (Plan 726: task 27 led by Sở Y tế, due 5/2025, overdue today; task 8 of
 * Sở Nội vụ, ongoing), plus, made here: a Sở Y tế task due in 10 days whose date was extended today from a
 * date already past at the end of last month, and an indicator with a value below its target.
 */
forEachDialect('the dashboard aggregate', (dialect) => {
  const setup = setupApi(dialect);
  const today = vietnamDate();
  const upcomingDue = addDays(today, 10);
  let upcomingTaskId = 0;
  let indicatorId = 0;

  const dashboard = async (who: AccountName, query = '') => {
    const res = await setup.get().call(who, 'GET', `/api/dashboard${query}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json<DashboardView>();
  };

  beforeAll(async () => {
    const api = setup.get();
    const db = api.db.db;
    const task = await createTask(db, SYSTEM_ACTOR, { directiveId: api.directiveId, sectionId: api.sectionId, ordinal: '28', title: 'Xây dựng kho dữ liệu sức khỏe điện tử', dueOn: upcomingDue, leads: [{ name: 'Sở Y tế' }], coordinators: [] });
    upcomingTaskId = task.id;
    const assignmentId = task.assignments[0]?.id ?? 0;
    // The due date as an approved extension leaves it: today's date, the old one remembered with the time of the change.
    const oldDue = addDays(previousMonthEnd(today), -20);
    await db.updateTable('assignments').set({ original_due_on: oldDue }).where('id', '=', assignmentId).execute();
    await db.insertInto('assignment_due_changes').values({ assignment_id: assignmentId, old_due_on: oldDue, new_due_on: upcomingDue, reason: 'Gia hạn', changed_at: nowIso() }).execute();
    await db.transaction().execute((trx) => refreshTaskStatus(trx, upcomingTaskId));
    const now = nowIso();
    indicatorId = (
      await db
        .insertInto('indicators')
        .values({ directive_id: api.directiveId, code: '1', name: 'Tỷ lệ hồ sơ trực tuyến toàn trình', unit: '%', target_text: 'Đạt trên 80%', target_operator: 'gte', target_value: 80, target_value_max: null, position: 0, search_text: 'ty le ho so', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db.insertInto('indicator_orgs').values({ indicator_id: indicatorId, org_id: api.orgIds['Sở Y tế'] ?? null, name_as_written: 'Sở Y tế' }).execute();
    const entered = await api.call('healthStaff', 'POST', `/api/indicators/${indicatorId}/values`, { period: today.slice(0, 7), valueNumber: 70, source: 'Cổng dịch vụ công' });
    expect(entered.statusCode, entered.body).toBe(200);
  });

  it('counts every status class, the tasks, and the same facts at the end of last month', async () => {
    const d = await dashboard('leader');
    expect(d.asOf).toBe(today);
    expect(d.comparedTo).toBe(previousMonthEnd(today));
    expect(d.live).toBe(true);
    expect(d.totals).toEqual({ assignments: 3, tasks: 3, directives: 1, previousAssignments: 3 });
    expect(d.byStatus).toMatchObject({ overdue: 1, ongoing: 1, not_started: 1, completed_on_time: 0 });
    // At the end of last month the extended task was still on its old date, long past: overdue then.
    expect(d.previousByStatus).toMatchObject({ overdue: 2, ongoing: 1, not_started: 0 });
  });

  it('gives each directive its progress, each agency its counts, the coming deadlines and the overdue list', async () => {
    const api = setup.get();
    const d = await dashboard('leader');
    expect(d.directives).toEqual([expect.objectContaining({ id: api.directiveId, number: '726/KH-UBND', total: 3, completed: 0, percentCompleted: 0 })]);
    const health = d.agencies.find((a) => a.orgName === 'Sở Y tế');
    expect(health).toEqual({ orgId: api.orgIds['Sở Y tế'], orgName: 'Sở Y tế', total: 2, completedOnTime: 0, completedLate: 0, overdue: 1, open: 2 });
    expect(d.agencies[0]?.orgName).toBe('Sở Y tế'); // most overdue first
    expect(d.upcoming.total).toBe(1);
    expect(d.upcoming.items[0]).toMatchObject({ taskId: upcomingTaskId, orgName: 'Sở Y tế', dueOn: upcomingDue, daysLeft: 10, directiveNumber: '726/KH-UBND' });
    expect(d.overdue.total).toBe(1);
    expect(d.overdue.items[0]).toMatchObject({ taskId: api.healthTaskId, ordinal: '27', orgName: 'Sở Y tế', dueOn: '2025-05-31', daysLate: days('2025-05-31', today) });
  });

  it('colours the indicators against their targets with the latest value up to the period', async () => {
    const api = setup.get();
    const lastMonth = previousMonthEnd(today).slice(0, 7);
    const earlier = await api.call('healthStaff', 'POST', `/api/indicators/${indicatorId}/values`, { period: lastMonth, valueNumber: 90 });
    expect(earlier.statusCode, earlier.body).toBe(200);
    const then = await dashboard('leader', `?period=${lastMonth}`);
    expect(then.indicators.items[0]).toMatchObject({ latestValue: 90, latestPeriod: lastMonth, colour: 'green' });
    const d = await dashboard('leader');
    expect(d.indicators.total).toBe(1);
    expect(d.indicators.byColour).toEqual({ green: 0, orange: 1, red: 0, grey: 0 });
    expect(d.indicators.items[0]).toMatchObject({ id: indicatorId, latestValue: 70, latestPeriod: today.slice(0, 7), colour: 'orange', targetText: 'Đạt trên 80%' });
    // Leaders share one computation of a view (db/shared-reads.ts); a change is seen by the very next request.
    for (const [value, colour] of [[85, 'green'], [70, 'orange']] as const) {
      const corrected = await api.call('healthStaff', 'POST', `/api/indicators/${indicatorId}/values`, { period: today.slice(0, 7), valueNumber: value });
      expect(corrected.statusCode, corrected.body).toBe(200);
      expect((await dashboard('leader')).indicators.items[0]).toMatchObject({ latestValue: value, colour });
    }
  });

  it('applies every filter to every figure', async () => {
    const api = setup.get();
    const home = await dashboard('leader', `?orgId=${api.orgIds['Sở Nội vụ']}`);
    expect(home.totals.assignments).toBe(1);
    expect(home.byStatus.ongoing).toBe(1);
    expect(home.agencies.map((a) => a.orgName)).toEqual(['Sở Nội vụ']);
    expect(home.overdue.total).toBe(0);
    expect(home.indicators.total).toBe(0); // Sở Nội vụ monitors no indicator
    const section = await dashboard('leader', `?sectionId=${api.sectionId}`);
    expect(section.totals.assignments).toBe(2); // tasks 27 and 28; task 8 has no section
    const none = await dashboard('leader', `?directiveId=${api.directiveId + 1000}`);
    expect(none.totals).toEqual({ assignments: 0, tasks: 0, directives: 0, previousAssignments: 0 });
    expect(none.directives).toEqual([]);
    expect((await dashboard('leader', '?field=Y%20t%E1%BA%BF')).totals.assignments).toBe(0);
  });

  it('rebuilds a past month from the dates: due soon at its end, nothing completed', async () => {
    const d = await dashboard('leader', '?period=2025-05');
    expect(d).toMatchObject({ period: '2025-05', asOf: '2025-05-31', comparedTo: '2025-04-30', live: false });
    // Task 27 fell due on 31/05/2025: on that day it was due, not late.
    expect(d.byStatus).toMatchObject({ due_soon: 1, overdue: 0, ongoing: 1 });
    expect(d.previousByStatus.due_soon).toBe(0);
    // A period in the future is today's view.
    expect((await dashboard('leader', '?period=2999-01')).live).toBe(true);
  });

  it('keeps a late completion late and shows it in the trend', async () => {
    const api = setup.get();
    const db = api.db.db;
    await db.updateTable('assignments').set({ state: 'completed', completed_on: today, progress: 100 }).where('id', '=', api.healthAssignmentId).execute();
    await db.transaction().execute((trx) => refreshTaskStatus(trx, api.healthTaskId));
    const d = await dashboard('leader');
    expect(d.byStatus).toMatchObject({ overdue: 0, completed_late: 1 });
    expect(d.previousByStatus).toMatchObject({ overdue: 2, completed_late: 0 });
    expect(d.agencies.find((a) => a.orgName === 'Sở Y tế')).toMatchObject({ completedLate: 1, overdue: 0, open: 1 });
    expect(d.directives[0]).toMatchObject({ completed: 1, percentCompleted: 33.3 });
  });

  it("shows an agency only its own assignments, however it filters", async () => {
    const api = setup.get();
    const health = await dashboard('healthStaff');
    expect(health.totals.assignments).toBe(2);
    expect(health.agencies.map((a) => a.orgName)).toEqual(['Sở Y tế']);
    expect(health.byStatus.ongoing).toBe(0);
    const home = await dashboard('homeStaff');
    expect(home.totals.assignments).toBe(1);
    expect(home.upcoming.items).toEqual([]);
    // Asking for another agency gives nothing, not its data.
    const other = await dashboard('homeStaff', `?orgId=${api.orgIds['Sở Y tế']}`);
    expect(other.totals.assignments).toBe(0);
    expect(other.agencies).toEqual([]);
  });

  it('refuses a visitor and a malformed period, and lists the filter options', async () => {
    const api = setup.get();
    expect((await api.call(null, 'GET', '/api/dashboard')).statusCode).toBe(401);
    expect((await api.call('leader', 'GET', '/api/dashboard?period=2025-13')).statusCode).toBe(400);
    // Found by the fuzz: a year the working calendar cannot compute was a 500.
    expect((await api.call('leader', 'GET', '/api/dashboard?period=0630-04')).json()).toMatchObject({ error: { code: 'validation_failed' } });
    const options = await api.call('viewer', 'GET', '/api/dashboard/options');
    expect(options.statusCode).toBe(200);
    expect(options.json()).toMatchObject({ directives: [{ id: api.directiveId, number: '726/KH-UBND', indicators: 1 }], workingGroups: [], fields: [] });
    expect(options.json<{ agencies: { name: string }[] }>().agencies.map((a) => a.name).sort()).toEqual(['Sở Nội vụ', 'Sở Y tế']);
    const own = (await api.call('healthStaff', 'GET', '/api/dashboard/options')).json<{ agencies: { name: string }[] }>();
    expect(own.agencies.map((a) => a.name)).toEqual(['Sở Y tế']);
  });
});
