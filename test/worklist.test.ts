import { afterEach, expect, it } from 'vitest';
import { clock } from '../server/domain/time.ts';
import { forEachDialect } from './helpers/db.ts';
import { setupApi } from './helpers/api.ts';

/** Sets the business clock to a Vietnamese local time. */
function at(localIso: string): void {
  const instant = new Date(`${localIso}+07:00`);
  clock.now = () => instant;
}

interface WorkItem {
  assignmentId: number;
  org: { name: string };
  period: { label: string; dueOn: string };
  reportState: string;
  report: { id: number; reviewComment: string | null } | null;
}
interface PeriodWork {
  today: string;
  items: WorkItem[];
  counts: Record<string, number>;
}
interface Coordination {
  reviewQueue: number;
  missing: { org: { name: string }; period: { label: string }; count: number }[];
  extensions: { id: number; org: { name: string }; requestedDueOn: string; previousDueOn: string | null }[];
  completions: { id: number; productNote: string; evidence: { docNumber: string | null }[] }[];
}

forEachDialect('what each user must do now (worklist)', (dialect) => {
  const ctx = setupApi(dialect);
  afterEach(() => {
    clock.now = () => new Date();
  });

  it('gives an agency only its own assignments with the current period report state, read-only', async () => {
    const api = ctx.get();
    at('2025-04-10T09:00:00');
    const before = (await api.call('healthStaff', 'GET', '/api/worklist/period')).json<PeriodWork>();
    expect(before.today).toBe('2025-04-10');
    expect(before.items.map((i) => i.org.name)).toEqual(['Sở Y tế']);
    expect(before.items[0]).toMatchObject({ assignmentId: api.healthAssignmentId, reportState: 'not_started', report: null, period: { label: '2025-04', dueOn: '2025-04-18' } });
    // Looking never creates a period row.
    const periods = await api.db.db.selectFrom('reporting_periods').select('id').execute();
    expect(periods).toHaveLength(0);

    const draft = await api.call('healthStaff', 'PUT', `/api/assignments/${api.healthAssignmentId}/report`, { results: 'Đã số hóa 40% hồ sơ', progress: 40 });
    expect(draft.statusCode, draft.body).toBe(200);
    const after = (await api.call('healthStaff', 'GET', '/api/worklist/period')).json<PeriodWork>();
    expect(after.items[0]?.reportState).toBe('draft');
    expect(after.counts).toMatchObject({ draft: 1, not_started: 0 });
    const filtered = (await api.call('healthStaff', 'GET', '/api/worklist/period?state=submitted')).json<PeriodWork>();
    expect(filtered.items).toHaveLength(0);
    expect(filtered.counts.draft).toBe(1);
    // A coordinator sees every agency.
    const all = (await api.call('coordinator', 'GET', '/api/worklist/period')).json<PeriodWork>();
    expect(all.items.map((i) => i.org.name).sort()).toEqual(['Sở Nội vụ', 'Sở Y tế']);
    expect((await api.call(null, 'GET', '/api/worklist/period')).statusCode).toBe(401);
  });

  it('gives the coordinator its review queue, the agencies missing, and pending requests of its own directives only', async () => {
    const api = ctx.get();
    at('2025-04-12T09:00:00');
    const a = api.healthAssignmentId;
    const draft = (await api.call('healthStaff', 'PUT', `/api/assignments/${a}/report`, { results: 'Kết quả tháng 4', progress: 50 })).json<{ id: number }>();
    expect((await api.call('healthLeader', 'POST', `/api/reports/${draft.id}/submit`)).statusCode).toBe(200);
    expect((await api.call('healthLeader', 'POST', `/api/reports/${draft.id}/evidence`, { docNumber: '12/BC-SYT' })).statusCode).toBe(409);
    const ext = await api.call('healthLeader', 'POST', `/api/assignments/${a}/extensions`, { requestedDueOn: '2025-08-31', reason: 'Chờ kinh phí' });
    expect(ext.statusCode, ext.body).toBe(201);
    const done = await api.call('healthLeader', 'POST', `/api/assignments/${a}/completions`, { productNote: 'Kho dữ liệu y tế', evidence: [{ docNumber: '99/QĐ-SYT' }] });
    expect(done.statusCode, done.body).toBe(201);

    const c = (await api.call('coordinator', 'GET', '/api/worklist/coordination')).json<Coordination>();
    expect(c.reviewQueue).toBe(1);
    // Sở Y tế has sent; Sở Nội vụ has not.
    expect(c.missing).toEqual([expect.objectContaining({ org: expect.objectContaining({ name: 'Sở Nội vụ' }), period: expect.objectContaining({ label: '2025-04' }), count: 1 })]);
    expect(c.extensions).toEqual([expect.objectContaining({ org: expect.objectContaining({ name: 'Sở Y tế' }), requestedDueOn: '2025-08-31', previousDueOn: '2025-05-31' })]);
    expect(c.completions).toEqual([expect.objectContaining({ productNote: 'Kho dữ liệu y tế', evidence: [expect.objectContaining({ docNumber: '99/QĐ-SYT' })] })]);

    const queueRes = await api.call('coordinator', 'GET', '/api/worklist/review-queue');
    expect(queueRes.headers['x-total-count']).toBe('1');
    const queue = queueRes.json<{ id: number; results: string; org: { name: string } }[]>();
    expect(queue).toEqual([expect.objectContaining({ id: draft.id, results: 'Kết quả tháng 4', org: expect.objectContaining({ name: 'Sở Y tế' }) })]);

    // Another coordinating office does not coordinate this plan: nothing to do there. Agencies get nothing either.
    for (const who of ['otherCoordinator', 'healthLeader'] as const) {
      const other = (await api.call(who, 'GET', '/api/worklist/coordination')).json<Coordination>();
      expect(other).toMatchObject({ reviewQueue: 0, missing: [], extensions: [], completions: [] });
      expect((await api.call(who, 'GET', '/api/worklist/review-queue')).json()).toEqual([]);
    }

    // Returned: the agency sees the state and the comment in its list.
    expect((await api.call('coordinator', 'POST', `/api/reports/${draft.id}/review`, { decision: 'return', comment: 'Bổ sung số liệu' })).statusCode).toBe(200);
    const work = (await api.call('healthStaff', 'GET', '/api/worklist/period')).json<PeriodWork>();
    expect(work.items[0]).toMatchObject({ reportState: 'returned', report: { id: draft.id, reviewComment: 'Bổ sung số liệu' } });
    expect((await api.call('coordinator', 'GET', '/api/worklist/coordination')).json<Coordination>().reviewQueue).toBe(0);
  });
});
