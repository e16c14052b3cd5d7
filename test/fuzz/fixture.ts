import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AccountName, PASSWORD, type TestApi } from '../helpers/api.ts';

/**
 * State the API fuzz needs beyond setupApi: a real plan with indicators, a submitted report, requests
 * waiting for decisions (so ids 1, 2… reach deep code paths), sessions that survive the fuzzed logout and
 * accounts restored between routes (the fuzz may deactivate, re-role or lock them).
 */

/** Logins for the fuzz's own sessions come from an address the fuzzed requests never use (no per-IP limit). */
const SESSION_IP = '10.254.254.254';

export interface Signed {
  cookie: string;
  csrf: string;
}

async function login(api: TestApi, name: AccountName): Promise<Signed> {
  const res = await api.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: SESSION_IP, payload: { username: name.toLowerCase(), password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${name}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'namro_session');
  return { cookie: `namro_session=${cookie?.value ?? ''}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
}

export class SessionPool {
  private readonly sessions = new Map<AccountName, Signed>();
  constructor(private readonly api: TestApi) {}

  async get(name: AccountName): Promise<Signed> {
    const known = this.sessions.get(name);
    if (known) return known;
    const fresh = await login(this.api, name);
    this.sessions.set(name, fresh);
    return fresh;
  }

  forget(name: AccountName): void {
    this.sessions.delete(name);
  }

  /** Drops sessions the fuzz ended (logout, password change): the next request signs in again. */
  async revalidate(): Promise<void> {
    for (const [name, s] of this.sessions) {
      const res = await this.api.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: s.cookie } });
      if (res.statusCode !== 200) this.sessions.delete(name);
    }
  }
}

type AccountRow = { id: number; role: string; org_id: number; active: number; password_hash: string };

export async function snapshotAccounts(api: TestApi): Promise<AccountRow[]> {
  const ids = Object.values(api.userIds);
  return api.db.db.selectFrom('users').select(['id', 'role', 'org_id', 'active', 'password_hash']).where('id', 'in', ids).execute();
}

/** Puts the seeded accounts back as they were (role, organisation, active, password) and unlocks them. */
export async function restoreAccounts(api: TestApi, rows: AccountRow[]): Promise<void> {
  for (const r of rows) {
    await api.db.db
      .updateTable('users')
      .set({ role: r.role, org_id: r.org_id, active: r.active as 0 | 1, password_hash: r.password_hash, failed_logins: 0, locked_until: null })
      .where('id', '=', r.id)
      .execute();
  }
}

const PLAN = readFileSync(fileURLToPath(new URL('../fixtures/seeds/001_7ac3fb3fba868bc4.txt', import.meta.url)), 'utf8');

/** Imports Plan 726 (tasks, indicators) and puts a report, an extension and a completion request in flight. */
export async function seedDeeperState(api: TestApi, pool: SessionPool): Promise<void> {
  const call = async (who: AccountName, method: 'POST' | 'PUT', url: string, payload: unknown) => {
    const s = await pool.get(who);
    const res = await api.app.inject({ method, url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: payload as Record<string, unknown> });
    if (res.statusCode >= 300) throw new Error(`seed ${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json<{ id: number }>();
  };
  const job = await call('coordinator', 'POST', '/api/imports', { text: PLAN });
  await call('coordinator', 'POST', `/api/imports/${job.id}/confirm`, {});
  await call('homeStaff', 'PUT', `/api/assignments/${api.homeAssignmentId}/report`, { results: 'Đã phát động phong trào', progress: 30 });
  const report = await call('healthLeader', 'PUT', `/api/assignments/${api.healthAssignmentId}/report`, { results: 'Đã số hóa một phần', progress: 50 });
  await call('healthLeader', 'POST', `/api/reports/${report.id}/submit`, {});
  await call('healthLeader', 'POST', `/api/assignments/${api.healthAssignmentId}/extensions`, { requestedDueOn: '2030-01-31', reason: 'Chờ kinh phí' });
  await call('healthLeader', 'POST', `/api/assignments/${api.healthAssignmentId}/completions`, { productNote: 'Kho dữ liệu' });
  await call('leader', 'POST', `/api/tasks/${api.healthTaskId}/comments`, { kind: 'direction', body: 'Khẩn trương hoàn thành' });
}

/** The roles the fuzz plays; null is a visitor who has not signed in. */
export const ROLES: (AccountName | null)[] = ['admin', 'coordinator', 'healthStaff', 'healthLeader', 'leader', null];
