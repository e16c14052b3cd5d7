import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';

/**
 * Page setup and text builders of an administrative document in the format of Nghị định 30/2020/NĐ-CP
 * (Phụ lục I): A4, Times New Roman, margins top/bottom 20 mm, left 30 mm, right 15 mm. Every run names its
 * font and size itself so that the look does not depend on the reader's default style.
 */

export const FONT = 'Times New Roman';
/** Sizes in half-points (w:sz): body 14 pt, headings of the letterhead 13 pt, tables and "Nơi nhận" 12 pt. */
export const SIZE = { body: 28, header: 26, table: 24, note: 24 } as const;

const mm = (n: number) => Math.round((n * 1440) / 25.4);
export const PAGE = { width: 11906, height: 16838, margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } } as const;
/** Width available to text, in twips, on a portrait and on a landscape page. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.margin.left - PAGE.margin.right;
/** First-line indent of body paragraphs (1 cm) and the 6 pt space after them. */
const INDENT = mm(10);
const AFTER = 120;

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: style.size ?? SIZE.body,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.underline ? { underline: {} } : {}),
  });
}

export interface ParaOptions extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'justified';
  /** Indent the first line (body paragraphs). */
  indent?: boolean;
  before?: number;
  after?: number;
  keepNext?: boolean;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justified: AlignmentType.JUSTIFIED } as const;

/** One paragraph of one style; text or ready runs (for mixed bold and plain). */
export function para(content: string | TextRun[], o: ParaOptions = {}): Paragraph {
  return new Paragraph({
    children: typeof content === 'string' ? [run(content, o)] : content,
    alignment: ALIGN[o.align ?? 'left'],
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 276 },
    ...(o.indent ? { indent: { firstLine: INDENT } } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
  });
}

/** A body paragraph: justified, first line indented, 6 pt after. */
export const body = (content: string | TextRun[], style: RunStyle = {}) => para(content, { ...style, align: 'justified', indent: true, after: AFTER });
/** A heading of the body ("I. ĐÁNH GIÁ CHUNG", "1. Nhiệm vụ đã hoàn thành"): bold, kept with what follows. */
export const heading = (text: string, style: RunStyle = {}) => para(text, { bold: true, ...style, align: 'justified', indent: true, before: 120, after: AFTER, keepNext: true });
/** A dash item, as administrative texts list things. */
export const dash = (content: string | TextRun[]) => body(typeof content === 'string' ? `- ${content}` : [run('- '), ...content]);
/** Space between blocks. */
export const blank = (size: number = SIZE.body) => para('', { size });

/** A short centred rule under a heading, drawn as the bottom border of an indented empty paragraph. */
export function shortRule(ruleWidth: number, columnWidth: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - ruleWidth) / 2));
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    spacing: { before: 0, after, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

/** Page numbers centred at the top, from the second page on (NĐ 30: the first page carries none). */
function pageNumberHeaders() {
  const number = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.header })] });
  return { default: new Header({ children: [number] }), first: new Header({ children: [para('')] }) };
}

type Block = Paragraph | Table;

export function portraitSection(children: Block[]): ISectionOptions {
  return {
    properties: { titlePage: true, page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT }, margin: PAGE.margin } },
    headers: pageNumberHeaders(),
    children,
  };
}

/** A landscape section for wide appendix tables; page numbers continue. */
export function landscapeSection(children: Block[]): ISectionOptions {
  return {
    properties: { page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE }, margin: PAGE.margin } },
    headers: { default: pageNumberHeaders().default },
    children,
  };
}

export async function packDocument(title: string, sections: ISectionOptions[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'Năm Rõ',
    title,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections,
  });
  return Packer.toBuffer(doc);
}
