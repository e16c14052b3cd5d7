import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { forEachDialect } from './helpers/db.ts';
import { type AccountName, type TestApi, setupApi } from './helpers/api.ts';

async function workbook(api: TestApi, who: AccountName, query: string): Promise<ExcelJS.Workbook> {
  const res = await api.call(who, 'GET', `/api/exports/tasks.xlsx?${query}`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

const cells = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

forEachDialect('Excel export of the task list', (dialect) => {
  const ctx = setupApi(dialect);

  it('writes the appendix columns, the tracking columns, a frozen header and filters', async () => {
    const api = ctx.get();
    await api.call('healthStaff', 'PATCH', `/api/assignments/${api.healthAssignmentId}`, { progress: 40 });
    const book = await workbook(api, 'leader', `directiveId=${api.directiveId}`);
    const sheet = book.getWorksheet('Nhiệm vụ');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell(1, 1).value).toBe('DANH MỤC NHIỆM VỤ — 726/KH-UBND');
    expect(cells(sheet, 2)).toEqual(['TT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm', 'Thời gian hoàn thành', 'Trạng thái', 'Tiến độ (%)', 'Báo cáo gần nhất', 'Số ngày quá hạn']);
    const rows = [3, 4].map((n) => cells(sheet, n));
    const health = rows.find((r) => r[0] === '27');
    expect(health?.slice(0, 3)).toEqual(['27', 'Số hóa dữ liệu y tế, đất đai phục vụ thủ tục hành chính', 'Sở Y tế']);
    expect(health?.[3]).toBe('Sở Khoa học và Công nghệ');
    expect(health?.[5]).toBe('5/2025');
    expect(health?.[6]).toBe('Quá hạn');
    expect(health?.[7]).toBe(40);
    expect(Number(health?.[9])).toBeGreaterThan(300);
    expect(rows.find((r) => r[0] === '8')?.[6]).toBe('Thường xuyên');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell(3, 2).alignment?.wrapText).toBe(true);
    expect(sheet.getCell(3, 2).font?.name).toBe('Times New Roman');
    const audit = (await api.call('inspector', 'GET', '/api/audit?action=export')).json<{ items: { actor: string; entityType: string }[] }>();
    expect(audit.items[0]).toMatchObject({ actor: 'leader', entityType: 'tasks_xlsx' });
  });

  it('gives an agency only its own tasks, and a sheet per section when asked', async () => {
    const api = ctx.get();
    const mine = (await workbook(api, 'homeStaff', `directiveId=${api.directiveId}`)).getWorksheet('Nhiệm vụ');
    expect(mine?.rowCount).toBe(3);
    expect(mine ? cells(mine, 3)[0] : null).toBe('8');
    const bySection = await workbook(api, 'coordinator', `directiveId=${api.directiveId}&bySection=true`);
    expect(bySection.worksheets.map((w) => w.name)).toEqual(['Mục I', 'Mục —']);
    expect(bySection.getWorksheet('Mục I')?.getCell(1, 1).value).toContain('I. Nâng cao nhận thức');
    expect((await api.call('leader', 'GET', '/api/exports/tasks.xlsx?statusClass=bogus')).statusCode).toBe(400);
  });
});
