import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { policies } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import { loadAssignmentContext } from '../assignments/context.ts';
import type { Database } from '../db/types.ts';
import { nowIso, vietnamDate } from '../domain/time.ts';
import { AppError, transitioned } from '../errors.ts';
import { inspectZip } from '../imports/readers/zip-guard.ts';
import { dateInPeriodLabel, ensurePeriod } from '../periods/service.ts';
import { periodLabel } from '../reports/schemas.ts';
import { getPeriodReport } from '../reports/service.ts';
import { COLUMN_OF, TEMPLATE_COLUMNS, TEMPLATE_SHEET } from './report-template-xlsx.ts';

/** The largest filled template accepted; a province's agency has at most a few hundred rows. */
export const TEMPLATE_MAX_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 5000;

export type RowOutcome = 'saved' | 'skipped' | 'error' | 'pending';
export interface RowResult {
  /** The row number as Excel shows it. */
  row: number;
  assignmentId: number | null;
  task: string | null;
  outcome: RowOutcome;
  message: string;
}
export interface TemplateImportResult {
  /** False when any row has an error: then nothing at all was written. */
  committed: boolean;
  saved: number;
  skipped: number;
  errors: number;
  rows: RowResult[];
}

/** Plain text of whatever a cell holds: text, number, rich text, a formula's result, a hyperlink's text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  return '';
}

const normalise = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/** Tiến độ: a whole number 0–100, typed as a number or as text ("50", "50%"). */
function parseProgress(value: ExcelJS.CellValue): number | 'blank' | 'bad' {
  const raw = typeof value === 'object' && value !== null && !(value instanceof Date) && 'result' in value ? (value.result as ExcelJS.CellValue) : value;
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 && raw <= 100 ? raw : 'bad';
  const text = cellText(raw).trim().replace(/%$/, '').trim();
  if (!text) return 'blank';
  if (!/^\d{1,3}$/.test(text)) return 'bad';
  const n = Number(text);
  return n <= 100 ? n : 'bad';
}

/** Refuses what is not an .xlsx before exceljs unpacks it: old .xls, other files, ZIP bombs (checked on declared sizes). */
async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  if (bytes.length === 0) throw new AppError('validation_failed', 'Tệp rỗng.');
  if (bytes.length > TEMPLATE_MAX_BYTES) throw new AppError('payload_too_large', `Tệp vượt quá ${TEMPLATE_MAX_BYTES / 1024 / 1024} MB.`);
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0) throw new AppError('unsupported_media_type', 'Tệp là định dạng Excel cũ (.xls) hoặc có mật khẩu; hãy dùng đúng mẫu .xlsx tải từ hệ thống.');
  if (bytes.length < 4 || bytes.readUInt32BE(0) !== 0x504b0304) throw new AppError('unsupported_media_type', 'Tệp không phải Excel (.xlsx); hãy dùng mẫu tải từ hệ thống.');
  let names: string[];
  try {
    names = inspectZip(bytes);
  } catch (err) {
    // The guard speaks of DOCX files; here the archive is a workbook.
    if (err instanceof AppError) throw new AppError(err.code, err.message.replace(/Tệp DOCX/g, 'Tệp Excel'));
    throw err;
  }
  if (!names.includes('xl/workbook.xml')) throw new AppError('validation_failed', 'Tệp ZIP này không phải sổ tính Excel (thiếu xl/workbook.xml).');
  const book = new ExcelJS.Workbook();
  try {
    // exceljs's types predate Node's generic Buffer; the bytes are what it reads.
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('validation_failed', 'Tệp Excel bị hỏng, không đọc được nội dung.');
  }
  const sheet = book.getWorksheet(TEMPLATE_SHEET);
  const header = sheet?.getRow(2);
  const matches = header && TEMPLATE_COLUMNS.every((c, i) => cellText(header.getCell(i + 1).value).trim() === c.header);
  if (!sheet || !matches) {
    throw new AppError('validation_failed', `Tệp không đúng mẫu báo cáo của Năm Rõ (cần trang "${TEMPLATE_SHEET}" với các cột của mẫu, không thêm, bớt hay đổi thứ tự cột). Hãy tải mẫu mới và điền lại.`);
  }
  if (sheet.rowCount > MAX_ROWS + 2) throw new AppError('validation_failed', `Tệp có quá nhiều dòng (tối đa ${MAX_ROWS}).`);
  return sheet;
}

