import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { visibleOrgScope } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { STATUS_LABELS, type StatusClass, daysOverdue } from '../domain/status.ts';
import { formatVietnameseDate, vietnamDate } from '../domain/time.ts';
import type { TaskListQuery } from '../tasks/schemas.ts';
import { listTasks } from '../tasks/service.ts';
import { finishTable, sheetName, styleBodyRow, writeTitleAndHeader } from './xlsx-common.ts';

/** The plan's appendix columns (TT, task, lead, coordinators, product, deadline) followed by the tracking columns. */
const COLUMNS = [
  { header: 'TT', key: 'ordinal', width: 7 },
  { header: 'Tên nhiệm vụ', key: 'title', width: 60 },
  { header: 'Cơ quan chủ trì', key: 'leads', width: 28 },
  { header: 'Cơ quan phối hợp', key: 'coordinators', width: 28 },
  { header: 'Sản phẩm', key: 'product', width: 22 },
  { header: 'Thời gian hoàn thành', key: 'deadline', width: 18 },
  { header: 'Trạng thái', key: 'status', width: 22 },
  { header: 'Tiến độ (%)', key: 'progress', width: 11 },
  { header: 'Báo cáo gần nhất', key: 'lastReport', width: 16 },
  { header: 'Số ngày quá hạn', key: 'daysLate', width: 14 },
] as const;

interface Row {
  sectionCode: string | null;
  sectionTitle: string | null;
  values: Record<(typeof COLUMNS)[number]['key'], string | number | null>;
}

/** Every task the list would show (all pages), with what the tracking columns need. */
async function collectRows(db: Kysely<Database>, actor: Actor, q: Omit<TaskListQuery, 'page' | 'pageSize'>): Promise<Row[]> {
  const tasks = [];
  for (let page = 1; ; page++) {
    const result = await listTasks(db, actor, { ...q, page, pageSize: 200 });
    tasks.push(...result.items);
    if (result.items.length < 200 || page >= 500) break;
  }
  if (tasks.length === 0) return [];
  const ids = tasks.map((t) => t.id);
  const today = vietnamDate();
  const [orgs, assignments, sections] = await Promise.all([
    db.selectFrom('task_orgs').leftJoin('orgs', 'orgs.id', 'task_orgs.org_id').select(['task_orgs.task_id', 'task_orgs.role', 'task_orgs.name_as_written', 'orgs.name']).where('task_orgs.task_id', 'in', ids).orderBy('task_orgs.position').execute(),
    db.selectFrom('assignments').select(['task_id', 'org_id', 'state', 'progress', 'due_on', 'last_report_at']).where('task_id', 'in', ids).where('state', '!=', 'cancelled').execute(),
    db.selectFrom('sections').select(['id', 'code', 'title']).where('id', 'in', tasks.map((t) => t.sectionId ?? -1)).execute(),
  ]);
  // Progress and lateness only from the assignments the actor may see.
  const scope = visibleOrgScope(actor);
  const visible = (orgId: number) => scope === 'all' || scope.includes(orgId);
  return tasks.map((t) => {
    const mine = assignments.filter((a) => a.task_id === t.id && visible(a.org_id));
    const names = (role: string) => orgs.filter((o) => o.task_id === t.id && o.role === role).map((o) => o.name ?? o.name_as_written).join('; ');
    const progress = mine.length ? Math.round(mine.reduce((s, a) => s + a.progress, 0) / mine.length) : null;
    const last = mine.map((a) => a.last_report_at).filter((x): x is string => Boolean(x)).sort().at(-1);
    const late = Math.max(0, ...mine.filter((a) => a.state === 'open').map((a) => daysOverdue(a.due_on, today)));
    const section = sections.find((s) => s.id === t.sectionId);
    return {
      sectionCode: section?.code ?? null,
      sectionTitle: section?.title ?? null,
      values: {
        ordinal: t.ordinal,
        title: t.title,
        leads: names('lead'),
        coordinators: names('coordinator'),
        product: t.product,
        deadline: t.deadlineText ?? (t.dueOn ? formatVietnameseDate(t.dueOn) : null),
        status: STATUS_LABELS[t.statusClass as StatusClass] ?? t.statusClass,
        progress,
        lastReport: last ? formatVietnameseDate(vietnamDate(new Date(last))) : null,
        daysLate: late || null,
      },
    };
  });
}

function addSheet(book: ExcelJS.Workbook, name: string, title: string, rows: Row[]): void {
  const sheet = book.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  writeTitleAndHeader(sheet, title, COLUMNS.map((c) => c.header));
  for (const r of rows) styleBodyRow(sheet.addRow(r.values));
  finishTable(sheet, COLUMNS.length);
}

/** The task list as on screen, as an Excel workbook in the column order of a plan's appendix. */
export async function exportTasksXlsx(db: Kysely<Database>, actor: Actor, q: Omit<TaskListQuery, 'page' | 'pageSize'>, options: { bySection: boolean }): Promise<Buffer> {
  const rows = await collectRows(db, actor, q);
  const directive = q.directiveId ? await db.selectFrom('directives').select(['number', 'title']).where('id', '=', q.directiveId).executeTakeFirst() : undefined;
  const title = directive ? `DANH MỤC NHIỆM VỤ — ${directive.number}` : 'DANH MỤC NHIỆM VỤ';
  const book = new ExcelJS.Workbook();
  book.creator = 'Năm Rõ';
  book.created = new Date();
  if (options.bySection && rows.some((r) => r.sectionCode)) {
    const codes = [...new Set(rows.map((r) => r.sectionCode ?? '—'))];
    for (const code of codes) {
      const part = rows.filter((r) => (r.sectionCode ?? '—') === code);
      addSheet(book, `Mục ${code}`, `${title}\n${code}. ${part[0]?.sectionTitle ?? ''}`, part);
    }
  } else addSheet(book, 'Nhiệm vụ', title, rows);
  await recordAudit(db, actor, { action: 'export', entityType: 'tasks_xlsx', entityId: q.directiveId ?? null, after: { rows: rows.length, filters: q, bySection: options.bySection } });
  return Buffer.from(await book.xlsx.writeBuffer());
}
