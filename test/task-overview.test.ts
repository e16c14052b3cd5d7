import { expect, it } from 'vitest';
import { forEachDialect } from './helpers/db.ts';
import { setupApi } from './helpers/api.ts';

interface Progress {
  taskId: number;
  assignments: number;
  progress: number | null;
  lastReportAt: string | null;
}
interface DirectiveOverview {
  directiveId: number;
  taskCount: number;
  assignments: number;
  status: string;
  progress: number | null;
  byStatus: Record<string, number>;
}

forEachDialect('task overview: progress, directive roll-up, filter choices', (dialect) => {
  const ctx = setupApi(dialect);

  it('averages each task’s assignments and lets an agency count only its own', async () => {
    const api = ctx.get();
    const patch = await api.call('healthStaff', 'PATCH', `/api/assignments/${api.healthAssignmentId}`, { progress: 40 });
    expect(patch.statusCode).toBe(200);
    const url = `/api/task-overview/progress?ids=${api.healthTaskId},${api.homeTaskId}`;
    const all = (await api.call('leader', 'GET', url)).json<Progress[]>();
    expect(all).toEqual([
      expect.objectContaining({ taskId: api.healthTaskId, assignments: 1, progress: 40 }),
      expect.objectContaining({ taskId: api.homeTaskId, assignments: 1, progress: 0 }),
    ]);
    const own = (await api.call('healthStaff', 'GET', url)).json<Progress[]>();
    expect(own.find((p) => p.taskId === api.homeTaskId)).toEqual({ taskId: api.homeTaskId, assignments: 0, progress: null, lastReportAt: null });
    expect(own.find((p) => p.taskId === api.healthTaskId)?.progress).toBe(40);
  });

  it('refuses a malformed id list with a Vietnamese message and strangers without a session', async () => {
    const api = ctx.get();
    const bad = await api.call('leader', 'GET', '/api/task-overview/progress?ids=1;drop');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    expect((await api.call(null, 'GET', '/api/task-overview/directives')).statusCode).toBe(401);
  });

  it('rolls a directive up from the tasks and assignments the actor may see', async () => {
    const api = ctx.get();
    const all = (await api.call('coordinator', 'GET', '/api/task-overview/directives')).json<DirectiveOverview[]>();
    const plan = all.find((d) => d.directiveId === api.directiveId);
    expect(plan).toMatchObject({ taskCount: 2, assignments: 2, progress: 20 });
    expect(Object.values(plan?.byStatus ?? {}).reduce((a, b) => a + b, 0)).toBe(2);
    const own = (await api.call('homeStaff', 'GET', '/api/task-overview/directives')).json<DirectiveOverview[]>();
    expect(own.find((d) => d.directiveId === api.directiveId)).toMatchObject({ taskCount: 1, assignments: 1, progress: 0 });
  });

  it('counts each section’s tasks the actor may see, with their status', async () => {
    const api = ctx.get();
    type SectionOverview = { sectionId: number | null; taskCount: number; status: string };
    const url = `/api/task-overview/directives/${api.directiveId}/sections`;
    const all = (await api.call('viewer', 'GET', url)).json<SectionOverview[]>();
    expect(all.find((s) => s.sectionId === api.sectionId)?.taskCount).toBe(1);
    expect(all.find((s) => s.sectionId === null)?.taskCount).toBe(1);
    const own = (await api.call('homeStaff', 'GET', url)).json<SectionOverview[]>();
    expect(own).toEqual([expect.objectContaining({ sectionId: null, taskCount: 1 })]);
  });

  it('lists working groups and fields in Vietnamese order', async () => {
    const api = ctx.get();
    const now = new Date().toISOString();
    await api.db.db.insertInto('working_groups').values([
      { name: 'Tổ công tác số 2', created_at: now, updated_at: now },
      { name: 'Tổ công tác số 1', created_at: now, updated_at: now },
    ]).execute();
    await api.db.db.updateTable('tasks').set({ field: 'Y tế' }).where('id', '=', api.healthTaskId).execute();
    await api.db.db.updateTable('tasks').set({ field: 'Đổi mới sáng tạo' }).where('id', '=', api.homeTaskId).execute();
    const choices = (await api.call('healthStaff', 'GET', '/api/task-overview/filters')).json<{ workingGroups: { name: string }[]; fields: string[] }>();
    expect(choices.workingGroups.map((g) => g.name)).toEqual(['Tổ công tác số 1', 'Tổ công tác số 2']);
    expect(choices.fields).toEqual(['Đổi mới sáng tạo', 'Y tế']);
  });
});