interface Write {
  result: RowResult;
  assignmentId: number;
  periodId: number;
  existingId: number | null;
  fields: { results: string; progress: number; obstacles: string | null; proposals: string | null; responsible_person: string | null };
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
const textLimit = (name: string, value: string, max: number) => (value.length > max ? `${name} dài quá ${max.toLocaleString('vi-VN')} ký tự` : null);

/**
 * Reads a filled template and saves its rows as draft reports (never submits), in one transaction, for the
 * uploader's own assignments only. Any row in error and nothing is written; submitted or accepted reports and
 * rows left as the template gave them are skipped with a note.
 */
export async function importReportTemplate(db: Kysely<Database>, actor: Actor, bytes: Buffer, filename: string): Promise<TemplateImportResult> {
  if (!policies.reportTemplate.upload(actor)) throw new AppError('forbidden', 'Chỉ cán bộ, lãnh đạo của cơ quan được giao mới nhập báo cáo từ Excel.');
  const sheet = await readWorkbook(bytes);
  const today = vietnamDate();

  return db.transaction().execute(async (trx) => {
    const results: RowResult[] = [];
    const writes: Write[] = [];
    const seen = new Map<string, number>();
    for (let n = 3; n <= sheet.rowCount; n++) {
      const row = sheet.getRow(n);
      const value = (key: keyof typeof COLUMN_OF) => row.getCell(COLUMN_OF[key]).value;
      const idText = cellText(value('assignmentId')).trim();
      const edited = ['results', 'progress', 'obstacles', 'proposals'] as const;
      if (!idText && edited.every((k) => !cellText(value(k)).trim())) continue; // an empty line
      const result: RowResult = { row: n, assignmentId: null, task: null, outcome: 'error', message: '' };
      results.push(result);
      const fail = (message: string) => {
        result.outcome = 'error';
        result.message = message;
      };
      const skip = (message: string) => {
        result.outcome = 'skipped';
        result.message = message;
      };
      if (!/^\d{1,9}$/.test(idText)) {
        fail('Thiếu hoặc sai mã phân công (cột ẩn đầu tiên); dòng này không lấy từ mẫu của hệ thống.');
        continue;
      }
      const assignmentId = Number(idText);
      result.assignmentId = assignmentId;
      const ctx = await loadAssignmentContext(trx, assignmentId).catch((err: unknown) => {
        if (err instanceof AppError) return null;
        throw err;
      });
      if (!ctx) {
        fail(`Không tìm thấy phân công #${assignmentId}.`);
        continue;
      }
      result.task = `${ctx.task.ordinal}. ${short(ctx.task.title)}`;
      if (!policies.report.draft(actor, ctx.ref)) {
        const org = await trx.selectFrom('orgs').select('name').where('id', '=', ctx.assignment.org_id).executeTakeFirst();
        fail(`Nhiệm vụ ${ctx.task.ordinal} (${ctx.directive.number}) giao cho ${org?.name ?? 'cơ quan khác'}, không thuộc cơ quan của bạn; không được báo cáo thay.`);
        continue;
      }
      if (ctx.assignment.state !== 'open') {
        skip(ctx.assignment.state === 'completed' ? 'Phân công đã hoàn thành, không cần báo cáo thêm; bỏ qua.' : 'Phân công đã bị hủy; bỏ qua.');
        continue;
      }
      const label = periodLabel.safeParse(cellText(value('period')));
      if (!label.success) {
        fail('Thiếu hoặc sai kỳ báo cáo (cột ẩn thứ hai); hãy tải mẫu mới.');
        continue;
      }
      const period = await ensurePeriod(trx, ctx.directive, dateInPeriodLabel(label.data));
      if (period.starts_on > today) {
        fail(`Kỳ báo cáo ${period.label} chưa bắt đầu.`);
        continue;
      }
      const key = `${assignmentId}:${period.id}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        fail(`Trùng với dòng ${earlier} (cùng nhiệm vụ, cùng kỳ).`);
        continue;
      }
      seen.set(key, n);
      const current = await getPeriodReport(trx, actor, assignmentId, period.label);
      if (current.id !== null && (current.state === 'submitted' || current.state === 'accepted')) {
        skip(current.state === 'submitted' ? `Báo cáo kỳ ${period.label} đã gửi, đang chờ thẩm định; không ghi đè.` : `Báo cáo kỳ ${period.label} đã được chấp nhận; không ghi đè.`);
        continue;
      }
      const resultsText = normalise(cellText(value('results')));
      const obstacles = normalise(cellText(value('obstacles')));
      const proposals = normalise(cellText(value('proposals')));
      const progress = parseProgress(value('progress'));
      const problems = [
        progress === 'blank' ? 'Chưa nhập tiến độ (%)' : progress === 'bad' ? 'Tiến độ phải là số nguyên từ 0 đến 100' : null,
        textLimit('Kết quả thực hiện', resultsText, 20_000),
        textLimit('Khó khăn, vướng mắc', obstacles, 10_000),
        textLimit('Đề xuất, kiến nghị', proposals, 10_000),
        [resultsText, obstacles, proposals].some((t) => t.includes('\u0000')) ? 'Nội dung chứa ký tự không hợp lệ (NUL)' : null,
      ].filter((p): p is string => p !== null);
      if (problems.length || typeof progress !== 'number') {
        fail(`${problems.join('; ')}.`);
        continue;
      }
      const fields = { results: resultsText, progress, obstacles: obstacles || null, proposals: proposals || null, responsible_person: current.responsiblePerson };
      const same = fields.results === current.results.trim() && fields.progress === current.progress && fields.obstacles === (current.obstacles?.trim() || null) && fields.proposals === (current.proposals?.trim() || null);
      if (same) {
        skip(current.id !== null ? 'Không thay đổi so với bản nháp hiện có.' : 'Chưa điền (giống nội dung gợi ý của mẫu); không lưu.');
        continue;
      }
      result.outcome = 'pending';
      result.message = current.id !== null ? `Cập nhật bản nháp kỳ ${period.label}.` : `Lập bản nháp kỳ ${period.label}.`;
      writes.push({ result, assignmentId, periodId: period.id, existingId: current.id, fields });
    }

    const errors = results.filter((r) => r.outcome === 'error').length;
    if (errors > 0) {
      for (const w of writes) w.result.message = 'Hợp lệ, nhưng chưa lưu vì tệp còn dòng lỗi; sửa các dòng lỗi rồi tải lên lại.';
      await recordAudit(trx, actor, { action: 'import_refused', entityType: 'report_template', entityId: null, after: { filename, errors, rows: results.filter((r) => r.outcome === 'error').map((r) => ({ row: r.row, assignmentId: r.assignmentId, message: r.message })) } });
      return summarise(false, results);
    }

    const now = nowIso();
    for (const w of writes) {
      const fields = { ...w.fields, drafted_by: actor.userId, drafted_at: now, updated_at: now };
      const before = w.existingId === null ? null : await trx.selectFrom('progress_reports').selectAll().where('id', '=', w.existingId).executeTakeFirst();
      const row =
        w.existingId === null
          ? await trx.insertInto('progress_reports').values({ ...fields, assignment_id: w.assignmentId, period_id: w.periodId, state: 'draft', created_at: now }).returningAll().executeTakeFirstOrThrow()
          : await trx.updateTable('progress_reports').set(fields).where('id', '=', w.existingId).where('state', 'in', ['draft', 'returned']).returningAll().executeTakeFirst().then(transitioned);
      await recordAudit(trx, actor, { action: before ? 'update' : 'create', entityType: 'progress_report', entityId: row.id, before: before ?? null, after: { ...row, via: 'excel_template' } });
      w.result.outcome = 'saved';
    }
    const summary = summarise(true, results);
    await recordAudit(trx, actor, { action: 'import', entityType: 'report_template', entityId: null, after: { filename, saved: summary.saved, skipped: summary.skipped } });
    return summary;
  });
}

function summarise(committed: boolean, rows: RowResult[]): TemplateImportResult {
  const count = (o: RowOutcome) => rows.filter((r) => r.outcome === o).length;
  return { committed, saved: count('saved'), skipped: count('skipped'), errors: count('error'), rows };
}
