export const ROLES = ['admin', 'coordinator', 'leader', 'agency_leader', 'agency_staff', 'inspector', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  coordinator: 'Cơ quan theo dõi, tổng hợp',
  leader: 'Lãnh đạo UBND',
  agency_leader: 'Lãnh đạo cơ quan, đơn vị',
  agency_staff: 'Cán bộ đầu mối',
  inspector: 'Thanh tra',
  viewer: 'Người xem',
};

/** Who is acting: resolved once per request from the session or API token. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  orgId: number;
  /** The actor's org and all its sub-units: the reach of agency roles. */
  orgScope: readonly number[];
  via: 'session' | 'token' | 'system';
  /** Client address, kept in the audit log. */
  ip?: string;
}

/** The actor used by the CLI, migrations and jobs: recorded in the audit log as "system". */
export const SYSTEM_ACTOR: Actor = { userId: 0, username: 'system', role: 'admin', orgId: 0, orgScope: [], via: 'system' };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
