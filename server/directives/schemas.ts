import { z } from 'zod';
import { isoDate, optionalId, optionalText, pageQuery, queryId, requiredText } from '../http/schemas.ts';

export const DIRECTIVE_KINDS = ['plan', 'conclusion_notice', 'official_letter', 'decision', 'resolution', 'program'] as const;
export const DIRECTIVE_STATES = ['draft', 'active', 'closed'] as const;
export const REPORT_FREQUENCIES = ['monthly', 'quarterly', 'half_yearly'] as const;

const day = z.number().int().min(1, 'Ngày trong tháng từ 1 đến 31').max(31, 'Ngày trong tháng từ 1 đến 31');

export const directiveListQuery = pageQuery.extend({
  kind: z.enum(DIRECTIVE_KINDS).optional(),
  state: z.enum(DIRECTIVE_STATES).optional(),
  coordinatorOrgId: queryId.optional(),
  sort: z.enum(['issued_on', '-issued_on', 'number', 'created_at', '-created_at']).default('-issued_on'),
});

export const directiveCreateBody = z.object({
  number: requiredText(100).describe('Số, ký hiệu, ví dụ 726/KH-UBND'),
  kind: z.enum(DIRECTIVE_KINDS),
  title: requiredText(2000).describe('Trích yếu'),
  issuerOrgId: optionalId,
  issuerName: optionalText(300),
  signerName: optionalText(200),
  signerTitle: optionalText(200),
  issuedOn: isoDate.nullish(),
  coordinatorOrgId: optionalId,
  reportingDay: day.nullish(),
  meetingDay: day.nullish(),
  reportFrequency: z.enum(REPORT_FREQUENCIES).optional(),
  state: z.enum(DIRECTIVE_STATES).optional(),
  openData: z.boolean().optional().describe('Công bố danh sách nhiệm vụ là dữ liệu mở (/api/open/…), không cần đăng nhập'),
  openDataReports: z.boolean().optional().describe('Dữ liệu mở kèm kết quả của báo cáo đã được chấp nhận gần nhất'),
  fullText: z.string().max(2_000_000).nullish(),
  implements: z.array(requiredText(100)).max(50).default([]).describe('Số, ký hiệu các văn bản mà văn bản này triển khai'),
});
/** No defaults here: a field left out of a PATCH must stay as it is (zod 4 applies defaults inside optional). */
export const directiveUpdateBody = directiveCreateBody.partial().extend({ implements: z.array(requiredText(100)).max(50).optional() });

export const sectionBody = z.object({
  code: requiredText(20),
  title: requiredText(1000),
  position: z.number().int().min(0).max(100_000).optional(),
  parentId: optionalId,
});
export const sectionUpdateBody = sectionBody.partial();

export const sectionView = z.object({ id: z.number(), directiveId: z.number(), parentId: z.number().nullable(), code: z.string(), title: z.string(), position: z.number() });

export const directiveView = z.object({
  id: z.number(),
  number: z.string(),
  kind: z.string(),
  title: z.string(),
  issuerOrgId: z.number().nullable(),
  issuerName: z.string().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  issuedOn: z.string().nullable(),
  coordinatorOrgId: z.number().nullable(),
  reportingDay: z.number().nullable(),
  meetingDay: z.number().nullable(),
  reportFrequency: z.string(),
  state: z.string(),
  openData: z.boolean(),
  openDataReports: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const directiveDetailView = directiveView.extend({
  implements: z.array(z.object({ number: z.string(), directiveId: z.number().nullable() })),
  implementedBy: z.array(z.object({ id: z.number(), number: z.string(), title: z.string() })),
  sections: z.array(sectionView),
  taskCount: z.number(),
  indicatorCount: z.number(),
  hasFullText: z.boolean(),
});

export type DirectiveCreateInput = z.infer<typeof directiveCreateBody>;
export type DirectiveUpdateInput = z.infer<typeof directiveUpdateBody>;
export type DirectiveListQuery = z.infer<typeof directiveListQuery>;
export type SectionInput = z.infer<typeof sectionBody>;
