import { z } from 'zod';
import { ROLES } from '../auth/actor.ts';
import { PASSWORD_MIN_LENGTH } from '../auth/passwords.ts';
import { optionalText, pageQuery, queryId, requiredId, requiredText } from '../http/schemas.ts';

const password = z.string().min(PASSWORD_MIN_LENGTH, `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự`).max(200, 'Mật khẩu tối đa 200 ký tự');

export const userListQuery = pageQuery.extend({
  orgId: queryId.optional(),
  role: z.enum(ROLES).optional(),
  sort: z.enum(['name', '-name', 'username', 'role']).default('name'),
});

export const userCreateBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,59}$/, 'Tên đăng nhập gồm 3–60 ký tự: chữ thường không dấu, số, dấu chấm, gạch'),
  fullName: requiredText(200),
  email: z.email('Địa chỉ e-mail không hợp lệ').max(200).nullish(),
  title: optionalText(200),
  phone: optionalText(50),
  orgId: requiredId,
  role: z.enum(ROLES),
  password,
  locale: z.enum(['vi', 'en']).optional(),
});

export const userUpdateBody = z.object({
  fullName: requiredText(200).optional(),
  email: z.email('Địa chỉ e-mail không hợp lệ').max(200).nullish(),
  title: optionalText(200),
  phone: optionalText(50),
  orgId: requiredId.optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  locale: z.enum(['vi', 'en']).optional(),
  /** An admin's password reset: the user's sessions end. */
  password: password.optional(),
});

export const MAIL_MODES = ['digest', 'immediate', 'none'] as const;
/** What a person sets for themselves. */
export const preferencesBody = z.object({
  locale: z.enum(['vi', 'en']).optional(),
  mailMode: z.enum(MAIL_MODES).optional().describe('digest: một thư tổng hợp mỗi ngày; immediate: gửi ngay; none: không gửi thư'),
  email: z.email('Địa chỉ e-mail không hợp lệ').max(200).nullish(),
  phone: optionalText(50),
});

export const passwordChangeBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: password });

export type UserCreateInput = z.infer<typeof userCreateBody>;
export type UserUpdateInput = z.infer<typeof userUpdateBody>;
export type UserListQuery = z.infer<typeof userListQuery>;
export type UserPreferencesInput = z.infer<typeof preferencesBody>;
