import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { isAgencyRole, policies } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { formatVietnameseDate, vietnamDate } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { dateInPeriodLabel, ensurePeriod } from '../periods/service.ts';
import type { ReportView } from '../reports/schemas.ts';
import { getPeriodReport } from '../reports/service.ts';
import { periodHeading } from './indicators-xlsx.ts';
import { FONT, finishTable, solidFill, styleBodyRow, writeTitleAndHeader } from './xlsx-common.ts';

/**
 * The offline report template: one row per open assignment of an agency that reports in a period. Columns A–B
 * (the assignment and the period) are hidden and locked, the task is locked, and only the four report columns
 * are editable; report-template-import.ts reads the same layout back.
 */
export const TEMPLATE_SHEET = 'Báo cáo';
export const TEMPLATE_COLUMNS = [
  { key: 'assignmentId', header: 'Mã phân công', width: 10, editable: false, hidden: true },
  { key: 'period', header: 'Kỳ báo cáo', width: 10, editable: false, hidden: true },
  { key: 'ordinal', header: 'TT', width: 7, editable: false, hidden: false },
  { key: 'directive', header: 'Văn bản', width: 16, editable: false, hidden: false },
  { key: 'task', header: 'Nhiệm vụ', width: 50, editable: false, hidden: false },
  { key: 'deadline', header: 'Thời gian hoàn thành', width: 16, editable: false, hidden: false },
  { key: 'state', header: 'Tình trạng báo cáo kỳ này', width: 20, editable: false, hidden: false },
  { key: 'results', header: 'Kết quả thực hiện', width: 60, editable: true, hidden: false },
  { key: 'progress', header: 'Tiến độ (%)', width: 10, editable: true, hidden: false },
  { key: 'obstacles', header: 'Khó khăn, vướng mắc', width: 40, editable: true, hidden: false },
  { key: 'proposals', header: 'Đề xuất, kiến nghị', width: 40, editable: true, hidden: false },
] as const;
export type TemplateKey = (typeof TEMPLATE_COLUMNS)[number]['key'];
/** 1-based column of each field. */
export const COLUMN_OF = Object.fromEntries(TEMPLATE_COLUMNS.map((c, i) => [c.key, i + 1])) as Record<TemplateKey, number>;

const EDITABLE_FILL = 'FFFFFDE7';
const CLOSED_FILL = 'FFEDEDED';

function stateLabel(view: ReportView): string {
  if (view.id === null) return view.prefilledFrom ? `Chưa lập (gợi ý từ kỳ ${view.prefilledFrom})` : 'Chưa lập';
  switch (view.state) {
    case 'submitted':
      return 'Đã gửi, chờ thẩm định (không sửa được)';
    case 'accepted':
      return 'Đã được chấp nhận (không sửa được)';
    case 'returned':
      return view.reviewComment ? `Bị trả lại: ${view.reviewComment}` : 'Bị trả lại';
    default:
      return 'Bản nháp';
  }
}

const closed = (view: ReportView) => view.id !== null && (view.state === 'submitted' || view.state === 'accepted');

/** Which org a template is for: an agency's own (or a sub-unit given as orgId); a coordinator or admin must name one. */
async function templateOrg(db: Kysely<Database>, actor: Actor, orgId: number | undefined) {
  const id = orgId ?? (isAgencyRole(actor) ? actor.orgId : undefined);
  if (id === undefined) throw new AppError('validation_failed', 'Cần chọn cơ quan (orgId) để lập mẫu báo cáo.', { fields: [{ field: 'querystring.orgId', message: 'Bắt buộc' }] });
  if (!policies.reportTemplate.download(actor, id)) throw new AppError('forbidden', 'Bạn chỉ tải được mẫu báo cáo của cơ quan mình.');
  const org = await db.selectFrom('orgs').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  if (!org) throw new AppError('not_found', `Không tìm thấy cơ quan #${id}.`);
  return org;
}

export interface TemplateQuery {
  period?: string | undefined;
  directiveId?: number | undefined;
  orgId?: number | undefined;
}

