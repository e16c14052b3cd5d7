import { cleanCellText } from './cell-text.ts';
import type { DocumentLexicon, Repair } from './document-lexicon.ts';
import { foldSameLength, squeeze } from './normalise.ts';

/**
 * Tables as text extraction leaves them: one row per line, cells separated by tabs, a header row
 * ("TT\tTên nhiệm vụ\t…") repeated after every page break, and a cell's text that did not fit
 * continued on the next line, which then starts with a tab (the empty first cell).
 */
export interface TableRow {
  cells: string[];
  /** Line indexes (0-based) the row was read from, continuation lines included. */
  lines: number[];
  /** The raw lines, for the task's source. */
  source: string;
  /** Words mended where a cell continued on the next line. */
  repairs: Repair[];
}

export interface TabTable {
  /** Folded header cells ("tt", "ten nhiem vu", "co quan chu tri" …). */
  header: string[];
  headerLine: number;
  /** Line index after the table's last line. */
  endLine: number;
  rows: TableRow[];
  /** Continuation lines with no row before them. */
  orphanLines: number[];
}

const foldCell = (cell: string) => squeeze(foldSameLength(cleanCellText(cell)));

/** A header row: at least three cells, the first numbering the rows ("TT", "STT", "Số TT"). */
function isHeaderLine(line: string): boolean {
  const cells = line.split('\t');
  return cells.length >= 3 && /^(?:s[oố]?\s*)?tt\.?$/.test(foldCell(cells[0] ?? '')) && cells.slice(1).some((c) => foldCell(c).length > 1);
}

interface RowBuilder {
  fragments: string[][];
  lines: number[];
  raw: string[];
}

function startRow(line: string, index: number): RowBuilder {
  return { fragments: line.split('\t').map((c) => [c]), lines: [index], raw: [line] };
}

function continueRow(row: RowBuilder, line: string, index: number): void {
  line.split('\t').forEach((cell, column) => {
    if (!cell.trim()) return;
    while (row.fragments.length <= column) row.fragments.push([]);
    row.fragments[column]?.push(cell);
  });
  row.lines.push(index);
  row.raw.push(line);
}

function finishRow(row: RowBuilder, lexicon: DocumentLexicon): TableRow {
  const repairs: Repair[] = [];
  const cells = row.fragments.map((fragments) => {
    let text = '';
    for (const fragment of fragments) {
      const joined = lexicon.joinContinuation(text, cleanCellText(fragment));
      text = joined.text;
      if (joined.repair) repairs.push(joined.repair);
    }
    return text;
  });
  return { cells, lines: row.lines, source: row.raw.join('\n'), repairs };
}

/** Finds every tab-separated table in the lines and reads its rows. */
export function readTabTables(lines: string[], lexicon: DocumentLexicon): TabTable[] {
  const tables: TabTable[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!isHeaderLine(line)) {
      i += 1;
      continue;
    }
    const header = line.split('\t').map(foldCell);
    const headerKey = header.join('|');
    const table: TabTable = { header, headerLine: i, endLine: i + 1, rows: [], orphanLines: [] };
    let current: RowBuilder | null = null;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const row = lines[j] ?? '';
      if (!row.trim()) continue;
      if (!row.includes('\t')) break;
      // The header repeated after a page break: skip it, the row before may continue below it.
      if (row.split('\t').map(foldCell).join('|') === headerKey) continue;
      // Another table's header: this table has ended.
      if (isHeaderLine(row)) break;
      if (/^\s*\t/.test(row) || !row.split('\t')[0]?.trim()) {
        if (current) continueRow(current, row, j);
        else table.orphanLines.push(j);
        continue;
      }
      if (current) table.rows.push(finishRow(current, lexicon));
      current = startRow(row, j);
    }
    if (current) table.rows.push(finishRow(current, lexicon));
    table.endLine = j;
    tables.push(table);
    i = j;
  }
  return tables;
}

/** The column whose folded header matches, or -1. */
export function findColumn(header: string[], test: (folded: string) => boolean): number {
  return header.findIndex(test);
}
