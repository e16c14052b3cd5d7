import { z } from 'zod';
import { DIRECTIVE_KINDS } from '../directives/schemas.ts';
import { isoDate, optionalId } from '../http/schemas.ts';

/**
 * The import preview: what the machine read, with each agency name resolved against the directory.
 * The same shape is printed by `namro import-preview FILE --json` and edited by the coordinator before confirming.
 */
export const previewOrg = z.object({
  text: z.string().max(500).describe('Tên như văn bản viết'),
  orgId: optionalId.describe('Cơ quan trong danh mục; người dùng có thể gán lại'),
  orgName: z.string().nullable().describe('Tên trong danh mục, null khi chưa nhận diện được'),
  external: z.boolean(),
  collective: z.boolean().describe('Tên tập thể: giao cho từng thành viên'),
  members: z.number().describe('Số cơ quan nhận phân công (tên tập thể)'),
  replaced: z.string().nullable().describe('Tên cũ đã hợp nhất vào cơ quan này'),
});

export const previewDeadline = z.object({
  text: z.string(),
  dueOn: isoDate.nullable(),
  precision: z.string().nullable(),
  ongoing: z.boolean(),
  annual: z.boolean(),
  condition: z.string().nullable(),
});

export const previewTask = z.object({
  ordinal: z.string().min(1).max(30),
  section: z.string().max(20).nullable(),
  title: z.string().min(1).max(5000),
  leads: z.array(previewOrg).max(200),
  coordinators: z.array(previewOrg).max(200),
  product: z.string().max(2000).nullable(),
  deadline: previewDeadline,
  source: z.string().max(50_000),
  confidence: z.number().min(0).max(1),
});

export const previewIndicator = z.object({
  code: z.string().min(1).max(30),
  parent: z.string().max(30).nullable(),
  name: z.string().min(1).max(2000),
  unit: z.string().max(100).nullable(),
  target: z.object({ text: z.string().max(500), op: z.string(), value: z.number().nullable(), value2: z.number().nullable() }),
  horizonYear: z.number().int().nullable(),
  monitors: z.array(previewOrg).max(50),
});

export const previewWarning = z.object({ code: z.string(), message: z.string(), where: z.string() });

export const importPreview = z.object({
  directive: z.object({
    number: z.string().max(100).nullable(),
    kind: z.enum(DIRECTIVE_KINDS).nullable(),
    issuedOn: isoDate.nullable(),
    issuer: z.string().max(300).nullable(),
    signer: z.string().max(300).nullable(),
    title: z.string().max(2000).nullable(),
    implements: z.array(z.string().max(100)).max(50),
    reportingDay: z.number().int().min(1).max(31).nullable(),
    meetingDay: z.number().int().min(1).max(31).nullable(),
  }),
  sections: z.array(z.object({ code: z.string().min(1).max(20), title: z.string().min(1).max(1000) })).max(500),
  tasks: z.array(previewTask).max(5000),
  indicators: z.array(previewIndicator).max(2000),
  warnings: z.array(previewWarning),
  repairs: z.number(),
  existing: z
    .object({
      directiveId: z.number(),
      added: z.array(z.string()),
      changed: z.array(z.string()),
      unchanged: z.number(),
      missing: z.array(z.string()).describe('Có trong hệ thống nhưng không có trong văn bản: giữ nguyên'),
    })
    .nullable(),
});

export type ImportPreview = z.infer<typeof importPreview>;
export type PreviewOrg = z.infer<typeof previewOrg>;
export type PreviewTask = z.infer<typeof previewTask>;
