import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { attainment, periodHeading } from '../server/exports/indicators-xlsx.ts';
import { forEachDialect } from './helpers/db.ts';
import { type AccountName, type TestApi, setupApi } from './helpers/api.ts';

async function workbook(api: TestApi, who: AccountName, directiveId: number): Promise<ExcelJS.Workbook> {
  const res = await api.call(who, 'GET', `/api/exports/indicators.xlsx?directiveId=${directiveId}`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(res.headers['content-disposition']).toContain('chi-tieu.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

const cells = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
const fillOf = (cell: ExcelJS.Cell) => (cell.fill.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);

it('reads periods and attainment the way Vietnamese reports write them', () => {
  expect(periodHeading('2025-05')).toBe('Tháng 5/2025');
  expect(periodHeading('2025-Q4')).toBe('Quý IV/2025');
  expect(periodHeading('2025-H1')).toBe('6 tháng đầu năm 2025');
  expect(attainment({ operator: 'gte', value: 90, valueMax: null }, 45)).toBe(50);
  expect(attainment({ operator: 'lte', value: 20, valueMax: null }, 25)).toBe(80);
  expect(attainment({ operator: 'lte', value: 20, valueMax: null }, 10)).toBe(100);
  expect(attainment({ operator: 'qualitative', value: null, valueMax: null }, 10)).toBeNull();
  expect(attainment({ operator: 'gte', value: 90, valueMax: null }, null)).toBeNull();
});

forEachDialect('Excel export of indicators', (dialect) => {
  const ctx = setupApi(dialect);
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const api = ctx.get();
    const now = new Date().toISOString();
    const specs = [
      ['1', null, 'Tỷ lệ dịch vụ công trực tuyến toàn trình', '%', '≥ 90%', 'gte', 90],
      ['1.1', '1', 'Tỷ lệ hồ sơ y tế xử lý trực tuyến', '%', 'Tối thiểu 50%', 'gte', 50],
      ['2', null, 'Số doanh nghiệp khoa học và công nghệ', 'doanh nghiệp', '≥ 100 doanh nghiệp', 'gte', 100],
      ['3', null, 'Hình thành hệ sinh thái đổi mới sáng tạo', null, 'Hình thành hệ sinh thái', 'qualitative', null],
    ] as const;
    for (const [position, [code, parent, name, unit, text, operator, value]] of specs.entries()) {
      const row = await api.db.db
        .insertInto('indicators')
        .values({ directive_id: api.directiveId, parent_id: parent ? (ids[parent] ?? null) : null, code, name, unit, target_text: text, target_operator: operator, target_value: value, target_value_max: null, horizon_year: 2030, position, search_text: name, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await api.db.db.insertInto('indicator_orgs').values({ indicator_id: row.id, org_id: api.orgIds['Sở Y tế'] ?? null, name_as_written: 'Sở Y tế' }).execute();
      ids[code] = row.id;
    }
    const enter = async (code: string, period: string, valueNumber: number, verify: boolean) => {
      const res = await api.call('healthStaff', 'POST', `/api/indicators/${ids[code]}/values`, { period, valueNumber, source: 'Cổng dịch vụ công tỉnh' });
      expect(res.statusCode, res.body).toBe(200);
      if (verify) expect((await api.call('coordinator', 'POST', `/api/indicator-values/${res.json<{ id: number }>().id}/verify`, { decision: 'verify' })).statusCode).toBe(200);
    };
    await enter('1', '2025-04', 80, true);
    await enter('1', '2025-05', 92.5, false); // entered, not yet verified
    await enter('1.1', '2025-05', 35, true);
    await enter('2', '2025-05', 85, true);
  });

  it('writes one row per indicator with targets, a column per period, the latest value, attainment and a coloured judgement', async () => {
    const api = ctx.get();
    const book = await workbook(api, 'leader', api.directiveId);
    const sheet = book.getWorksheet('Chỉ tiêu');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell(1, 1).value).toBe('THEO DÕI CHỈ TIÊU — 726/KH-UBND');
    expect(cells(sheet, 2)).toEqual(['TT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Năm đạt mục tiêu', 'Cơ quan theo dõi', 'Tháng 4/2025', 'Tháng 5/2025', 'Giá trị mới nhất', 'Mức đạt so với mục tiêu (%)', 'Đánh giá']);

    // 1: verified 80 in April, 92.5 entered (unverified) in May → green, the May and latest cells marked unverified.
    expect(cells(sheet, 3).slice(0, 6)).toEqual(['1', 'Tỷ lệ dịch vụ công trực tuyến toàn trình', '%', '≥ 90%', 2030, 'Sở Y tế']);
    expect(sheet.getCell(3, 7).value).toBe(80);
    expect(sheet.getCell(3, 7).numFmt).toBe('#,##0');
    expect(sheet.getCell(3, 7).note).toBeUndefined();
    expect(sheet.getCell(3, 7).font?.italic).toBeFalsy();
    expect(sheet.getCell(3, 8).value).toBe(92.5);
    expect(sheet.getCell(3, 8).numFmt).toBe('#,##0.0##');
    expect(sheet.getCell(3, 8).font?.italic).toBe(true);
    expect(JSON.stringify(sheet.getCell(3, 8).note)).toContain('chưa được cơ quan theo dõi văn bản xác nhận');
    expect(sheet.getCell(3, 9).value).toBe(92.5);
    expect(sheet.getCell(3, 9).font?.italic).toBe(true);
    expect(sheet.getCell(3, 10).value).toBe(102.8);
    expect(sheet.getCell(3, 10).numFmt).toBe('0.0');
    expect(sheet.getCell(3, 11).value).toBe('Đạt mục tiêu');
    expect(fillOf(sheet.getCell(3, 11))).toBe('FFC6EFCE');
    expect(sheet.getCell(3, 5).numFmt).toBe('0');

    // 1.1: a sub-indicator, indented; 35 of 50 → red.
    expect(sheet.getCell(4, 1).value).toBe('1.1');
    expect(sheet.getCell(4, 2).alignment?.indent).toBe(1);
    expect(sheet.getCell(4, 7).value).toBeNull();
    expect(sheet.getCell(4, 8).value).toBe(35);
    expect(sheet.getCell(4, 10).value).toBe(70);
    expect(sheet.getCell(4, 11).value).toBe('Còn xa mục tiêu');
    expect(fillOf(sheet.getCell(4, 11))).toBe('FFFFC7CE');

    // 2: 85 of 100 → orange.
    expect(sheet.getCell(5, 11).value).toBe('Gần đạt mục tiêu');
    expect(fillOf(sheet.getCell(5, 11))).toBe('FFFCD5B4');
    expect(sheet.getCell(5, 3).value).toBe('doanh nghiệp');

    // 3: qualitative, no value → grey.
    expect(sheet.getCell(6, 9).value).toBeNull();
    expect(sheet.getCell(6, 10).value).toBeNull();
    expect(sheet.getCell(6, 11).value).toBe('Chưa đánh giá');
    expect(fillOf(sheet.getCell(6, 11))).toBe('FFD9D9D9');

    expect(String(sheet.getCell(8, 1).value)).toContain('Số in nghiêng');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 2 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell(3, 2).alignment?.wrapText).toBe(true);
    expect(sheet.getCell(3, 2).font?.name).toBe('Times New Roman');
    expect(sheet.getCell(2, 1).font?.bold).toBe(true);

    const audit = (await api.call('inspector', 'GET', '/api/audit?entityType=indicators_xlsx')).json<{ items: { actor: string; action: string; entityId: string; after: { rows: number } }[] }>();
    expect(audit.items[0]).toMatchObject({ actor: 'leader', action: 'export', entityId: String(api.directiveId), after: { rows: 4 } });
  });

  it('is read by whoever reads indicators, and only by a signed-in user', async () => {
    const api = ctx.get();
    const agency = (await workbook(api, 'homeStaff', api.directiveId)).getWorksheet('Chỉ tiêu');
    expect(agency?.rowCount).toBeGreaterThanOrEqual(6);
    expect((await api.call(null, 'GET', `/api/exports/indicators.xlsx?directiveId=${api.directiveId}`)).statusCode).toBe(401);
    const unknown = await api.call('leader', 'GET', '/api/exports/indicators.xlsx?directiveId=999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ error: { message: string } }>().error.message).toContain('Không tìm thấy văn bản');
    expect((await api.call('leader', 'GET', '/api/exports/indicators.xlsx')).statusCode).toBe(400);
  });
});
