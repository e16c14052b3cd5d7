import { z } from 'zod';
import { DEADLINE_KINDS } from '../domain/deadlines.ts';
import { STATUS_CLASSES } from '../domain/status.ts';
import { isoDate, optionalId, optionalText, pageQuery, queryId, requiredId, requiredText } from '../http/schemas.ts';

export const orgRefInput = z
  .object({
    orgId: optionalId,
    name: requiredText(500).describe('Tên cơ quan như văn bản viết'),
  })
  .describe('Cơ quan chủ trì hoặc phối hợp; orgId bỏ trống thì hệ thống tự nhận diện theo tên');

export const taskListQuery = pageQuery.extend({
  directiveId: queryId.optional(),
  sectionId: queryId.optional(),
  orgId: queryId.optional().describe('Cơ quan được giao (chủ trì hoặc phối hợp)'),
  role: z.enum(['lead', 'coordinator']).optional(),
  statusClass: z.enum(STATUS_CLASSES).optional(),
  deadlineKind: z.enum(DEADLINE_KINDS).optional(),
  workingGroupId: queryId.optional(),
  field: z.string().trim().max(200).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  sort: z.enum(['position', 'title', '-title', 'due_on', '-due_on', 'updated_at', '-updated_at']).default('position'),
});

export const taskCreateBody = z.object({
  directiveId: requiredId,
  sectionId: optionalId,
  parentTaskId: optionalId,
  ordinal: requiredText(30),
  title: requiredText(5000),
  description: optionalText(20_000),
  product: optionalText(2000),
  deadlineText: optionalText(1000).describe('Thời gian hoàn thành như văn bản viết; hệ thống tự phân tích'),
  dueOn: isoDate.nullish().describe('Ghi đè hạn đã phân tích'),
  leads: z.array(orgRefInput).max(200).default([]),
  coordinators: z.array(orgRefInput).max(200).default([]),
  workingGroupId: optionalId,
  field: optionalText(200),
  sourceText: optionalText(50_000),
  position: z.number().int().min(0).max(1_000_000).optional(),
});
/** No defaults here: a field left out of a PATCH must stay as it is (zod 4 applies defaults inside optional). */
export const taskUpdateBody = taskCreateBody
  .omit({ directiveId: true })
  .partial()
  .extend({ leads: z.array(orgRefInput).max(200).optional(), coordinators: z.array(orgRefInput).max(200).optional() });

const taskOrgView = z.object({ orgId: z.number().nullable(), role: z.string(), nameAsWritten: z.string(), orgName: z.string().nullable() });

export const taskView = z.object({
  id: z.number(),
  directiveId: z.number(),
  sectionId: z.number().nullable(),
  parentTaskId: z.number().nullable(),
  ordinal: z.string(),
  position: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  product: z.string().nullable(),
  deadlineText: z.string().nullable(),
  deadlineKind: z.string(),
  dueOn: z.string().nullable(),
  workingGroupId: z.number().nullable(),
  field: z.string().nullable(),
  statusClass: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const taskListItem = taskView.extend({ leads: z.array(taskOrgView) });

export const assignmentBrief = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  state: z.string(),
  statusClass: z.string(),
  progress: z.number(),
  dueOn: z.string().nullable(),
  originalDueOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  daysOverdue: z.number(),
});

export const taskDetailView = taskView.extend({
  sourceText: z.string().nullable(),
  deadline: z.unknown(),
  directive: z.object({ id: z.number(), number: z.string(), title: z.string() }),
  section: z.object({ id: z.number(), code: z.string(), title: z.string() }).nullable(),
  leads: z.array(taskOrgView),
  coordinators: z.array(taskOrgView),
  assignments: z.array(assignmentBrief),
});

export type TaskCreateInput = z.infer<typeof taskCreateBody>;
export type TaskUpdateInput = z.infer<typeof taskUpdateBody>;
export type TaskListQuery = z.infer<typeof taskListQuery>;
export type OrgRefInput = z.infer<typeof orgRefInput>;
