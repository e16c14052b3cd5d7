import { z } from 'zod';
import { isoDate, optionalText, pageQuery, queryId, requiredText } from '../http/schemas.ts';

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;

export const periodLabel = z
  .string()
  .trim()
  // Years 1900–2999, as isIsoDate.
  .regex(/^(?:19|2\d)\d{2}-(\d{2}|Q[1-4]|H[12])$/, 'Kỳ báo cáo có dạng 2025-05, 2025-Q2 hoặc 2025-H1')
  .describe('Kỳ báo cáo; bỏ trống là kỳ hiện tại');

export const reportDraftBody = z.object({
  period: periodLabel.optional(),
  results: z.string().trim().max(20_000, 'Tối đa 20.000 ký tự'),
  progress: z.number().int().min(0, 'Tiến độ từ 0 đến 100').max(100, 'Tiến độ từ 0 đến 100'),
  obstacles: optionalText(10_000),
  proposals: optionalText(10_000),
  responsiblePerson: optionalText(200),
});

export const reviewBody = z.object({
  decision: z.enum(['accept', 'return']),
  comment: optionalText(5000),
});

export const evidenceBody = z
  .object({
    docNumber: optionalText(100).describe('Số, ký hiệu văn bản làm bằng chứng'),
    docDate: isoDate.nullish(),
    url: z.url('Đường dẫn không hợp lệ').max(2000).nullish(),
    fileId: z.number().int().positive().nullish(),
    note: optionalText(1000),
  })
  .refine((e) => Boolean(e.docNumber || e.url || e.fileId), { message: 'Cần số văn bản, đường dẫn hoặc tệp đính kèm' });

export const reportListQuery = pageQuery.extend({
  period: periodLabel.optional(),
  state: z.enum(REPORT_STATES).optional(),
  directiveId: queryId.optional(),
  orgId: queryId.optional(),
  assignmentId: queryId.optional(),
  late: z.enum(['true', 'false']).optional(),
  sort: z.enum(['-submitted_at', 'submitted_at', 'due_on', '-due_on']).default('-submitted_at'),
});

const evidenceView = z.object({ id: z.number(), docNumber: z.string().nullable(), docDate: z.string().nullable(), url: z.string().nullable(), fileId: z.number().nullable(), note: z.string().nullable() });
export const reportView = z.object({
  id: z.number().nullable().describe('null: chưa lưu (bản nháp gợi ý từ kỳ trước)'),
  assignmentId: z.number(),
  period: z.object({ id: z.number(), label: z.string(), dueOn: z.string(), meetingOn: z.string().nullable() }),
  state: z.string(),
  results: z.string(),
  progress: z.number(),
  obstacles: z.string().nullable(),
  proposals: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  late: z.boolean(),
  returnCount: z.number(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  prefilledFrom: z.string().nullable().describe('Kỳ đã dùng để điền sẵn'),
  evidence: z.array(evidenceView),
  task: z.object({ id: z.number(), ordinal: z.string(), title: z.string() }),
  org: z.object({ id: z.number(), name: z.string() }),
});

export const commentText = requiredText(5000);
export type ReportDraftInput = z.infer<typeof reportDraftBody>;
export type ReviewInput = z.infer<typeof reviewBody>;
export type EvidenceInput = z.infer<typeof evidenceBody>;
export type ReportListQuery = z.infer<typeof reportListQuery>;
export type ReportView = z.infer<typeof reportView>;
