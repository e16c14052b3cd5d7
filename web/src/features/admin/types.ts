/** Request and response shapes of the admin screens, type-only from the server (no server code in the bundle). */
import type { z } from 'zod';
import type { orgCreateBody, orgUpdateBody } from '../../../../server/orgs/schemas.ts';
import type { SettingKey, SettingValue } from '../../../../server/settings/service.ts';
import type { userCreateBody, userUpdateBody } from '../../../../server/users/schemas.ts';

export type OrgCreateInput = z.input<typeof orgCreateBody>;
export type OrgUpdateInput = z.input<typeof orgUpdateBody>;
export type UserCreateInput = z.input<typeof userCreateBody>;
export type UserUpdateInput = z.input<typeof userUpdateBody>;
export type { SettingKey, SettingValue };

/** GET /api/settings (the route's view is not exported; this mirrors it). */
export interface SettingEntry<K extends SettingKey = SettingKey> {
  key: K;
  label: string;
  value: SettingValue<K>;
  default: SettingValue<K>;
}

/** GET /api/calendar?year= */
export interface CalendarYear {
  holidays: { date: string; name: string }[];
  overrides: { date: string; kind: 'day_off' | 'working_day' | string; name: string }[];
}

/** GET /api/audit rows. */
export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}
