import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { SYSTEM_ACTOR, type Role } from '../../server/auth/actor.ts';
import { useFastHashing } from '../../server/auth/passwords.ts';
import { loadConfig } from '../../server/config.ts';
import type { Dialect } from '../../server/db/connection.ts';
import { createDirective, createSection } from '../../server/directives/service.ts';
import { buildApp } from '../../server/http/app.ts';
import type { App } from '../../server/http/types.ts';
import { provinceTemplate } from '../../server/orgs/province-template.ts';
import { resolveOrgName } from '../../server/orgs/resolve.ts';
import { loadOrgTemplate } from '../../server/orgs/template-loader.ts';
import { createTask } from '../../server/tasks/service.ts';
import { createUser } from '../../server/users/service.ts';
import { type TestDatabase, freshDatabase } from './db.ts';

export const PASSWORD = 'mat-khau-thu-nghiem';

/** One account per role; agency accounts in two different departments to test isolation. */
export const ACCOUNTS = {
  admin: { role: 'admin', org: 'Trung tâm Công nghệ thông tin' },
  coordinator: { role: 'coordinator', org: 'Sở Khoa học và Công nghệ' },
  otherCoordinator: { role: 'coordinator', org: 'Văn phòng UBND tỉnh' },
  leader: { role: 'leader', org: 'UBND tỉnh' },
  healthLeader: { role: 'agency_leader', org: 'Sở Y tế' },
  healthStaff: { role: 'agency_staff', org: 'Sở Y tế' },
  homeStaff: { role: 'agency_staff', org: 'Sở Nội vụ' },
  inspector: { role: 'inspector', org: 'Thanh tra tỉnh' },
  viewer: { role: 'viewer', org: 'Văn phòng UBND tỉnh' },
} as const satisfies Record<string, { role: Role; org: string }>;
export type AccountName = keyof typeof ACCOUNTS;

export interface Session {
  cookie: string;
  csrf: string;
  userId: number;
}

export interface TestApi {
  app: App;
  db: TestDatabase;
  orgIds: Record<string, number>;
  userIds: Record<AccountName, number>;
  /** Plan with one task led by Sở Y tế and one by Sở Nội vụ, coordinated by Sở KH&CN. */
  directiveId: number;
  healthTaskId: number;
  homeTaskId: number;
  healthAssignmentId: number;
  homeAssignmentId: number;
  sectionId: number;
  session(name: AccountName): Promise<Session>;
  call(name: AccountName | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** A real app on a fresh database of the dialect, with the province template, accounts and a small plan. */
export function setupApi(dialect: Dialect): { get: () => TestApi } {
  let api: TestApi | undefined;
  beforeAll(async () => {
    useFastHashing(true);
    const db = await freshDatabase(dialect);
    const config = loadConfig({ DATABASE_URL: db.url.startsWith('sqlite:') ? db.url : 'postgres://unused', SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/namro-test-data' });
    const app = await buildApp({ db: db.db, dialect, config });
    await loadOrgTemplate(db.db, SYSTEM_ACTOR, provinceTemplate({ code: 'HD', name: 'Hải Dương' }));
    const orgIds: Record<string, number> = {};
    for (const name of ['Sở Khoa học và Công nghệ', 'Sở Y tế', 'Sở Nội vụ', 'Văn phòng UBND tỉnh', 'UBND tỉnh', 'Thanh tra tỉnh', 'Trung tâm Công nghệ thông tin']) {
      const r = await resolveOrgName(db.db, name);
      if (!r.org) throw new Error(`template lacks ${name}`);
      orgIds[name] = r.org.id;
    }
    const userIds = {} as Record<AccountName, number>;
    for (const [name, acc] of Object.entries(ACCOUNTS) as [AccountName, (typeof ACCOUNTS)[AccountName]][]) {
      const u = await createUser(db.db, SYSTEM_ACTOR, { username: name.toLowerCase(), fullName: `Người dùng ${name}`, role: acc.role, orgId: orgIds[acc.org] ?? 0, password: PASSWORD });
      userIds[name] = u.id;
    }
    const directive = await createDirective(db.db, SYSTEM_ACTOR, {
      number: '726/KH-UBND',
      kind: 'plan',
      title: 'Kế hoạch thực hiện Nghị quyết 57-NQ/TW',
      issuedOn: '2025-02-20',
      coordinatorOrgId: orgIds['Sở Khoa học và Công nghệ'] ?? null,
      reportingDay: 18,
      meetingDay: 23,
      implements: ['03/NQ-CP'],
    });
    const section = await createSection(db.db, SYSTEM_ACTOR, directive.id, { code: 'I', title: 'Nâng cao nhận thức, đột phá về đổi mới tư duy' });
    const health = await createTask(db.db, SYSTEM_ACTOR, {
      directiveId: directive.id,
      sectionId: section.id,
      ordinal: '27',
      title: 'Số hóa dữ liệu y tế, đất đai phục vụ thủ tục hành chính',
      deadlineText: '5/2025',
      leads: [{ name: 'Sở Y tế' }],
      coordinators: [{ name: 'Sở Khoa học và Công nghệ' }],
    });
    const home = await createTask(db.db, SYSTEM_ACTOR, {
      directiveId: directive.id,
      ordinal: '8',
      title: 'Phát động phong trào thi đua đổi mới sáng tạo',
      deadlineText: 'Thường xuyên',
      leads: [{ name: 'Sở Nội Vụ' }],
      coordinators: [],
    });
    const sessions = new Map<AccountName, Session>();
    const session = async (name: AccountName): Promise<Session> => {
      const known = sessions.get(name);
      if (known) return known;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: name.toLowerCase(), password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${name}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'namro_session');
      const body = res.json<{ csrfToken: string; user: { id: number } }>();
      const s = { cookie: `namro_session=${cookie?.value ?? ''}`, csrf: body.csrfToken, userId: body.user.id };
      sessions.set(name, s);
      return s;
    };
    api = {
      app,
      db,
      orgIds,
      userIds,
      directiveId: directive.id,
      healthTaskId: health.id,
      homeTaskId: home.id,
      healthAssignmentId: health.assignments[0]?.id ?? 0,
      homeAssignmentId: home.assignments[0]?.id ?? 0,
      sectionId: section.id,
      session,
      async call(name, method, url, body) {
        const headers: Record<string, string> = {};
        if (name) {
          const s = await session(name);
          headers.cookie = s.cookie;
          headers['x-csrf-token'] = s.csrf;
        }
        return app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
      },
    };
  });
  afterAll(async () => {
    await api?.app.close();
    await api?.db.close();
  });
  return {
    get: () => {
      if (!api) throw new Error('setupApi not ready');
      return api;
    },
  };
}
