import { z } from 'zod';
import type { User } from '../db/types.ts';

export const userView = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  orgId: z.number(),
  role: z.string(),
  active: z.boolean(),
  locale: z.string(),
  mailMode: z.string(),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
});
export type UserView = z.infer<typeof userView>;

/** Never exposes the password hash or lockout counters beyond what an admin needs. */
export function presentUser(u: User): UserView {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    email: u.email,
    title: u.title,
    phone: u.phone,
    orgId: u.org_id,
    role: u.role,
    active: u.active === 1,
    locale: u.locale,
    mailMode: u.mail_mode,
    lastLoginAt: u.last_login_at,
    lockedUntil: u.locked_until,
  };
}
