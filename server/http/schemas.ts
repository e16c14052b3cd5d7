import { z } from 'zod';
import { isIsoDate } from '../domain/time.ts';

/** Shared pieces of request schemas; each capability's schemas.ts builds on them. */

/** An id in a path or query string: a positive 32-bit integer (larger values would overflow PostgreSQL's integer). */
export const queryId = z.coerce.number().int().positive().max(2_147_483_647);
export const idParams = z.object({ id: queryId });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(200).optional().describe('Tìm không dấu, ví dụ "so khoa hoc"'),
});

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'Ngày phải có dạng yyyy-mm-dd và là ngày có thật' })
  .describe('yyyy-mm-dd');

export const requiredText = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`);
export const optionalText = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`).nullish();

export const optionalId = z.number().int().positive().max(2_147_483_647).nullish();
export const requiredId = z.number().int().positive().max(2_147_483_647);

/** Query flags arrive as strings: "true"/"1" mean yes. */
export const queryFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    message_en: z.string().optional(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

export function pageOf<T>(items: T[], total: number, page: number, pageSize: number) {
  return { items, total, page, pageSize };
}

export const pageResponse = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
