import { z } from 'zod';
import { queryId } from '../http/schemas.ts';

/** A report's state in the current period, with "not started" for an assignment that has no report yet. */
export const PERIOD_REPORT_STATES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type PeriodReportState = (typeof PERIOD_REPORT_STATES)[number];

export const periodWorkQuery = z.object({
  directiveId: queryId.optional(),
  state: z.enum(PERIOD_REPORT_STATES).optional(),
});

const taskRef = z.object({ id: z.number(), ordinal: z.string(), title: z.string() });
const directiveRef = z.object({ id: z.number(), number: z.string() });
const orgRef = z.object({ id: z.number(), name: z.string() });
const periodRef = z.object({ label: z.string(), dueOn: z.string() });
const evidenceItem = z.object({ id: z.number(), docNumber: z.string().nullable(), docDate: z.string().nullable(), url: z.string().nullable(), fileId: z.number().nullable(), note: z.string().nullable() });

export const periodWorkItem = z.object({
  assignmentId: z.number(),
  task: taskRef,
  directive: directiveRef,
  org: orgRef,
  statusClass: z.string(),
  progress: z.number(),
  dueOn: z.string().nullable(),
  originalDueOn: z.string().nullable(),
  daysOverdue: z.number(),
  period: periodRef,
  reportState: z.enum(PERIOD_REPORT_STATES),
  report: z
    .object({ id: z.number(), late: z.boolean(), returnCount: z.number(), reviewComment: z.string().nullable(), submittedAt: z.string().nullable(), updatedAt: z.string() })
    .nullable(),
});
export const periodWorkView = z.object({
  today: z.string(),
  items: z.array(periodWorkItem),
  counts: z.record(z.enum(PERIOD_REPORT_STATES), z.number()),
});

export const reviewQueueItem = z.object({
  id: z.number(),
  assignmentId: z.number(),
  period: periodRef,
  task: taskRef,
  directive: directiveRef,
  org: orgRef,
  progress: z.number(),
  results: z.string(),
  obstacles: z.string().nullable(),
  proposals: z.string().nullable(),
  late: z.boolean(),
  returnCount: z.number(),
  submittedAt: z.string().nullable(),
  evidence: z.array(evidenceItem),
});

const pendingBase = { id: z.number(), assignmentId: z.number(), task: taskRef, directive: directiveRef, org: orgRef, dueOn: z.string().nullable(), originalDueOn: z.string().nullable() };
export const pendingExtension = z.object({ ...pendingBase, previousDueOn: z.string().nullable(), requestedDueOn: z.string(), reason: z.string(), requestedAt: z.string() });
export const pendingCompletion = z.object({ ...pendingBase, productNote: z.string(), proposedAt: z.string(), evidence: z.array(evidenceItem) });

export const coordinationView = z.object({
  today: z.string(),
  reviewQueue: z.number().describe('Báo cáo đã gửi, chờ thẩm định'),
  missing: z
    .array(z.object({ org: orgRef, directive: directiveRef, period: periodRef, count: z.number().describe('Số phân công chưa gửi báo cáo kỳ này') }))
    .describe('Cơ quan chưa gửi báo cáo kỳ hiện tại, theo văn bản'),
  extensions: z.array(pendingExtension),
  completions: z.array(pendingCompletion),
});

export type PeriodWorkQuery = z.infer<typeof periodWorkQuery>;
export type PeriodWorkItem = z.infer<typeof periodWorkItem>;
export type ReviewQueueItem = z.infer<typeof reviewQueueItem>;
export type CoordinationView = z.infer<typeof coordinationView>;
