import type ExcelJS from 'exceljs';

/** What every workbook Năm Rõ writes shares: the font of state documents, the header band, thin borders. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const FONT = 'Times New Roman';
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** A `content-disposition` value that keeps a Vietnamese file name intact. */
export const attachment = (filename: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** Excel refuses sheet names over 31 characters or with \ / ? * [ ] : in them. */
export const sheetName = (name: string): string => name.slice(0, 31).replace(/[\\/?*[\]:]/g, '-');

export const solidFill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Row 1: the title merged across every column; row 2: the column headers, bold, centred, shaded. */
export function writeTitleAndHeader(sheet: ExcelJS.Worksheet, title: string, headers: readonly string[]): void {
  sheet.mergeCells(1, 1, 1, headers.length);
  const heading = sheet.getCell(1, 1);
  heading.value = title;
  heading.font = { name: FONT, size: 13, bold: true };
  heading.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 36;
  const header = sheet.getRow(2);
  headers.forEach((h, i) => (header.getCell(i + 1).value = h));
  header.font = { name: FONT, size: 12, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

/** Body rows in the document font, wrapped, top-aligned. */
export function styleBodyRow(row: ExcelJS.Row): void {
  row.font = { name: FONT, size: 12 };
  row.alignment = { vertical: 'top', wrapText: true };
}

/** Thin borders on the header and every body cell; filters on the header row. */
export function finishTable(sheet: ExcelJS.Worksheet, columns: number): void {
  sheet.eachRow((row, n) => {
    if (n < 2) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = THIN;
    });
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns } };
}
