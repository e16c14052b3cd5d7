import { afterEach, beforeAll, expect, it } from 'vitest';
import { clock } from '../server/domain/time.ts';
import { assessIndicator } from '../server/domain/indicator-progress.ts';
import { forEachDialect } from './helpers/db.ts';
import { setupApi } from './helpers/api.ts';

forEachDialect('directions, timeline, notifications, indicators, settings and the calendar', (dialect) => {
  const ctx = setupApi(dialect);
  const indicatorIds: number[] = [];
  afterEach(() => {
    clock.now = () => new Date();
  });

  beforeAll(async () => {
    const { db, directiveId, orgIds } = ctx.get();
    const now = new Date().toISOString();
    for (const [code, name, text, operator, value] of [
      ['7.2', 'Tỷ lệ dịch vụ công trực tuyến toàn trình', '≥ 90', 'gte', 90],
      ['7.9', 'Thời gian chờ khám trung bình (phút)', '≤ 20', 'lte', 20],
    ] as const) {
      const row = await db.db
        .insertInto('indicators')
        .values({ directive_id: directiveId, code, name, unit: '%', target_text: text, target_operator: operator, target_value: value, target_value_max: null, horizon_year: 2030, position: indicatorIds.length, search_text: name, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.db.insertInto('indicator_orgs').values({ indicator_id: row.id, org_id: orgIds['Sở Y tế'] ?? null, name_as_written: 'Sở Y tế' }).execute();
      indicatorIds.push(row.id);
    }
  });

  it('delivers a leader’s direction to the agency, in its bell and on the task timeline', async () => {
    const api = ctx.get();
    expect((await api.call('healthStaff', 'POST', `/api/tasks/${api.healthTaskId}/comments`, { kind: 'direction', body: 'Tự chỉ đạo' })).statusCode).toBe(403);
    expect((await api.call('homeStaff', 'POST', `/api/tasks/${api.healthTaskId}/comments`, { body: 'Xin ý kiến' })).statusCode).toBe(403);
    const direction = await api.call('leader', 'POST', `/api/tasks/${api.healthTaskId}/comments`, { kind: 'direction', body: 'Đề nghị Sở Y tế hoàn thành trước ngày 30/5, báo cáo kết quả tại phiên họp tháng 5.' });
    expect(direction.statusCode, direction.body).toBe(201);
    const bell = (await api.call('healthStaff', 'GET', '/api/notifications?unread=true')).json<{ unread: number; items: { id: number; kind: string; title: string; link: string }[] }>();
    const note = bell.items.find((n) => n.kind === 'direction');
    expect(note).toMatchObject({ title: 'Ý kiến chỉ đạo về nhiệm vụ 27', link: `/tasks/${api.healthTaskId}` });
    expect(bell.unread).toBeGreaterThanOrEqual(2); // the new assignment and the direction
    await api.call('healthStaff', 'POST', `/api/notifications/${note?.id ?? 0}/read`);
    const after = (await api.call('healthStaff', 'GET', '/api/notifications')).json<{ unread: number }>();
    expect(after.unread).toBe(bell.unread - 1);
    // Someone else's notification cannot be marked.
    expect((await api.call('homeStaff', 'POST', `/api/notifications/${note?.id ?? 0}/read`)).statusCode).toBe(404);
    await api.call('healthStaff', 'POST', '/api/notifications/read-all');
    expect((await api.call('healthStaff', 'GET', '/api/notifications')).json<{ unread: number }>().unread).toBe(0);

    const timeline = (await api.call('healthStaff', 'GET', `/api/tasks/${api.healthTaskId}/timeline`)).json<{ type: string; title: string; actor: string | null }[]>();
    expect(timeline[0]).toMatchObject({ type: 'direction', title: 'Ý kiến chỉ đạo', actor: 'Người dùng leader' });
    expect(timeline.at(-1)).toMatchObject({ type: 'assigned', title: 'Giao Sở Y tế chủ trì' });
  });

  it('turns one indicator green and another red from the values the monitoring agency enters', async () => {
    const api = ctx.get();
    const [online, waiting] = indicatorIds as [number, number];
    expect((await api.call('homeStaff', 'POST', `/api/indicators/${online}/values`, { period: '2025-05', valueNumber: 95 })).statusCode).toBe(403);
    // Numbers no plan states (and whose colour the database could not compute without overflow) are refused.
    for (const valueNumber of [1e16, -1e16, 1e-12, 5e-324]) {
      const refused = await api.call('healthStaff', 'POST', `/api/indicators/${online}/values`, { period: '2025-05', valueNumber });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.body).toContain('10^15');
    }
    const v1 = await api.call('healthStaff', 'POST', `/api/indicators/${online}/values`, { period: '2025-05', valueNumber: 92.5, source: 'Cổng dịch vụ công tỉnh' });
    expect(v1.statusCode, v1.body).toBe(200);
    await api.call('healthStaff', 'POST', `/api/indicators/${waiting}/values`, { period: '2025-05', valueNumber: 35, source: 'Báo cáo bệnh viện' });
    expect((await api.call('healthStaff', 'POST', `/api/indicators/${waiting}/values`, { period: '2025-05' })).statusCode).toBe(400);
    expect((await api.call('healthLeader', 'POST', `/api/indicator-values/${v1.json<{ id: number }>().id}/verify`, { decision: 'verify' })).statusCode).toBe(403);
    const verified = await api.call('coordinator', 'POST', `/api/indicator-values/${v1.json<{ id: number }>().id}/verify`, { decision: 'verify' });
    expect(verified.json()).toMatchObject({ state: 'verified' });
    expect((await api.call('healthStaff', 'POST', `/api/indicators/${online}/values`, { period: '2025-05', valueNumber: 10 })).statusCode).toBe(409);
    const list = (await api.call('viewer', 'GET', `/api/directives/${api.directiveId}/indicators`)).json<{ code: string; colour: string; latest: { valueNumber: number } | null }[]>();
    expect(list.find((i) => i.code === '7.2')).toMatchObject({ colour: 'green', latest: { valueNumber: 92.5 } });
    expect(list.find((i) => i.code === '7.9')).toMatchObject({ colour: 'red', latest: { valueNumber: 35 } });
    expect(assessIndicator({ operator: 'gte', value: 90, valueMax: null }, 80)).toBe('orange');
    expect(assessIndicator({ operator: 'range', value: 16, valueMax: 18 }, 17)).toBe('green');
    expect(assessIndicator({ operator: 'rank', value: 20, valueMax: null }, 25)).toBe('orange');
    expect(assessIndicator({ operator: 'qualitative', value: null, valueMax: null }, 1)).toBe('grey');
  });

  it('lets people choose how mail reaches them, and admins change settings and the calendar', async () => {
    const api = ctx.get();
    const prefs = await api.call('healthStaff', 'PATCH', '/api/me', { mailMode: 'immediate', email: 'dm@soyte.gov.vn' });
    expect(prefs.json()).toMatchObject({ mailMode: 'immediate', email: 'dm@soyte.gov.vn' });
    expect((await api.call('healthStaff', 'PATCH', '/api/me', { mailMode: 'hourly' })).statusCode).toBe(400);

    expect((await api.call('coordinator', 'PUT', '/api/settings/status.dueSoonDays', { value: 10 })).statusCode).toBe(403);
    expect((await api.call('admin', 'PUT', '/api/settings/status.dueSoonDays', { value: 'ten' })).statusCode).toBe(400);
    expect((await api.call('admin', 'PUT', '/api/settings/no.such.key', { value: 1 })).statusCode).toBe(400);
    expect((await api.call('admin', 'PUT', '/api/settings/reporting.dueDay', { value: 25 })).json()).toMatchObject({ value: 25 });
    const settings = (await api.call('viewer', 'GET', '/api/settings')).json<{ key: string; value: unknown }[]>();
    expect(settings.find((s) => s.key === 'reporting.dueDay')?.value).toBe(25);

    // The Government swaps Friday 2/5/2025 for a day off: a report due that day moves to Monday 5/5.
    expect((await api.call('healthStaff', 'PUT', '/api/calendar/days/2025-05-02', { kind: 'day_off', name: 'Nghỉ hoán đổi' })).statusCode).toBe(403);
    expect((await api.call('admin', 'PUT', '/api/calendar/days/2025-05-02', { kind: 'day_off', name: 'Nghỉ hoán đổi' })).statusCode).toBe(200);
    const cal = (await api.call('viewer', 'GET', '/api/calendar?year=2025')).json<{ holidays: { date: string; name: string }[]; overrides: { date: string }[] }>();
    expect(cal.holidays.find((h) => h.date === '2025-04-07')?.name).toContain('Giỗ Tổ');
    expect(cal.overrides.map((o) => o.date)).toEqual(['2025-05-02']);
    const notice = (await api.call('otherCoordinator', 'POST', '/api/directives', { number: '12/TB-UBND', kind: 'conclusion_notice', title: 'Kết luận', reportingDay: 2 })).json<{ id: number }>();
    const task = (await api.call('otherCoordinator', 'POST', '/api/tasks', { directiveId: notice.id, ordinal: '1', title: 'Báo cáo kết quả', leads: [{ name: 'Sở Y tế' }], deadlineText: 'Thường xuyên' })).json<{ assignments: { id: number }[] }>();
    clock.now = () => new Date('2025-05-01T03:00:00Z');
    const report = (await api.call('healthStaff', 'GET', `/api/assignments/${task.assignments[0]?.id ?? 0}/report`)).json<{ period: { dueOn: string } }>();
    expect(report.period.dueOn).toBe('2025-05-05');
    expect((await api.call('admin', 'DELETE', '/api/calendar/days/2025-05-02')).statusCode).toBe(204);
  });
});
