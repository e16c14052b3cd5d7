import { parseTarget } from '../domain/targets.ts';
import { splitAgencyList } from './agencies.ts';
import { foldSameLength, squeeze } from './normalise.ts';
import type { ParsedIndicator } from './types.ts';
import { excerpt, warning, type ImportWarning } from './warnings.ts';

/**
 * Indicator tables whose extraction lost the cell boundaries (PDF text without tabs): the header is one
 * line of words ("TT Chỉ tiêu Đơn vị Kết quả Đơn vị chủ trì"), each row starts with its number, the name
 * runs over several lines, the unit and the target stand together ("% 90", "% ≥ 30", "Người 1.200") and the
 * monitoring agency follows. Rows are recognised only when numbered in sequence (1, 2, 3 …), so a year or
 * a count at the start of a prose line cannot open a row.
 */

const fold = (line: string) => squeeze(foldSameLength(line.toLowerCase()));

function isFlatHeader(line: string): boolean {
  if (line.includes('\t')) return false;
  const f = fold(line);
  return /^(?:s|so\s*)?tt\.?\s+(?:ten\s+|noi dung\s+)?chi tieu\b/.test(f) && /\b(?:don vi|dvt|ket qua|muc tieu|gia tri)\b/.test(f.replace(/^\S+\s+\S+\s+\S+/, ''));
}

/** The end of the table: another part of the document begins. */
function endsTable(line: string): boolean {
  const f = fold(line);
  if (/^(?:phu luc|noi nhan|tm\.|kt\.|ubnd|uy ban)\b/.test(f)) return true;
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 12 && letters === letters.toUpperCase();
}

// Units written in such tables; the list is of words, so a number in a name ("Đề án 06") is not a target.
const UNITS = ['%', '‰', 'người', 'tổ chức', 'doanh nghiệp', 'sản phẩm', 'dịch vụ', 'hồ sơ', 'thủ tục', 'xã', 'đơn vị', 'cơ quan', 'hệ thống', 'ứng dụng', 'nền tảng', 'lượt', 'bài báo', 'sáng chế', 'tỷ đồng', 'triệu đồng', 'km', 'mbps', 'gbps', 'thứ bậc', 'thứ hạng', 'điểm', 'lần', 'cơ sở dữ liệu', 'cuộc', 'trạm', 'điểm truy cập'];
const UNIT_PATTERN = UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const UNIT_AND_TARGET = new RegExp(`(?:^|\\s)(${UNIT_PATTERN})\\s+((?:≥|≤|>|<|=|từ|trên|dưới|tối thiểu|tối đa)?\\s*\\d[\\d.,]*(?:\\s*[-–]\\s*\\d[\\d.,]*)?\\s*%?)(?=\\s|$)`, 'iu');

interface FlatRow {
  code: string;
  text: string;
  lines: number[];
}

export interface FlatIndicatorTables {
  indicators: ParsedIndicator[];
  /** Every line the tables occupy, so the prose reader leaves them alone. */
  lines: Set<number>;
  warnings: ImportWarning[];
}

function readRows(lines: readonly string[], headerLine: number): { rows: FlatRow[]; end: number } {
  const rows: FlatRow[] = [];
  let current: FlatRow | null = null;
  let trailing = 0; // lines after the last row's target: the monitor, then the end of the table
  let i = headerLine + 1;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    if (isFlatHeader(line)) continue; // repeated after a page break
    const expected: string = String(rows.length + (current ? 1 : 0) + 1);
    const start = new RegExp(`^${expected}\\.?(?:\\s+(.*))?$`, 'u').exec(line);
    if (start) {
      if (current) rows.push(current);
      current = { code: expected, text: start[1] ?? '', lines: [i] };
      trailing = 0;
      continue;
    }
    if (!current) {
      if (i - headerLine > 3) break; // no numbered row under the header: not a table
      continue;
    }
    if (endsTable(line)) break;
    if (UNIT_AND_TARGET.test(current.text)) {
      // After the target only the monitoring agency may follow, in a few short lines.
      if (++trailing > 4 || line.length > 60) break;
    }
    current.text = `${current.text} ${line}`.trim();
    current.lines.push(i);
  }
  if (current) rows.push(current);
  const last = rows[rows.length - 1]?.lines.at(-1) ?? headerLine;
  return { rows, end: Math.min(i, last + 1) };
}

export function readFlatIndicatorTables(lines: readonly string[], inOtherTable: (line: number) => boolean): FlatIndicatorTables {
  const result: FlatIndicatorTables = { indicators: [], lines: new Set(), warnings: [] };
  for (let h = 0; h < lines.length; h++) {
    if (inOtherTable(h) || !isFlatHeader(lines[h] ?? '')) continue;
    const { rows, end } = readRows(lines, h);
    if (!rows.length) continue;
    for (let l = h; l < end; l++) result.lines.add(l);
    for (const row of rows) {
      const where = `Phụ lục chỉ tiêu, dòng ${(row.lines[0] ?? 0) + 1}`;
      const match = UNIT_AND_TARGET.exec(row.text);
      if (!match || match.index === undefined) {
        result.warnings.push(warning('table_row_unrecognised', where, excerpt(`${row.code} ${row.text}`)));
        continue;
      }
      const name = squeeze(row.text.slice(0, match.index));
      const targetText = squeeze(match[2] ?? '');
      const target = parseTarget(targetText);
      result.indicators.push({
        code: row.code,
        parent: null,
        name,
        unit: match[1] ?? null,
        target: { ...target, text: targetText },
        horizonYear: null,
        monitors: splitAgencyList(squeeze(row.text.slice(match.index + match[0].length))),
      });
    }
    h = end - 1;
  }
  return result;
}
