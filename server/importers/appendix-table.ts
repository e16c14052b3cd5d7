import { splitAgencyList } from './agencies.ts';
import { trimTrailingPunctuation } from './normalise.ts';
import { findColumn, type TabTable, type TableRow } from './tab-table.ts';
import { readGroupRow } from './table-groups.ts';
import type { ParsedSection } from './types.ts';
import { excerpt, warning, type ImportWarning } from './warnings.ts';

/**
 * The appendix that lists a plan's tasks: TT / Tên nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp /
 * Sản phẩm / Thời gian hoàn thành, grouped under rows "I", "II" … that name the sections.
 */
export interface AppendixTask {
  ordinal: string;
  section: string | null;
  title: string;
  leads: string[];
  coordinators: string[];
  product: string | null;
  deadlineText: string;
  source: string;
  line: number;
  repaired: boolean;
}

interface TaskColumns {
  ordinal: number;
  title: number;
  lead: number;
  coordinator: number;
  product: number;
  deadline: number;
}

/** Column positions when the header is a task table's, else null. */
export function taskColumns(header: string[]): TaskColumns | null {
  const title = findColumn(header, (h) => /nhiem vu|cong viec|noi dung|ten (?:de an|du an|san pham)/.test(h));
  const lead = findColumn(header, (h) => /chu tri|thuc hien chinh|don vi thuc hien/.test(h) && !/theo doi/.test(h));
  if (title < 0 || lead < 0 || findColumn(header, (h) => /^chi tieu$|ten chi tieu/.test(h)) >= 0) return null;
  return {
    ordinal: 0,
    title,
    lead,
    coordinator: findColumn(header, (h) => /phoi hop/.test(h)),
    product: findColumn(header, (h) => /san pham|ket qua/.test(h)),
    deadline: findColumn(header, (h) => /thoi gian|thoi han|tien do|han hoan thanh/.test(h)),
  };
}

const cell = (row: TableRow, column: number) => (column >= 0 ? (row.cells[column] ?? '').trim() : '');

const TASK_ORDINAL = /^(\d+(?:\.\d+)*|[a-zđ])[.)]?$/u;

/** "1 | Nhóm nhiệm vụ về thể chế | | |" followed by "1.1 …": a numbered row that only names the rows under it. */
function numberedGroup(first: string, title: string, otherCells: string[], nextOrdinal: string): { code: string; title: string } | null {
  const code = /^(\d+)\.?$/.exec(first)?.[1];
  if (!code || !title || otherCells.some((c) => c.length > 0) || !nextOrdinal.startsWith(`${code}.`) || /^\d+\.?$/.test(nextOrdinal)) return null;
  return { code, title };
}

export function readTaskTable(table: TabTable, columns: TaskColumns): { sections: ParsedSection[]; tasks: AppendixTask[]; warnings: ImportWarning[] } {
  const sections: ParsedSection[] = [];
  const tasks: AppendixTask[] = [];
  const warnings: ImportWarning[] = [];
  let section: string | null = null;
  /** Under a numbered group ("1" over "1.1", "1.2"), a row not numbered under it ("2") is outside the group. */
  let groupPrefix: string | null = null;
  table.rows.forEach((row, index) => {
    const first = cell(row, columns.ordinal);
    const where = `Phụ lục, dòng ${(row.lines[0] ?? 0) + 1}`;
    const otherCells = [columns.lead, columns.coordinator, columns.product, columns.deadline].map((c) => cell(row, c));
    const next = table.rows[index + 1];
    const group = readGroupRow(first, cell(row, columns.title), otherCells) ?? numberedGroup(first, cell(row, columns.title), otherCells, next ? cell(next, columns.ordinal) : '');
    if (group) {
      groupPrefix = /^\d+$/.test(group.code) ? `${group.code}.` : null;
      section = group.code;
      sections.push({ code: group.code, title: group.title });
      return;
    }
    const ordinal = TASK_ORDINAL.exec(first)?.[1];
    if (!ordinal) {
      warnings.push(warning('table_row_unrecognised', where, excerpt(row.cells.join(' | '))));
      return;
    }
    if (groupPrefix && !ordinal.startsWith(groupPrefix)) section = groupPrefix = null;
    const product = trimTrailingPunctuation(cell(row, columns.product));
    tasks.push({
      ordinal,
      section,
      title: cell(row, columns.title),
      leads: splitAgencyList(cell(row, columns.lead)),
      coordinators: splitAgencyList(cell(row, columns.coordinator)),
      product: product || null,
      deadlineText: trimTrailingPunctuation(cell(row, columns.deadline)),
      source: row.source,
      line: row.lines[0] ?? table.headerLine,
      repaired: row.repairs.length > 0,
    });
    for (const repair of row.repairs) warnings.push(warning('word_repaired', `Phụ lục, nhiệm vụ ${ordinal}`, `«${repair.from}» → «${repair.to}»`));
  });
  for (const line of table.orphanLines) warnings.push(warning('table_line_orphan', `Phụ lục, dòng ${line + 1}`, ''));
  return { sections, tasks, warnings };
}
