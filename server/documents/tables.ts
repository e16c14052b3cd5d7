import { type Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { SIZE, para } from './layout.ts';

/** Tables of the documents: bordered data tables with a repeated header row, and borderless layout grids. */

export interface Column {
  header: string;
  /** Relative width; the columns share the table's width in these proportions. */
  share: number;
  align?: 'left' | 'center' | 'right';
}

export type Cell = string | number | null | undefined;

/** Splits a width in twips by shares, the last column taking the rounding remainder. */
function split(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((s, x) => s + x, 0);
  const widths = shares.map((s) => Math.floor((total * s) / sum));
  widths[widths.length - 1] = total - widths.slice(0, -1).reduce((s, x) => s + x, 0);
  return widths;
}

const PADDING = { top: 40, bottom: 40, left: 60, right: 60 };

function cell(content: Paragraph[], width: number, span = 1): TableCell {
  return new TableCell({ children: content, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, margins: PADDING, ...(span > 1 ? { columnSpan: span } : {}) });
}

const text = (value: Cell) => (value === null || value === undefined ? '' : String(value));

/**
 * A data table at 12 pt: bold centred header repeated on every page, rows that do not split across pages.
 * An empty list gets one row saying so rather than a bare header.
 */
export function dataTable(columns: readonly Column[], rows: readonly (readonly Cell[])[], totalWidth: number, empty = 'Không có.'): Table {
  const widths = split(totalWidth, columns.map((c) => c.share));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell([para(c.header, { bold: true, align: 'center', size: SIZE.table })], widths[i] ?? 0)),
  });
  const body = rows.length
    ? rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((c, i) => cell([para(text(r[i]), { align: c.align ?? 'left', size: SIZE.table })], widths[i] ?? 0)),
          }),
      )
    : [new TableRow({ children: [cell([para(empty, { italics: true, align: 'center', size: SIZE.table })], totalWidth, columns.length)] })];
  return new Table({ rows: [header, ...body], width: { size: totalWidth, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED });
}

/** A borderless grid for laying blocks side by side (the letterhead, the recipients and the signature). */
export function layoutGrid(rows: readonly (readonly Paragraph[][])[], shares: readonly number[], totalWidth: number): Table {
  const widths = split(totalWidth, shares);
  return new Table({
    rows: rows.map((r) => new TableRow({ cantSplit: true, children: r.map((content, i) => new TableCell({ children: content, width: { size: widths[i] ?? 0, type: WidthType.DXA }, margins: { top: 0, bottom: 0, left: 40, right: 40 } })) })),
    width: { size: totalWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

export { split as splitWidth };