/** The agency's open assignments that report in the period, each with its report as the report form shows it. */
async function templateRows(db: Kysely<Database>, actor: Actor, orgId: number, label: string, directiveId: number | undefined) {
  let q = db
    .selectFrom('assignments')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .select(['assignments.id', 'assignments.due_on', 'tasks.ordinal', 'tasks.title', 'tasks.deadline_text', 'tasks.directive_id', 'directives.number'])
    .where('assignments.org_id', '=', orgId)
    .where('assignments.state', '=', 'open')
    .where('directives.state', '=', 'active')
    // Tasks waiting for a condition are not chased for reports (as the reminders judge it).
    .where('tasks.deadline_kind', '!=', 'conditional');
  if (directiveId) q = q.where('tasks.directive_id', '=', directiveId);
  const assignments = await q.orderBy('directives.number').orderBy('tasks.position').orderBy('tasks.id').execute();
  const today = vietnamDate();
  const date = dateInPeriodLabel(label);
  const periodOf = new Map<number, string | null>();
  const rows: { a: (typeof assignments)[number]; view: ReportView }[] = [];
  for (const a of assignments) {
    if (!periodOf.has(a.directive_id)) {
      const directive = await db.selectFrom('directives').selectAll().where('id', '=', a.directive_id).executeTakeFirstOrThrow();
      const period = await ensurePeriod(db, directive, date);
      periodOf.set(a.directive_id, period.starts_on > today ? null : period.label);
    }
    const periodLabel = periodOf.get(a.directive_id);
    if (!periodLabel) continue;
    rows.push({ a, view: await getPeriodReport(db, actor, a.id, periodLabel) });
  }
  return rows;
}

/** The offline Excel template of an agency's reports for a period, prefilled like the report form. */
export async function exportReportTemplate(db: Kysely<Database>, actor: Actor, query: TemplateQuery): Promise<{ file: Buffer; filename: string }> {
  const org = await templateOrg(db, actor, query.orgId);
  const label = query.period ?? vietnamDate().slice(0, 7);
  if (dateInPeriodLabel(label) > vietnamDate()) throw new AppError('invalid_state', `Kỳ báo cáo ${label} chưa bắt đầu.`);
  const rows = await templateRows(db, actor, org.id, label, query.directiveId);

  const book = new ExcelJS.Workbook();
  book.creator = 'Năm Rõ';
  book.created = new Date();
  const sheet = book.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ key: c.key, width: c.width, hidden: c.hidden }));
  writeTitleAndHeader(sheet, `BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ — ${periodHeading(label).toUpperCase()}\n${org.name}`, TEMPLATE_COLUMNS.map((c) => c.header));
  sheet.getRow(1).height = 48;
  for (const { a, view } of rows) {
    const row = sheet.addRow({
      assignmentId: a.id,
      period: view.period.label,
      ordinal: a.ordinal,
      directive: a.number,
      task: a.title,
      deadline: a.deadline_text ?? (a.due_on ? formatVietnameseDate(a.due_on) : null),
      state: stateLabel(view),
      results: view.results,
      progress: view.progress,
      obstacles: view.obstacles,
      proposals: view.proposals,
    });
    styleBodyRow(row);
    const open = !closed(view);
    TEMPLATE_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.protection = { locked: !(c.editable && open) };
      if (c.editable) cell.fill = solidFill(open ? EDITABLE_FILL : CLOSED_FILL);
    });
    const progress = row.getCell(COLUMN_OF.progress);
    progress.numFmt = '0';
    progress.alignment = { vertical: 'top', horizontal: 'center' };
    if (open) {
      progress.dataValidation = {
        type: 'whole',
        operator: 'between',
        allowBlank: false,
        formulae: [0, 100],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Tiến độ không hợp lệ',
        error: 'Tiến độ là số nguyên từ 0 đến 100.',
      };
    }
  }
  finishTable(sheet, TEMPLATE_COLUMNS.length);
  // Locked cells stay readable and selectable; columns can be widened, rows filtered. No password: the server checks every row anyway.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false, insertRows: false, deleteRows: false });

  const help = book.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 110;
  const lines = [
    'HƯỚNG DẪN ĐIỀN MẪU BÁO CÁO',
    `Cơ quan: ${org.name}. Kỳ báo cáo: ${periodHeading(label)}. Số nhiệm vụ: ${rows.length}.`,
    '1. Chỉ điền các cột nền vàng: Kết quả thực hiện, Tiến độ (%) (số nguyên 0–100), Khó khăn, vướng mắc, Đề xuất, kiến nghị.',
    '2. Không sửa, xóa hoặc đổi thứ tự các cột; không thêm dòng. Cột ẩn chứa mã phân công để hệ thống nhận diện.',
    '3. Nội dung đã điền sẵn là bản nháp hiện có hoặc gợi ý từ báo cáo kỳ trước; hãy cập nhật cho kỳ này.',
    '4. Tải tệp lên tại mục Báo cáo → Nhập từ Excel. Hệ thống chỉ lưu thành BẢN NHÁP; lãnh đạo cơ quan kiểm tra và gửi trên hệ thống.',
    '5. Dòng chưa thay đổi so với mẫu không được lưu; báo cáo đã gửi hoặc đã được chấp nhận không bị ghi đè.',
  ];
  lines.forEach((text, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 12, bold: i === 0 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });

  await recordAudit(db, actor, { action: 'export', entityType: 'report_template', entityId: org.id, after: { period: label, directiveId: query.directiveId ?? null, rows: rows.length } });
  return { file: Buffer.from(await book.xlsx.writeBuffer()), filename: `mau-bao-cao-${label}.xlsx` };
}
