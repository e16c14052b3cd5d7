import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { afterEach, expect, it } from 'vitest';
import { clock } from '../server/domain/time.ts';
import { type AccountName, type TestApi, setupApi } from './helpers/api.ts';
import { forEachDialect } from './helpers/db.ts';

/** One entry of a ZIP archive (stored or deflated), found through the central directory. */
function unzipEntry(zip: Buffer, name: string): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip');
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    }
    at += 46 + skip;
  }
  throw new Error(`${name} not in the archive`);
}

const documentXml = (docx: Buffer) => unzipEntry(docx, 'word/document.xml').toString('utf8');
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
/** Every table row of the document as its cells' texts. */
const tableRows = (xml: string) => [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((tr) => [...(tr[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) => textOf(tc[1] ?? '')));
/** All paragraph texts, one per paragraph. */
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((p) => textOf(p[1] ?? p[2] ?? ''));

/** Sets the business clock to a Vietnamese local time. */
function at(localIso: string): void {
  const instant = new Date(`${localIso}+07:00`);
  clock.now = () => instant;
}

async function docx(api: TestApi, who: AccountName, path: string): Promise<string> {
  const res = await api.call(who, 'GET', path);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('wordprocessingml');
  expect(res.headers['content-disposition']).toContain('.docx');
  return documentXml(res.rawPayload);
}

const HEALTH_TITLE = 'Số hóa dữ liệu y tế, đất đai phục vụ thủ tục hành chính';
const ROOT = fileURLToPath(new URL('../', import.meta.url));

forEachDialect('DOCX documents: the monthly synthesis and the agency report', (dialect) => {
  const ctx = setupApi(dialect);
  afterEach(() => {
    clock.now = () => new Date();
  });

  it('prepares a month: Sở Y tế reports with obstacles, Sở Nội vụ does not, an indicator gets a value', async () => {
    const api = ctx.get();
    at('2025-05-10T09:00:00');
    const draft = await api.call('healthStaff', 'PUT', `/api/assignments/${api.healthAssignmentId}/report`, {
      results: 'Đã số hóa 12.000 hồ sơ bệnh án',
      progress: 40,
      obstacles: 'Thiếu máy quét chuyên dụng',
      proposals: 'Đề nghị bố trí kinh phí mua máy quét',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const id = draft.json<{ id: number }>().id;
    expect((await api.call('healthLeader', 'POST', `/api/reports/${id}/submit`)).statusCode).toBe(200);
    const period = await api.db.db.selectFrom('reporting_periods').select('id').where('directive_id', '=', api.directiveId).where('label', '=', '2025-05').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const indicator = await api.db.db
      .insertInto('indicators')
      .values({ directive_id: api.directiveId, code: 'CT1', name: 'Tỷ lệ hồ sơ được số hóa', unit: '%', target_text: '≥ 80%', target_operator: 'gte', target_value: 80, target_value_max: null, horizon_year: 2025, position: 1, search_text: 'ty le ho so', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await api.db.db.insertInto('indicator_values').values({ indicator_id: indicator.id, period_id: period.id, value_number: 70, value_text: null, source: null, state: 'entered', entered_by: null, entered_at: now }).execute();
  });

  it('builds the monthly synthesis in the NĐ 30 layout with the month compared to the one before', async () => {
    const api = ctx.get();
    at('2025-06-05T09:00:00');
    const xml = await docx(api, 'coordinator', `/api/documents/monthly-report.docx?directiveId=${api.directiveId}&period=2025-05`);
    // Page A4 portrait then a landscape appendix; margins 20/20/30/15 mm in twips; Times New Roman 14 pt.
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:sz w:val="28"/>');
    expect(xml).toContain('<w:titlePg/>');
    const text = paragraphs(xml);
    for (const line of ['UBND TỈNH HẢI DƯƠNG', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số:        /BC-SKHCN', 'Hải Dương, ngày 05 tháng 6 năm 2025', 'BÁO CÁO', 'Kết quả thực hiện Kế hoạch số 726/KH-UBND ngày 20/02/2025', 'trong tháng 5/2025', 'Nơi nhận:', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'PHỤ LỤC']) {
      expect(text, line).toContain(line);
    }
    expect(xml).toMatch(/<w:i\/>[\s\S]{0,200}Hải Dương, ngày 05 tháng 6 năm 2025/);
    expect(xml).toMatch(/<w:u w:val="single"\/>[\s\S]{0,200}Độc lập - Tự do - Hạnh phúc/);
    expect(text.join('\n')).toContain('(số liệu tính đến ngày 31/05/2025)');

    const rows = tableRows(xml);
    const row = (label: string) => rows.find((r) => r[1] === label);
    // Task 27 is due 31/05/2025 (a Saturday, so 02/06/2025): due soon at the end of May, not started at the end of April.
    expect(row('Sắp đến hạn')).toEqual(['4', 'Sắp đến hạn', '0', '1', '+1']);
    expect(row('Chưa triển khai')).toEqual(['8', 'Chưa triển khai', '1', '0', '−1']);
    expect(row('Thường xuyên')).toEqual(['6', 'Thường xuyên', '1', '1', '0']);
    expect(row('Quá hạn')).toEqual(['5', 'Quá hạn', '0', '0', '0']);
    expect(row('Tổng số nhiệm vụ')).toEqual(['', 'Tổng số nhiệm vụ', '2', '2', '0']);
    expect(row('Trạng thái')?.slice(2, 4)).toEqual(['Tháng 4/2025', 'Tháng 5/2025']);
    // Due next month, the agency that did not report, the indicator, the appendix.
    expect(rows).toContainEqual(['27', HEALTH_TITLE, 'Sở Y tế', '02/06/2025']);
    expect(rows).toContainEqual(['1', 'Sở Nội vụ', '1', '1', '0']);
    expect(rows).toContainEqual(['CT1', 'Tỷ lệ hồ sơ được số hóa', '≥ 80%', '70%', 'Có nguy cơ']);
    expect(rows).toContainEqual(['27', HEALTH_TITLE, 'Sở Y tế', '5/2025', 'Sắp đến hạn', '40', '']);
    expect(rows).toContainEqual(['8', 'Phát động phong trào thi đua đổi mới sáng tạo', 'Sở Nội vụ', 'Thường xuyên', 'Thường xuyên', '0', '']);
    const all = text.join('\n');
    expect(all).toContain('Kỳ tháng 5/2025 có 2 lượt báo cáo phải gửi; đã gửi 1 (gửi muộn 0); chưa gửi 1.');
    expect(all).toContain('Sở Y tế');
    expect(all).toContain('khó khăn, vướng mắc: Thiếu máy quét chuyên dụng; đề xuất, kiến nghị: Đề nghị bố trí kinh phí mua máy quét.');
    expect(all).toMatch(/Đề nghị UBND tỉnh nhắc nhở Sở Nội vụ chưa gửi đủ báo cáo tháng 5\/2025/);
    expect(all).toContain('Không có nhiệm vụ quá hạn.');
    // Dates are dd/mm/yyyy: no ISO date leaks into the text.
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('counts the overdue task with its days late the month after, and takes the edited parts', async () => {
    const api = ctx.get();
    at('2025-06-20T09:00:00');
    const opening = 'Đoạn mở đầu do Sở soạn lại.';
    const proposals = '1. Đề nghị UBND tỉnh họp chuyên đề về số hóa.\n2. Đề nghị bổ sung kinh phí.';
    const xml = await docx(api, 'leader', `/api/documents/monthly-report.docx?directiveId=${api.directiveId}&period=2025-06&opening=${encodeURIComponent(opening)}&proposals=${encodeURIComponent(proposals)}`);
    const rows = tableRows(xml);
    expect(rows.find((r) => r[1] === 'Quá hạn')).toEqual(['5', 'Quá hạn', '0', '1', '+1']);
    expect(rows.find((r) => r[1] === 'Sắp đến hạn')).toEqual(['4', 'Sắp đến hạn', '1', '0', '−1']);
    expect(rows).toContainEqual(['27', HEALTH_TITLE, 'Sở Y tế', '02/06/2025', '18']);
    const text = paragraphs(xml);
    expect(text).toContain(opening);
    expect(text).toContain('1. Đề nghị UBND tỉnh họp chuyên đề về số hóa.');
    expect(text).toContain('2. Đề nghị bổ sung kinh phí.');
    expect(text.join('\n')).not.toContain('Thực hiện Kế hoạch số 726/KH-UBND');
    expect(text).toContain('Hải Dương, ngày 20 tháng 6 năm 2025');
  });

  it('builds an agency report: open work, the month’s reports, overdue items and pending requests', async () => {
    const api = ctx.get();
    at('2025-06-20T09:00:00');
    const ext = await api.call('healthLeader', 'POST', `/api/assignments/${api.healthAssignmentId}/extensions`, { requestedDueOn: '2025-08-31', reason: 'Chờ bàn giao máy quét' });
    expect(ext.statusCode, ext.body).toBe(201);
    const health = api.orgIds['Sở Y tế'];
    const xml = await docx(api, 'healthLeader', `/api/documents/agency-report.docx?orgId=${health}&period=2025-05&directiveId=${api.directiveId}`);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toContain('<w:sz w:val="28"/>');
    const text = paragraphs(xml);
    for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'Tình hình thực hiện nhiệm vụ của Sở Y tế', 'theo Kế hoạch số 726/KH-UBND, tháng 5/2025', 'Kính gửi: Sở Y tế.', 'Nơi nhận:']) {
      expect(text, line).toContain(line);
    }
    const rows = tableRows(xml);
    expect(rows).toContainEqual(['27', HEALTH_TITLE, '5/2025', 'Sắp đến hạn', '40']);
    expect(rows).toContainEqual(['27', HEALTH_TITLE, 'Đã số hóa 12.000 hồ sơ bệnh án', '40', '10/05/2025', 'Đã gửi, chờ thẩm định']);
    const all = text.join('\n');
    expect(all).toContain('Gia hạn nhiệm vụ 27 (726/KH-UBND) "Số hóa dữ liệu y tế, đất đai phục vụ thủ tục hành chính": từ 31/05/2025 đến 31/08/2025, đề nghị ngày 20/06/2025');
    expect(all).not.toContain('Phát động phong trào');
    // All directives, June: task 27 overdue by 18 days; the other agency's task never appears.
    const june = tableRows(await docx(api, 'coordinator', `/api/documents/agency-report.docx?orgId=${health}&period=2025-06`));
    expect(june).toContainEqual(['726/KH-UBND', '27', HEALTH_TITLE, '02/06/2025', '18']);
    expect(june.flat().join(' ')).not.toContain('Phát động phong trào');
  });

  it('refuses other agencies, agency roles for the synthesis, and bad input in Vietnamese; records every document', async () => {
    const api = ctx.get();
    const health = api.orgIds['Sở Y tế'];
    const monthly = `/api/documents/monthly-report.docx?directiveId=${api.directiveId}&period=2025-05`;
    for (const who of ['healthStaff', 'healthLeader', 'homeStaff'] as const) {
      const res = await api.call(who, 'GET', monthly);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    const other = await api.call('homeStaff', 'GET', `/api/documents/agency-report.docx?orgId=${health}&period=2025-05`);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ error: { code: 'forbidden', message: 'Bạn chỉ lập được báo cáo của cơ quan mình.' } });
    expect((await api.call(null, 'GET', monthly)).statusCode).toBe(401);
    for (const who of ['viewer', 'inspector', 'admin'] as const) expect((await api.call(who, 'GET', monthly)).statusCode).toBe(200);

    const unknown = await api.call('coordinator', 'GET', '/api/documents/monthly-report.docx?directiveId=999999&period=2025-05');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found', message: 'Không tìm thấy văn bản chỉ đạo #999999.' } });
    const badMonth = await api.call('coordinator', 'GET', `/api/documents/monthly-report.docx?directiveId=${api.directiveId}&period=2025-13`);
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json<{ error: { code: string; message: string; fields: { message: string }[] } }>().error.fields[0]?.message).toBe('Kỳ báo cáo là một tháng, dạng 2025-05');
    const future = await api.call('coordinator', 'GET', `/api/documents/monthly-report.docx?directiveId=${api.directiveId}&period=2099-01`);
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ error: { code: 'validation_failed', message: 'Kỳ tháng 1/2099 chưa bắt đầu; chưa có số liệu để báo cáo.' } });
    expect((await api.call('coordinator', 'GET', '/api/documents/monthly-report.docx?period=2025-05')).statusCode).toBe(400);
    const noOrg = await api.call('coordinator', 'GET', '/api/documents/agency-report.docx?orgId=999999&period=2025-05');
    expect(noOrg.statusCode).toBe(404);
    expect(noOrg.json()).toMatchObject({ error: { code: 'not_found', message: 'Không tìm thấy cơ quan, đơn vị #999999.' } });

    const audit = (await api.call('inspector', 'GET', '/api/audit?action=export&pageSize=100')).json<{ items: { actor: string; entityType: string; entityId: string | null }[] }>();
    const types = audit.items.map((i) => `${i.actor} ${i.entityType} ${i.entityId}`);
    expect(types).toContain(`coordinator monthly_report_docx ${api.directiveId}`);
    expect(types).toContain(`leader monthly_report_docx ${api.directiveId}`);
    expect(types).toContain(`healthleader agency_report_docx ${health}`);
    expect(types.filter((t) => t.includes('_docx'))).toHaveLength(7);
  });

  it('makes both documents from the command line', async () => {
    const api = ctx.get();
    const dir = mkdtempSync(join(tmpdir(), 'namro-docs-'));
    try {
      const env = { ...process.env, DATABASE_URL: api.db.url, NAMRO_FAST_HASH: '1', SESSION_SECRET: 'x'.repeat(40), DATA_DIR: dir };
      const namro = (args: string[]) => promisify(execFile)(process.execPath, [join(ROOT, 'bin/namro.js'), ...args], { cwd: dir, env });
      const monthly = join(dir, 'bao-cao.docx');
      expect((await namro(['report', 'monthly', '--directive', '726/KH-UBND', '--period', '2025-05', '--out', monthly])).stdout).toContain('Đã lập');
      expect(paragraphs(documentXml(readFileSync(monthly)))).toContain('trong tháng 5/2025');
      const agency = join(dir, 'so-y-te.docx');
      expect((await namro(['report', 'agency', '--org', 'Sở Y tế', '--period', '2025-05', '--out', agency])).stdout).toContain('Đã lập');
      expect(paragraphs(documentXml(readFileSync(agency)))).toContain('Kính gửi: Sở Y tế.');
      const bad = await namro(['report', 'agency', '--org', 'Sở Không Có', '--period', '2025-05', '--out', agency]).catch((e: { code: number; stderr: string }) => e);
      expect(bad).toMatchObject({ code: 2 });
      expect((bad as { stderr: string }).stderr).toContain('không tìm thấy cơ quan "Sở Không Có"');
      const help = await namro(['help']);
      expect(help.stdout).toContain('report monthly --directive');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
