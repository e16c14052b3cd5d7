import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from './helpers/db.ts';
import { buildZip } from './helpers/zip.ts';
import { type AccountName, type TestApi, setupApi } from './helpers/api.ts';

interface ImportResult {
  committed: boolean;
  saved: number;
  skipped: number;
  errors: number;
  rows: { row: number; assignmentId: number | null; task: string | null; outcome: string; message: string }[];
}
interface ReportView {
  id: number | null;
  state: string;
  results: string;
  progress: number;
  obstacles: string | null;
  proposals: string | null;
}

async function download(api: TestApi, who: AccountName, query: string): Promise<ExcelJS.Workbook> {
  const res = await api.call(who, 'GET', `/api/exports/report-template.xlsx?${query}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

async function upload(api: TestApi, who: AccountName, bytes: Buffer, name = 'bao-cao.xlsx') {
  const s = await api.session(who);
  const boundary = `----namro${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return api.app.inject({ method: 'POST', url: '/api/imports/report-template', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

const bytesOf = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());
const sheetOf = (book: ExcelJS.Workbook) => {
  const sheet = book.getWorksheet('Báo cáo');
  if (!sheet) throw new Error('no sheet');
  return sheet;
};
/** The body row of an assignment (column A holds its id). */
const rowOf = (sheet: ExcelJS.Worksheet, assignmentId: number) => {
  for (let n = 3; n <= sheet.rowCount; n++) if (sheet.getCell(n, 1).value === assignmentId) return sheet.getRow(n);
  throw new Error(`no row for assignment ${assignmentId}`);
};
const report = async (api: TestApi, assignmentId: number, who: AccountName = 'healthStaff') => (await api.call(who, 'GET', `/api/assignments/${assignmentId}/report?period=2025-05`)).json<ReportView>();

forEachDialect('offline Excel report template and its import', (dialect) => {
  const ctx = setupApi(dialect);
  let ongoingId = 0;

  beforeAll(async () => {
    const api = ctx.get();
    const ongoing = await api.call('coordinator', 'POST', '/api/tasks', { directiveId: api.directiveId, ordinal: '30', title: 'Duy trì hệ thống hồ sơ sức khỏe điện tử', deadlineText: 'Thường xuyên', leads: [{ name: 'Sở Y tế' }] });
    expect(ongoing.statusCode, ongoing.body).toBe(201);
    ongoingId = ongoing.json<{ assignments: { id: number }[] }>().assignments[0]?.id ?? 0;
    // A task waiting for a condition is not asked for reports, so not in the template.
    const conditional = await api.call('coordinator', 'POST', '/api/tasks', { directiveId: api.directiveId, ordinal: '31', title: 'Triển khai khi có hướng dẫn', deadlineText: 'Sau khi Trung ương ban hành', leads: [{ name: 'Sở Y tế' }] });
    expect(conditional.statusCode, conditional.body).toBe(201);
    // Last period's report of the ongoing task prefills this period; the other task already has a draft.
    expect((await api.call('healthStaff', 'PUT', `/api/assignments/${ongoingId}/report`, { period: '2025-04', results: 'Kết quả tháng 4: 12 bệnh viện kết nối', progress: 20 })).statusCode).toBe(200);
    expect((await api.call('healthStaff', 'PUT', `/api/assignments/${api.healthAssignmentId}/report`, { period: '2025-05', results: 'Bản nháp tháng 5', progress: 30 })).statusCode).toBe(200);
  });

  it('gives the agency one row per open assignment, prefilled, with hidden ids and only the report cells editable', async () => {
    const api = ctx.get();
    const book = await download(api, 'healthStaff', 'period=2025-05');
    const sheet = sheetOf(book);
    expect(String(sheet.getCell(1, 1).value)).toContain('THÁNG 5/2025');
    expect(String(sheet.getCell(1, 1).value)).toContain('Sở Y tế');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Mã phân công', 'Kỳ báo cáo', 'TT', 'Văn bản', 'Nhiệm vụ', 'Thời gian hoàn thành', 'Tình trạng báo cáo kỳ này', 'Kết quả thực hiện', 'Tiến độ (%)', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị']);
    expect(sheet.rowCount).toBe(4); // tasks 27 and 30; not the conditional one, not Sở Nội vụ's
    expect(sheet.getColumn(1).hidden).toBe(true);
    expect(sheet.getColumn(2).hidden).toBe(true);
    expect(sheet.getColumn(8).hidden).toBe(false);

    const health = rowOf(sheet, api.healthAssignmentId);
    expect(health.getCell(2).value).toBe('2025-05');
    expect(health.getCell(3).value).toBe('27');
    expect(health.getCell(4).value).toBe('726/KH-UBND');
    expect(health.getCell(5).value).toBe('Số hóa dữ liệu y tế, đất đai phục vụ thủ tục hành chính');
    expect(health.getCell(7).value).toBe('Bản nháp');
    expect(health.getCell(8).value).toBe('Bản nháp tháng 5');
    expect(health.getCell(9).value).toBe(30);
    const ongoing = rowOf(sheet, ongoingId);
    expect(ongoing.getCell(7).value).toBe('Chưa lập (gợi ý từ kỳ 2025-04)');
    expect(ongoing.getCell(8).value).toBe('Kết quả tháng 4: 12 bệnh viện kết nối');
    expect(ongoing.getCell(9).value).toBe(20);

    // Protected sheet: ids and the task locked, the four report columns open, progress validated 0–100.
    expect((sheet as unknown as { sheetProtection?: unknown }).sheetProtection).toMatchObject({ sheet: true }); // not in exceljs's types
    for (const c of [1, 2, 3, 5, 7]) expect(health.getCell(c).protection?.locked, `column ${c}`).not.toBe(false);
    for (const c of [8, 9, 10, 11]) expect(health.getCell(c).protection?.locked, `column ${c}`).toBe(false);
    expect(health.getCell(9).dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, 100] });
    expect(book.getWorksheet('Hướng dẫn')?.getCell(1, 1).value).toBe('HƯỚNG DẪN ĐIỀN MẪU BÁO CÁO');
    const audit = (await api.call('inspector', 'GET', '/api/audit?entityType=report_template')).json<{ items: { actor: string; action: string; after: { rows: number; period: string } }[] }>();
    expect(audit.items[0]).toMatchObject({ actor: 'healthstaff', action: 'export', after: { rows: 2, period: '2025-05' } });
  });

  it('refuses a template for another agency, asks a coordinator which agency, and a future period', async () => {
    const api = ctx.get();
    expect((await api.call('homeStaff', 'GET', `/api/exports/report-template.xlsx?period=2025-05&orgId=${api.orgIds['Sở Y tế']}`)).statusCode).toBe(403);
    expect((await api.call('coordinator', 'GET', '/api/exports/report-template.xlsx?period=2025-05')).statusCode).toBe(400);
    const forHealth = sheetOf(await download(api, 'coordinator', `period=2025-05&orgId=${api.orgIds['Sở Y tế']}&directiveId=${api.directiveId}`));
    expect(forHealth.rowCount).toBe(4);
    const home = sheetOf(await download(api, 'homeStaff', 'period=2025-05'));
    expect(home.rowCount).toBe(3);
    expect(home.getCell(3, 1).value).toBe(api.homeAssignmentId);
    expect((await api.call('healthStaff', 'GET', '/api/exports/report-template.xlsx?period=2999-01')).statusCode).toBe(409);
    expect((await api.call('healthStaff', 'GET', '/api/exports/report-template.xlsx?period=2025-13')).statusCode).toBe(400);
    // Found by the fuzz: a year the working calendar cannot compute was a 500.
    expect((await api.call('healthStaff', 'GET', '/api/exports/report-template.xlsx?period=0073-10')).json()).toMatchObject({ error: { code: 'validation_failed' } });
    expect((await api.call(null, 'GET', '/api/exports/report-template.xlsx?period=2025-05')).statusCode).toBe(401);
  });

  it('refuses the whole file when one row belongs to another agency or has a bad progress, writing nothing', async () => {
    const api = ctx.get();
    const book = await download(api, 'healthStaff', 'period=2025-05');
    const sheet = sheetOf(book);
    const health = rowOf(sheet, api.healthAssignmentId);
    health.getCell(8).value = 'Đã số hóa 60% hồ sơ bệnh án';
    health.getCell(9).value = 60;
    const stranger = sheet.getRow(sheet.rowCount + 1);
    stranger.getCell(1).value = api.homeAssignmentId;
    stranger.getCell(2).value = '2025-05';
    stranger.getCell(8).value = 'Báo cáo thay Sở Nội vụ';
    stranger.getCell(9).value = 10;
    const res = await upload(api, 'healthStaff', await bytesOf(book));
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<ImportResult>();
    expect(result).toMatchObject({ committed: false, saved: 0, errors: 1 });
    const refused = result.rows.find((r) => r.assignmentId === api.homeAssignmentId);
    expect(refused).toMatchObject({ outcome: 'error', row: stranger.number });
    expect(refused?.message).toContain('không thuộc cơ quan của bạn');
    expect(refused?.message).toContain('Sở Nội vụ');
    expect(result.rows.find((r) => r.assignmentId === api.healthAssignmentId)).toMatchObject({ outcome: 'pending' });
    expect((await report(api, api.healthAssignmentId)).results).toBe('Bản nháp tháng 5');
    expect((await report(api, api.homeAssignmentId, 'homeStaff')).id).toBeNull();

    // Bad progress: over 100, or not a number.
    stranger.getCell(1).value = null;
    stranger.getCell(2).value = null;
    stranger.getCell(8).value = null;
    stranger.getCell(9).value = null;
    health.getCell(9).value = 150;
    rowOf(sheet, ongoingId).getCell(9).value = 'khoảng một nửa';
    const bad = (await upload(api, 'healthStaff', await bytesOf(book))).json<ImportResult>();
    expect(bad).toMatchObject({ committed: false, saved: 0, errors: 2 });
    for (const r of bad.rows) expect(r.message).toContain('Tiến độ phải là số nguyên từ 0 đến 100');
    expect((await report(api, api.healthAssignmentId)).progress).toBe(30);
    const refusedAudit = (await api.call('inspector', 'GET', '/api/audit?action=import_refused')).json<{ total: number }>();
    expect(refusedAudit.total).toBe(2);
  });

  it('round-trips: fills the template, saves drafts (never submits), skips untouched rows and submitted reports', async () => {
    const api = ctx.get();
    const book = await download(api, 'healthStaff', 'period=2025-05');
    const sheet = sheetOf(book);
    const health = rowOf(sheet, api.healthAssignmentId);
    health.getCell(8).value = 'Đã số hóa 60% hồ sơ bệnh án;\nkết nối 15 bệnh viện';
    health.getCell(9).value = 60;
    health.getCell(10).value = 'Thiếu kinh phí đầu tư máy chủ';
    health.getCell(11).value = { richText: [{ text: 'Đề nghị ' }, { font: { bold: true }, text: 'bổ sung kinh phí' }] };
    const res = await upload(api, 'healthStaff', await bytesOf(book));
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<ImportResult>();
    expect(result).toMatchObject({ committed: true, saved: 1, skipped: 1, errors: 0 });
    expect(result.rows.find((r) => r.assignmentId === ongoingId)).toMatchObject({ outcome: 'skipped', message: 'Chưa điền (giống nội dung gợi ý của mẫu); không lưu.' });
    expect(result.rows.find((r) => r.assignmentId === api.healthAssignmentId)).toMatchObject({ outcome: 'saved', task: '27. Số hóa dữ liệu y tế, đất đai phục vụ thủ tục hành chính' });
    const saved = await report(api, api.healthAssignmentId);
    expect(saved).toMatchObject({ state: 'draft', results: 'Đã số hóa 60% hồ sơ bệnh án;\nkết nối 15 bệnh viện', progress: 60, obstacles: 'Thiếu kinh phí đầu tư máy chủ', proposals: 'Đề nghị bổ sung kinh phí' });
    expect((await report(api, ongoingId)).id).toBeNull();
    const audit = (await api.call('inspector', 'GET', '/api/audit?entityType=report_template&action=import')).json<{ items: { actor: string; after: { saved: number } }[] }>();
    expect(audit.items[0]).toMatchObject({ actor: 'healthstaff', after: { saved: 1 } });
    const drafted = (await api.call('inspector', 'GET', `/api/audit?entityType=progress_report&entityId=${saved.id}`)).json<{ items: { action: string; after: { via?: string } }[] }>();
    expect(drafted.items[0]).toMatchObject({ action: 'update', after: { via: 'excel_template' } });

    // The same file again: nothing changed.
    const again = (await upload(api, 'healthStaff', await bytesOf(book))).json<ImportResult>();
    expect(again).toMatchObject({ committed: true, saved: 0, skipped: 2 });
    expect(again.rows.find((r) => r.assignmentId === api.healthAssignmentId)?.message).toBe('Không thay đổi so với bản nháp hiện có.');

    // Once the leader submits, the report is not overwritten.
    expect((await api.call('healthLeader', 'POST', `/api/reports/${saved.id}/submit`)).statusCode).toBe(200);
    health.getCell(8).value = 'Sửa sau khi đã gửi';
    const after = (await upload(api, 'healthStaff', await bytesOf(book))).json<ImportResult>();
    expect(after).toMatchObject({ committed: true, saved: 0, errors: 0 });
    expect(after.rows.find((r) => r.assignmentId === api.healthAssignmentId)).toMatchObject({ outcome: 'skipped', message: 'Báo cáo kỳ 2025-05 đã gửi, đang chờ thẩm định; không ghi đè.' });
    expect(await report(api, api.healthAssignmentId)).toMatchObject({ state: 'submitted', results: 'Đã số hóa 60% hồ sơ bệnh án;\nkết nối 15 bệnh viện' });
    // A template downloaded now shows the submitted row locked.
    const locked = rowOf(sheetOf(await download(api, 'healthStaff', 'period=2025-05')), api.healthAssignmentId);
    expect(locked.getCell(7).value).toBe('Đã gửi, chờ thẩm định (không sửa được)');
    expect(locked.getCell(8).protection?.locked).not.toBe(false);
  });

  it('refuses uploads from outside the agency and files that are not the template', async () => {
    const api = ctx.get();
    const book = await download(api, 'healthStaff', 'period=2025-05');
    const bytes = await bytesOf(book);
    expect((await upload(api, 'coordinator', bytes)).statusCode).toBe(403);
    const other = (await upload(api, 'homeStaff', bytes)).json<ImportResult>();
    expect(other).toMatchObject({ committed: false, saved: 0, errors: 2 });
    const text = await upload(api, 'healthStaff', Buffer.from('TT,Nhiệm vụ\n1,abc\n'), 'bao-cao.csv');
    expect(text.statusCode).toBe(415);
    const stranger = new ExcelJS.Workbook();
    stranger.addWorksheet('Báo cáo').addRow(['Không phải mẫu']);
    const wrong = await upload(api, 'healthStaff', await bytesOf(stranger));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ error: { message: string } }>().error.message).toContain('không đúng mẫu báo cáo');
    // The ZIP guard checks declared sizes before anything is unpacked.
    const bomb = await upload(api, 'healthStaff', buildZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(11 * 1024 * 1024) }]));
    expect(bomb.statusCode).toBe(400);
    expect(bomb.json<{ error: { message: string } }>().error.message).toContain('Tệp Excel giải nén quá lớn');
    const oldXls = await upload(api, 'healthStaff', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]), 'bao-cao.xls');
    expect(oldXls.statusCode).toBe(415);
    expect((await upload(api, 'healthStaff', buildZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]))).statusCode).toBe(400);
    const notMultipart = await api.call('healthStaff', 'POST', '/api/imports/report-template', { rows: [] });
    expect(notMultipart.statusCode).toBe(415);
  });
});
