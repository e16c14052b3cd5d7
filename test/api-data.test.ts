import { expect, it } from 'vitest';
import { forEachDialect } from './helpers/db.ts';
import { setupApi } from './helpers/api.ts';

interface Page<T> {
  items: T[];
  total: number;
}

forEachDialect('organisations, directives, tasks and assignments', (dialect) => {
  const ctx = setupApi(dialect);

  it('finds orgs accent-insensitively and sorts them in Vietnamese order', async () => {
    const api = ctx.get();
    const found = (await api.call('viewer', 'GET', '/api/orgs?q=so%20khoa%20hoc')).json<Page<{ name: string }>>();
    expect(found.items.map((o) => o.name)).toContain('Sở Khoa học và Công nghệ');
    const abbreviated = (await api.call('viewer', 'GET', `/api/orgs?q=${encodeURIComponent('KH&CN')}`)).json<Page<{ name: string }>>();
    expect(abbreviated.items.map((o) => o.name)).toContain('Sở Khoa học và Công nghệ');
    const sorted = (await api.call('viewer', 'GET', '/api/orgs?kind=department&sort=name&pageSize=100')).json<Page<{ name: string }>>();
    const names = sorted.items.map((o) => o.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    // Merged departments are hidden unless asked for.
    expect(names).not.toContain('Sở Thông tin và Truyền thông');
    const all = (await api.call('viewer', 'GET', '/api/orgs?kind=department&includeInactive=true&pageSize=100')).json<Page<{ name: string }>>();
    expect(all.items.map((o) => o.name)).toContain('Sở Thông tin và Truyền thông');
  });

  it('resolves names as documents write them: abbreviations, merged departments, collectives', async () => {
    const api = ctx.get();
    const resolve = async (name: string) => (await api.call('viewer', 'GET', `/api/orgs/resolve?name=${encodeURIComponent(name)}`)).json<{ status: string; org: { name: string } | null; orgs: { name: string }[]; replaced?: { name: string } }>();
    expect((await resolve('Sở KH&CN')).org?.name).toBe('Sở Khoa học và Công nghệ');
    const merged = await resolve('Sở Giao thông vận tải');
    expect(merged.org?.name).toBe('Sở Xây dựng');
    expect(merged.replaced?.name).toBe('Sở Giao thông vận tải');
    expect((await resolve('Sở Tài nguyên và Môi trường.')).org?.name).toBe('Sở Nông nghiệp và Môi trường');
    const group = await resolve('Các sở, ban, ngành');
    expect(group.status).toBe('group');
    expect(group.orgs.map((o) => o.name)).toEqual(expect.arrayContaining(['Sở Y tế', 'Sở Nội vụ', 'Công an tỉnh']));
    expect(group.orgs.map((o) => o.name)).not.toContain('Sở Thông tin và Truyền thông');
    expect((await resolve('C06 - Bộ Công an')).org?.name).toBe('Bộ Công an - C06');
    expect((await resolve('Cơ quan không có thật')).status).toBe('unknown');
  });

  it('fans a collective lead out to one assignment per member and keeps the name as written', async () => {
    const api = ctx.get();
    const res = await api.call('coordinator', 'POST', '/api/tasks', {
      directiveId: api.directiveId,
      ordinal: '22',
      title: 'Đảm bảo 100% thủ tục hành chính liên quan đến doanh nghiệp được thực hiện trực tuyến',
      leads: [{ name: 'Các sở, ban, ngành' }],
      coordinators: [{ name: 'Văn phòng UBND tỉnh' }],
      product: 'TTHC thực hiện trực tuyến',
      deadlineText: '5/2025 và thực hiện thường xuyên',
    });
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json<{ id: number; deadlineKind: string; dueOn: string; leads: { nameAsWritten: string; orgName: string }[]; assignments: { orgName: string; dueOn: string }[] }>();
    expect(task.deadlineKind).toBe('compound');
    expect(task.dueOn).toBe('2025-05-31');
    expect(task.leads).toEqual([expect.objectContaining({ nameAsWritten: 'Các sở, ban, ngành', orgName: 'Các sở, ban, ngành' })]);
    expect(task.assignments.length).toBeGreaterThan(10);
    expect(task.assignments.map((a) => a.orgName)).toEqual(expect.arrayContaining(['Sở Y tế', 'Sở Tư pháp']));
    expect(task.assignments.every((a) => a.dueOn === '2025-05-31')).toBe(true);
    // Sở Y tế now sees this task too, and only its own assignment on it.
    const seen = await api.call('healthStaff', 'GET', `/api/tasks/${task.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<{ assignments: { orgName: string }[] }>().assignments.map((a) => a.orgName)).toEqual(['Sở Y tế']);
  });

  it('finds tasks by "dat dai" and "đất đai" alike, filters and pages', async () => {
    const api = ctx.get();
    for (const q of ['dat dai', 'đất đai', 'ĐẤT ĐAI']) {
      const page = (await api.call('leader', 'GET', `/api/tasks?q=${encodeURIComponent(q)}`)).json<Page<{ id: number }>>();
      expect(page.items.map((t) => t.id), q).toEqual([api.healthTaskId]);
    }
    const ongoing = (await api.call('leader', 'GET', '/api/tasks?deadlineKind=ongoing')).json<Page<{ id: number }>>();
    expect(ongoing.items.map((t) => t.id)).toContain(api.homeTaskId);
    const paged = (await api.call('leader', 'GET', '/api/tasks?pageSize=1&page=2&sort=title')).json<Page<{ id: number }> & { page: number }>();
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(3);
    const overdue = (await api.call('leader', 'GET', '/api/tasks?statusClass=overdue')).json<Page<{ id: number }>>();
    expect(overdue.items.map((t) => t.id)).toContain(api.healthTaskId);
    // By due date either way, those without a date last (both lists, both databases).
    for (const path of ['/api/tasks', '/api/assignments'])
      for (const sort of ['due_on', '-due_on']) {
        const dates = (await api.call('leader', 'GET', `${path}?sort=${sort}&pageSize=100`)).json<Page<{ dueOn: string | null }>>().items.map((t) => t.dueOn);
        const undated = dates.indexOf(null);
        expect(undated, `${path} ${sort}: ${dates.join(',')}`).toBeGreaterThan(0);
        expect(dates.slice(undated).every((d) => d === null)).toBe(true);
        const dated = dates.slice(0, undated) as string[];
        const ascending = [...dated].sort();
        expect(dated).toEqual(sort === 'due_on' ? ascending : ascending.reverse());
      }
  });

  it('a partial update changes only what it names, and the audit log records before and after', async () => {
    const api = ctx.get();
    const res = await api.call('coordinator', 'PATCH', `/api/tasks/${api.healthTaskId}`, { product: 'Kho dữ liệu y tế đã số hóa' });
    expect(res.statusCode, res.body).toBe(200);
    const task = res.json<{ product: string; assignments: unknown[]; leads: unknown[] }>();
    expect(task.product).toBe('Kho dữ liệu y tế đã số hóa');
    expect(task.assignments).toHaveLength(1);
    expect(task.leads).toHaveLength(1);
    const audit = (await api.call('inspector', 'GET', `/api/audit?entityType=task&entityId=${api.healthTaskId}&action=update`)).json<Page<{ actor: string; before: { product: string | null }; after: { product: string } }>>();
    expect(audit.items[0]).toMatchObject({ actor: 'coordinator', before: { product: null }, after: { product: 'Kho dữ liệu y tế đã số hóa' } });
  });

  it('records every change in the audit log, in the same transaction', async () => {
    const api = ctx.get();
    const count = async () => (await api.call('admin', 'GET', '/api/audit?pageSize=1')).json<Page<unknown>>().total;
    const writes: [Parameters<typeof api.call>[0], 'POST' | 'PATCH', string, unknown][] = [
      ['admin', 'POST', '/api/orgs', { code: 'AUDIT-1', name: 'Phòng Kiểm tra', kind: 'unit', parentId: api.orgIds['Sở Y tế'] }],
      ['admin', 'PATCH', `/api/orgs/${api.orgIds['Sở Y tế']}`, { email: 'soyte@haiduong.gov.vn' }],
      ['admin', 'POST', '/api/users', { username: 'audit.user', fullName: 'Người kiểm tra', role: 'viewer', orgId: api.orgIds['Sở Y tế'], password: 'mat-khau-123' }],
      ['coordinator', 'POST', '/api/directives', { number: '999/KH-UBND', kind: 'plan', title: 'Kế hoạch kiểm tra', implements: ['726/KH-UBND'] }],
      ['coordinator', 'PATCH', `/api/directives/${api.directiveId}`, { signerName: 'Lê Ngọc Châu' }],
      ['coordinator', 'POST', `/api/directives/${api.directiveId}/sections`, { code: 'I', title: 'Nâng cao nhận thức' }],
      ['healthStaff', 'PATCH', `/api/assignments/${api.healthAssignmentId}`, { progress: 30, responsiblePerson: 'Đỗ Văn A' }],
      ['coordinator', 'PATCH', `/api/assignments/${api.healthAssignmentId}`, { dueOn: '2025-07-31', dueChangeReason: 'Theo Thông báo kết luận' }],
    ];
    for (const [who, method, url, body] of writes) {
      const before = await count();
      const res = await api.call(who, method, url, body);
      expect(res.statusCode, `${url} ${res.body.slice(0, 200)}`).toBeLessThan(300);
      expect(await count(), url).toBeGreaterThan(before);
    }
    const detail = (await api.call('healthLeader', 'GET', `/api/assignments/${api.healthAssignmentId}`)).json<{ dueOn: string; originalDueOn: string; progress: number; dueChanges: { oldDueOn: string; newDueOn: string; reason: string }[] }>();
    expect(detail).toMatchObject({ dueOn: '2025-07-31', originalDueOn: '2025-05-31', progress: 30 });
    expect(detail.dueChanges).toEqual([expect.objectContaining({ oldDueOn: '2025-05-31', newDueOn: '2025-07-31', reason: 'Theo Thông báo kết luận' })]);
    // The new plan links to 726, and 726 lists it among the plans implementing it.
    const plan = (await api.call('viewer', 'GET', `/api/directives/${api.directiveId}`)).json<{ implementedBy: { number: string }[] }>();
    expect(plan.implementedBy.map((d) => d.number)).toContain('999/KH-UBND');
    // A refused write leaves nothing behind, not even an audit row.
    const before = await count();
    const refused = await api.call('healthStaff', 'PATCH', `/api/assignments/${api.healthAssignmentId}`, { dueOn: '2026-01-31', dueChangeReason: 'Tự gia hạn' });
    expect(refused.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('refuses a responsible person from another org, section cycles and foreign parents', async () => {
    const api = ctx.get();
    const foreign = await api.call('healthStaff', 'PATCH', `/api/assignments/${api.healthAssignmentId}`, { responsibleUserId: api.userIds.homeStaff });
    expect(foreign.statusCode).toBe(400);
    const own = await api.call('healthStaff', 'PATCH', `/api/assignments/${api.healthAssignmentId}`, { responsibleUserId: api.userIds.healthStaff });
    expect(own.statusCode).toBe(200);
    const child = (await api.call('coordinator', 'POST', `/api/directives/${api.directiveId}/sections`, { code: 'I.1', title: 'Mục con', parentId: api.sectionId })).json<{ id: number }>();
    const cycle = await api.call('coordinator', 'PATCH', `/api/sections/${api.sectionId}`, { parentId: child.id });
    expect(cycle.statusCode).toBe(400);
    const other = (await api.call('otherCoordinator', 'POST', '/api/directives', { number: '55/TB-UBND', kind: 'conclusion_notice', title: 'Thông báo' })).json<{ id: number }>();
    const otherSection = (await api.call('otherCoordinator', 'POST', `/api/directives/${other.id}/sections`, { code: '1', title: 'Mục' })).json<{ id: number }>();
    expect((await api.call('coordinator', 'PATCH', `/api/sections/${child.id}`, { parentId: otherSection.id })).statusCode).toBe(400);
    const missingGroup = await api.call('coordinator', 'PATCH', `/api/tasks/${api.healthTaskId}`, { workingGroupId: 999999 });
    expect(missingGroup.statusCode).toBe(400);
  });

  it('answers an empty section patch with the section unchanged (found by the fuzz: was a 500)', async () => {
    const api = ctx.get();
    const before = (await api.call('coordinator', 'GET', `/api/sections/${api.sectionId}`)).json<{ title: string }>();
    const res = await api.call('coordinator', 'PATCH', `/api/sections/${api.sectionId}`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(before);
  });

  it('shows a task with no resolvable lead as overdue once its date has passed', async () => {
    const api = ctx.get();
    const res = await api.call('coordinator', 'POST', '/api/tasks', { directiveId: api.directiveId, ordinal: '77', title: 'Nhiệm vụ của cơ quan chưa có trong danh mục', leads: [{ name: 'Ban Quản lý dự án không có thật' }], deadlineText: '01/2024' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ statusClass: 'overdue', assignments: [], leads: [{ nameAsWritten: 'Ban Quản lý dự án không có thật', orgId: null }] });
  });

  it('serves the OpenAPI 3.1 document built from the same schemas', async () => {
    const api = ctx.get();
    const res = await api.call(null, 'GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/orgs', '/api/orgs/{id}', '/api/directives', '/api/tasks', '/api/tasks/{id}', '/api/assignments/{id}', '/api/users', '/api/auth/login', '/api/health', '/api/audit']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/tasks']?.post?.requestBody).toBeDefined();
    const docs = await api.call(null, 'GET', '/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['x-frame-options']).toBeDefined();
  });
});
