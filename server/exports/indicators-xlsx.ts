import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import type { IndicatorColour, TargetShape } from '../domain/indicator-progress.ts';
import { findDirective } from '../directives/service.ts';
import { listIndicators } from '../indicators/service.ts';
import { FONT, finishTable, solidFill, styleBodyRow, writeTitleAndHeader } from './xlsx-common.ts';

/** How the colour of an indicator reads in the workbook: a Vietnamese label on the colour's fill. */
export const COLOUR_LABELS: Record<IndicatorColour, { label: string; fill: string; font: string }> = {
  green: { label: 'Đạt mục tiêu', fill: 'FFC6EFCE', font: 'FF006100' },
  orange: { label: 'Gần đạt mục tiêu', fill: 'FFFCD5B4', font: 'FF974706' },
  red: { label: 'Còn xa mục tiêu', fill: 'FFFFC7CE', font: 'FF9C0006' },
  grey: { label: 'Chưa đánh giá', fill: 'FFD9D9D9', font: 'FF404040' },
};

export const UNVERIFIED_NOTE = 'Số liệu chưa được cơ quan theo dõi văn bản xác nhận';

const FIXED = [
  { header: 'TT', width: 8 },
  { header: 'Tên chỉ tiêu', width: 50 },
  { header: 'Đơn vị tính', width: 12 },
  { header: 'Mục tiêu', width: 26 },
  { header: 'Năm đạt mục tiêu', width: 11 },
  { header: 'Cơ quan theo dõi', width: 26 },
] as const;
const TRAILING = [
  { header: 'Giá trị mới nhất', width: 14 },
  { header: 'Mức đạt so với mục tiêu (%)', width: 14 },
  { header: 'Đánh giá', width: 18 },
] as const;

const ROMAN = ['I', 'II', 'III', 'IV'];

/** A period label as Vietnamese reports write it: Tháng 5/2025, Quý II/2025, 6 tháng đầu năm 2025. */
export function periodHeading(label: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) return `Tháng ${Number(month[2])}/${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return `Quý ${ROMAN[Number(quarter[2]) - 1]}/${quarter[1]}`;
  const half = /^(\d{4})-H([12])$/.exec(label);
  if (half) return `6 tháng ${half[2] === '1' ? 'đầu' : 'cuối'} năm ${half[1]}`;
  return label;
}

/**
 * How much of the target the value reaches, in per cent, read the way the target reads (a ceiling is met at or
 * below it; a rank counts from the top). Null when the target has no number or the value is not a number.
 */
export function attainment(target: TargetShape, actual: number | null): number | null {
  const t = target.value;
  if (actual === null || t === null || !Number.isFinite(actual)) return null;
  const round = (x: number) => Math.round(x * 10) / 10;
  switch (target.operator) {
    case 'gte':
    case 'gt':
    case 'eq':
      return t > 0 ? round((actual / t) * 100) : null;
    case 'lte':
    case 'lt':
    case 'rank':
      if (actual <= t) return 100;
      return actual > 0 ? round((t / actual) * 100) : null;
    case 'range': {
      const max = target.valueMax ?? t;
      if (actual >= t && actual <= max) return 100;
      if (actual < t) return t > 0 ? round((actual / t) * 100) : null;
      return actual > 0 ? round((max / actual) * 100) : null;
    }
    default:
      return null;
  }
}

const numberFormat = (n: number) => (Number.isInteger(n) ? '#,##0' : '#,##0.0##');

interface ValueLike {
  valueNumber: number | null;
  valueText: string | null;
  state: string;
}

/** A value cell: the number with its format (text when the value is a description); italic with a note when unverified. */
function writeValue(cell: ExcelJS.Cell, value: ValueLike | null | undefined): void {
  if (!value) return;
  if (value.valueNumber !== null) {
    cell.value = value.valueNumber;
    cell.numFmt = numberFormat(value.valueNumber);
  } else cell.value = value.valueText;
  if (value.state !== 'verified') {
    cell.font = { name: FONT, size: 12, italic: true, color: { argb: 'FF7F6000' } };
    cell.note = UNVERIFIED_NOTE;
  }
}

/** The indicators of a directive as an Excel workbook: targets, one column per period, the latest value and its colour. */
export async function exportIndicatorsXlsx(db: Kysely<Database>, actor: Actor, directiveId: number): Promise<Buffer> {
  const directive = await findDirective(db, directiveId);
  const indicators = await listIndicators(db, directiveId);
  const usedLabels = new Set(indicators.flatMap((i) => i.history.map((h) => h.period)));
  const periods = usedLabels.size
    ? (await db.selectFrom('reporting_periods').select(['label', 'starts_on']).where('directive_id', '=', directiveId).where('label', 'in', [...usedLabels]).orderBy('starts_on').orderBy('label').execute())
        .map((p) => p.label)
        .filter((label, i, all) => all.indexOf(label) === i)
    : [];
  const headers = [...FIXED.map((c) => c.header), ...periods.map(periodHeading), ...TRAILING.map((c) => c.header)];

  const book = new ExcelJS.Workbook();
  book.creator = 'Năm Rõ';
  book.created = new Date();
  const sheet = book.addWorksheet('Chỉ tiêu', { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
  sheet.columns = [...FIXED.map((c) => ({ width: c.width })), ...periods.map(() => ({ width: 13 })), ...TRAILING.map((c) => ({ width: c.width }))];
  writeTitleAndHeader(sheet, `THEO DÕI CHỈ TIÊU — ${directive.number}`, headers);
  const first = FIXED.length + 1;
  const latestCol = first + periods.length;

  for (const i of indicators) {
    const row = sheet.addRow([i.code, i.name, i.unit, i.target.text, i.horizonYear, i.monitors.map((m) => m.name).join('; ')]);
    styleBodyRow(row);
    if (i.parentId !== null) row.getCell(2).alignment = { vertical: 'top', wrapText: true, indent: 1 };
    if (i.horizonYear !== null) row.getCell(5).numFmt = '0';
    periods.forEach((label, k) => writeValue(row.getCell(first + k), i.history.find((h) => h.period === label)));
    writeValue(row.getCell(latestCol), i.latest);
    const reached = attainment(i.target, i.latest?.valueNumber ?? null);
    if (reached !== null) {
      row.getCell(latestCol + 1).value = reached;
      row.getCell(latestCol + 1).numFmt = '0.0';
    }
    const colour = COLOUR_LABELS[i.colour];
    const judged = row.getCell(latestCol + 2);
    judged.value = colour.label;
    judged.fill = solidFill(colour.fill);
    judged.font = { name: FONT, size: 12, bold: true, color: { argb: colour.font } };
  }
  finishTable(sheet, headers.length);
  if (indicators.some((i) => i.history.some((h) => h.state !== 'verified'))) {
    const legend = sheet.getCell(sheet.rowCount + 2, 1);
    legend.value = `Số in nghiêng: ${UNVERIFIED_NOTE.toLowerCase()}.`;
    legend.font = { name: FONT, size: 11, italic: true };
  }
  await recordAudit(db, actor, { action: 'export', entityType: 'indicators_xlsx', entityId: directiveId, after: { rows: indicators.length, periods } });
  return Buffer.from(await book.xlsx.writeBuffer());
}
