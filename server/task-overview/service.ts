import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { scopeIds, visibleOrgScope } from '../auth/permissions.ts';
import { vietnameseCollator } from '../domain/vietnamese.ts';
import type { Database } from '../db/types.ts';
import { STATUS_CLASSES, rollUpStatus } from '../domain/status.ts';

/**
 * Small aggregates the task and directive screens show beside the plain lists: each task's progress, each
 * directive's task count and rolled-up status, and the choices of the task list's filters. Agencies see
 * only their own org subtree, as everywhere else.
 */

export const taskProgressView = z.object({
  taskId: z.number(),
  assignments: z.number().describe('Phân công còn hiệu lực mà người dùng được xem'),
  progress: z.number().nullable().describe('Tiến độ trung bình (%) của các phân công; null khi chưa giao'),
  lastReportAt: z.string().nullable(),
});

export const directiveOverviewView = z.object({
  directiveId: z.number(),
  taskCount: z.number(),
  assignments: z.number(),
  byStatus: z.record(z.string(), z.number()),
  status: z.string().describe('Trạng thái chung (việc chậm nhất quyết định)'),
  progress: z.number().nullable(),
});

export const sectionOverviewView = z.object({
  sectionId: z.number().nullable().describe('null: nhiệm vụ không thuộc mục nào'),
  taskCount: z.number(),
  byStatus: z.record(z.string(), z.number()).describe('Số nhiệm vụ theo trạng thái'),
  status: z.string(),
});

export const taskFilterChoicesView = z.object({
  workingGroups: z.array(z.object({ id: z.number(), name: z.string() })),
  fields: z.array(z.string()),
});


/** The org ids the actor is limited to, or null when it reads everything. */
function actorScopeIds(actor: Actor): number[] | null {
  const scope = visibleOrgScope(actor);
  if (scope === 'all') return null;
  return scopeIds(scope);
}

function visibleTasks(db: Kysely<Database>, actor: Actor) {
  const ids = actorScopeIds(actor);
  const base = db.selectFrom('tasks');
  if (!ids) return base;
  return base.where((eb) =>
    eb.or([
      eb.exists(eb.selectFrom('task_orgs').select('task_orgs.id').whereRef('task_orgs.task_id', '=', 'tasks.id').where('task_orgs.org_id', 'in', ids)),
      eb.exists(eb.selectFrom('assignments').select('assignments.id').whereRef('assignments.task_id', '=', 'tasks.id').where('assignments.org_id', 'in', ids)),
    ]),
  );
}

/** Progress of the given tasks from their assignments (cancelled ones left out). */
export async function taskProgress(db: Kysely<Database>, actor: Actor, taskIds: readonly number[]): Promise<z.infer<typeof taskProgressView>[]> {
  if (!taskIds.length) return [];
  const ids = actorScopeIds(actor);
  let q = db
    .selectFrom('assignments')
    .select('assignments.task_id')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('assignments.progress').as('avg'), eb.fn.max('assignments.last_report_at').as('last')])
    .where('assignments.task_id', 'in', [...taskIds])
    .where('assignments.state', '!=', 'cancelled')
    .groupBy('assignments.task_id');
  if (ids) q = q.where('assignments.org_id', 'in', ids);
  const rows = await q.execute();
  const byTask = new Map(rows.map((r) => [r.task_id, r]));
  return taskIds.map((taskId) => {
    const r = byTask.get(taskId);
    return {
      taskId,
      assignments: Number(r?.n ?? 0),
      progress: r && r.avg !== null ? Math.round(Number(r.avg)) : null,
      lastReportAt: r?.last ?? null,
    };
  });
}

/** Per directive: the tasks the actor may see, and the status of their assignments rolled up. */
export async function directiveOverview(db: Kysely<Database>, actor: Actor): Promise<z.infer<typeof directiveOverviewView>[]> {
  const ids = actorScopeIds(actor);
  const tasks = visibleTasks(db, actor).select('tasks.directive_id').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('tasks.directive_id');
  let assignments = db
    .selectFrom('assignments')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .select(['tasks.directive_id', 'assignments.status_class'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('assignments.progress').as('progress')])
    .where('assignments.state', '!=', 'cancelled')
    .groupBy(['tasks.directive_id', 'assignments.status_class']);
  if (ids) assignments = assignments.where('assignments.org_id', 'in', ids);
  const [taskRows, assignmentRows, directives] = await Promise.all([tasks.execute(), assignments.execute(), db.selectFrom('directives').select('id').execute()]);
  const taskCount = new Map(taskRows.map((r) => [r.directive_id, Number(r.n)]));
  return directives.map(({ id }) => {
    const rows = assignmentRows.filter((r) => r.directive_id === id);
    const byStatus = Object.fromEntries(STATUS_CLASSES.map((s) => [s, 0])) as Record<string, number>;
    for (const r of rows) byStatus[r.status_class] = Number(r.n);
    const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
    const progressSum = rows.reduce((sum, r) => sum + Number(r.progress ?? 0), 0);
    const present = rows.filter((r) => Number(r.n) > 0).map((r) => r.status_class);
    return {
      directiveId: id,
      taskCount: taskCount.get(id) ?? 0,
      assignments: total,
      byStatus,
      status: present.length ? rollUpStatus(present) : 'not_started',
      progress: total ? Math.round(progressSum / total) : null,
    };
  });
}

/** Per section of a directive: how many of its tasks the actor sees, by status (the sections' own order is the caller's). */
export async function sectionOverview(db: Kysely<Database>, actor: Actor, directiveId: number): Promise<z.infer<typeof sectionOverviewView>[]> {
  const rows = await visibleTasks(db, actor)
    .select(['tasks.section_id', 'tasks.status_class'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tasks.directive_id', '=', directiveId)
    .groupBy(['tasks.section_id', 'tasks.status_class'])
    .execute();
  const sections = new Map<number | null, Record<string, number>>();
  for (const r of rows) {
    const byStatus = sections.get(r.section_id) ?? (Object.fromEntries(STATUS_CLASSES.map((c) => [c, 0])) as Record<string, number>);
    byStatus[r.status_class] = Number(r.n);
    sections.set(r.section_id, byStatus);
  }
  return [...sections].map(([sectionId, byStatus]) => {
    const present = Object.keys(byStatus).filter((c) => (byStatus[c] ?? 0) > 0);
    return { sectionId, taskCount: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus, status: present.length ? rollUpStatus(present) : 'not_started' };
  });
}

/** The working groups and the fields tasks are filed under, for the task list's filters. */
export async function taskFilterChoices(db: Kysely<Database>): Promise<z.infer<typeof taskFilterChoicesView>> {
  const [groups, fields] = await Promise.all([
    db.selectFrom('working_groups').select(['id', 'name']).execute(),
    db.selectFrom('tasks').select('field').distinct().where('field', 'is not', null).execute(),
  ]);
  return {
    workingGroups: groups.sort((a, b) => vietnameseCollator.compare(a.name, b.name)),
    fields: fields
      .map((f) => f.field ?? '')
      .filter(Boolean)
      .sort(vietnameseCollator.compare),
  };
}
