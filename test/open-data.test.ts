import { beforeAll, expect, it } from 'vitest';
import { csvField, toCsv } from '../server/open-data/csv.ts';
import type { OpenTask } from '../server/open-data/service.ts';
import { forEachDialect } from './helpers/db.ts';
import { type TestApi, setupApi } from './helpers/api.ts';


/** A strict RFC 4180 reader, to check what the server writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

it('writes RFC 4180 CSV with a BOM and CRLF lines', () => {
  expect(csvField('Sở Y tế')).toBe('Sở Y tế');
  expect(csvField('a, b')).toBe('"a, b"');
  expect(csvField('Cổng "dữ liệu mở"')).toBe('"Cổng ""dữ liệu mở"""');
  expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
  expect(csvField(null)).toBe('');
  expect(csvField(42)).toBe('42');
  expect(toCsv(['TT', 'Tên'], [['1', 'x,y']])).toBe('\uFEFFTT,Tên\r\n1,"x,y"\r\n');
});

forEachDialect('open data', (dialect) => {
  const ctx = setupApi(dialect);
  const tasksUrl = (api: TestApi, ext: 'json' | 'csv') => `/api/open/directives/${api.directiveId}/tasks.${ext}`;
  const PERSONAL = ['healthstaff', 'healthleader', 'coordinator', 'Người dùng', 'Đỗ Văn A', 'syt.dm@haiduong.gov.vn', '@'];

  beforeAll(async () => {
    const api = ctx.get();
    // Personal data that must never leak: an e-mail, the responsible person, the names of whoever drafted and reviewed.
    expect((await api.call('healthStaff', 'PATCH', '/api/me', { email: 'syt.dm@haiduong.gov.vn' })).statusCode).toBe(200);
    const task = await api.call('coordinator', 'POST', '/api/tasks', {
      directiveId: api.directiveId,
      sectionId: api.sectionId,
      ordinal: '28',
      title: 'Xây dựng "Cổng dữ liệu mở", kết nối liên thông',
      product: 'Cổng dữ liệu mở tỉnh',
      deadlineText: 'Quý IV/2025',
      leads: [{ name: 'Sở Y tế' }],
      coordinators: [{ name: 'Sở Nội vụ' }, { name: 'Sở Khoa học và Công nghệ' }],
    });
    expect(task.statusCode, task.body).toBe(201);
    const assignmentId = task.json<{ assignments: { id: number }[] }>().assignments[0]?.id ?? 0;
    const draft = await api.call('healthStaff', 'PUT', `/api/assignments/${assignmentId}/report`, { period: '2025-05', results: 'Đã vận hành thử cổng,\ncông bố 40 bộ dữ liệu', progress: 70, responsiblePerson: 'Đỗ Văn A', obstacles: 'Thiếu nhân lực' });
    expect(draft.statusCode, draft.body).toBe(200);
    const reportId = draft.json<{ id: number }>().id;
    expect((await api.call('healthLeader', 'POST', `/api/reports/${reportId}/submit`)).statusCode).toBe(200);
    expect((await api.call('coordinator', 'POST', `/api/reports/${reportId}/review`, { decision: 'accept', comment: 'Đạt yêu cầu' })).statusCode).toBe(200);
    // A later report that is only submitted is not published.
    const june = await api.call('healthStaff', 'PUT', `/api/assignments/${assignmentId}/report`, { period: '2025-06', results: 'Bản nháp chưa thẩm định tháng 6', progress: 80 });
    expect((await api.call('healthLeader', 'POST', `/api/reports/${june.json<{ id: number }>().id}/submit`)).statusCode).toBe(200);
  });

  it('answers 404 in Vietnamese while a directive has not opted in, and for unknown ones', async () => {
    const api = ctx.get();
    for (const url of [tasksUrl(api, 'json'), tasksUrl(api, 'csv'), '/api/open/directives/999999/tasks.json']) {
      const res = await api.call(null, 'GET', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json<{ error: { message: string } }>().error.message).toBe('Văn bản này không tồn tại hoặc chưa được công bố dữ liệu mở.');
    }
    expect((await api.call(null, 'GET', '/api/open/directives')).json()).toEqual({ items: [] });
  });

  it('lets only the directive’s coordinator or an admin opt in, and records it', async () => {
    const api = ctx.get();
    for (const who of ['healthStaff', 'healthLeader', 'homeStaff', 'leader', 'viewer', 'otherCoordinator'] as const) {
      expect((await api.call(who, 'PATCH', `/api/directives/${api.directiveId}`, { openData: true })).statusCode, who).toBe(403);
    }
    expect((await api.call(null, 'PATCH', `/api/directives/${api.directiveId}`, { openData: true })).statusCode).toBe(401);
    const res = await api.call('coordinator', 'PATCH', `/api/directives/${api.directiveId}`, { openData: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ openData: true, openDataReports: false });
    const audit = (await api.call('inspector', 'GET', `/api/audit?action=open_data&entityId=${api.directiveId}`)).json<{ items: { actor: string; before: unknown; after: unknown }[] }>();
    expect(audit.items[0]).toMatchObject({ actor: 'coordinator', before: { openData: false, openDataReports: false }, after: { openData: true, openDataReports: false } });
  });

  it('publishes the task list without sign-in as JSON, with no personal data and no report text', async () => {
    const api = ctx.get();
    const list = await api.call(null, 'GET', '/api/open/directives');
    expect(list.statusCode).toBe(200);
    expect(list.headers['access-control-allow-origin']).toBe('*');
    expect(list.json()).toMatchObject({ items: [{ id: api.directiveId, number: '726/KH-UBND', title: 'Kế hoạch thực hiện Nghị quyết 57-NQ/TW', taskCount: 3, publishesReports: false }] });

    const res = await api.call(null, 'GET', tasksUrl(api, 'json'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ directive: { number: string }; tasks: OpenTask[] }>();
    expect(body.directive.number).toBe('726/KH-UBND');
    expect(body.tasks.map((t) => t.number)).toEqual(['27', '8', '28']);
    const portal = body.tasks.find((t) => t.number === '28');
    expect(portal).toEqual({
      number: '28',
      name: 'Xây dựng "Cổng dữ liệu mở", kết nối liên thông',
      section: { code: 'I', title: 'Nâng cao nhận thức, đột phá về đổi mới tư duy' },
      leadAgencies: ['Sở Y tế'],
      coordinatingAgencies: ['Sở Nội vụ', 'Sở Khoa học và Công nghệ'],
      product: 'Cổng dữ liệu mở tỉnh',
      deadlineText: 'Quý IV/2025',
      dueOn: '2025-12-31',
      status: 'overdue',
      statusLabel: 'Quá hạn',
      progress: 80,
      daysLate: expect.any(Number) as number,
    });
    expect(portal?.daysLate).toBeGreaterThan(0);
    expect(body.tasks.find((t) => t.number === '8')).toMatchObject({ section: null, status: 'ongoing', daysLate: 0, leadAgencies: ['Sở Nội vụ'] });
    for (const secret of [...PERSONAL, 'Đã vận hành thử cổng', 'Thiếu nhân lực', 'Đạt yêu cầu']) expect(res.body, secret).not.toContain(secret);
    // A stale or wrong token does not lock anyone out of public data.
    const withBadToken = await api.app.inject({ method: 'GET', url: tasksUrl(api, 'json'), headers: { authorization: 'Bearer nr_khong-hop-le' } });
    expect(withBadToken.statusCode).toBe(200);
  });

  it('publishes the same list as CSV: BOM, Vietnamese headers, RFC 4180 quoting', async () => {
    const api = ctx.get();
    const res = await api.call(null, 'GET', tasksUrl(api, 'csv'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-type']).toContain('charset=utf-8');
    expect(res.headers['content-disposition']).toContain('nhiem-vu-726-KH-UBND.csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = res.rawPayload.toString('utf8').slice(1);
    expect(text).toContain('"Xây dựng ""Cổng dữ liệu mở"", kết nối liên thông"');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['TT', 'Tên nhiệm vụ', 'Mục', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm', 'Thời gian hoàn thành', 'Hạn hoàn thành (yyyy-mm-dd)', 'Trạng thái', 'Mã trạng thái', 'Tiến độ (%)', 'Số ngày quá hạn']);
    expect(rows).toHaveLength(4);
    const portal = rows.find((r) => r[0] === '28');
    expect(portal?.slice(0, 11)).toEqual(['28', 'Xây dựng "Cổng dữ liệu mở", kết nối liên thông', 'I. Nâng cao nhận thức, đột phá về đổi mới tư duy', 'Sở Y tế', 'Sở Nội vụ; Sở Khoa học và Công nghệ', 'Cổng dữ liệu mở tỉnh', 'Quý IV/2025', '2025-12-31', 'Quá hạn', 'overdue', '80']);
    for (const secret of [...PERSONAL, 'Đã vận hành thử cổng']) expect(text, secret).not.toContain(secret);
  });

  it('adds the latest accepted report’s results only when the directive publishes reports, and withdraws cleanly', async () => {
    const api = ctx.get();
    expect((await api.call('admin', 'PATCH', `/api/directives/${api.directiveId}`, { openDataReports: true })).statusCode).toBe(200);
    const res = await api.call(null, 'GET', tasksUrl(api, 'json'));
    const tasks = res.json<{ tasks: OpenTask[] }>().tasks;
    expect(tasks.find((t) => t.number === '28')?.latestReport).toEqual({ period: '2025-05', agency: 'Sở Y tế', results: 'Đã vận hành thử cổng,\ncông bố 40 bộ dữ liệu' });
    expect(tasks.find((t) => t.number === '27')?.latestReport).toBeNull();
    // Only accepted reports: the submitted June report and everything about people stay out.
    for (const secret of [...PERSONAL, 'Bản nháp chưa thẩm định', 'Thiếu nhân lực', 'Đạt yêu cầu']) expect(res.body, secret).not.toContain(secret);

    const csv = parseCsv((await api.call(null, 'GET', tasksUrl(api, 'csv'))).rawPayload.toString('utf8').slice(1));
    expect(csv[0]?.slice(-3)).toEqual(['Kỳ báo cáo gần nhất được chấp nhận', 'Cơ quan báo cáo', 'Kết quả thực hiện']);
    expect(csv.find((r) => r[0] === '28')?.slice(-3)).toEqual(['2025-05', 'Sở Y tế', 'Đã vận hành thử cổng,\ncông bố 40 bộ dữ liệu']);
    expect(csv.find((r) => r[0] === '27')?.slice(-3)).toEqual(['', '', '']);

    const audit = (await api.call('inspector', 'GET', `/api/audit?action=open_data&entityId=${api.directiveId}`)).json<{ items: { actor: string; after: unknown }[] }>();
    expect(audit.items[0]).toMatchObject({ actor: 'admin', after: { openData: true, openDataReports: true } });

    expect((await api.call('coordinator', 'PATCH', `/api/directives/${api.directiveId}`, { openData: false })).statusCode).toBe(200);
    expect((await api.call(null, 'GET', tasksUrl(api, 'json'))).statusCode).toBe(404);
    expect((await api.call(null, 'GET', '/api/open/directives')).json()).toEqual({ items: [] });
  });

  it('documents the public routes in OpenAPI without security', async () => {
    const api = ctx.get();
    const doc = (await api.call(null, 'GET', '/api/openapi.json')).json<{ paths: Record<string, { get?: { tags?: string[]; security?: unknown[] } }> }>();
    for (const path of ['/api/open/directives', '/api/open/directives/{id}/tasks.json', '/api/open/directives/{id}/tasks.csv']) {
      expect(doc.paths[path]?.get?.tags, path).toEqual(['Dữ liệu mở (open data)']);
      expect(doc.paths[path]?.get?.security, path).toEqual([]);
    }
    expect(doc.paths['/api/exports/indicators.xlsx']?.get).toBeTruthy();
    expect(doc.paths['/api/exports/report-template.xlsx']?.get).toBeTruthy();
  });
});
