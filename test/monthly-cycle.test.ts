import { afterEach, expect, it } from 'vitest';
import { refreshAllStatuses } from '../server/assignments/status.ts';
import { runDailyReminders } from '../server/jobs/reminders.ts';
import { clock } from '../server/domain/time.ts';
import { forEachDialect } from './helpers/db.ts';
import { setupApi } from './helpers/api.ts';

/** Sets the business clock to a Vietnamese local time. */
function at(localIso: string): void {
  const instant = new Date(`${localIso}+07:00`);
  clock.now = () => instant;
}

interface Report {
  id: number;
  state: string;
  late: boolean;
  results: string;
  progress: number;
  prefilledFrom: string | null;
  period: { label: string; dueOn: string };
}

forEachDialect('the monthly cycle with a fake clock', (dialect) => {
  const ctx = setupApi(dialect);
  afterEach(() => {
    clock.now = () => new Date();
  });

  it('drafts, submits, returns, resubmits and accepts a report, refusing wrong transitions', async () => {
    const api = ctx.get();
    const a = api.healthAssignmentId;
    at('2025-04-10T09:00:00');
    const blank = (await api.call('healthStaff', 'GET', `/api/assignments/${a}/report`)).json<Report>();
    expect(blank).toMatchObject({ id: null, state: 'draft', period: { label: '2025-04', dueOn: '2025-04-18' } });

    const draft = await api.call('healthStaff', 'PUT', `/api/assignments/${a}/report`, { results: 'Đã số hóa 40% hồ sơ bệnh án', progress: 40, obstacles: 'Thiếu máy quét' });
    expect(draft.statusCode, draft.body).toBe(200);
    const id = draft.json<Report>().id;
    expect((await api.call('homeStaff', 'PUT', `/api/assignments/${a}/report`, { results: 'x', progress: 1 })).statusCode).toBe(403);

    const staffSubmit = await api.call('healthStaff', 'POST', `/api/reports/${id}/submit`);
    expect(staffSubmit.statusCode).toBe(403);
    expect(staffSubmit.json()).toMatchObject({ error: { code: 'forbidden', message: 'Chỉ lãnh đạo cơ quan được giao mới gửi báo cáo.' } });
    const submitted = await api.call('healthLeader', 'POST', `/api/reports/${id}/submit`);
    expect(submitted.json<Report>()).toMatchObject({ state: 'submitted', late: false });
    expect((await api.call('healthStaff', 'PUT', `/api/assignments/${a}/report`, { results: 'sửa', progress: 41 })).json()).toMatchObject({ error: { code: 'invalid_state' } });

    expect((await api.call('healthLeader', 'POST', `/api/reports/${id}/review`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await api.call('otherCoordinator', 'POST', `/api/reports/${id}/review`, { decision: 'accept' })).statusCode).toBe(403);
    const noReason = await api.call('coordinator', 'POST', `/api/reports/${id}/review`, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    const returned = await api.call('coordinator', 'POST', `/api/reports/${id}/review`, { decision: 'return', comment: 'Bổ sung số liệu cụ thể' });
    expect(returned.json<Report>()).toMatchObject({ state: 'returned' });
    const acceptReturned = await api.call('coordinator', 'POST', `/api/reports/${id}/review`, { decision: 'accept' });
    expect(acceptReturned.statusCode).toBe(409);
    expect(acceptReturned.json<{ error: { message: string } }>().error.message).toContain('gửi lại');

    at('2025-04-22T09:00:00'); // corrected after the due day: lateness is judged on the first submission
    expect((await api.call('healthStaff', 'PUT', `/api/assignments/${a}/report`, { results: 'Đã số hóa 45% hồ sơ (12.000 hồ sơ)', progress: 45 })).statusCode).toBe(200);
    const resubmitted = await api.call('healthLeader', 'POST', `/api/reports/${id}/submit`);
    expect(resubmitted.json<Report>()).toMatchObject({ state: 'submitted', late: false });
    expect((await api.call('coordinator', 'POST', `/api/reports/${id}/review`, { decision: 'accept' })).json<Report>().state).toBe('accepted');
    const assignment = (await api.call('healthStaff', 'GET', `/api/assignments/${a}`)).json<{ progress: number; statusClass: string }>();
    expect(assignment).toMatchObject({ progress: 45, statusClass: 'in_progress' });
  });

  it('moves a due day that falls on a Sunday to Monday, prefills from last month and records late submissions', async () => {
    const api = ctx.get();
    const a = api.healthAssignmentId;
    at('2025-05-19T16:00:00'); // 18/5/2025 is a Sunday: the report is due on Monday 19/5
    const may = (await api.call('healthStaff', 'GET', `/api/assignments/${a}/report`)).json<Report>();
    expect(may).toMatchObject({ id: null, prefilledFrom: '2025-04', results: 'Đã số hóa 45% hồ sơ (12.000 hồ sơ)', progress: 45, period: { label: '2025-05', dueOn: '2025-05-19' } });
    const saved = (await api.call('healthLeader', 'PUT', `/api/assignments/${a}/report`, { results: 'Đã số hóa 60% hồ sơ', progress: 60 })).json<Report>();
    expect((await api.call('healthLeader', 'POST', `/api/reports/${saved.id}/submit`)).json<Report>().late).toBe(false);

    at('2025-06-20T08:00:00'); // 18/6 was a Wednesday: two days late
    const june = (await api.call('healthLeader', 'PUT', `/api/assignments/${a}/report`, { results: 'Đã số hóa 70% hồ sơ', progress: 70 })).json<Report>();
    const late = (await api.call('healthLeader', 'POST', `/api/reports/${june.id}/submit`)).json<Report>();
    expect(late).toMatchObject({ late: true, period: { dueOn: '2025-06-18' } });
    const lateList = (await api.call('coordinator', 'GET', '/api/reports?late=true&period=2025-06')).json<{ items: { id: number }[] }>();
    expect(lateList.items.map((r) => r.id)).toEqual([june.id]);
    const future = await api.call('healthStaff', 'GET', `/api/assignments/${a}/report?period=2025-09`);
    expect(future.statusCode).toBe(409);
  });

  it('changes statuses on the right days, extends in time and judges completion against the right date', async () => {
    const api = ctx.get();
    const a = api.healthAssignmentId; // due 31/5/2025, a Saturday: met by Monday 2/6
    const status = async () => (await api.call('coordinator', 'GET', `/api/assignments/${a}`)).json<{ statusClass: string; dueOn: string; originalDueOn: string; daysOverdue: number }>();
    await refreshAllStatuses(api.db.db, '2025-05-25');
    expect((await status()).statusClass).toBe('in_progress');
    await refreshAllStatuses(api.db.db, '2025-05-26');
    expect((await status()).statusClass).toBe('due_soon');

    at('2025-05-26T10:00:00');
    const early = await api.call('healthLeader', 'POST', `/api/assignments/${a}/extensions`, { requestedDueOn: '2025-05-01', reason: 'Chờ kinh phí' });
    expect(early.statusCode).toBe(400);
    expect((await api.call('healthStaff', 'POST', `/api/assignments/${a}/extensions`, { requestedDueOn: '2025-07-31', reason: 'Chờ kinh phí' })).statusCode).toBe(403);
    const request = await api.call('healthLeader', 'POST', `/api/assignments/${a}/extensions`, { requestedDueOn: '2025-07-31', reason: 'Chờ bố trí kinh phí số hóa' });
    expect(request.statusCode, request.body).toBe(201);
    const ext = request.json<{ id: number }>().id;
    expect((await api.call('healthLeader', 'POST', `/api/extensions/${ext}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    const approved = await api.call('leader', 'POST', `/api/extensions/${ext}/decision`, { decision: 'approve', comment: 'Đồng ý' });
    expect(approved.json()).toMatchObject({ state: 'approved' });
    expect(await status()).toMatchObject({ dueOn: '2025-07-31', originalDueOn: '2025-05-31', statusClass: 'in_progress' });
    expect((await api.call('leader', 'POST', `/api/extensions/${ext}/decision`, { decision: 'refuse', comment: 'x' })).statusCode).toBe(409);

    at('2025-07-10T10:00:00');
    const proposal = await api.call('healthLeader', 'POST', `/api/assignments/${a}/completions`, { productNote: 'Kho dữ liệu y tế đã số hóa', evidence: [{ docNumber: '123/BC-SYT', docDate: '2025-07-09' }] });
    expect(proposal.statusCode, proposal.body).toBe(201);
    const verified = await api.call('coordinator', 'POST', `/api/completions/${proposal.json<{ id: number }>().id}/decision`, { decision: 'verify', completedOn: '2025-07-10' });
    expect(verified.json()).toMatchObject({ state: 'verified', completedOn: '2025-07-10' });
    expect((await status()).statusClass).toBe('completed_on_time');
    // A completed assignment stops asking for reports.
    expect((await api.call('healthStaff', 'PUT', `/api/assignments/${a}/report`, { results: 'x', progress: 100 })).json()).toMatchObject({ error: { code: 'invalid_state' } });
  });

  it('meets a task due on a public holiday by the next working day, and decides a request only once', async () => {
    const api = ctx.get();
    at('2025-04-01T09:00:00');
    const created = (await api.call('coordinator', 'POST', '/api/tasks', { directiveId: api.directiveId, ordinal: '61', title: 'Hoàn thành báo cáo sơ kết quý', leads: [{ name: 'Sở Y tế' }], deadlineText: 'trước ngày 30/4/2025' })).json<{ id: number; assignments: { id: number }[] }>();
    const a = created.assignments[0]?.id ?? 0;
    await refreshAllStatuses(api.db.db, '2025-05-01'); // 30/4 and 1/5 are holidays: due on Friday 2/5
    expect((await api.call('healthLeader', 'GET', `/api/assignments/${a}`)).json<{ statusClass: string }>().statusClass).toBe('due_soon');
    const ext = (await api.call('healthLeader', 'POST', `/api/assignments/${a}/extensions`, { requestedDueOn: '2025-05-30', reason: 'Chờ số liệu quý' })).json<{ id: number }>();
    const both = await Promise.all([
      api.call('coordinator', 'POST', `/api/extensions/${ext.id}/decision`, { decision: 'approve' }),
      api.call('leader', 'POST', `/api/extensions/${ext.id}/decision`, { decision: 'refuse', comment: 'Không gia hạn' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const decided = both.find((r) => r.statusCode === 200)?.json<{ state: string }>().state;
    const detail = (await api.call('healthLeader', 'GET', `/api/assignments/${a}`)).json<{ dueOn: string; dueChanges: unknown[] }>();
    expect(detail.dueChanges.length).toBe(decided === 'approved' ? 1 : 0);
    at('2025-05-02T16:00:00');
    const p = (await api.call('healthLeader', 'POST', `/api/assignments/${a}/completions`, { productNote: 'Báo cáo sơ kết quý I' })).json<{ id: number }>();
    await api.call('coordinator', 'POST', `/api/completions/${p.id}/decision`, { decision: 'verify', completedOn: '2025-05-02' });
    expect((await api.call('healthLeader', 'GET', `/api/assignments/${a}`)).json<{ statusClass: string }>().statusClass).toBe('completed_on_time');
  });

  it('gives an annual task one occurrence per year, rolling to the next year', async () => {
    const api = ctx.get();
    at('2025-03-01T09:00:00');
    const created = await api.call('coordinator', 'POST', '/api/tasks', { directiveId: api.directiveId, ordinal: '60', title: 'Đánh giá chỉ số chuyển đổi số (DTI) của các cơ quan', leads: [{ name: 'Sở Y tế' }], deadlineText: 'Trước tháng 10 hàng năm' });
    const task = created.json<{ deadlineKind: string; dueOn: string; assignments: { id: number }[] }>();
    expect(task).toMatchObject({ deadlineKind: 'annual', dueOn: '2025-09-30' });
    const a = task.assignments[0]?.id ?? 0;
    at('2025-09-20T09:00:00');
    const p = (await api.call('healthLeader', 'POST', `/api/assignments/${a}/completions`, { productNote: 'Báo cáo DTI năm 2025' })).json<{ id: number }>();
    await api.call('coordinator', 'POST', `/api/completions/${p.id}/decision`, { decision: 'verify' });
    const after2025 = (await api.call('healthLeader', 'GET', `/api/assignments/${a}`)).json<{ state: string; dueOn: string; occurrences: unknown[] }>();
    expect(after2025).toMatchObject({ state: 'open', dueOn: '2026-09-30', occurrences: [{ year: 2025, dueOn: '2025-09-30', completedOn: '2025-09-20', statusClass: 'completed_on_time' }] });
    // 2026 passes without completion: on 1/1/2027 the year is closed as missed and 2027 begins.
    await runDailyReminders(api.db.db, '2027-01-02');
    const after2026 = (await api.call('healthLeader', 'GET', `/api/assignments/${a}`)).json<{ dueOn: string; occurrences: { year: number; statusClass: string }[] }>();
    expect(after2026.dueOn).toBe('2027-09-30');
    expect(after2026.occurrences.map((o) => [o.year, o.statusClass])).toEqual([[2025, 'completed_on_time'], [2026, 'overdue']]);
  });

  it('rolls statuses up per directive and agency, and shows status changes on the timeline', async () => {
    const api = ctx.get();
    const all = (await api.call('leader', 'GET', `/api/summary?directiveId=${api.directiveId}`)).json<{ assignments: number; byStatus: Record<string, number>; status: string }>();
    expect(all.assignments).toBeGreaterThanOrEqual(3);
    expect(Object.values(all.byStatus).reduce((a, b) => a + b, 0)).toBe(all.assignments);
    const mine = (await api.call('homeStaff', 'GET', '/api/summary')).json<{ assignments: number; byStatus: Record<string, number> }>();
    expect(mine.assignments).toBe(1);
    expect(mine.byStatus.ongoing).toBe(1);
    const timeline = (await api.call('coordinator', 'GET', `/api/tasks/${api.healthTaskId}/timeline`)).json<{ type: string; title: string }[]>();
    expect(timeline.filter((e) => e.type === 'status_change').map((e) => e.title)).toEqual(expect.arrayContaining(['Trạng thái: Sắp đến hạn', 'Trạng thái: Hoàn thành đúng hạn']));
  });

  it('a refused extension leaves the date; finishing after it is completed late; overdue counts days', async () => {
    const api = ctx.get();
    at('2025-06-01T09:00:00');
    const task = await api.call('coordinator', 'POST', '/api/tasks', { directiveId: api.directiveId, ordinal: '36', title: 'Xây dựng CSDL chuyên ngành y tế', leads: [{ name: 'Sở Y tế' }], deadlineText: 'trước ngày 30/6/2025' });
    const a = task.json<{ assignments: { id: number }[] }>().assignments[0]?.id ?? 0;
    const ext = (await api.call('healthLeader', 'POST', `/api/assignments/${a}/extensions`, { requestedDueOn: '2025-09-30', reason: 'Chờ hướng dẫn của Bộ Y tế' })).json<{ id: number }>().id;
    expect((await api.call('coordinator', 'POST', `/api/extensions/${ext}/decision`, { decision: 'refuse' })).statusCode).toBe(400);
    expect((await api.call('coordinator', 'POST', `/api/extensions/${ext}/decision`, { decision: 'refuse', comment: 'Đề nghị hoàn thành đúng hạn' })).json()).toMatchObject({ state: 'refused' });
    await refreshAllStatuses(api.db.db, '2025-07-04');
    const overdue = (await api.call('healthLeader', 'GET', `/api/assignments/${a}`)).json<{ statusClass: string; daysOverdue: number; dueOn: string }>();
    expect(overdue.statusClass).toBe('overdue');
    expect(overdue.dueOn).toBe('2025-06-30');
    at('2025-07-05T09:00:00');
    const p = (await api.call('healthLeader', 'POST', `/api/assignments/${a}/completions`, { productNote: 'CSDL đã vận hành' })).json<{ id: number }>();
    const future = await api.call('coordinator', 'POST', `/api/completions/${p.id}/decision`, { decision: 'verify', completedOn: '2025-08-01' });
    expect(future.statusCode).toBe(400);
    await api.call('coordinator', 'POST', `/api/completions/${p.id}/decision`, { decision: 'verify' });
    const done = (await api.call('healthLeader', 'GET', `/api/assignments/${a}`)).json<{ statusClass: string; completedOn: string }>();
    expect(done).toMatchObject({ statusClass: 'completed_late', completedOn: '2025-07-05' });
  });
});
