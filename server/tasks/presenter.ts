import type { z } from 'zod';
import type { Task } from '../db/types.ts';
import type { taskView } from './schemas.ts';

export function presentTask(t: Task): z.infer<typeof taskView> {
  return {
    id: t.id,
    directiveId: t.directive_id,
    sectionId: t.section_id,
    parentTaskId: t.parent_task_id,
    ordinal: t.ordinal,
    position: t.position,
    title: t.title,
    description: t.description,
    product: t.product,
    deadlineText: t.deadline_text,
    deadlineKind: t.deadline_kind,
    dueOn: t.due_on,
    workingGroupId: t.working_group_id,
    field: t.field,
    statusClass: t.status_class,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}
