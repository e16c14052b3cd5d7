import { expect, it } from 'vitest';
import { forEachDialect } from './helpers/db.ts';
import { type AccountName, type TestApi, setupApi } from './helpers/api.ts';

/** Every write route with a valid body, and who may call it: the base for the mutations below. */
interface WriteRoute {
  method: 'POST' | 'PATCH' | 'PUT';
  url: (api: TestApi) => string;
  as: AccountName;
  body: (api: TestApi) => Record<string, unknown>;
}
let n = 0;
const WRITES: WriteRoute[] = [
  { method: 'POST', url: () => '/api/orgs', as: 'admin', body: () => ({ code: `BAD-${++n}`, name: 'Phòng thử', kind: 'unit', aliases: ['PT'] }) },
  { method: 'PATCH', url: (a) => `/api/orgs/${a.orgIds['Sở Y tế']}`, as: 'admin', body: () => ({ shortName: 'SYT', email: 'syt@example.vn' }) },
  { method: 'POST', url: () => '/api/users', as: 'admin', body: (a) => ({ username: `bad${++n}`, fullName: 'Người thử', role: 'viewer', orgId: a.orgIds['Sở Y tế'], password: 'mat-khau-123' }) },
  { method: 'PATCH', url: (a) => `/api/users/${a.userIds.viewer}`, as: 'admin', body: () => ({ fullName: 'Người xem', role: 'viewer' }) },
  { method: 'POST', url: () => '/api/directives', as: 'coordinator', body: () => ({ number: `${++n}/KH-UBND`, kind: 'plan', title: 'Kế hoạch', issuedOn: '2025-02-20', reportingDay: 18 }) },
  { method: 'PATCH', url: (a) => `/api/directives/${a.directiveId}`, as: 'coordinator', body: () => ({ title: 'Kế hoạch 726', meetingDay: 23 }) },
  { method: 'POST', url: (a) => `/api/directives/${a.directiveId}/sections`, as: 'coordinator', body: () => ({ code: 'XI', title: 'Mục mới' }) },
  { method: 'POST', url: () => '/api/tasks', as: 'coordinator', body: (a) => ({ directiveId: a.directiveId, ordinal: '99', title: 'Nhiệm vụ', leads: [{ name: 'Sở Y tế' }], deadlineText: '12/2025' }) },
  { method: 'PATCH', url: (a) => `/api/tasks/${a.healthTaskId}`, as: 'coordinator', body: () => ({ title: 'Số hóa dữ liệu y tế', product: 'CSDL' }) },
  { method: 'PATCH', url: (a) => `/api/assignments/${a.healthAssignmentId}`, as: 'healthStaff', body: () => ({ progress: 40, responsiblePerson: 'Đỗ Văn A' }) },
  { method: 'POST', url: () => '/api/auth/login', as: 'viewer', body: () => ({ username: 'viewer', password: 'sai-mat-khau' }) },
  { method: 'POST', url: () => '/api/me/password', as: 'viewer', body: () => ({ currentPassword: 'x', newPassword: 'mat-khau-moi-1' }) },
  { method: 'POST', url: () => '/api/me/tokens', as: 'viewer', body: () => ({ name: 'Tích hợp' }) },
  { method: 'PATCH', url: () => '/api/me', as: 'viewer', body: () => ({ mailMode: 'digest', locale: 'vi' }) },
  { method: 'PUT', url: (a) => `/api/assignments/${a.homeAssignmentId}/report`, as: 'homeStaff', body: () => ({ results: 'Đã phát động phong trào', progress: 30 }) },
  { method: 'POST', url: (a) => `/api/assignments/${a.homeAssignmentId}/extensions`, as: 'healthLeader', body: () => ({ requestedDueOn: '2030-01-31', reason: 'Chờ kinh phí' }) },
  { method: 'POST', url: (a) => `/api/assignments/${a.healthAssignmentId}/completions`, as: 'healthLeader', body: () => ({ productNote: 'Kho dữ liệu' }) },
  { method: 'POST', url: (a) => `/api/tasks/${a.healthTaskId}/comments`, as: 'leader', body: () => ({ kind: 'direction', body: 'Khẩn trương hoàn thành' }) },
  { method: 'PUT', url: () => '/api/settings/status.dueSoonDays', as: 'admin', body: () => ({ value: 7 }) },
  { method: 'PUT', url: () => '/api/calendar/days/2031-05-02', as: 'admin', body: () => ({ kind: 'day_off', name: 'Nghỉ hoán đổi' }) },
  { method: 'POST', url: () => '/api/imports', as: 'coordinator', body: () => ({ text: 'Giao Sở Y tế chủ trì, hoàn thành trước ngày 30/6/2025.' }) },
];

