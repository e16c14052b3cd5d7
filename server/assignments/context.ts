import type { Kysely } from 'kysely';
import type { AssignmentRef } from '../auth/permissions.ts';
import type { Assignment, Database, Directive, Task } from '../db/types.ts';
import { AppError } from '../errors.ts';

export interface AssignmentContext {
  assignment: Assignment;
  task: Task;
  directive: Directive;
  ref: AssignmentRef;
}

/** An assignment with its task and directive: what the monthly-cycle rules need to judge and act. */
export async function loadAssignmentContext(db: Kysely<Database>, assignmentId: number): Promise<AssignmentContext> {
  const assignment = await db.selectFrom('assignments').selectAll().where('id', '=', assignmentId).executeTakeFirst();
  if (!assignment) throw new AppError('not_found', `Không tìm thấy phân công #${assignmentId}.`);
  const task = await db.selectFrom('tasks').selectAll().where('id', '=', assignment.task_id).executeTakeFirstOrThrow();
  const directive = await db.selectFrom('directives').selectAll().where('id', '=', task.directive_id).executeTakeFirstOrThrow();
  return { assignment, task, directive, ref: { org_id: assignment.org_id, directive } };
}
