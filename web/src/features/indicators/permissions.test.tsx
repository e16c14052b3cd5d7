import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types.ts';
import { canEnterValue, canVerifyValue } from './permissions.ts';

const user = (role: string, orgId: number): User => ({ id: 1, username: 'u', fullName: 'U', email: null, title: null, phone: null, orgId, role, active: true, locale: 'vi', mailMode: 'instant', lastLoginAt: null, lockedUntil: null });
const PLAN = { coordinatorOrgId: 18 };
const MONITORED_BY_HEALTH = { monitors: [{ orgId: 21, name: 'Sở Y tế' }] };

describe('who sees the indicator buttons', () => {
  it('offers entry to the monitoring agency and to the directive’s coordinator, verification to the coordinator only', () => {
    expect(canEnterValue(user('agency_staff', 21), MONITORED_BY_HEALTH, PLAN)).toBe(true);
    expect(canEnterValue(user('agency_staff', 22), MONITORED_BY_HEALTH, PLAN)).toBe(false);
    expect(canEnterValue(user('coordinator', 18), MONITORED_BY_HEALTH, PLAN)).toBe(true);
    expect(canVerifyValue(user('coordinator', 18), PLAN)).toBe(true);
    expect(canVerifyValue(user('agency_leader', 21), PLAN)).toBe(false);
  });

  it('keeps readers and other coordinators to reading', () => {
    for (const role of ['leader', 'viewer', 'inspector']) expect(canEnterValue(user(role, 21), MONITORED_BY_HEALTH, PLAN)).toBe(false);
    expect(canEnterValue(user('coordinator', 3), MONITORED_BY_HEALTH, PLAN)).toBe(false);
    expect(canVerifyValue(user('coordinator', 3), PLAN)).toBe(false);
    expect(canVerifyValue(user('admin', 1), undefined)).toBe(true);
  });
});