const GETS = ['/api/orgs', '/api/users', '/api/directives', '/api/tasks', '/api/assignments', '/api/audit', '/api/reports', '/api/notifications'];

function expectCleanError(res: { statusCode: number; body: string }, label: string): void {
  const shown = `${label}: ${res.body.slice(0, 300)}`;
  expect(res.statusCode, shown).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, shown).toBeLessThan(500);
  const body = JSON.parse(res.body) as { error?: { code?: string; message?: string } };
  expect(body.error?.code, label).toMatch(/^[a-z_]+$/);
  // The message is Vietnamese: it carries Vietnamese letters.
  expect(body.error?.message, label).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýộệữữ]/i);
}

forEachDialect('bad input gets a clear 4xx', (dialect) => {
  const ctx = setupApi(dialect);

  it('malformed JSON, wrong content type and an oversize body', async () => {
    const api = ctx.get();
    const s = await api.session('admin');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    for (const w of WRITES) {
      const url = w.url(api);
      const broken = await api.app.inject({ method: w.method, url, headers: { ...headers, 'content-type': 'application/json' }, payload: '{"name": "Sở' });
      expectCleanError(broken, `${w.method} ${url} broken JSON`);
      const xml = await api.app.inject({ method: w.method, url, headers: { ...headers, 'content-type': 'application/xml' }, payload: '<a/>' });
      expectCleanError(xml, `${w.method} ${url} xml`);
    }
    const huge = await api.app.inject({ method: 'POST', url: '/api/orgs', headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }) });
    expectCleanError(huge, 'huge body');
    expect(huge.statusCode).toBe(413);
  });

  it('missing fields, wrong types and oversize strings on every write route', async () => {
    const api = ctx.get();
    for (const w of WRITES) {
      const url = w.url(api);
      const valid = w.body(api);
      if (w.method === 'POST') {
        const empty = await api.call(w.as, w.method, url, {});
        expectCleanError(empty, `${url} {}`);
        expect(empty.json()).toMatchObject({ error: { code: 'validation_failed' } });
        expect(empty.json<{ error: { fields: unknown[] } }>().error.fields.length).toBeGreaterThan(0);
      }
      for (const key of Object.keys(valid)) {
        for (const wrong of [{ nested: true }, [1, 2], 12345.5, -1, true, 'x'.repeat(200_000)]) {
          if (typeof valid[key] === 'number' && wrong === 12345.5 && key !== 'orgId') continue;
          const res = await api.call(w.as, w.method, url, { ...w.body(api), [key]: wrong });
          if (res.statusCode < 400) {
            // Some values are legitimately accepted (e.g. a number where any number is fine); never a 5xx.
            expect(res.statusCode, `${url} ${key}=${JSON.stringify(wrong).slice(0, 40)}`).toBeLessThan(300);
            continue;
          }
          expectCleanError(res, `${w.method} ${url} ${key}=${JSON.stringify(wrong).slice(0, 40)}`);
        }
      }
    }
  });

  it('unknown and malformed ids', async () => {
    const api = ctx.get();
    for (const base of ['/api/orgs', '/api/users', '/api/directives', '/api/tasks', '/api/assignments']) {
      const unknown = await api.call('admin', 'GET', `${base}/987654`);
      expect(unknown.statusCode, base).toBe(404);
      expectCleanError(unknown, `${base}/987654`);
      for (const bad of ['abc', '-1', '0', '1.5', '99999999999999999999', "1'%20OR%20'1'='1"]) {
        const res = await api.call('admin', 'GET', `${base}/${bad}`);
        expectCleanError(res, `${base}/${bad}`);
      }
      const patch = await api.call('admin', 'PATCH', `${base}/987654`, {});
      expectCleanError(patch, `PATCH ${base}/987654`);
    }
    // References to things that do not exist inside a valid body.
    const refs = [
      await api.call('admin', 'POST', '/api/orgs', { code: 'REF-1', name: 'Phòng', kind: 'unit', parentId: 987654 }),
      await api.call('admin', 'POST', '/api/users', { username: 'refuser', fullName: 'A', role: 'viewer', orgId: 987654, password: 'mat-khau-123' }),
      await api.call('coordinator', 'POST', '/api/tasks', { directiveId: 987654, ordinal: '1', title: 'Nhiệm vụ' }),
      await api.call('coordinator', 'POST', '/api/assignments', { taskId: api.healthTaskId, orgId: 987654 }),
    ];
    for (const r of refs) expectCleanError(r, r.body);
  });

  it('bad query strings on every list', async () => {
    const api = ctx.get();
    for (const url of GETS) {
      const searchable = url !== '/api/audit' && url !== '/api/notifications';
      for (const q of ['page=0', 'page=abc', 'pageSize=100000', 'pageSize=-5', ...(searchable ? [`q=${'a'.repeat(300)}`, 'sort=drop%20table'] : [])]) {
        const res = await api.call('admin', 'GET', `${url}?${q}`);
        expectCleanError(res, `${url}?${q}`);
      }
    }
    for (const url of ['/api/tasks?directiveId=3000000000', '/api/assignments?orgId=99999999999', '/api/users?orgId=-4', '/api/orgs?parentId=1e30', '/api/audit?actorUserId=2147483648']) {
      expectCleanError(await api.call('admin', 'GET', url), url);
    }
    const unknownRoute = await api.call('admin', 'GET', '/api/nothing-here');
    expect(unknownRoute.statusCode).toBe(404);
    expectCleanError(unknownRoute, 'unknown route');
  });

  it('answers broken percent-escapes and over-long path parameters in the error shape of the app (found by the fuzz)', async () => {
    const api = ctx.get();
    for (const url of ['/api/tasks/%/timeline', '/api/orgs/%FF%FE', '/api/files/%E0%A4%A?q=1', `/api/tasks/${'x'.repeat(10_000)}`]) {
      const res = await api.call('admin', 'GET', url);
      expectCleanError(res, url.slice(0, 60));
      expect(res.json()).toMatchObject({ error: { code: 'malformed_request', message: expect.stringContaining('URL') } });
    }
  });

  it('refuses NUL characters anywhere, even before signing in', async () => {
    const api = ctx.get();
    const cases = [
      await api.call('coordinator', 'POST', '/api/directives', { number: '1/KH', kind: 'plan', title: 'a\u0000b' }),
      await api.call('admin', 'GET', '/api/orgs?q=a%00b'),
      await api.call(null, 'POST', '/api/auth/login', { username: 'a\u0000b', password: 'x' }),
      await api.call('admin', 'PATCH', `/api/orgs/${api.orgIds['Sở Y tế']}`, { aliases: ['ok', 'x\u0000'] }),
    ];
    for (const res of cases) {
      expectCleanError(res, res.body);
      expect(res.json()).toMatchObject({ error: { code: 'validation_failed' } });
    }
  });

  it('stores SQL and HTML in text fields as plain text, harmlessly', async () => {
    const api = ctx.get();
    const evil = `'); DROP TABLE orgs; -- <script>alert("x")</script> %_\\`;
    const created = await api.call('admin', 'POST', '/api/orgs', { code: 'EVIL-1', name: evil, kind: 'unit', aliases: [evil] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    const read = await api.call('admin', 'GET', `/api/orgs/${id}`);
    expect(read.json<{ name: string }>().name).toBe(evil.replace(/\s+/g, ' ').trim());
    expect(read.headers['content-type']).toContain('application/json');
    const search = await api.call('admin', 'GET', `/api/orgs?q=${encodeURIComponent("' OR 1=1 --")}`);
    expect(search.statusCode).toBe(200);
    expect(search.json<{ total: number }>().total).toBe(0);
    const task = await api.call('coordinator', 'POST', '/api/tasks', { directiveId: api.directiveId, ordinal: '100', title: evil, product: evil });
    expect(task.statusCode, task.body).toBe(201);
    const all = await api.call('admin', 'GET', '/api/orgs?pageSize=200&includeInactive=true');
    expect(all.json<{ total: number }>().total).toBeGreaterThan(50);
  });
});
