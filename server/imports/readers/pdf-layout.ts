/**
 * Rebuilds the text of a PDF from positioned text items (as pdfjs gives them): lines from baselines,
 * paragraphs from wrapped lines, and tables from the layout — the columns are found from a table's
 * header row ("TT" / "STT" … "Tên nhiệm vụ" / "Chỉ tiêu" …) and every line of the table is written as
 * tab-separated cells placed by the columns' x-ranges, a cell continued on the next line giving a line
 * led by a tab for each empty leading cell: the shape the text importer (importers/tab-table.ts) reads.
 * Pure: no pdfjs, no I/O.
 */

/** One run of text on a page, in PDF user space (y grows upwards; x, y is the start of the baseline). */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  /** Advance width of the run. */
  width: number;
  /** Font size (height of the glyphs). */
  size: number;
}

export interface PageText {
  items: PositionedText[];
}

interface Item {
  str: string;
  x: number;
  end: number;
}

interface Line {
  y: number;
  size: number;
  items: Item[];
  x: number;
  end: number;
  text: string;
}

interface Chunk {
  x: number;
  end: number;
  text: string;
}

/** Baselines closer than this fraction of the font size are the same line. */
const SAME_LINE = 0.45;
/** A gap wider than this fraction of the font size is a space between words. */
const WORD_GAP = 0.15;
/** A gap wider than this fraction of the font size separates two cells. */
const CELL_GAP = 0.6;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

