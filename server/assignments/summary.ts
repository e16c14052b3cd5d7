import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { scopeIds, visibleOrgScope } from '../auth/permissions.ts';
import type { Database } from '../db/types.ts';
import { STATUS_CLASSES, rollUpStatus } from '../domain/status.ts';
import { queryId } from '../http/schemas.ts';

export const summaryQuery = z.object({ directiveId: queryId.optional(), orgId: queryId.optional() });
export const summaryView = z.object({
  assignments: z.number(),
  byStatus: z.record(z.string(), z.number()),
  status: z.string().describe('Trạng thái chung (việc chậm nhất quyết định)'),
});

/** A directive's or an agency's status rolled up from its assignments (only what the actor may see). */
export async function statusSummary(db: Kysely<Database>, actor: Actor, q: z.infer<typeof summaryQuery>) {
  const scope = visibleOrgScope(actor);
  let base = db.selectFrom('assignments').innerJoin('tasks', 'tasks.id', 'assignments.task_id').where('assignments.state', '!=', 'cancelled');
  if (scope !== 'all') base = base.where('assignments.org_id', 'in', scopeIds(scope));
  if (q.directiveId) base = base.where('tasks.directive_id', '=', q.directiveId);
  if (q.orgId) base = base.where('assignments.org_id', '=', q.orgId);
  const rows = await base.select(['assignments.status_class']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('assignments.status_class').execute();
  const byStatus = Object.fromEntries(STATUS_CLASSES.map((s) => [s, 0])) as Record<string, number>;
  for (const r of rows) byStatus[r.status_class] = Number(r.n);
  const present = rows.filter((r) => Number(r.n) > 0).map((r) => r.status_class);
  return { assignments: rows.reduce((sum, r) => sum + Number(r.n), 0), byStatus, status: present.length ? rollUpStatus(present) : 'not_started' };
}
