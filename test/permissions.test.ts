import { expect, it } from 'vitest';
import { forEachDialect } from './helpers/db.ts';
import { ACCOUNTS, type AccountName, type TestApi, setupApi } from './helpers/api.ts';

/**
 * The permission matrix: every role, on its own org's data and on another org's, reading and writing
 * every resource. A case lists who may; everyone else must be refused (403), never shown the data.
 */
type Method = 'GET' | 'POST' | 'PATCH';
interface Case {
  name: string;
  method: Method;
  url: (api: TestApi) => string;
  body?: (api: TestApi, who: AccountName) => unknown;
  allowed: AccountName[];
}

const EVERYONE = Object.keys(ACCOUNTS) as AccountName[];
const READS_ALL: AccountName[] = ['admin', 'coordinator', 'otherCoordinator', 'leader', 'inspector', 'viewer'];
let unique = 0;

const CASES: Case[] = [
  { name: 'read the org directory', method: 'GET', url: () => '/api/orgs', allowed: EVERYONE },
  { name: 'read one org', method: 'GET', url: (a) => `/api/orgs/${a.orgIds['Sở Y tế']}`, allowed: EVERYONE },
  { name: 'create an org', method: 'POST', url: () => '/api/orgs', body: (_a, who) => ({ code: `TEST-${who.toUpperCase()}-${++unique}`, name: `Phòng thử ${unique}`, kind: 'unit' }), allowed: ['admin'] },
  { name: 'update an org', method: 'PATCH', url: (a) => `/api/orgs/${a.orgIds['Sở Y tế']}`, body: () => ({ email: 'syt@haiduong.gov.vn' }), allowed: ['admin'] },
  { name: 'list users', method: 'GET', url: () => '/api/users', allowed: ['admin', 'inspector'] },
  { name: "read another user's account", method: 'GET', url: (a) => `/api/users/${a.userIds.viewer}`, allowed: ['admin', 'inspector', 'viewer'] },
  { name: 'create a user', method: 'POST', url: () => '/api/users', body: (a, who) => ({ username: `u${++unique}${who.toLowerCase()}`, fullName: 'Người mới', role: 'viewer', orgId: a.orgIds['Sở Y tế'], password: 'mat-khau-123' }), allowed: ['admin'] },
  { name: 'update a user', method: 'PATCH', url: (a) => `/api/users/${a.userIds.viewer}`, body: () => ({ title: 'Cán bộ' }), allowed: ['admin'] },
  { name: 'list directives', method: 'GET', url: () => '/api/directives', allowed: EVERYONE },
  { name: 'read a directive', method: 'GET', url: (a) => `/api/directives/${a.directiveId}`, allowed: EVERYONE },
  { name: 'create a directive', method: 'POST', url: () => '/api/directives', body: () => ({ number: `${++unique}/KH-UBND`, kind: 'plan', title: 'Kế hoạch thử' }), allowed: ['admin', 'coordinator', 'otherCoordinator'] },
  { name: 'update a directive it coordinates / not', method: 'PATCH', url: (a) => `/api/directives/${a.directiveId}`, body: () => ({ reportingDay: 18 }), allowed: ['admin', 'coordinator'] },
  { name: 'add a section', method: 'POST', url: (a) => `/api/directives/${a.directiveId}/sections`, body: () => ({ code: `S${++unique}`, title: 'Mục thử' }), allowed: ['admin', 'coordinator'] },
  { name: 'read a section', method: 'GET', url: (a) => `/api/sections/${a.sectionId}`, allowed: EVERYONE },
  { name: 'update a section', method: 'PATCH', url: (a) => `/api/sections/${a.sectionId}`, body: () => ({ title: 'Nâng cao nhận thức' }), allowed: ['admin', 'coordinator'] },
  { name: 'resolve an agency name', method: 'GET', url: () => '/api/orgs/resolve?name=S%E1%BB%9F%20Y%20t%E1%BA%BF', allowed: EVERYONE },
  { name: 'create an own API token', method: 'POST', url: () => '/api/me/tokens', body: () => ({ name: 'Tích hợp' }), allowed: EVERYONE },
  { name: 'add a lead agency to a task', method: 'POST', url: () => '/api/assignments', body: (a, who) => ({ taskId: a.homeTaskId, orgId: a.orgIds[who === 'admin' ? 'Thanh tra tỉnh' : 'Văn phòng UBND tỉnh'] }), allowed: ['admin', 'coordinator'] },
  { name: 'read own task (Sở Y tế)', method: 'GET', url: (a) => `/api/tasks/${a.healthTaskId}`, allowed: [...READS_ALL, 'healthLeader', 'healthStaff'] },
  { name: "read another org's task (Sở Nội vụ)", method: 'GET', url: (a) => `/api/tasks/${a.homeTaskId}`, allowed: [...READS_ALL, 'homeStaff'] },
  { name: 'create a task', method: 'POST', url: () => '/api/tasks', body: (a) => ({ directiveId: a.directiveId, ordinal: String(++unique), title: 'Nhiệm vụ thử', leads: [] }), allowed: ['admin', 'coordinator'] },
  { name: 'update a task', method: 'PATCH', url: (a) => `/api/tasks/${a.healthTaskId}`, body: () => ({ product: 'Kho dữ liệu' }), allowed: ['admin', 'coordinator'] },
  { name: 'read own assignment', method: 'GET', url: (a) => `/api/assignments/${a.healthAssignmentId}`, allowed: [...READS_ALL, 'healthLeader', 'healthStaff'] },
  { name: "read another org's assignment", method: 'GET', url: (a) => `/api/assignments/${a.homeAssignmentId}`, allowed: [...READS_ALL, 'homeStaff'] },
  { name: 'update progress of own assignment', method: 'PATCH', url: (a) => `/api/assignments/${a.healthAssignmentId}`, body: () => ({ responsiblePerson: 'Đỗ Văn A' }), allowed: ['admin', 'coordinator', 'healthLeader', 'healthStaff'] },
  { name: "update progress of another org's assignment", method: 'PATCH', url: (a) => `/api/assignments/${a.homeAssignmentId}`, body: () => ({ responsiblePerson: 'Vũ Thị B' }), allowed: ['admin', 'coordinator', 'homeStaff'] },
  { name: 'change the due date of an assignment', method: 'PATCH', url: (a) => `/api/assignments/${a.healthAssignmentId}`, body: () => ({ dueOn: '2025-06-30', dueChangeReason: 'Điều chỉnh theo chỉ đạo' }), allowed: ['admin', 'coordinator'] },
  { name: 'read the audit log', method: 'GET', url: () => '/api/audit', allowed: ['admin', 'inspector'] },
];

