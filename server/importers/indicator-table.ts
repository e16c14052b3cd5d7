import { parseTarget } from '../domain/targets.ts';
import { splitAgencyList } from './agencies.ts';
import { squeeze } from './normalise.ts';
import { findColumn, type TabTable, type TableRow } from './tab-table.ts';
import { horizonYear, readGroupRow } from './table-groups.ts';
import type { ParsedIndicator } from './types.ts';
import { excerpt, warning, type ImportWarning } from './warnings.ts';

/**
 * The indicator table: TT / Chỉ tiêu / Đơn vị / Kết quả (Mục tiêu) / Cơ quan theo dõi, with group rows
 * "I Đến năm 2030" giving the horizon and sub-codes 7.1 … 7.12 under 7.
 */
interface IndicatorColumns {
  code: number;
  name: number;
  unit: number;
  target: number;
  monitor: number;
  /** "Mục tiêu đến năm 2030" in the header gives every row that horizon. */
  headerYear: number | null;
}

export function indicatorColumns(header: string[]): IndicatorColumns | null {
  const name = findColumn(header, (h) => /^(?:ten )?chi tieu(?: chu yeu| cu the)?$|^noi dung(?: chi tieu)?$/.test(h));
  if (name < 0) return null;
  const target = findColumn(header, (h) => /ket qua|muc tieu|gia tri|chi tieu .*\d{4}|ke hoach/.test(h));
  const unit = findColumn(header, (h) => /^don vi(?: tinh)?$|^dvt$/.test(h));
  const monitor = findColumn(header, (h) => /theo doi|chu tri|co quan|don vi (?:thuc hien|danh gia|phu trach)/.test(h) && !/^don vi(?: tinh)?$/.test(h));
  if (target < 0 && unit < 0) return null;
  return { code: 0, name, unit, target, monitor, headerYear: target >= 0 ? horizonYear(header[target] ?? '') : null };
}

const cell = (row: TableRow, column: number) => (column >= 0 ? squeeze(row.cells[column] ?? '') : '');
const CODE = /^(\d+(?:\.\d+)*)\.?$/;

export function readIndicatorTable(table: TabTable, columns: IndicatorColumns): { indicators: ParsedIndicator[]; warnings: ImportWarning[] } {
  const indicators: ParsedIndicator[] = [];
  const warnings: ImportWarning[] = [];
  const used = new Set<string>();
  let year = columns.headerYear;
  /** Codes of a later group that restart at 1 get the group's year (or numeral) in front: "2045.1". */
  let prefix = '';
  let groupKey = '';
  let groupStarted = false;
  for (const row of table.rows) {
    const first = cell(row, columns.code);
    const where = `Phụ lục chỉ tiêu, dòng ${(row.lines[0] ?? 0) + 1}`;
    const group = readGroupRow(first, cell(row, columns.name), [columns.unit, columns.target, columns.monitor].map((c) => cell(row, c)));
    if (group) {
      year = group.year ?? year;
      groupKey = group.year ? String(group.year) : group.code;
      prefix = '';
      groupStarted = true;
      continue;
    }
    const code = CODE.exec(first)?.[1];
    if (!code) {
      warnings.push(warning('table_row_unrecognised', where, excerpt(row.cells.join(' | '))));
      continue;
    }
    if (groupStarted && used.has(code)) prefix = `${groupKey}.`;
    groupStarted = false;
    const fullCode = prefix + code;
    used.add(fullCode);
    const parentCode = code.includes('.') ? prefix + code.slice(0, code.lastIndexOf('.')) : null;
    const targetText = cell(row, columns.target);
    const target = parseTarget(targetText);
    if (targetText && target.operator === 'qualitative' && /\d/.test(targetText)) warnings.push(warning('target_unparsed', where, targetText));
    indicators.push({
      code: fullCode,
      parent: parentCode && used.has(parentCode) ? parentCode : null,
      name: cell(row, columns.name),
      unit: cell(row, columns.unit) || null,
      target: { ...target, text: targetText },
      horizonYear: year,
      monitors: splitAgencyList(cell(row, columns.monitor)),
    });
    for (const repair of row.repairs) warnings.push(warning('word_repaired', `Chỉ tiêu ${fullCode}`, `«${repair.from}» → «${repair.to}»`));
  }
  return { indicators, warnings };
}
