/**
 * Every warning the text importer can give: a closed set of codes, each with its Vietnamese message,
 * so the preview can explain what to check and a missing message fails to compile.
 */
export const WARNING_CODES = [
  'no_tasks_found',
  'damaged_text',
  'text_repaired',
  'number_missing',
  'date_missing',
  'date_incomplete',
  'kind_unknown',
  'signer_missing',
  'word_repaired',
  'task_without_lead',
  'deadline_missing',
  'deadline_unparsed',
  'prose_task_not_in_appendix',
  'table_row_unrecognised',
  'table_line_orphan',
  'target_unparsed',
  'ordinal_repeated',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface ImportWarning {
  code: WarningCode;
  /** Vietnamese, for the coordinator. */
  message: string;
  /** Where in the document: "dòng 412", "Phụ lục, nhiệm vụ 25", "mục 4.d". */
  where: string;
}

type Detail = string | undefined;

const MESSAGES: Record<WarningCode, (detail: Detail) => string> = {
  no_tasks_found: () => 'Không tìm thấy nhiệm vụ hay chỉ tiêu nào trong văn bản; văn bản sẽ không được nhập.',
  damaged_text: (d) => `Văn bản trích xuất bị lỗi ký tự (chữ bị thay bằng &, 2, #, ', �…): ${d ?? ''}. Cần đối chiếu với bản gốc.`,
  text_repaired: (d) => `Đã sửa văn bản bị lỗi ký tự: ${d ?? ''}. Cần đối chiếu các từ đã sửa và các từ còn lỗi với bản gốc.`,
  number_missing: (d) => `Văn bản chưa ghi số${d ? ` (chỉ có ký hiệu ${d})` : ''}; cần bổ sung số văn bản.`,
  date_missing: () => 'Không tìm thấy ngày ban hành; thời hạn tương đối không tính được chính xác.',
  date_incomplete: (d) => `Ngày ban hành chưa ghi đủ (${d ?? ''}); cần bổ sung ngày.`,
  kind_unknown: () => 'Không xác định được loại văn bản (kế hoạch, thông báo, công văn…).',
  signer_missing: () => 'Không tìm thấy người ký.',
  word_repaired: (d) => `Đã sửa từ bị ngắt khi trích xuất: ${d ?? ''}.`,
  task_without_lead: (d) => `Nhiệm vụ không có cơ quan chủ trì${d ? `: ${d}` : ''}.`,
  deadline_missing: (d) => `Nhiệm vụ không ghi thời hạn${d ? `: ${d}` : ''}.`,
  deadline_unparsed: (d) => `Không hiểu được thời hạn «${d ?? ''}»; cần nhập lại.`,
  prose_task_not_in_appendix: (d) => `Nhiệm vụ trong phần nội dung không có trong phụ lục nên chưa được thêm: ${d ?? ''}`,
  table_row_unrecognised: (d) => `Không đọc được dòng bảng: ${d ?? ''}`,
  table_line_orphan: (d) => `Dòng tiếp nối của bảng không thuộc dòng nào: ${d ?? ''}`,
  target_unparsed: (d) => `Không hiểu được giá trị chỉ tiêu «${d ?? ''}».`,
  ordinal_repeated: (d) => `Số thứ tự nhiệm vụ bị lặp trong văn bản; nhiệm vụ lặp lại được đánh số ${d ?? ''}. Cần đối chiếu với bản gốc.`,
};

export function warning(code: WarningCode, where: string, detail?: string): ImportWarning {
  return { code, message: MESSAGES[code](detail), where };
}

/** "dòng 12" — lines are counted from 1 in the normalised text. */
export const atLine = (index: number): string => `dòng ${index + 1}`;

/** Shortens a long excerpt for a message. */
export function excerpt(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