forEachDialect('permission matrix', (dialect) => {
  const ctx = setupApi(dialect);

  for (const c of CASES) {
    for (const who of EVERYONE) {
      const may = c.allowed.includes(who);
      it(`${who} (${ACCOUNTS[who].role}, ${ACCOUNTS[who].org}) ${may ? 'may' : 'may not'} ${c.name}`, async () => {
        const api = ctx.get();
        const res = await api.call(who, c.method, c.url(api), c.body?.(api, who));
        if (may) {
          expect(res.statusCode, res.body).toBeLessThan(300);
        } else {
          expect(res.statusCode, res.body).toBe(403);
          expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
          expect(res.body).not.toContain('"title"');
        }
      });
    }
  }

  it('lists show agencies only their own tasks and assignments', async () => {
    const api = ctx.get();
    const ids = async (who: AccountName, url: string) => (await api.call(who, 'GET', url)).json<{ items: { id: number }[] }>().items.map((i) => i.id);
    expect(await ids('healthStaff', `/api/tasks?directiveId=${api.directiveId}`)).toEqual([api.healthTaskId]);
    expect(await ids('homeStaff', `/api/tasks?directiveId=${api.directiveId}`)).toEqual([api.homeTaskId]);
    expect(await ids('healthLeader', '/api/assignments')).toEqual([api.healthAssignmentId]);
    expect(await ids('homeStaff', '/api/assignments')).toEqual([api.homeAssignmentId]);
    // Asking for another org's data by filter does not widen the scope.
    expect(await ids('homeStaff', `/api/assignments?orgId=${api.orgIds['Sở Y tế']}`)).toEqual([]);
    const all = await ids('leader', `/api/tasks?directiveId=${api.directiveId}`);
    expect(all).toEqual(expect.arrayContaining([api.healthTaskId, api.homeTaskId]));
  });

  it('anonymous callers get 401 on every resource', async () => {
    const api = ctx.get();
    for (const url of ['/api/orgs', '/api/users', '/api/directives', '/api/tasks', '/api/assignments', '/api/audit', '/api/me']) {
      const res = await api.call(null, 'GET', url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });
});
