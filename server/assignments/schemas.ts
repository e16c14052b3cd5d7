import { z } from 'zod';
import { STATUS_CLASSES } from '../domain/status.ts';
import { isoDate, optionalId, optionalText, pageQuery, queryId, requiredId, requiredText } from '../http/schemas.ts';

export const assignmentListQuery = pageQuery.extend({
  orgId: queryId.optional(),
  directiveId: queryId.optional(),
  taskId: queryId.optional(),
  statusClass: z.enum(STATUS_CLASSES).optional(),
  state: z.enum(['open', 'completed', 'cancelled']).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  sort: z.enum(['due_on', '-due_on', 'org', 'task', 'updated_at', '-updated_at']).default('task'),
});

/** Fields an agency keeps up to date on its own assignment. */
const ownFields = {
  responsiblePerson: optionalText(200),
  responsibleUserId: optionalId,
  progress: z.number().int().min(0).max(100).optional(),
};
/** Fields only the directive's coordinator (or an admin) changes. */
const managerFields = {
  dueOn: isoDate.nullish(),
  dueChangeReason: optionalText(1000),
  state: z.enum(['open', 'cancelled']).optional(),
};
export const assignmentUpdateBody = z.object({ ...ownFields, ...managerFields });
export const MANAGER_FIELDS = Object.keys(managerFields) as (keyof typeof managerFields)[];

export const assignmentCreateBody = z.object({ taskId: requiredId, orgId: requiredId, reason: requiredText(1000).optional() });

export const assignmentView = z.object({
  id: z.number(),
  taskId: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  viaGroupId: z.number().nullable(),
  state: z.string(),
  statusClass: z.string(),
  progress: z.number(),
  originalDueOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  responsibleUserId: z.number().nullable(),
  lastReportAt: z.string().nullable(),
  daysOverdue: z.number(),
  task: z.object({ id: z.number(), ordinal: z.string(), title: z.string(), directiveId: z.number(), deadlineText: z.string().nullable() }),
  updatedAt: z.string(),
});
export const assignmentDetailView = assignmentView.extend({
  occurrences: z.array(z.object({ year: z.number(), dueOn: z.string(), completedOn: z.string().nullable(), statusClass: z.string() })).describe('Các năm đã qua của nhiệm vụ hằng năm'),
  dueChanges: z.array(z.object({ oldDueOn: z.string().nullable(), newDueOn: z.string().nullable(), reason: z.string().nullable(), changedBy: z.number().nullable(), changedAt: z.string() })),
});

export type AssignmentListQuery = z.infer<typeof assignmentListQuery>;
export type AssignmentUpdateInput = z.infer<typeof assignmentUpdateBody>;
export type AssignmentCreateInput = z.infer<typeof assignmentCreateBody>;