function joinItems(items: Item[], size: number): string {
  let text = '';
  let previous: Item | null = null;
  for (const item of items) {
    if (previous && item.x - previous.end > WORD_GAP * size && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
    text += item.str;
    previous = item;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Joins a cell's wrapped line to the text above it ("03/NQ-" + "CP" without a space). */
function joinWrapped(before: string, after: string): string {
  if (!before) return after;
  return before + (/\S-$/.test(before) && /^\p{L}/u.test(after) ? '' : ' ') + after;
}

/** Groups a page's runs into lines, top to bottom, each ordered left to right. */
export function buildLines(page: PageText): Line[] {
  const items = page.items
    .filter((i) => i.str.trim() && Number.isFinite(i.x) && Number.isFinite(i.y) && i.size > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  let group: PositionedText[] = [];
  const flush = () => {
    if (!group.length) return;
    const size = Math.max(...group.map((g) => g.size));
    const sorted = group.map((g) => ({ str: g.str, x: g.x, end: g.x + Math.max(0, g.width) })).sort((a, b) => a.x - b.x);
    const y = group[0]?.y ?? 0;
    lines.push({ y, size, items: sorted, x: sorted[0]?.x ?? 0, end: Math.max(...sorted.map((s) => s.end)), text: joinItems(sorted, size) });
    group = [];
  };
  for (const item of items) {
    const first = group[0];
    if (first && Math.abs(first.y - item.y) > SAME_LINE * Math.min(first.size, item.size)) flush();
    group.push(item);
  }
  flush();
  return lines.filter((l) => l.text);
}

/** Splits a line into cells' worth of text: runs separated by a wide gap, or by a column start. */
function chunksOf(line: Line, columnStarts: number[] = []): Chunk[] {
  const chunks: { x: number; end: number; items: Item[] }[] = [];
  for (const item of line.items) {
    const current = chunks[chunks.length - 1];
    const gap = current ? item.x - current.end : Infinity;
    const crossesColumn = current !== undefined && columnStarts.some((s) => current.end <= s + 0.5 && item.x >= s - 0.5);
    if (!current || gap > CELL_GAP * line.size || (crossesColumn && gap > WORD_GAP * line.size)) {
      chunks.push({ x: item.x, end: item.end, items: [item] });
    } else {
      current.items.push(item);
      current.end = Math.max(current.end, item.end);
    }
  }
  return chunks.map((c) => ({ x: c.x, end: c.end, text: joinItems(c.items, line.size) })).filter((c) => c.text);
}

const ORDINAL_HEADER = /^(?:s[o]?\s*)?tt\.?$/;

/** A table header: a numbering column ("TT", "STT", "Số TT") then at least two more headed columns. */
function headerChunks(line: Line): Chunk[] | null {
  const chunks = chunksOf(line);
  if (chunks.length < 3) return null;
  if (!ORDINAL_HEADER.test(fold(chunks[0]?.text ?? ''))) return null;
  if (chunks.some((c) => c.text.length > 80)) return null;
  return chunks;
}

interface Table {
  /** Left edge of each column; the last column runs to the right edge of the page. */
  starts: number[];
  /** Where each header cell's text ended: a header cell ending near its column's edge wrapped. */
  headerEnds: number[];
  /** The header's cells, merged with the header's wrapped lines. */
  header: string[];
  size: number;
}

function columnOf(table: Table, x: number): number {
  const tolerance = 0.3 * table.size;
  let column = 0;
  table.starts.forEach((start, k) => {
    if (x >= start - tolerance) column = k;
  });
  return column;
}

/** The cells of a line if it belongs to the table, or null when the line is not laid out in its columns. */
function tableCells(table: Table, line: Line, previous: Line | null): string[] | null {
  const chunks = chunksOf(line, table.starts);
  const cells: string[][] = table.starts.map(() => []);
  const tolerance = 0.5 * table.size;
  let fits = true;
  for (const chunk of chunks) {
    const k = columnOf(table, chunk.x);
    const next = table.starts[k + 1];
    if (next !== undefined && chunk.end > next + tolerance) fits = false;
    cells[k]?.push(chunk.text);
  }
  if (!fits) {
    // A row merged across the table ("II Đến năm 2045"): a group heading led by its numbering, right below a row.
    const first = chunks[0];
    const close = previous !== null && previous.y - line.y <= 2.2 * Math.max(previous.size, line.size);
    const numbered = first !== undefined && /^(?:[IVXLC]+|\d+(?:\.\d+)*\.?)\s+\S/.test(first.text) && columnOf(table, first.x) === 0;
    if (!close || !numbered || chunks.length > 1) return null;
  }
  return cells.map((c) => c.join(' '));
}

/** Whether the next line continues the header: its text lies under header cells that filled their column. */
function continuesHeader(table: Table, line: Line, previous: Line, right: number): boolean {
  if (previous.y - line.y > 1.6 * Math.max(previous.size, line.size)) return false;
  const chunks = chunksOf(line, table.starts);
  if (!chunks.length) return false;
  return chunks.every((chunk) => {
    const k = columnOf(table, chunk.x);
    const start = table.starts[k] ?? 0;
    const next = table.starts[k + 1];
    const headerEnd = table.headerEnds[k] ?? start;
    if (k === 0 || headerEnd <= start) return false;
    // The header cell's last line reached close to its column's right edge (the last column ends at the text's right edge).
    const width = (next ?? Math.max(right, headerEnd, chunk.end)) - start;
    return headerEnd - start >= 0.6 * width;
  });
}

/**
 * The document's text: prose lines with wrapped paragraphs joined, tables as tab-separated lines.
 * A table carries on across pages while the lines keep to its columns.
 */
export function layoutText(pages: PageText[]): string {
  const out: string[] = [];
  let table: Table | null = null;
  let headerOpen = false;
  let previousTableLine: Line | null = null;
  /**
   * The table row being written, so that its cells' wrapped lines join it. After a header (the header
   * repeated on a new page) a continued row is written as the importer reads it: a line led by a tab
   * for each empty leading cell.
   */
  let row: string[] | null = null;
  /** The last prose line written and its page's right text edge, to join a wrapped paragraph. */
  let prose: { line: Line; right: number } | null = null;

  for (const page of pages) {
    const lines = buildLines(page);
    const right = Math.max(0, ...lines.map((l) => l.end));
    let previous: Line | null = null;
    for (const line of lines) {
      const gap = previous ? previous.y - line.y : 0;
      const header = headerChunks(line);
      if (header) {
        table = {
          starts: header.map((c) => c.x),
          headerEnds: header.map((c) => c.end),
          header: header.map((c) => c.text),
          size: line.size,
        };
        headerOpen = true;
        row = null;
        out.push(table.header.join('\t'));
        previousTableLine = line;
        previous = line;
        prose = null;
        continue;
      }
      if (table && headerOpen && previousTableLine && continuesHeader(table, line, previousTableLine, right)) {
        for (const chunk of chunksOf(line, table.starts)) {
          const k = columnOf(table, chunk.x);
          table.header[k] = `${table.header[k] ?? ''} ${chunk.text}`.trim();
          table.headerEnds[k] = chunk.end;
        }
        out[out.length - 1] = table.header.join('\t');
        previousTableLine = line;
        previous = line;
        continue;
      }
      headerOpen = false;
      if (table) {
        const cells = tableCells(table, line, previous ?? null);
        if (cells) {
          if (row && !cells[0]) {
            // A cell wrapped onto the next line: the same row, written on one line.
            cells.forEach((cell, k) => {
              if (cell) row?.splice(k, 1, joinWrapped(row[k] ?? '', cell));
            });
            out[out.length - 1] = row.join('\t');
          } else {
            row = cells;
            out.push(cells.join('\t'));
          }
          previousTableLine = line;
          previous = line;
          continue;
        }
        table = null;
        row = null;
        out.push('');
      }
      // Prose: a line continues the paragraph above when that one ran to the right edge and this one is not indented further.
      const joins =
        prose !== null &&
        (previous === null ? prose.line.end >= prose.right - 4 * prose.line.size : gap <= 1.6 * Math.max(line.size, prose.line.size)) &&
        prose.line.end >= prose.right - 4 * prose.line.size &&
        line.x <= prose.line.x + 1.5 * line.size &&
        !/^(?:[-–•+*]|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVXLC]+\.)\s/u.test(line.text);
      if (joins && prose) {
        const last = out[out.length - 1] ?? '';
        const glue = /\S-$/.test(last) && /^\p{L}/u.test(line.text) ? '' : ' ';
        out[out.length - 1] = last + glue + line.text;
      } else {
        if (previous && gap > 1.6 * Math.max(line.size, previous.size) && out[out.length - 1] !== '') out.push('');
        out.push(line.text);
      }
      prose = { line, right };
      previous = line;
    }
    // A page break: a paragraph may continue on the next page, a table too.
    previousTableLine = null;
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
