import { z } from 'zod';
import { queryId } from '../http/schemas.ts';

export const dashboardQuery = z.object({
  directiveId: queryId.optional(),
  sectionId: queryId.optional(),
  workingGroupId: queryId.optional(),
  field: z.string().trim().max(200).optional(),
  orgId: queryId.optional().describe('Cơ quan được giao (chủ trì)'),
  period: z
    .string()
    .trim()
    // Years 1900–2999, as isIsoDate.
    .regex(/^(?:19|2\d)\d{2}-(0[1-9]|1[0-2])$/, 'Kỳ là một tháng, dạng 2025-05')
    .optional()
    .describe('Xem số liệu như cuối tháng này (mặc định: hôm nay), so với cuối tháng trước'),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const byStatus = z.record(z.string(), z.number()).describe('Số lượt giao theo nhóm trạng thái');
const taskRef = z.object({
  assignmentId: z.number(),
  taskId: z.number(),
  ordinal: z.string(),
  title: z.string(),
  directiveId: z.number(),
  directiveNumber: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  dueOn: z.string(),
  statusClass: z.string(),
});

export const dashboardView = z.object({
  period: z.string(),
  asOf: z.string().describe('Ngày của số liệu (hôm nay, hoặc cuối kỳ đã chọn)'),
  comparedTo: z.string().describe('Ngày của số liệu so sánh (cuối tháng trước)'),
  live: z.boolean().describe('true: trạng thái đang lưu; false: trạng thái dựng lại từ các mốc ngày'),
  totals: z.object({ assignments: z.number(), tasks: z.number(), directives: z.number().describe('Số văn bản có nhiệm vụ trong phạm vi (danh sách chỉ nêu 30 văn bản mới nhất)'), previousAssignments: z.number() }),
  byStatus,
  previousByStatus: byStatus,
  directives: z.array(z.object({ id: z.number(), number: z.string(), title: z.string(), total: z.number(), completed: z.number(), percentCompleted: z.number(), byStatus })),
  agencies: z.array(z.object({ orgId: z.number(), orgName: z.string(), total: z.number(), completedOnTime: z.number(), completedLate: z.number(), overdue: z.number(), open: z.number() })),
  upcoming: z.object({ total: z.number(), items: z.array(taskRef.extend({ daysLeft: z.number() })) }),
  overdue: z.object({ total: z.number(), items: z.array(taskRef.extend({ daysLate: z.number() })) }),
  indicators: z.object({
    byColour: z.object({ green: z.number(), orange: z.number(), red: z.number(), grey: z.number() }),
    total: z.number(),
    items: z.array(
      z.object({
        id: z.number(),
        directiveId: z.number(),
        directiveNumber: z.string(),
        code: z.string(),
        name: z.string(),
        unit: z.string().nullable(),
        targetText: z.string(),
        latestValue: z.number().nullable(),
        latestText: z.string().nullable(),
        latestPeriod: z.string().nullable(),
        colour: z.enum(['green', 'orange', 'red', 'grey']),
      }),
    ),
  }),
});
export type DashboardView = z.infer<typeof dashboardView>;

export const dashboardOptionsView = z.object({
  directives: z.array(z.object({ id: z.number(), number: z.string(), title: z.string(), coordinatorOrgId: z.number().nullable(), indicators: z.number().describe('Số chỉ tiêu của văn bản') })),
  agencies: z.array(z.object({ id: z.number(), name: z.string() })).describe('Cơ quan có nhiệm vụ được giao (trong phạm vi được xem)'),
  workingGroups: z.array(z.object({ id: z.number(), name: z.string() })),
  fields: z.array(z.string()),
});
